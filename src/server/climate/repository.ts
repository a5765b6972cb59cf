import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ClimateTargetTable } from '../db/schema';
import { bulkUpdateById, type SqlType } from '../db/bulk-update';
import type { Executor } from '../db/types';
import { bulkColumns, inInputOrder } from './bulk-columns';

/**
 * The climate area's repository, one `store.climate` namespace: targets and the governments
 * they belong to here; inventories, emission reports, actions, stored versions, the dashboard's
 * and the exports' reads in the files re-exported below.
 */
export * from './inventory-repository';
export * from './emission-repository';
export * from './action-repository';
export * from './version-repository';
export * from './summary-repository';
export * from './export-repository';

export type TargetRow = Selectable<ClimateTargetTable>;

export interface GovernmentRef {
  id: number;
  slug: string;
  population: number | null;
  population_year: number | null;
}

export function governmentRef(db: Executor, slug: string): Promise<GovernmentRef | undefined> {
  return db
    .selectFrom('governments')
    .where('slug', '=', slug)
    .select(['id', 'slug', 'population', 'population_year'])
    .executeTakeFirst();
}

export function governmentRefById(db: Executor, id: number): Promise<GovernmentRef | undefined> {
  return db
    .selectFrom('governments')
    .where('id', '=', id)
    .select(['id', 'slug', 'population', 'population_year'])
    .executeTakeFirst();
}

/** Government id → slug, for records read in bulk (the importer's versions, old snapshots). */
export async function governmentSlugs(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const slugs = new Map<number, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('governments')
      .where('id', 'in', unique.slice(i, i + 500))
      .select(['id', 'slug'])
      .execute();
    for (const r of rows) slugs.set(r.id, r.slug);
  }
  return slugs;
}

// Targets

export function targetsOfGovernments(db: Executor, governmentIds: number[]): Promise<TargetRow[]> {
  if (governmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('climate_targets')
    .where('government_id', 'in', governmentIds)
    .selectAll()
    .orderBy('government_id')
    .orderBy('target_year')
    .orderBy('id')
    .execute();
}

export function findTarget(db: Executor, id: number): Promise<TargetRow | undefined> {
  return db.selectFrom('climate_targets').where('id', '=', id).selectAll().executeTakeFirst();
}

/** Targets by id, in chunks the databases' parameter limits allow (order not kept). */
export async function targetsByIds(db: Executor, ids: readonly number[]): Promise<TargetRow[]> {
  const rows: TargetRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('climate_targets')
        .where('id', 'in', ids.slice(i, i + 500))
        .selectAll()
        .execute()),
    );
  }
  return rows;
}

export async function insertTarget(
  db: Executor,
  values: Insertable<ClimateTargetTable>,
): Promise<number> {
  const row = await db
    .insertInto('climate_targets')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTarget(
  db: Executor,
  id: number,
  values: Updateable<ClimateTargetTable>,
): Promise<void> {
  await db.updateTable('climate_targets').set(values).where('id', '=', id).execute();
}

export async function deleteTarget(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('climate_targets').where('id', '=', id).execute();
}

// Bulk writers (the importer; the demo)

/** Inserts many targets in chunks; returns their ids in input order. */
export async function insertTargets(
  db: Executor,
  rows: Insertable<ClimateTargetTable>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const created = await db
      .insertInto('climate_targets')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    ids.push(...inInputOrder(created));
  }
  return ids;
}

const TARGET_COLUMN_TYPES: Record<Exclude<keyof ClimateTargetTable, 'id'>, SqlType> = {
  government_id: 'integer',
  parent_target_id: 'integer',
  type: 'text',
  net_zero_label: 'text',
  title: 'text',
  description: 'text',
  base_year: 'integer',
  base_emissions: 'double precision',
  target_year: 'integer',
  reduction_percent: 'double precision',
  target_emissions: 'double precision',
  bau_emissions: 'double precision',
  base_intensity: 'double precision',
  intensity_unit: 'text',
  fuel: 'text',
  share_percent: 'double precision',
  pollutant: 'text',
  level_value: 'double precision',
  level_unit: 'text',
  coverage_gases: 'text',
  coverage_scopes: 'text',
  coverage_sectors: 'text',
  boundary: 'text',
  status: 'text',
  date_set: 'text',
  source_url: 'text',
  source_document: 'text',
  initiatives: 'text',
  offsets_allowed: 'integer',
  self_reported_progress: 'double precision',
  self_reported_source: 'text',
  import_key: 'text',
  version: 'integer',
  created_at: 'text',
  updated_at: 'text',
};

/** Updates many targets, each with its own values (every row setting the same columns). */
export async function updateTargetsById(
  db: Executor,
  rows: readonly { id: number; values: Updateable<ClimateTargetTable> }[],
): Promise<void> {
  await bulkUpdateById(
    db,
    'climate_targets',
    bulkColumns(TARGET_COLUMN_TYPES, rows),
    rows.map((r) => ({ id: r.id, values: r.values })),
    100,
  );
}
