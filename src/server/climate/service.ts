import { assessTarget } from '../../core/climate/assess';
import { inventoryTotals, validateEntries } from '../../core/climate/inventory';
import { headlineTarget, summarizeNetwork, type NetworkEntry } from '../../core/climate/summary';
import type {
  EmissionsObservation,
  EntryGas,
  GwpSet,
  NotationKey,
  TargetDefinition,
} from '../../core/climate/types';
import { canEditGovernment } from '../../core/roles';
import type { AuditActor } from '../audit/service';
import type { Db } from '../db/database';
import { nowIso, type Executor } from '../db/types';
import { forbidden, HttpProblem, invalidField, notFound } from '../http/problem';
import { namesOfRegion } from '../members/repository';
import { attachStore, legacyStore } from '../store';
import { listVersions, recordChange, type VersionedEntity } from './history';
import * as repo from './repository';
import type {
  ActionRow,
  GovernmentRef,
  InventoryRow,
  ReportFigureRow,
  ReportRow,
  TargetRow,
} from './repository';
import type {
  Action,
  ActionCreate,
  ActionPatch,
  Assessment,
  EmissionReport,
  EmissionReportCreate,
  Inventory,
  InventoryCreate,
  InventoryPatch,
  Target,
  TargetCreate,
  TargetPatch,
} from './schemas';

const json = <T>(text: string | null, fallback: T): T =>
  text ? (JSON.parse(text) as T) : fallback;
const currentYear = () => new Date().getUTCFullYear();

// ---------------------------------------------------------------------------------------------
// Emissions series: one value per year, from the member's own inventory or a reported source.

type InventoryLite = Pick<
  InventoryRow,
  'id' | 'government_id' | 'year' | 'basic_total' | 'basic_plus_total' | 'is_illustrative'
>;

export interface SeriesYear<R extends ReportFigureRow = ReportRow> {
  year: number;
  value: number | null;
  source: string | null;
  inventory: { id: number; basic: number; basicPlus: number; isIllustrative: boolean } | null;
  /** Stored rows; presented only where a page shows them (dashboards need just the value). */
  reports: R[];
}

/** What a reported total contributes: BASIC if given, else the total, else scope 1 + scope 2. */
export function reportFigure(
  r: Pick<ReportRow, 'basic' | 'total' | 'scope1' | 'scope2'>,
): number | null {
  if (r.basic !== null) return r.basic;
  if (r.total !== null) return r.total;
  if (r.scope1 !== null && r.scope2 !== null) return r.scope1 + r.scope2;
  return null;
}

function presentReport(r: ReportRow, slug: string): EmissionReport {
  return {
    id: r.id,
    governmentSlug: slug,
    year: r.year,
    source: r.source,
    sourceLabel: r.source_label,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    scope1: r.scope1,
    scope2: r.scope2,
    scope3: r.scope3,
    basic: r.basic,
    basicPlus: r.basic_plus,
    total: r.total,
    gases: r.gases,
    protocol: r.protocol,
    boundary: r.boundary,
    preferred: r.preferred === 1,
    provenance: json<Record<string, unknown>>(r.provenance, {}),
    version: r.version,
  };
}

/**
 * The year's figure: a report marked preferred wins; else the member's own inventory (BASIC);
 * else the first report with a figure. Never a silent mix: the source is always named.
 */
