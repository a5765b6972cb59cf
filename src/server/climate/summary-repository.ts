import type { Selectable } from 'kysely';
import type { ClimateTargetTable, EmissionReportTable } from '../db/schema';
import type { Executor } from '../db/types';
import type { InventorySeriesRow } from './inventory-repository';

/**
 * The dashboard reads whole regions (re-exported by repository.ts): these select by a join on
 * the region rather than a list of ids, so each query stays one statement whatever the number
 * of governments.
 */

/** Only the columns a year's figure needs: the dashboard reads hundreds of thousands of rows. */
export type ReportFigureRow = Pick<
  Selectable<EmissionReportTable>,
  (typeof REPORT_FIGURE_COLUMNS)[number]
>;

/** What the precedence rule and the comparisons read (src/core/climate/sources.ts). */
const REPORT_FIGURE_COLUMNS = [
  'id',
  'government_id',
  'year',
  'source',
  'source_label',
  'preferred',
  'report_year',
  'period_end',
  'basic',
  'basic_plus',
  'total',
  'total_coverage',
  'scope1',
  'scope2',
  'scope3',
  'protocol',
  'gases',
  'boundary',
] as const;

export function governmentsForSummary(db: Executor, region: string | undefined) {
  let q = db
    .selectFrom('governments')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .leftJoin('memberships', 'memberships.government_id', 'governments.id')
    .select([
      'governments.id',
      'governments.slug',
      'governments.country',
      'governments.local_lang',
      'governments.latitude',
      'governments.longitude',
      'governments.population',
      'governments.population_year',
      'memberships.category',
      'regions.slug as region',
    ]);
  if (region) q = q.where('regions.slug', '=', region);
  return q.orderBy('governments.id').execute();
}

export function targetsOfRegion(
  db: Executor,
  region: string | undefined,
): Promise<Selectable<ClimateTargetTable>[]> {
  let q = db
    .selectFrom('climate_targets')
    .innerJoin('governments', 'governments.id', 'climate_targets.government_id')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .selectAll('climate_targets');
  if (region) q = q.where('regions.slug', '=', region);
  return q
    .orderBy('climate_targets.government_id')
    .orderBy('climate_targets.target_year')
    .execute();
}

export function reportsOfRegion(
  db: Executor,
  region: string | undefined,
): Promise<ReportFigureRow[]> {
  let q = db
    .selectFrom('emission_reports')
    .innerJoin('governments', 'governments.id', 'emission_reports.government_id')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .select(REPORT_FIGURE_COLUMNS.map((c) => `emission_reports.${c}` as const));
  if (region) q = q.where('regions.slug', '=', region);
  return q
    .orderBy('emission_reports.government_id')
    .orderBy('emission_reports.year')
    .orderBy('emission_reports.id')
    .execute();
}

export function inventoryTotalsOfRegion(
  db: Executor,
  region: string | undefined,
): Promise<InventorySeriesRow[]> {
  let q = db
    .selectFrom('inventories')
    .innerJoin('governments', 'governments.id', 'inventories.government_id')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .select([
      'inventories.id',
      'inventories.government_id',
      'inventories.year',
      'inventories.basic_total',
      'inventories.basic_plus_total',
      'inventories.is_illustrative',
    ])
    // As in a government's series: a draft inventory is not reported yet.
    .where('inventories.status', '=', 'final');
  if (region) q = q.where('regions.slug', '=', region);
  return q.execute();
}

/**
 * The network's climate data version: raised by triggers in the same transaction as any write
 * the summary reads (migration 0025). A string: PostgreSQL answers a bigint as one.
 */
export async function climateDataVersion(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('data_versions')
    .select('version')
    .where('name', '=', 'climate')
    .executeTakeFirst();
  return String(row?.version ?? 0);
}

/**
 * Moves every data version forward by `jump` (after `accord restore`). A restore brings back
 * the versions of the backup's day; without the jump, the writes after it would count up
 * through numbers a running server, or a browser's ETag, already holds an answer for.
 */
export async function advanceDataVersions(db: Executor, jump: number): Promise<void> {
  await db
    .updateTable('data_versions')
    .set((eb) => ({ version: eb('version', '+', jump) }))
    .execute();
}
