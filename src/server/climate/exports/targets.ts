import type { Writable } from 'node:stream';
import { countryByIso2 } from '../../../core/climate/country';
import {
  accordIdCode,
  NZT_END_TARGET,
  NZT_EXPORTED_TYPES,
  NZT_STATUS,
  NZT_TARGET_TYPE,
  nztGasesText,
} from '../../../core/climate/nzt-vocabulary';
import { parseJsonColumn } from '../../db/json';
import { notFound } from '../../http/problem';
import type { Store } from '../../store';
import type { TargetRow } from '../repository';
import type { ExportGovernment } from './exports-repository';
import { writeTable, type Cell, type TableFormat } from './write-table';

/**
 * Targets in the Net Zero Tracker's columns, names, units (emissions in MtCO2e) and words, one
 * row per government with a target the tracker can carry: its end target and its interim target.
 * For a government imported from the tracker these are the targets its rows gave (so they go
 * back under the same id_code and keys); otherwise the latest-year target and the one linked to
 * it, else the nearest earlier one. Every row has an id_code: the tracker's id, else Accord's own
 * (accord:SLUG), which the importer matches back to the same government. The columns keep the
 * tracker's machine names (this is a machine format; the header is not translated).
 * Governments are read in pages of PAGE_SIZE with a few queries per page, so the export streams
 * whatever the size of the directory.
 */

/** The tracker's columns, in the order of its export (2023 plain layout). */
export const NZT_COLUMNS = [
  'last_updated',
  'id_code',
  'name',
  'country',
  'actor_type',
  'end_target',
  'end_target_percentage_reduction',
  'end_target_baseline_year',
  'end_target_baseline_emissions',
  'end_target_intensity_unit',
  'end_target_target_emissions',
  'end_target_bau_emissions',
  'end_target_other',
  'end_target_year',
  'end_target_status',
  'status_date',
  'end_target_text',
  'interim_target',
  'interim_target_percentage_reduction',
  'interim_target_baseline_year',
  'interim_target_baseline_emissions',
  'interim_target_intensity_unit',
  'interim_target_target_emissions',
  'interim_target_bau_emissions',
  'interim_target_other',
  'interim_target_year',
  'interim_target_text',
  'target_notes',
  'source_url',
  'gasses_coverage',
  'scope_1',
  'scope_2',
  'scope_3',
  'has_plan',
  'reporting_mechanism',
  'accountability',
  'carbon_credit_offsets',
  'race_to_zero_member',
] as const;
export type NztColumn = (typeof NZT_COLUMNS)[number];

const PAGE_SIZE = 500;

const REPORTING_SOURCES: Record<string, string> = { cdp: 'CDP', national: 'National statistics' };

function targetText(target: TargetRow): string {
  if (target.net_zero_label) return NZT_END_TARGET[target.net_zero_label];
  return NZT_TARGET_TYPE[target.type] ?? 'Other';
}

/** The tracker gives emissions in MtCO2e; Accord keeps tonnes. */
export const megatonnes = (tonnes: number | null) =>
  tonnes === null ? null : Number((tonnes / 1e6).toPrecision(12));

/** An intensity unit as the tracker writes it: "tCO2e/capita", "tCO2e per unit of GDP". */
export function nztIntensityUnit(unit: string | null): string | null {
  if (unit === null) return null;
  if (unit === 'per-capita') return 'tCO2e/capita';
  if (unit === 'per-gdp') return 'tCO2e per unit of GDP';
  return /^per\b/i.test(unit) ? `tCO2e ${unit}` : `tCO2e/${unit}`;
}

/** A JSON list column of a target; a damaged one is an error naming the row. */
function jsonList(target: TargetRow, text: string): unknown[] {
  return parseJsonColumn('climate_targets', target.id, text, Array.isArray) ?? [];
}

const exported = (t: TargetRow) => NZT_EXPORTED_TYPES.includes(t.type);

/** The latest-year target not itself an interim target; net zero first on a tie. */
export function endTargetOf(targets: readonly TargetRow[]): TargetRow | null {
  const dated = targets.filter((t) => t.target_year !== null && exported(t));
  const candidates = dated.some((t) => t.parent_target_id === null)
    ? dated.filter((t) => t.parent_target_id === null)
    : dated;
  let end: TargetRow | null = null;
  for (const t of candidates) {
    const later = end === null || (t.target_year as number) > (end.target_year as number);
    const tieBetter =
      end !== null &&
      t.target_year === end.target_year &&
      t.net_zero_label !== null &&
      end.net_zero_label === null;
    if (later || tieBetter) end = t;
  }
  return end;
}

