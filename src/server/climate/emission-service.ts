import { GASES, type Gas } from '../../core/climate/types';
import type { Actor } from '../../core/roles';
import type { AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { notFound } from '../http/problem';
import type { Store } from '../store';
import { attributionLabelsFor } from '../users/attribution';
import {
  editableGovernment,
  editableGovernmentBySlug,
  governmentById,
  governmentOrThrow,
} from './access';
import { presentReport } from './present';
import type { ReportRow } from './repository';
import type { EmissionReport, EmissionReportCreate } from './schemas';
import { seriesOfGovernments } from './series';
import { recordVersionedWrite } from './versions';

/** Emission reports (totals reported elsewhere) and a government's emissions by year. */

/** Gases as reports store them ("CO2, CH4, N2O", in Accord's order), as imports write them. */
function gasesText(gases: readonly Gas[] | null | undefined): string | null {
  if (!gases || gases.length === 0) return null;
  return GASES.filter((g) => gases.includes(g)).join(', ');
}

/** Who entered a report by hand: the label the provenance keeps (a user's e-mail). */
export function enteredByOf(report: { provenance: Record<string, unknown> }): string | null {
  return typeof report.provenance.enteredBy === 'string' ? report.provenance.enteredBy : null;
}

/** The report with who entered it shown by `shown` (src/server/users/attribution.ts). */
export function withEnteredByShown<T extends { provenance: Record<string, unknown> }>(
  report: T,
  shown: (label: string) => string,
): T {
  const by = enteredByOf(report);
  return by === null
    ? report
    : { ...report, provenance: { ...report.provenance, enteredBy: shown(by) } };
}

/** The report as the viewer may read it: the versions keep the label, answers show this. */
async function attributed(
  store: Store,
  viewer: Actor | null,
  report: EmissionReport,
): Promise<EmissionReport> {
  const by = enteredByOf(report);
  return withEnteredByShown(report, await attributionLabelsFor(store, viewer, by ? [by] : []));
}

export async function emissionsOf(store: Store, viewer: Actor | null, slug: string) {
  const gov = await governmentOrThrow(store, slug);
  const series = await seriesOfGovernments(store, [gov]);
  const years = series.get(gov.id) ?? [];
  const shown = await attributionLabelsFor(
    store,
    viewer,
    years.flatMap((y) => y.reports.flatMap((r) => enteredByOf(presentReport(r, slug)) ?? [])),
  );
  return {
    governmentSlug: slug,
    years: years.map((y) => ({
      year: y.year,
      value: y.value,
      source: y.source,
      basis: y.basis,
      reportId: y.reportId,
      coverage: y.coverage,
      inventory: y.inventory,
      reports: y.reports.map((r) => withEnteredByShown(presentReport(r, slug), shown)),
    })),
  };
}

async function loadReport(store: Store, id: number): Promise<EmissionReport> {
  const row = await store.climate.findReport(id);
  if (!row) throw notFound('emission-report', `no emission report ${id}`);
  const gov = await governmentById(store, row.government_id);
  return presentReport(row, gov.slug);
}

export async function createReport(
  store: Store,
  actor: AuditActor,
  slug: string,
  input: EmissionReportCreate,
): Promise<EmissionReport> {
  const created = await store.transaction(async (tx) => {
    const gov = await editableGovernmentBySlug(tx, actor, slug);
    const now = nowIso();
    const id = await tx.climate.insertReport({
      government_id: gov.id,
      year: input.year,
      source: input.source,
      source_label: input.sourceLabel,
      period_start: input.periodStart ?? null,
      period_end: input.periodEnd ?? null,
      scope1: input.scope1 ?? null,
      scope2: input.scope2 ?? null,
      scope3: input.scope3 ?? null,
      basic: input.basic ?? null,
      basic_plus: input.basicPlus ?? null,
      total: input.total ?? null,
      total_coverage: input.totalCoverage ?? null,
      gases: gasesText(input.gases),
      protocol: input.protocol ?? null,
      boundary: input.boundary ?? null,
      report_year: input.reportYear ?? null,
      dataset: null,
      preferred: input.preferred ? 1 : 0,
      provenance: JSON.stringify({ enteredBy: actor.label, enteredAt: now }),
      version: 1,
      created_at: now,
      updated_at: now,
    });
    if (input.preferred) await tx.climate.clearPreferred(gov.id, input.year, id);
    const report = await loadReport(tx, id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'emission-report', id, version: 1, change: 'create', snapshot: report }],
      { summary: `${slug}: ${input.sourceLabel} ${input.year} added`, after: report },
    );
    return report;
  });
  return attributed(store, actor, created);
}

