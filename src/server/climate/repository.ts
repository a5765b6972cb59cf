import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  ClimateActionTable,
  ClimateTargetTable,
  EmissionReportTable,
  InventoryTable,
} from '../db/schema';
import { bulkUpdateById, type BulkColumn, type SqlType } from '../db/bulk-update';
import type { Executor } from '../db/types';

export type TargetRow = Selectable<ClimateTargetTable>;
export type InventoryRow = Selectable<InventoryTable>;
export type ReportRow = Selectable<EmissionReportTable>;
export type ActionRow = Selectable<ClimateActionTable>;

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

// Inventories

export function inventoriesOfGovernments(
  db: Executor,
  governmentIds: number[],
): Promise<InventoryRow[]> {
  if (governmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inventories')
    .where('government_id', 'in', governmentIds)
    .selectAll()
    .orderBy('government_id')
    .orderBy('year')
    .execute();
}

export function findInventory(db: Executor, id: number): Promise<InventoryRow | undefined> {
  return db.selectFrom('inventories').where('id', '=', id).selectAll().executeTakeFirst();
}

export function findInventoryByYear(
  db: Executor,
  governmentId: number,
  year: number,
): Promise<InventoryRow | undefined> {
  return db
    .selectFrom('inventories')
    .where('government_id', '=', governmentId)
    .where('year', '=', year)
    .selectAll()
    .executeTakeFirst();
}

export function entriesOf(db: Executor, inventoryId: number) {
  return db
    .selectFrom('inventory_entries')
    .where('inventory_id', '=', inventoryId)
    .select(['code', 'gas', 'amount', 'notation_key', 'notes'])
    .orderBy('id')
    .execute();
}

export async function insertInventory(
  db: Executor,
  values: Insertable<InventoryTable>,
): Promise<number> {
  const row = await db
    .insertInto('inventories')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateInventory(
  db: Executor,
  id: number,
  values: Updateable<InventoryTable>,
): Promise<void> {
  await db.updateTable('inventories').set(values).where('id', '=', id).execute();
}

export async function replaceEntries(
  db: Executor,
  inventoryId: number,
  entries: {
    code: string;
    gas: string;
    amount: number | null;
    notationKey: string | null;
    notes?: string | null | undefined;
  }[],
): Promise<void> {
  await db.deleteFrom('inventory_entries').where('inventory_id', '=', inventoryId).execute();
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    if (chunk.length === 0) continue;
    await db
      .insertInto('inventory_entries')
      .values(
        chunk.map((e) => ({
          inventory_id: inventoryId,
          code: e.code,
          gas: e.gas,
          amount: e.amount,
          notation_key: e.notationKey,
          notes: e.notes ?? null,
        })),
      )
      .execute();
  }
}

export async function deleteInventory(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('inventories').where('id', '=', id).execute();
}

// Emission reports

export function reportsOfGovernments(db: Executor, governmentIds: number[]): Promise<ReportRow[]> {
  if (governmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('emission_reports')
    .where('government_id', 'in', governmentIds)
    .selectAll()
    .orderBy('government_id')
    .orderBy('year')
    .orderBy('id')
    .execute();
}

export function findReport(db: Executor, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('emission_reports').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function insertReport(
  db: Executor,
  values: Insertable<EmissionReportTable>,
): Promise<number> {
  const row = await db
    .insertInto('emission_reports')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReport(
  db: Executor,
  id: number,
  values: Updateable<EmissionReportTable>,
): Promise<void> {
  await db.updateTable('emission_reports').set(values).where('id', '=', id).execute();
}

/** Only one report of a government and year is preferred. */
export async function clearPreferred(
  db: Executor,
  governmentId: number,
  year: number,
  exceptId: number,
): Promise<number[]> {
  const others = await db
    .selectFrom('emission_reports')
    .where('government_id', '=', governmentId)
    .where('year', '=', year)
    .where('preferred', '=', 1)
    .where('id', '!=', exceptId)
    .select('id')
    .execute();
  if (others.length) {
    await db
      .updateTable('emission_reports')
      .set({ preferred: 0 })
      .where(
        'id',
        'in',
        others.map((o) => o.id),
      )
      .execute();
  }
  return others.map((o) => o.id);
}

export async function deleteReport(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('emission_reports').where('id', '=', id).execute();
}

// Actions

export function actionsOfGovernment(db: Executor, governmentId: number): Promise<ActionRow[]> {
  return db
    .selectFrom('climate_actions')
    .where('government_id', '=', governmentId)
    .selectAll()
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findAction(db: Executor, id: number): Promise<ActionRow | undefined> {
  return db.selectFrom('climate_actions').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function targetIdsOfActions(
  db: Executor,
  actionIds: number[],
): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (actionIds.length === 0) return map;
  const rows = await db
    .selectFrom('action_targets')
    .where('action_id', 'in', actionIds)
    .select(['action_id', 'target_id'])
    .orderBy('target_id')
    .execute();
  for (const r of rows) map.set(r.action_id, [...(map.get(r.action_id) ?? []), r.target_id]);
  return map;
}

export async function insertAction(
  db: Executor,
  values: Insertable<ClimateActionTable>,
): Promise<number> {
  const row = await db
    .insertInto('climate_actions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAction(
  db: Executor,
  id: number,
  values: Updateable<ClimateActionTable>,
): Promise<void> {
  await db.updateTable('climate_actions').set(values).where('id', '=', id).execute();
}

export async function setActionTargets(db: Executor, actionId: number, targetIds: number[]) {
  await db.deleteFrom('action_targets').where('action_id', '=', actionId).execute();
  if (targetIds.length) {
    await db
      .insertInto('action_targets')
      .values(targetIds.map((target_id) => ({ action_id: actionId, target_id })))
      .execute();
  }
}

export async function deleteAction(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('climate_actions').where('id', '=', id).execute();
}

// Dashboard

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
    ]);
  if (region) q = q.where('regions.slug', '=', region);
  return q.orderBy('governments.id').execute();
}

/**
 * The dashboard reads whole regions: these select by a join on the region rather than a
 * list of ids, so the query stays one statement whatever the number of governments.
 */
export function targetsOfRegion(db: Executor, region: string | undefined): Promise<TargetRow[]> {
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

/** Only the columns a year's figure needs: the dashboard reads hundreds of thousands of rows. */
export type ReportFigureRow = Pick<
  ReportRow,
  'id' | 'government_id' | 'year' | 'source' | 'preferred' | 'basic' | 'total' | 'scope1' | 'scope2'
>;

export function reportsOfRegion(
  db: Executor,
  region: string | undefined,
): Promise<ReportFigureRow[]> {
  let q = db
    .selectFrom('emission_reports')
    .innerJoin('governments', 'governments.id', 'emission_reports.government_id')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .select([
      'emission_reports.id',
      'emission_reports.government_id',
      'emission_reports.year',
      'emission_reports.source',
      'emission_reports.preferred',
      'emission_reports.basic',
      'emission_reports.total',
      'emission_reports.scope1',
      'emission_reports.scope2',
    ]);
  if (region) q = q.where('regions.slug', '=', region);
  return q.orderBy('emission_reports.government_id').orderBy('emission_reports.year').execute();
}

export function inventoryTotalsOfRegion(db: Executor, region: string | undefined) {
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
    ]);
  if (region) q = q.where('regions.slug', '=', region);
  return q.execute();
}

export interface VersionInsert {
  entity_type: string;
  entity_id: number;
  version: number;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  change: string;
  snapshot: string | null;
}

/** Stored copies of climate records, in chunks the databases' parameter limits allow. */
export async function insertVersions(db: Executor, rows: VersionInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    if (chunk.length > 0) await db.insertInto('record_versions').values(chunk).execute();
  }
}

export function listVersions(db: Executor, type: string, id: number) {
  return db
    .selectFrom('record_versions')
    .where('entity_type', '=', type)
    .where('entity_id', '=', id)
    .selectAll()
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

// Bulk writers (the importer; the demo)

/**
 * Ids of rows one multi-row INSERT created, in the order of its VALUES: both databases number
 * a statement's rows as they insert them, in that order, so the ascending ids are the input's.
 */
function inInputOrder(rows: { id: number }[]): number[] {
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

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

/** Inserts many emission reports in chunks; returns their ids in input order. */
export async function insertEmissionReports(
  db: Executor,
  rows: Insertable<EmissionReportTable>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const created = await db
      .insertInto('emission_reports')
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

const REPORT_COLUMN_TYPES: Record<Exclude<keyof EmissionReportTable, 'id'>, SqlType> = {
  government_id: 'integer',
  year: 'integer',
  source: 'text',
  source_label: 'text',
  period_start: 'text',
  period_end: 'text',
  scope1: 'double precision',
  scope2: 'double precision',
  scope3: 'double precision',
  basic: 'double precision',
  basic_plus: 'double precision',
  total: 'double precision',
  gases: 'text',
  protocol: 'text',
  boundary: 'text',
  preferred: 'integer',
  provenance: 'text',
  import_key: 'text',
  version: 'integer',
  created_at: 'text',
  updated_at: 'text',
};

/** The columns a bulk update sets: those of its first row, which every row must set. */
function bulkColumns<T extends string>(
  types: Record<T, SqlType>,
  rows: readonly { values: object }[],
): BulkColumn[] {
  const first = rows[0];
  if (!first) return [];
  const names = Object.keys(first.values).sort() as T[];
  for (const row of rows) {
    if (Object.keys(row.values).sort().join() !== names.join()) {
      throw new Error('A bulk update sets the same columns on every row.');
    }
  }
  return names.map((name) => ({ name, type: types[name] }));
}

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

/** Updates many emission reports, each with its own values (every row setting the same columns). */
export async function updateEmissionReportsById(
  db: Executor,
  rows: readonly { id: number; values: Updateable<EmissionReportTable> }[],
): Promise<void> {
  await bulkUpdateById(
    db,
    'emission_reports',
    bulkColumns(REPORT_COLUMN_TYPES, rows),
    rows.map((r) => ({ id: r.id, values: r.values })),
  );
}