/** The interim target linked to the end target, else the nearest earlier target. */
export function interimTargetOf(targets: readonly TargetRow[], end: TargetRow): TargetRow | null {
  const earlier = targets.filter(
    (t) =>
      t.id !== end.id &&
      t.target_year !== null &&
      exported(t) &&
      (t.target_year as number) < (end.target_year as number),
  );
  const linked = earlier.filter((t) => t.parent_target_id === end.id);
  const pool = linked.length ? linked : earlier;
  let best: TargetRow | null = null;
  for (const t of pool) {
    if (best === null || (t.target_year as number) > (best.target_year as number)) best = t;
  }
  return best;
}

/** The row's two targets: the tracker's own when it gave them, else chosen as above. */
export function rowTargetsOf(
  nztId: string | null,
  targets: readonly TargetRow[],
): { end: TargetRow | null; interim: TargetRow | null } {
  if (nztId !== null) {
    const keyed = (part: string) =>
      targets.find((t) => t.import_key === `nzt|${nztId}|${part}` && exported(t)) ?? null;
    const end = keyed('end');
    const interim = keyed('interim');
    if (end || interim) return { end, interim };
  }
  const end = endTargetOf(targets);
  return { end, interim: end ? interimTargetOf(targets, end) : null };
}

/** The cells of one of the row's targets, under end_target_… or interim_target_…. */
function targetCells(target: TargetRow | null): Record<string, Cell> {
  if (target === null) {
    return {
      target: null,
      percentage_reduction: null,
      baseline_year: null,
      baseline_emissions: null,
      intensity_unit: null,
      target_emissions: null,
      bau_emissions: null,
      other: null,
      year: null,
      text: null,
    };
  }
  const zero = target.net_zero_label !== null;
  const intensity = target.type === 'intensity';
  const unit = intensity ? nztIntensityUnit(target.intensity_unit) : null;
  // An intensity target's base is an intensity, written with its unit; the rest are in Mt.
  const base =
    intensity && target.base_intensity !== null
      ? `${target.base_intensity} ${unit ?? 'tCO2e'}`
      : megatonnes(target.base_emissions);
  const level =
    zero || intensity || target.type === 'other' ? null : megatonnes(target.target_emissions);
  return {
    target: targetText(target),
    percentage_reduction: zero
      ? 100
      : target.type === 'fixed-level'
        ? null
        : target.reduction_percent,
    baseline_year: target.base_year,
    baseline_emissions: base,
    intensity_unit: unit,
    target_emissions: level,
    bau_emissions: target.type === 'baseline-scenario' ? megatonnes(target.bau_emissions) : null,
    other: target.type === 'other' ? target.title : null,
    year: target.target_year,
    text: target.description,
  };
}

