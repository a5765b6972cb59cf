import type { Writable } from 'node:stream';
import { countryByIso2 } from '../../../core/climate/country';
import { isEmissionsTarget, EMISSIONS_TARGET_TYPES } from '../../../core/climate/target-fields';
import type { NetZeroLabel, TargetStatus } from '../../../core/climate/types';
import { parseJsonColumn } from '../../db/json';
import { notFound } from '../../http/problem';
import type { Store } from '../../store';
import type { ExportGovernment, TargetRow } from '../repository';
import { writeTable, type Cell, type TableFormat } from './write-table';

/**
 * Targets in the Net Zero Tracker's columns, one row per government with an emissions target:
 * its end target (the latest target year) and its interim target (the one linked to it, else
 * the nearest earlier one). Governments are read in pages of PAGE_SIZE with a few queries per
 * page, so the export streams whatever the size of the directory.
 */

export const NZT_COLUMNS = [
  'id_code',
  'name',
  'country',
  'actor_type',
  'end_target',
  'end_target_year',
  'end_target_status',
  'end_target_percentage_reduction',
  'end_target_baseline_year',
  'end_target_baseline_emissions',
  'interim_target',
  'interim_target_year',
  'interim_target_percentage_reduction',
  'interim_target_baseline_year',
  'status_date',
  'source_url',
  'race_to_zero_member',
  'gasses_coverage',
  'scope_1',
  'scope_2',
  'scope_3',
  'has_plan',
  'reporting_mechanism',
  'carbon_credit_offsets',
] as const;
export type NztColumn = (typeof NZT_COLUMNS)[number];

const PAGE_SIZE = 500;

/** The tracker's names for the net-zero family. */
const NZT_END_TARGET: Record<NetZeroLabel, string> = {
  'net-zero': 'Net zero',
  'zero-emissions': 'Zero emissions',
  'zero-carbon': 'Zero carbon',
  'carbon-neutral': 'Carbon neutral(ity)',
  'climate-neutral': 'Climate neutral',
  'ghg-neutral': 'GHG neutral(ity)',
  'climate-positive': 'Climate positive',
  'net-negative': 'Net negative',
};

const NZT_STATUS: Record<TargetStatus, string> = {
  proposed: 'Proposed / in discussion',
  declaration: 'Declaration / pledge',
  policy: 'In policy document',
  law: 'In law',
  'achieved-self-declared': 'Achieved (self-declared)',
  'achieved-validated': 'Achieved (externally validated)',
};

const REPORTING_SOURCES: Record<string, string> = { cdp: 'CDP', national: 'National statistics' };

/** The tracker's names for Accord's other target types (the importer reads them back). */
const NZT_TARGET_TYPE: Partial<Record<TargetRow['type'], string>> = {
  'fixed-level': 'Absolute emissions target',
  'baseline-scenario': 'Reduction v. BAU',
  intensity: 'Emissions intensity target',
  other: 'Other',
};

function targetText(target: TargetRow): string {
  if (target.net_zero_label) return NZT_END_TARGET[target.net_zero_label];
  return NZT_TARGET_TYPE[target.type] ?? 'Emissions reduction target';
}

/** The tracker gives emissions in MtCO2e; Accord keeps tonnes. */
const megatonnes = (tonnes: number | null) =>
  tonnes === null ? null : Number((tonnes / 1e6).toPrecision(12));

/** A JSON list column of a target; a damaged one is an error naming the row. */
function jsonList(target: TargetRow, text: string): unknown[] {
  return parseJsonColumn('climate_targets', target.id, text, Array.isArray) ?? [];
}

/** The latest-year target not itself an interim target; net zero first on a tie. */
export function endTargetOf(targets: readonly TargetRow[]): TargetRow | null {
  const dated = targets.filter((t) => t.target_year !== null && isEmissionsTarget(t.type));
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
      isEmissionsTarget(t.type) &&
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

function rowFor(
  government: ExportGovernment,
  name: string,
  targets: TargetRow[],
  hasPlan: boolean,
  sources: string[],
): Cell[] | null {
  const end = endTargetOf(targets);
  if (!end) return null;
  const interim = interimTargetOf(targets, end);
  const scopes = jsonList(end, end.coverage_scopes) as number[];
  const scope = (n: number) => (scopes.length === 0 ? null : scopes.includes(n) ? 'Yes' : 'No');
  const initiatives = jsonList(end, end.initiatives).map(String);
  const values: Record<NztColumn, Cell> = {
    id_code: government.nzt_id,
    name,
    country: countryByIso2(government.country)?.alpha3 ?? government.country,
    actor_type: ['province', 'prefecture', 'county'].includes(government.kind) ? 'Region' : 'City',
    end_target: targetText(end),
    end_target_year: end.target_year,
    end_target_status: NZT_STATUS[end.status],
    end_target_percentage_reduction:
      end.reduction_percent ?? (end.net_zero_label !== null ? 100 : null),
    end_target_baseline_year: end.base_year,
    end_target_baseline_emissions: megatonnes(end.base_emissions),
    interim_target: interim ? targetText(interim) : null,
    interim_target_year: interim?.target_year ?? null,
    interim_target_percentage_reduction: interim?.reduction_percent ?? null,
    interim_target_baseline_year: interim?.base_year ?? null,
    status_date: end.date_set,
    source_url: end.source_url,
    race_to_zero_member: initiatives.some((i) => /race to zero/i.test(i)) ? 'Yes' : null,
    gasses_coverage: jsonList(end, end.coverage_gases).join(', ') || null,
    scope_1: scope(1),
    scope_2: scope(2),
    scope_3: scope(3),
    has_plan: hasPlan ? 'Yes' : null,
    reporting_mechanism: sources.map((s) => REPORTING_SOURCES[s] ?? s).join('; ') || null,
    carbon_credit_offsets:
      end.offsets_allowed === null ? null : end.offsets_allowed === 1 ? 'Yes' : 'No',
  };
  return NZT_COLUMNS.map((column) => values[column]);
}

/** The rows of the targets export, page by page. */
export async function* targetExportRows(
  store: Store,
  options: { region?: string | undefined } = {},
): AsyncGenerator<Cell[]> {
  let regionId: number | null = null;
  if (options.region) {
    const id = await store.climate.regionIdBySlug(options.region);
    if (id === undefined) throw notFound(`No region "${options.region}".`);
    regionId = id;
  }
  let lastId = 0;
  for (;;) {
    const governments = await store.climate.governmentsWithTargetsPage({
      afterId: lastId,
      regionId,
      types: EMISSIONS_TARGET_TYPES,
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