export async function updateReport(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: Partial<EmissionReportCreate>,
  change: 'update' | 'restore' = 'update',
  expected?: ExpectedVersions,
): Promise<EmissionReport> {
  const updated = await store.transaction(async (tx) => {
    const seen = await tx.climate.findReport(id);
    if (!seen) throw notFound('emission-report', `no emission report ${id}`);
    const gov = await editableGovernment(tx, actor, seen.government_id);
    // Concurrent changes of the report queue here; each then reads what the one before wrote.
    const version = claimedVersion(await tx.climate.claimReportVersion(id, expected));
    const row = await tx.climate.findReport(id);
    if (!row) throw notFound('emission-report', `no emission report ${id}`);
    const before = presentReport({ ...row, version: version - 1 }, gov.slug);
    const v: Partial<Omit<ReportRow, 'id'>> = { updated_at: nowIso() };
    if (patch.year !== undefined) v.year = patch.year;
    if (patch.source !== undefined) v.source = patch.source;
    if (patch.sourceLabel !== undefined) v.source_label = patch.sourceLabel;
    if (patch.periodStart !== undefined) v.period_start = patch.periodStart;
    if (patch.periodEnd !== undefined) v.period_end = patch.periodEnd;
    if (patch.scope1 !== undefined) v.scope1 = patch.scope1;
    if (patch.scope2 !== undefined) v.scope2 = patch.scope2;
    if (patch.scope3 !== undefined) v.scope3 = patch.scope3;
    if (patch.basic !== undefined) v.basic = patch.basic;
    if (patch.basicPlus !== undefined) v.basic_plus = patch.basicPlus;
    if (patch.total !== undefined) v.total = patch.total;
    if (patch.totalCoverage !== undefined) v.total_coverage = patch.totalCoverage;
    if (patch.gases !== undefined) v.gases = gasesText(patch.gases);
    if (patch.protocol !== undefined) v.protocol = patch.protocol;
    if (patch.boundary !== undefined) v.boundary = patch.boundary;
    if (patch.reportYear !== undefined) v.report_year = patch.reportYear;
    if (patch.preferred !== undefined) v.preferred = patch.preferred ? 1 : 0;
    await tx.climate.updateReport(id, v);
    if (patch.preferred) await tx.climate.clearPreferred(gov.id, patch.year ?? row.year, id);
    const after = await loadReport(tx, id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'emission-report', id, version, change, snapshot: after }],
      {
        summary: `${gov.slug}: ${after.sourceLabel} ${after.year} ${change === 'restore' ? 'restored' : 'changed'}`,
        before,
        after,
      },
    );
    return after;
  });
  return attributed(store, actor, updated);
}

export async function deleteReport(store: Store, actor: AuditActor, id: number): Promise<void> {
  await store.transaction(async (tx) => {
    const row = await tx.climate.findReport(id);
    if (!row) throw notFound('emission-report', `no emission report ${id}`);
    const gov = await editableGovernment(tx, actor, row.government_id);
    const version = claimedVersion(await tx.climate.claimReportVersion(id));
    await tx.climate.deleteReport(id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'emission-report', id, version, change: 'delete', snapshot: null }],
      {
        summary: `${gov.slug}: ${row.source_label} ${row.year} deleted`,
        before: presentReport(row, gov.slug),
      },
    );
  });
}