function rowFor(
  government: ExportGovernment,
  name: string,
  targets: TargetRow[],
  hasPlan: boolean,
  sources: string[],
): Cell[] | null {
  const { end, interim } = rowTargetsOf(government.nzt_id, targets);
  const main = end ?? interim;
  if (!main) return null;
  const scopes = jsonList(main, main.coverage_scopes) as number[];
  const scope = (n: number) => (scopes.length === 0 ? null : scopes.includes(n) ? 'Yes' : 'No');
  const initiatives = jsonList(main, main.initiatives).map(String);
  const gases = jsonList(main, main.coverage_gases).map(String);
  const cells = (prefix: 'end_target' | 'interim_target', target: TargetRow | null) =>
    Object.fromEntries(
      Object.entries(targetCells(target)).map(([k, v]) => [
        k === 'target' ? prefix : `${prefix}_${k}`,
        v,
      ]),
    );
  const titleOf = (t: TargetRow | null) => (t !== null && t.type !== 'other' ? t.title : null);
  const values: Record<string, Cell> = {
    last_updated: [end, interim].reduce<string | null>(
      (latest, t) =>
        t !== null && (latest === null || t.updated_at.slice(0, 10) > latest)
          ? t.updated_at.slice(0, 10)
          : latest,
      null,
    ),
    id_code: government.nzt_id ?? accordIdCode(government.slug),
    name,
    country: countryByIso2(government.country)?.alpha3 ?? government.country,
    actor_type: ['province', 'prefecture', 'county'].includes(government.kind) ? 'Region' : 'City',
    ...cells('end_target', end),
    ...cells('interim_target', interim),
    end_target_status: NZT_STATUS[main.status],
    status_date: main.date_set,
    // Accord's titles, for people; the importer does not read this column.
    target_notes: [titleOf(end), titleOf(interim)].filter((t) => t !== null).join('; ') || null,
    source_url: main.source_url,
    gasses_coverage: nztGasesText(gases),
    scope_1: scope(1),
    scope_2: scope(2),
    scope_3: scope(3),
    has_plan: hasPlan ? 'Yes' : 'No',
    reporting_mechanism: sources.map((s) => REPORTING_SOURCES[s] ?? s).join('; ') || null,
    accountability: null,
    carbon_credit_offsets:
      main.offsets_allowed === null ? null : main.offsets_allowed === 1 ? 'Yes' : 'No',
    race_to_zero_member:
      initiatives.length === 0
        ? null
        : initiatives.some((i) => /race to zero/i.test(i))
          ? 'Yes'
          : 'No',
  };
  return NZT_COLUMNS.map((column) => values[column] ?? null);
}

/** The rows of the targets export, page by page. */
export async function* targetExportRows(
  store: Store,
  options: { region?: string | undefined } = {},
): AsyncGenerator<Cell[]> {
  let regionId: number | null = null;
  if (options.region) {
    const id = await store.climate.regionIdBySlug(options.region);
    if (id === undefined) throw notFound('region', `No region "${options.region}".`);
    regionId = id;
  }
  let lastId = 0;
  for (;;) {
    const governments = await store.climate.governmentsWithTargetsPage({
      afterId: lastId,
      regionId,
      types: NZT_EXPORTED_TYPES,
      limit: PAGE_SIZE,
    });
    if (governments.length === 0) return;
    const ids = governments.map((g) => g.id);
    const [names, targets, planned, sources] = await Promise.all([
      store.climate.englishNamesOf(ids),
      store.climate.targetsOfGovernmentsById(ids),
      store.climate.governmentsWithActions(ids),
      store.climate.reportSourcesOf(ids),
    ]);
    const nameOf = new Map(names.map((n) => [n.government_id, n.name]));
    const targetsOf = new Map<number, TargetRow[]>();
    for (const t of targets) {
      let list = targetsOf.get(t.government_id);
      if (!list) targetsOf.set(t.government_id, (list = []));
      list.push(t);
    }
    const sourcesOf = new Map<number, string[]>();
    for (const s of sources) {
      let list = sourcesOf.get(s.government_id);
      if (!list) sourcesOf.set(s.government_id, (list = []));
      list.push(s.source);
    }
    for (const g of governments) {
      const row = rowFor(
        g,
        nameOf.get(g.id) ?? g.slug,
        targetsOf.get(g.id) ?? [],
        planned.has(g.id),
        sourcesOf.get(g.id) ?? [],
      );
      if (row) yield row;
    }
    lastId = governments[governments.length - 1]?.id ?? lastId;
    if (governments.length < PAGE_SIZE) return;
  }
}

/**
 * Reads the first page and returns the writer of the whole export. Done in two steps so that
 * an unknown region is an error before any file is opened or any header sent.
 */
export async function prepareTargetsExport(
  store: Store,
  options: { format: TableFormat; region?: string | undefined },
): Promise<(out: Writable) => Promise<void>> {
  const rows = targetExportRows(store, options);
  const first = await rows.next();
  async function* all(): AsyncGenerator<Cell[]> {
    if (!first.done) yield first.value;
    yield* rows;
  }
  return (out) => writeTable(options.format, NZT_COLUMNS, all(), out, 'targets');
}

/** Writes the targets export to `out` (and ends it). */
export async function exportTargets(
  store: Store,
  options: { format: TableFormat; region?: string | undefined },
  out: Writable,
): Promise<void> {
  const write = await prepareTargetsExport(store, options);
  await write(out);
}