export function buildSeries<R extends ReportFigureRow>(
  inventories: InventoryLite[],
  reports: R[],
): SeriesYear<R>[] {
  const years = new Map<number, SeriesYear<R>>();
  const yearOf = (y: number) => {
    let entry = years.get(y);
    if (!entry) {
      entry = { year: y, value: null, source: null, inventory: null, reports: [] };
      years.set(y, entry);
    }
    return entry;
  };
  for (const inv of inventories) {
    yearOf(inv.year).inventory = {
      id: inv.id,
      basic: inv.basic_total,
      basicPlus: inv.basic_plus_total,
      isIllustrative: inv.is_illustrative === 1,
    };
  }
  for (const r of reports) yearOf(r.year).reports.push(r);
  for (const y of years.values()) {
    const preferred = y.reports.find((r) => r.preferred === 1 && reportFigure(r) !== null);
    if (preferred) {
      y.value = reportFigure(preferred);
      y.source = preferred.source;
    } else if (y.inventory) {
      y.value = y.inventory.basic;
      y.source = y.inventory.isIllustrative ? 'inventory-illustrative' : 'inventory';
    } else {
      const first = y.reports.find((r) => reportFigure(r) !== null);
      if (first) {
        y.value = reportFigure(first);
        y.source = first.source;
      }
    }
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

function observationsOf(series: SeriesYear<ReportFigureRow>[]): EmissionsObservation[] {
  return series
    .filter((y) => y.value !== null)
    .map((y) => ({ year: y.year, emissions: y.value as number, source: y.source ?? 'unknown' }));
}

/** Groups rows by a key in one pass. */
function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

function seriesByGovernment<R extends ReportFigureRow>(
  governments: { id: number; slug: string }[],
  inventories: InventoryLite[],
  reports: R[],
): Map<number, SeriesYear<R>[]> {
  const inventoriesBy = groupBy(inventories, (i) => i.government_id);
  const reportsBy = groupBy(reports, (r) => r.government_id);
  return new Map(
    governments.map((g) => [
      g.id,
      buildSeries(inventoriesBy.get(g.id) ?? [], reportsBy.get(g.id) ?? []),
    ]),
  );
}

/** Series of a few governments (a page, a record) in two queries. */
async function seriesOfGovernments(
  db: Executor,
  governments: { id: number; slug: string }[],
): Promise<Map<number, SeriesYear[]>> {
  const ids = governments.map((g) => g.id);
  const [inventories, reports] = await Promise.all([
    db
      .selectFrom('inventories')
      .where('government_id', 'in', ids.length ? ids : [-1])
      .select(['id', 'government_id', 'year', 'basic_total', 'basic_plus_total', 'is_illustrative'])
      .execute(),
    repo.reportsOfGovernments(db, ids),
  ]);
  return seriesByGovernment(governments, inventories, reports);
}

// ---------------------------------------------------------------------------------------------
// Targets

export function definitionOf(row: TargetRow): TargetDefinition {
  return {
    type: row.type as TargetDefinition['type'],
    baseYear: row.base_year,
    baseEmissions: row.base_emissions,
    targetYear: row.target_year,
    reductionPercent: row.reduction_percent,
    targetEmissions: row.target_emissions,
    bauEmissions: row.bau_emissions,
    baseIntensity: row.base_intensity,
    intensityUnit: row.intensity_unit,
    boundary: row.boundary as TargetDefinition['boundary'],
    netZeroLabel: row.net_zero_label as TargetDefinition['netZeroLabel'],
  };
}

function assess(
  row: TargetRow,
  series: SeriesYear<ReportFigureRow>[],
  gov: GovernmentRef,
  asOfYear: number,
): Assessment {
  const denominators: Record<number, number> = {};
  // Per-capita intensity: the population Accord knows, in the year it was counted.
  if (gov.population && gov.population_year) denominators[gov.population_year] = gov.population;
  const a = assessTarget(definitionOf(row), observationsOf(series), { asOfYear, denominators });
  return { ...a, computed: true, asOfYear };
}

type TargetFields = Omit<
  Target,
  | 'id'
  | 'governmentSlug'
  | 'selfReported'
  | 'interimTargetIds'
  | 'importKey'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'assessment'
>;

function targetFieldsOf(row: TargetRow): TargetFields {
  return {
    parentTargetId: row.parent_target_id,
    type: row.type as Target['type'],
    netZeroLabel: row.net_zero_label as Target['netZeroLabel'],
    title: row.title,
    description: row.description,
    baseYear: row.base_year,
    baseEmissions: row.base_emissions,
    targetYear: row.target_year,
    reductionPercent: row.reduction_percent,
    targetEmissions: row.target_emissions,
    bauEmissions: row.bau_emissions,
    baseIntensity: row.base_intensity,
    intensityUnit: row.intensity_unit,
    fuel: row.fuel,
    sharePercent: row.share_percent,
    pollutant: row.pollutant,
    levelValue: row.level_value,
    levelUnit: row.level_unit,
    coverage: {
      gases: json(row.coverage_gases, []),
      scopes: json(row.coverage_scopes, []),
      sectors: json(row.coverage_sectors, []),
      boundary: row.boundary as Target['coverage']['boundary'],
    },
    status: row.status as Target['status'],
    dateSet: row.date_set,
    sourceUrl: row.source_url,
    sourceDocument: row.source_document,
    initiatives: json(row.initiatives, []),
    offsetsAllowed: row.offsets_allowed === null ? null : row.offsets_allowed === 1,
  };
}

function presentTarget(
  row: TargetRow,
  slug: string,
  allRows: TargetRow[],
  assessment: Assessment,
): Target {
  return {
    id: row.id,
    governmentSlug: slug,
    ...targetFieldsOf(row),
    selfReported:
      row.self_reported_progress !== null
        ? {
            progressPercent: row.self_reported_progress,
            source: row.self_reported_source ?? 'self-reported',
          }
        : null,
    interimTargetIds: allRows.filter((r) => r.parent_target_id === row.id).map((r) => r.id),
    importKey: row.import_key,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    assessment,
  };
}

async function governmentOrThrow(db: Executor, slug: string): Promise<GovernmentRef> {
  const gov = await repo.governmentRef(db, slug);
  if (!gov) throw notFound(`no government "${slug}"`);
  return gov;
}

function assertMayEdit(actor: AuditActor, governmentId: number, slug: string) {
  if (!canEditGovernment(actor, governmentId)) {
    throw forbidden(`You may change only your own government's climate records, not "${slug}".`);
  }
}

/** The government a stored record belongs to, once the actor may change its records. */
async function editableGovernment(
  trx: Executor,
  actor: AuditActor,
  governmentId: number,
): Promise<GovernmentRef> {
  const gov = (await repo.governmentRefById(trx, governmentId)) as GovernmentRef;
  assertMayEdit(actor, gov.id, gov.slug);
  return gov;
}

export async function targetsOf(db: Db, slug: string, asOfYear = currentYear()): Promise<Target[]> {
  const gov = await governmentOrThrow(db.kysely, slug);
  const [rows, seriesMap] = await Promise.all([
    repo.targetsOfGovernments(db.kysely, [gov.id]),
    seriesOfGovernments(db.kysely, [gov]),
  ]);
  const series = seriesMap.get(gov.id) ?? [];
  return rows.map((r) => presentTarget(r, slug, rows, assess(r, series, gov, asOfYear)));
}

async function loadTarget(db: Executor, id: number, asOfYear = currentYear()): Promise<Target> {
  const row = await repo.findTarget(db, id);
  if (!row) throw notFound(`no target ${id}`);
  const gov = (await repo.governmentRefById(db, row.government_id)) as GovernmentRef;
  const [rows, seriesMap] = await Promise.all([
    repo.targetsOfGovernments(db, [gov.id]),
    seriesOfGovernments(db, [gov]),
  ]);
  return presentTarget(
    row,
    gov.slug,
    rows,
    assess(row, seriesMap.get(gov.id) ?? [], gov, asOfYear),
  );
}

export function getTarget(db: Db, id: number, asOfYear?: number): Promise<Target> {
  return loadTarget(db.kysely, id, asOfYear);
}

/** The record as history keeps it: the stored fields, without the computed assessment. */
function targetSnapshot(t: Target) {
  const { assessment: _a, interimTargetIds: _i, ...rest } = t;
  return rest;
}

type TargetInput = TargetCreate | TargetPatch;

function targetValues(input: TargetInput) {
  const v: Partial<TargetRow> = {};
  const set = <K extends keyof TargetRow>(key: K, value: TargetRow[K] | undefined) => {
    if (value !== undefined) v[key] = value;
  };
  set('parent_target_id', input.parentTargetId);
  set('type', input.type);
  set('net_zero_label', input.netZeroLabel);
  set('title', input.title?.trim());
  set('description', input.description);
  set('base_year', input.baseYear);
  set('base_emissions', input.baseEmissions);
  set('target_year', input.targetYear);
  set('reduction_percent', input.reductionPercent);
  set('target_emissions', input.targetEmissions);
  set('bau_emissions', input.bauEmissions);
  set('base_intensity', input.baseIntensity);
  set('intensity_unit', input.intensityUnit);
  set('fuel', input.fuel);
  set('share_percent', input.sharePercent);
  set('pollutant', input.pollutant);
  set('level_value', input.levelValue);
  set('level_unit', input.levelUnit);
  if (input.coverage) {
    v.coverage_gases = JSON.stringify(input.coverage.gases);
    v.coverage_scopes = JSON.stringify([...input.coverage.scopes].sort());
    v.coverage_sectors = JSON.stringify(input.coverage.sectors);
    v.boundary = input.coverage.boundary;
  }
  set('status', input.status);
  set('date_set', input.dateSet);
  set('source_url', input.sourceUrl);
  set('source_document', input.sourceDocument);
  if (input.initiatives) v.initiatives = JSON.stringify(input.initiatives);
  if (input.offsetsAllowed !== undefined) {
    v.offsets_allowed = input.offsetsAllowed === null ? null : input.offsetsAllowed ? 1 : 0;
  }
  return v;
}

/** Rules a schema cannot say: what each type of target needs, and years in order. */
async function checkTarget(
  db: Executor,
  governmentId: number,
  t: TargetRow | Partial<TargetRow>,
  selfId?: number,
) {
  const need = (field: keyof TargetRow, pointer: string, what: string) => {
    if (t[field] === null || t[field] === undefined)
      throw invalidField(pointer, `is required for ${what}`);
  };
  switch (t.type) {
    case 'base-year':
      need('base_year', '/baseYear', 'a base-year target');
      need('target_year', '/targetYear', 'a base-year target');
      if (t.reduction_percent == null && t.target_emissions == null) {
        throw invalidField(
          '/reductionPercent',
          'give the reduction in percent or the target emissions',
        );
      }
      break;
    case 'baseline-scenario':
      need('target_year', '/targetYear', 'a baseline-scenario target');
      if (t.bau_emissions == null && t.target_emissions == null) {
        throw invalidField(
          '/bauEmissions',
          'give the business-as-usual emissions of the target year',
        );
      }
      break;
    case 'intensity':
      need('intensity_unit', '/intensityUnit', 'an intensity target');
      need('target_year', '/targetYear', 'an intensity target');
      break;
    case 'fixed-level':
      need('target_year', '/targetYear', 'a fixed-level target');
      need('target_emissions', '/targetEmissions', 'a fixed-level target (0 for net zero)');
      break;
    case 'fuel-phase-out':
      need('fuel', '/fuel', 'a phase-out target');
      need('target_year', '/targetYear', 'a phase-out target');
      break;
    case 'renewable-share':
      need('share_percent', '/sharePercent', 'a renewable-share target');
      need('target_year', '/targetYear', 'a renewable-share target');
      break;
    case 'air-quality':
      need('pollutant', '/pollutant', 'an air-quality target');
      need('level_value', '/levelValue', 'an air-quality target');
      break;
  }
  if (t.base_year != null && t.target_year != null && t.target_year <= t.base_year) {
    throw invalidField('/targetYear', 'must be after the base year');
  }
  if (t.parent_target_id != null) {
    if (t.parent_target_id === selfId)
      throw invalidField('/parentTargetId', 'a target cannot be its own end target');
    const parent = await repo.findTarget(db, t.parent_target_id);
    if (!parent || parent.government_id !== governmentId) {
      throw invalidField('/parentTargetId', 'must be a target of the same government');
    }
    if (parent.target_year != null && t.target_year != null && parent.target_year < t.target_year) {
      throw invalidField('/parentTargetId', 'an interim target must come before its end target');
    }
  }
}

export async function createTarget(
  db: Db,
  actor: AuditActor,
  slug: string,
  input: TargetCreate,
): Promise<Target> {
  return db.kysely.transaction().execute(async (trx) => {
    const gov = await governmentOrThrow(trx, slug);
    assertMayEdit(actor, gov.id, slug);
    const values = targetValues(input);
    await checkTarget(trx, gov.id, values);
    const now = nowIso();
    const id = await repo.insertTarget(trx, {
      coverage_gases: '[]',
      coverage_scopes: '[]',
      coverage_sectors: '[]',
      initiatives: '[]',
      boundary: 'unknown',
      ...values,
      government_id: gov.id,
      type: input.type,
      title: input.title.trim(),
      status: input.status,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    const target = await loadTarget(trx, id);
    await recordChange(legacyStore(trx), actor, { type: 'target', id, version: 1 }, 'create', {
      snapshot: targetSnapshot(target),
      summary: `${slug}: target "${target.title}" added`,
      after: targetSnapshot(target),
    });
    return target;
  });
}

export async function updateTarget(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: TargetPatch,
  change: 'update' | 'restore' = 'update',
): Promise<Target> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findTarget(trx, id);
    if (!row) throw notFound(`no target ${id}`);
    const gov = await editableGovernment(trx, actor, row.government_id);
    const before = await loadTarget(trx, id);
    const values = targetValues(patch);
    await checkTarget(trx, gov.id, { ...row, ...values }, id);
    const version = row.version + 1;
    await repo.updateTarget(trx, id, { ...values, version, updated_at: nowIso() });
    const after = await loadTarget(trx, id);
    await recordChange(legacyStore(trx), actor, { type: 'target', id, version }, change, {
      snapshot: targetSnapshot(after),
      summary: `${gov.slug}: target "${after.title}" ${change === 'restore' ? 'restored' : 'changed'}`,
      before: targetSnapshot(before),
      after: targetSnapshot(after),
    });
    return after;
  });
}

export async function deleteTarget(db: Db, actor: AuditActor, id: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findTarget(trx, id);
    if (!row) throw notFound(`no target ${id}`);
    const gov = await editableGovernment(trx, actor, row.government_id);
    const before = await loadTarget(trx, id);
    await repo.deleteTarget(trx, id);
    await recordChange(
      legacyStore(trx),
      actor,
      { type: 'target', id, version: row.version + 1 },
      'delete',
      {
        snapshot: null,
        summary: `${gov.slug}: target "${row.title}" deleted`,
        before: targetSnapshot(before),
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Inventories

type EntryInput = {
  code: string;
  gas: string;
  amount: number | null;
  notationKey: string | null;
  notes?: string | null | undefined;
};

function totalsFor(entries: EntryInput[], gwpSet: GwpSet) {
  const coreEntries = entries.map((e) => ({
    code: e.code,
    gas: e.gas as EntryGas,
    amount: e.amount,
    notationKey: e.notationKey as NotationKey | null,
  }));
  const problems = validateEntries(coreEntries);
  if (problems.length > 0) {
    const first = problems[0] as (typeof problems)[number];
    throw new HttpProblem(
      422,
      'Unprocessable Content',
      `${problems.length} inventory line(s) cannot be totalled: ${first.message}`,
      problems.slice(0, 50).map((p) => ({ pointer: `/entries/${p.index}`, detail: p.message })),
    );
  }
  const t = inventoryTotals(coreEntries, gwpSet);
  return {
    basic: t.basic,
    basicPlus: t.basicPlus,
    territorial: t.territorial,
    byScope: t.byScope as unknown as Record<string, number>,
    bySector: t.bySector as unknown as Record<string, number>,
    bySubsector: t.bySubsector,
    byGas: t.byGas as unknown as Record<string, number>,
    completeness: t.completeness,
  };
}

function presentInventory(
  row: InventoryRow,
  slug: string,
  entries:
    | {
        code: string;
        gas: string;
        amount: number | null;
        notation_key: string | null;
        notes: string | null;
      }[]
    | null,
) {
  const summary = {
    id: row.id,
    governmentSlug: slug,
    year: row.year,
    gwpSet: row.gwp_set as GwpSet,
    boundary: row.boundary,
    methodology: row.methodology,
    status: row.status as 'draft' | 'final',
    notes: row.notes,
    isIllustrative: row.is_illustrative === 1,
    version: row.version,
    updatedAt: row.updated_at,
    totals: json(row.totals, {
      basic: 0,
      basicPlus: 0,
      territorial: 0,
      byScope: {},
      bySector: {},
      bySubsector: {},
      byGas: {},
      completeness: 0,
    }),
  };
  if (!entries) return summary;
  return {
    ...summary,
    entries: entries.map((e) => ({
      code: e.code,
      gas: e.gas as Inventory['entries'][number]['gas'],
      amount: e.amount,
      notationKey: e.notation_key as Inventory['entries'][number]['notationKey'],
      notes: e.notes,
    })),
  };
}

export async function inventoriesOf(db: Db, slug: string) {
  const gov = await governmentOrThrow(db.kysely, slug);
  const rows = await repo.inventoriesOfGovernments(db.kysely, [gov.id]);
  return rows.map((r) => presentInventory(r, slug, null));
}

async function loadInventory(db: Executor, id: number): Promise<Inventory> {
  const row = await repo.findInventory(db, id);
  if (!row) throw notFound(`no inventory ${id}`);
  const gov = (await repo.governmentRefById(db, row.government_id)) as GovernmentRef;
  return presentInventory(row, gov.slug, await repo.entriesOf(db, id)) as Inventory;
}

export function getInventory(db: Db, id: number): Promise<Inventory> {
  return loadInventory(db.kysely, id);
}

export async function createInventory(
  db: Db,
  actor: AuditActor,
  slug: string,
  input: InventoryCreate,
): Promise<Inventory> {
  return db.kysely.transaction().execute(async (trx) => {
    const gov = await governmentOrThrow(trx, slug);
    assertMayEdit(actor, gov.id, slug);
    if (await repo.findInventoryByYear(trx, gov.id, input.year)) {
      throw new HttpProblem(409, 'Conflict', `${slug} already has an inventory for ${input.year}`, [
        { pointer: '/year', detail: 'there is already an inventory for this year' },
      ]);
    }
    const entries = input.entries ?? [];
    const totals = totalsFor(entries, input.gwpSet);
    const now = nowIso();
    const id = await repo.insertInventory(trx, {
      government_id: gov.id,
      year: input.year,
      gwp_set: input.gwpSet,
      boundary: input.boundary ?? 'city-wide',
      methodology: input.methodology ?? 'GPC 1.1',
      status: input.status ?? 'draft',
      notes: input.notes ?? null,
      is_illustrative: 0,
      basic_total: totals.basic,
      basic_plus_total: totals.basicPlus,
      totals: JSON.stringify(totals),
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceEntries(trx, id, entries);
    const inventory = await loadInventory(trx, id);
    await recordChange(legacyStore(trx), actor, { type: 'inventory', id, version: 1 }, 'create', {
      snapshot: inventory,
      summary: `${slug}: inventory ${input.year} added`,
      after: {
        year: input.year,
        gwpSet: input.gwpSet,
        basic: totals.basic,
        basicPlus: totals.basicPlus,
      },
    });
    return inventory;
  });
}

export async function updateInventory(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: InventoryPatch,
  change: 'update' | 'restore' = 'update',
): Promise<Inventory> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findInventory(trx, id);
    if (!row) throw notFound(`no inventory ${id}`);
    const gov = await editableGovernment(trx, actor, row.government_id);
    const before = await loadInventory(trx, id);
    const entries = patch.entries ?? before.entries;
    const gwpSet = patch.gwpSet ?? (row.gwp_set as GwpSet);
    // Every total is recomputed when the entries or the GWP set change.
    const totals = totalsFor(entries, gwpSet);
    const version = row.version + 1;
    await repo.updateInventory(trx, id, {
      gwp_set: gwpSet,
      ...(patch.boundary !== undefined ? { boundary: patch.boundary } : {}),
      ...(patch.methodology !== undefined ? { methodology: patch.methodology } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      // An edited demo inventory is the editor's own figures, no longer illustrative.
      ...(patch.entries ? { is_illustrative: 0 } : {}),
      basic_total: totals.basic,
      basic_plus_total: totals.basicPlus,
      totals: JSON.stringify(totals),
      version,
      updated_at: nowIso(),
    });
    if (patch.entries) await repo.replaceEntries(trx, id, patch.entries);
    const after = await loadInventory(trx, id);
    await recordChange(legacyStore(trx), actor, { type: 'inventory', id, version }, change, {
      snapshot: after,
      summary: `${gov.slug}: inventory ${row.year} ${change === 'restore' ? 'restored' : 'changed'}`,
      before: {
        gwpSet: before.gwpSet,
        basic: before.totals.basic,
        basicPlus: before.totals.basicPlus,
        entries: before.entries.length,
      },
      after: {
        gwpSet: after.gwpSet,
        basic: after.totals.basic,
        basicPlus: after.totals.basicPlus,
        entries: after.entries.length,
      },
    });
    return after;
  });
}

export async function deleteInventory(db: Db, actor: AuditActor, id: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findInventory(trx, id);
    if (!row) throw notFound(`no inventory ${id}`);
    const gov = await editableGovernment(trx, actor, row.government_id);
    await repo.deleteInventory(trx, id);
    await recordChange(
      legacyStore(trx),
      actor,
      { type: 'inventory', id, version: row.version + 1 },
      'delete',
      {
        snapshot: null,
        summary: `${gov.slug}: inventory ${row.year} deleted`,
        before: { year: row.year, basic: row.basic_total },
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Emission reports and the series

export async function emissionsOf(db: Db, slug: string) {
  const gov = await governmentOrThrow(db.kysely, slug);
  const series = await seriesOfGovernments(db.kysely, [gov]);
  return {
    governmentSlug: slug,
    years: (series.get(gov.id) ?? []).map((y) => ({
      ...y,
      reports: y.reports.map((r) => presentReport(r, slug)),
    })),
  };
}

async function loadReport(db: Executor, id: number): Promise<EmissionReport> {
  const row = await repo.findReport(db, id);
  if (!row) throw notFound(`no emission report ${id}`);
  const gov = (await repo.governmentRefById(db, row.government_id)) as GovernmentRef;
  return presentReport(row, gov.slug);
}

export async function createReport(
  db: Db,
  actor: AuditActor,
  slug: string,
  input: EmissionReportCreate,
): Promise<EmissionReport> {
  return db.kysely.transaction().execute(async (trx) => {
    const gov = await governmentOrThrow(trx, slug);
    assertMayEdit(actor, gov.id, slug);
    const now = nowIso();
    const id = await repo.insertReport(trx, {
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
      preferred: input.preferred ? 1 : 0,
      provenance: JSON.stringify({ enteredBy: actor.label, enteredAt: now }),
      version: 1,
      created_at: now,
      updated_at: now,
    });
    if (input.preferred) await repo.clearPreferred(trx, gov.id, input.year, id);
    const report = await loadReport(trx, id);
    await recordChange(
      legacyStore(trx),
      actor,
      { type: 'emission-report', id, version: 1 },
      'create',
      {
        snapshot: report,
        summary: `${slug}: ${input.sourceLabel} ${input.year} added`,
        after: report,
      },
    );
    return report;
  });
}

export async function updateReport(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: Partial<EmissionReportCreate>,
  change: 'update' | 'restore' = 'update',
): Promise<EmissionReport> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findReport(trx, id);
    if (!row) throw notFound(`no emission report ${id}`);
    const gov = await editableGovernment(trx, actor, row.government_id);
    const before = presentReport(row, gov.slug);
    const version = row.version + 1;
    const v: Parameters<typeof repo.updateReport>[2] = { version, updated_at: nowIso() };
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
    if (patch.preferred !== undefined) v.preferred = patch.preferred ? 1 : 0;
    await repo.updateReport(trx, id, v);
    if (patch.preferred) await repo.clearPreferred(trx, gov.id, patch.year ?? row.year, id);
    const after = await loadReport(trx, id);
    await recordChange(legacyStore(trx), actor, { type: 'emission-report', id, version }, change, {
      snapshot: after,
      summary: `${gov.slug}: ${after.sourceLabel} ${after.year} ${change === 'restore' ? 'restored' : 'changed'}`,
      before,
      after,
    });
    return after;
  });
}

export async function deleteReport(db: Db, actor: AuditActor, id: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findReport(trx, id);
    if (!row) throw notFound(`no emission report ${id}`);
    const gov = await editableGovernment(trx, actor, row.government_id);
    await repo.deleteReport(trx, id);
    await recordChange(
      legacyStore(trx),
      actor,
      { type: 'emission-report', id, version: row.version + 1 },
      'delete',
      {
        snapshot: null,
        summary: `${gov.slug}: ${row.source_label} ${row.year} deleted`,
        before: presentReport(row, gov.slug),
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Actions

function presentAction(row: ActionRow, slug: string, targetIds: number[]): Action {
  return {
    id: row.id,
    governmentSlug: slug,
    title: row.title,
    description: row.description,
    sector: row.sector as Action['sector'],
    status: row.status as Action['status'],
    startDate: row.start_date,
    endDate: row.end_date,
    expectedReduction: row.expected_reduction,
    cost: row.cost,
    costCurrency: row.cost_currency,
    coBenefits: json(row.co_benefits, []),
    sdgs: json(row.sdgs, []),
    targetIds,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function actionsOf(db: Db, slug: string): Promise<Action[]> {
  const gov = await governmentOrThrow(db.kysely, slug);
  const rows = await repo.actionsOfGovernment(db.kysely, gov.id);
  const links = await repo.targetIdsOfActions(
    db.kysely,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentAction(r, slug, links.get(r.id) ?? []));
}

async function loadAction(db: Executor, id: number): Promise<Action> {
  const row = await repo.findAction(db, id);
  if (!row) throw notFound(`no action ${id}`);
  const gov = (await repo.governmentRefById(db, row.government_id)) as GovernmentRef;
  const links = await repo.targetIdsOfActions(db, [id]);
  return presentAction(row, gov.slug, links.get(id) ?? []);
}

async function checkActionTargets(db: Executor, governmentId: number, ids: number[] | undefined) {
  for (const [i, id] of (ids ?? []).entries()) {
    const t = await repo.findTarget(db, id);
    if (!t || t.government_id !== governmentId) {
      throw invalidField(`/targetIds/${i}`, `target ${id} is not a target of this government`);
    }
  }
}

function checkActionDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start)
    throw invalidField('/endDate', 'must not be before the start date');
}

export async function createAction(
  db: Db,
  actor: AuditActor,
  slug: string,
  input: ActionCreate,
): Promise<Action> {
  return db.kysely.transaction().execute(async (trx) => {
    const gov = await governmentOrThrow(trx, slug);
    assertMayEdit(actor, gov.id, slug);
    checkActionDates(input.startDate, input.endDate);
    await checkActionTargets(trx, gov.id, input.targetIds);
    const now = nowIso();
    const id = await repo.insertAction(trx, {
      government_id: gov.id,
      title: input.title.trim(),
      description: input.description ?? null,
      sector: input.sector ?? null,
      status: input.status,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      expected_reduction: input.expectedReduction ?? null,
      cost: input.cost ?? null,
      cost_currency: input.costCurrency ?? null,
      co_benefits: JSON.stringify(input.coBenefits ?? []),
      sdgs: JSON.stringify([...(input.sdgs ?? [])].sort((a, b) => a - b)),
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await repo.setActionTargets(trx, id, input.targetIds ?? []);
    const action = await loadAction(trx, id);
    await recordChange(legacyStore(trx), actor, { type: 'action', id, version: 1 }, 'create', {
      snapshot: action,
      summary: `${slug}: action "${action.title}" added`,
      after: action,
    });
    return action;
  });
}

export async function updateAction(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: ActionPatch,
  change: 'update' | 'restore' = 'update',
): Promise<Action> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findAction(trx, id);
    if (!row) throw notFound(`no action ${id}`);
    const gov = await editableGovernment(trx, actor, row.government_id);
    const before = await loadAction(trx, id);
    checkActionDates(
      patch.startDate !== undefined ? patch.startDate : row.start_date,
      patch.endDate !== undefined ? patch.endDate : row.end_date,
    );
    await checkActionTargets(trx, gov.id, patch.targetIds);
    const version = row.version + 1;
    const v: Parameters<typeof repo.updateAction>[2] = { version, updated_at: nowIso() };
    if (patch.title !== undefined) v.title = patch.title.trim();
    if (patch.description !== undefined) v.description = patch.description;
    if (patch.sector !== undefined) v.sector = patch.sector;
    if (patch.status !== undefined) v.status = patch.status;
    if (patch.startDate !== undefined) v.start_date = patch.startDate;
    if (patch.endDate !== undefined) v.end_date = patch.endDate;
    if (patch.expectedReduction !== undefined) v.expected_reduction = patch.expectedReduction;
    if (patch.cost !== undefined) v.cost = patch.cost;
    if (patch.costCurrency !== undefined) v.cost_currency = patch.costCurrency;
    if (patch.coBenefits !== undefined) v.co_benefits = JSON.stringify(patch.coBenefits);
    if (patch.sdgs !== undefined) v.sdgs = JSON.stringify([...patch.sdgs].sort((a, b) => a - b));
    await repo.updateAction(trx, id, v);
    if (patch.targetIds) await repo.setActionTargets(trx, id, patch.targetIds);
    const after = await loadAction(trx, id);
    await recordChange(legacyStore(trx), actor, { type: 'action', id, version }, change, {
      snapshot: after,
      summary: `${gov.slug}: action "${after.title}" ${change === 'restore' ? 'restored' : 'changed'}`,
      before,
      after,
    });
    return after;
  });
}

export async function deleteAction(db: Db, actor: AuditActor, id: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findAction(trx, id);
    if (!row) throw notFound(`no action ${id}`);
    const gov = await editableGovernment(trx, actor, row.government_id);
    const before = await loadAction(trx, id);
    await repo.deleteAction(trx, id);
    await recordChange(
      legacyStore(trx),
      actor,
      { type: 'action', id, version: row.version + 1 },
      'delete',
      {
        snapshot: null,
        summary: `${gov.slug}: action "${row.title}" deleted`,
        before,
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// History and restore

export async function historyOf(db: Db, type: VersionedEntity, id: number) {
  const rows = await listVersions(attachStore(db), type, id);
  if (rows.length === 0) throw notFound(`no history for ${type} ${id}`);
  return {
    entityType: type,
    entityId: id,
    versions: rows.map((r) => ({
      version: r.version,
      at: r.at,
      actor: r.actor_label,
      change: r.change as 'create' | 'update' | 'delete' | 'restore',
      snapshot: r.snapshot ? JSON.parse(r.snapshot) : null,
    })),
  };
}

/**
 * Restores a record to an earlier version by writing that version's fields as a new version:
 * history only grows, so the restore itself can be undone.
 */
export async function restoreVersion(
  db: Db,
  actor: AuditActor,
  type: VersionedEntity,
  id: number,
  version: number,
) {
  const rows = await listVersions(attachStore(db), type, id);
  const wanted = rows.find((r) => r.version === version);
  if (!wanted) throw invalidField('/version', `${type} ${id} has no version ${version}`);
  if (!wanted.snapshot)
    throw invalidField('/version', `version ${version} records a deletion; choose another`);
  const s = JSON.parse(wanted.snapshot) as Record<string, unknown>;
  const pick = (keys: string[]) =>
    Object.fromEntries(keys.filter((k) => k in s).map((k) => [k, s[k]]));
  switch (type) {
    case 'target':
      return updateTarget(
        db,
        actor,
        id,
        pick([
          'parentTargetId',
          'type',
          'netZeroLabel',
          'title',
          'description',
          'baseYear',
          'baseEmissions',
          'targetYear',
          'reductionPercent',
          'targetEmissions',
          'bauEmissions',
          'baseIntensity',
          'intensityUnit',
          'fuel',
          'sharePercent',
          'pollutant',
          'levelValue',
          'levelUnit',
          'coverage',
          'status',
          'dateSet',
          'sourceUrl',
          'sourceDocument',
          'initiatives',
          'offsetsAllowed',
        ]) as TargetPatch,
        'restore',
      );
    case 'inventory':
      return updateInventory(
        db,
        actor,
        id,
        pick(['gwpSet', 'boundary', 'methodology', 'status', 'notes', 'entries']) as InventoryPatch,
        'restore',
      );
    case 'emission-report':
      return updateReport(
        db,
        actor,
        id,
        pick([
          'year',
          'source',
          'sourceLabel',
          'periodStart',
          'periodEnd',
          'scope1',
          'scope2',
          'scope3',
          'basic',
          'basicPlus',
          'total',
          'preferred',
        ]) as Partial<EmissionReportCreate>,
        'restore',
      );
    case 'action':
      return updateAction(
        db,
        actor,
        id,
        pick([
          'title',
          'description',
          'sector',
          'status',
          'startDate',
          'endDate',
          'expectedReduction',
          'cost',
          'costCurrency',
          'coBenefits',
          'sdgs',
          'targetIds',
        ]) as ActionPatch,
        'restore',
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Network dashboard

const MEMBER_CATEGORIES = new Set(['full-member', 'associate-member', 'associate-partner']);

/** The dashboard's numbers for a region (or the whole network), in a fixed number of queries. */
export async function climateSummary(db: Db, region: string | undefined, asOfYear = currentYear()) {
  // Five queries for the whole region; everything else is computed in one pass per government.
  const [governments, targets, inventories, reports, nameRows] = await Promise.all([
    repo.governmentsForSummary(db.kysely, region),
    repo.targetsOfRegion(db.kysely, region),
    repo.inventoryTotalsOfRegion(db.kysely, region),
    repo.reportsOfRegion(db.kysely, region),
    namesOfRegion(db.kysely, region),
  ]);
  const series = seriesByGovernment(governments, inventories, reports);
  const targetsByGov = groupBy(targets, (t) => t.government_id);
  const names = groupBy(nameRows, (n) => n.government_id);

  const entries: NetworkEntry[] = [];
  const rows = governments.map((g) => {
    const own = targetsByGov.get(g.id) ?? [];
    const s = series.get(g.id) ?? [];
    const assessed = own.map((row) => ({
      row,
      definition: definitionOf(row),
      assessment: assess(row, s, g, asOfYear),
    }));
    const isMember = MEMBER_CATEGORIES.has(g.category ?? '');
    entries.push({
      governmentId: g.id,
      country: g.country,
      isMember,
      targets: assessed.map(({ definition, assessment }) => ({ definition, assessment })),
    });
    const headline = headlineTarget(
      assessed.map(({ definition, assessment }) => ({ definition, assessment })),
    );
    const headlineRow = headline
      ? assessed.find((a) => a.assessment === headline.assessment)
      : undefined;
    const netZero = own
      .filter(
        (t) => t.net_zero_label !== null || (t.type === 'fixed-level' && t.target_emissions === 0),
      )
      .map((t) => t.target_year)
      .filter((y): y is number => y !== null)
      .sort((a, b) => a - b)[0];
    const latest = [...s].reverse().find((y) => y.value !== null);
    const nameRows = names.get(g.id) ?? [];
    return {
      slug: g.slug,
      names: Object.fromEntries(
        nameRows.filter((n) => n.kind === 'name' && n.lang).map((n) => [n.lang as string, n.name]),
      ),
      localLang: g.local_lang,
      country: g.country,
      isMember,
      latitude: g.latitude,
      longitude: g.longitude,
      targets: own.length,
      netZeroYear: netZero ?? null,
      headline: headlineRow
        ? {
            targetId: headlineRow.row.id,
            title: headlineRow.row.title,
            targetYear: headlineRow.row.target_year,
            status: headlineRow.assessment.status,
            progress: headlineRow.assessment.progress,
          }
        : null,
      baseEmissions: headlineRow?.row.base_emissions ?? null,
      latestEmissions: latest?.value ?? null,
      latestYear: latest?.year ?? null,
    };
  });
  const summary = summarizeNetwork(entries);
  const group = (g: typeof summary.members) => ({
    governments: g.governments,
    withTargets: g.withTargets,
    withNetZero: g.withNetZero,
    netZeroShare: g.netZeroShare,
    baseEmissionsCovered: g.baseEmissionsCovered,
    committedReduction2030: g.committedReduction2030,
    committedReduction2050: g.committedReduction2050,
    byStatus: g.byStatus as Record<string, number>,
    byCountry: Object.fromEntries(
      Object.entries(g.byCountry).map(([c, v]) => [
        c,
        { ...v, byStatus: v.byStatus as Record<string, number> },
      ]),
    ),
  });
  return {
    region: region ?? null,
    asOfYear,
    members: group(summary.members),
    prospects: group(summary.prospects),
    rows,
  };
}
