import type { Selectable } from 'kysely';
import type { ClimateTargetTable, EmissionReportTable } from '../db/schema';
import { RESTORE_JUMP } from '../db/restore-jump';
import type { Executor } from '../db/types';
import type { InventorySeriesRow } from './inventory-repository';

/**
 * What the network dashboard reads (re-exported by repository.ts): the climate data version
 * and the governments written since a version, and each government's rows, a batch of
 * governments at a time.
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
  if (jump < RESTORE_JUMP) throw new Error(`A restore's jump is ${RESTORE_JUMP} or more.`);
  await db
    .updateTable('data_versions')
    .set((eb) => ({ version: eb('version', '+', jump) }))
    .execute();
}
/*
 * The summary assessed government by government (summary-assessment.ts): the same rows as
 * above, for a list of governments (a batch of a few hundred at a time), each list in a fixed
 * order so that a government assessed alone gives what it gives among all.
 */

/** The regions, for the slug of each government's region (a handful of rows). */
export function summaryRegions(db: Executor) {
  return db.selectFrom('regions').select(['id', 'slug']).execute();
}

/** The ids of a region's governments (every government without one), in id order. */
export async function summaryGovernmentIds(
  db: Executor,
  region: string | undefined,
): Promise<number[]> {
  let q = db
    .selectFrom('governments')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .select('governments.id');
  if (region) q = q.where('regions.slug', '=', region);
  const rows = await q.orderBy('governments.id').execute();
  return rows.map((r) => r.id);
}

export type SummaryGovernmentRow = Awaited<ReturnType<typeof summaryGovernmentsByIds>>[number];

export function summaryGovernmentsByIds(db: Executor, ids: readonly number[]) {
  return db
    .selectFrom('governments')
    .leftJoin('memberships', 'memberships.government_id', 'governments.id')
    .select([
      'governments.id',
      'governments.region_id',
      'governments.slug',
      'governments.country',
      'governments.local_lang',
      'governments.latitude',
      'governments.longitude',
      'governments.population',
      'governments.population_year',
      'memberships.category',
    ])
    .where('governments.id', 'in', ids)
    .orderBy('governments.id')
    .execute();
}

export function summaryTargetsByIds(
  db: Executor,
  ids: readonly number[],
): Promise<Selectable<ClimateTargetTable>[]> {
  return db
    .selectFrom('climate_targets')
    .selectAll()
    .where('government_id', 'in', ids)
    .orderBy('government_id')
    .orderBy('target_year')
    .orderBy('id')
    .execute();
}

export function summaryReportsByIds(
  db: Executor,
  ids: readonly number[],
): Promise<ReportFigureRow[]> {
  return db
    .selectFrom('emission_reports')
    .select(REPORT_FIGURE_COLUMNS)
    .where('government_id', 'in', ids)
    .orderBy('government_id')
    .orderBy('year')
    .orderBy('id')
    .execute();
}

export function summaryInventoriesByIds(
  db: Executor,
  ids: readonly number[],
): Promise<InventorySeriesRow[]> {
  return db
    .selectFrom('inventories')
    .select(['id', 'government_id', 'year', 'basic_total', 'basic_plus_total', 'is_illustrative'])
    .where('government_id', 'in', ids)
    .where('status', '=', 'final')
    .orderBy('government_id')
    .orderBy('year')
    .execute();
}

/** The governments' names (not aliases), in the order they were given. */
export function summaryNamesByIds(db: Executor, ids: readonly number[]) {
  return db
    .selectFrom('government_names')
    .select(['government_id', 'lang', 'name'])
    .where('government_id', 'in', ids)
    .where('kind', '=', 'name')
    .orderBy('government_id')
    .orderBy('id')
    .execute();
}

/**
 * The governments whose climate rows changed after version `since` (migration 0029), deleted
 * ones included. A string version: PostgreSQL answers a bigint as one.
 */
export async function governmentsChangedSince(db: Executor, since: string): Promise<number[]> {
  const rows = await db
    .selectFrom('climate_gov_versions')
    .select('government_id')
    .where('version', '>', since)
    .execute();
  return rows.map((r) => r.government_id);
}
