import type { Insertable, Selectable, Updateable } from 'kysely';
import type { VersionedRecord } from '../../core/climate/types';
import type {
  ClimateActionTable,
  ClimateTargetTable,
  EmissionReportTable,
  RecordVersionTable,
} from '../db/schema';
import { insertRows } from '../db/bulk-insert';
import { bulkUpdateById, type SqlType } from '../db/bulk-update';
import type { Executor } from '../db/types';
import { claimVersionById, claimVersionsById } from '../db/version-claim';
import { bulkColumns, inInputOrder } from './bulk-columns';
import { moveRowsToGovernment } from '../db/government-move';

/**
 * The climate area's repository, one `store.climate` namespace: targets and the governments
 * they belong to, emission reports, actions and stored versions here; inventories, the
 * dashboard's whole-region reads, the reads of targets stated twice and the exports' reads in
 * the files re-exported below.
 */
export * from './inventory-repository';
export * from './record-name-repository';
export * from './summary-repository';
export * from './duplicate-target-repository';
export * from './exports/exports-repository';

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

/**
 * Takes the next version of a target (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimTargetVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'climate_targets', id, expected);
}

/** Takes the next version of the targets still at the version read (see claimVersionsById). */
export function claimTargetVersions(
  db: Executor,
  claims: readonly { id: number; expected: number }[],
): Promise<Set<number>> {
  return claimVersionsById(db, 'climate_targets', claims);
}

export async function updateTarget(
  db: Executor,
  id: number,
  values: Updateable<ClimateTargetTable>,
): Promise<void> {
  await db.updateTable('climate_targets').set(values).where('id', '=', id).execute();
}

/**
 * Takes these targets' rows for the transaction without changing them, in id order (two
 * transactions taking the same pair queue instead of each removing the other's).
 */
export async function lockTargets(db: Executor, ids: readonly number[]): Promise<void> {
  for (const id of [...ids].sort((a, b) => a - b)) {
    await db
      .updateTable('climate_targets')
      .set((eb) => ({ id: eb.ref('id') }))
      .where('id', '=', id)
      .execute();
  }
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
  titles: 'text',
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

/** Emission reports: totals reported elsewhere. */

export type ReportRow = Selectable<EmissionReportTable>;

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

/** Reports by id, in chunks the databases' parameter limits allow (order not kept). */
export async function reportsByIds(db: Executor, ids: readonly number[]): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('emission_reports')
        .where('id', 'in', ids.slice(i, i + 500))
        .selectAll()
        .execute()),
    );
  }
  return rows;
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

/**
 * Takes the next version of an emission report (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimReportVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'emission_reports', id, expected);
}

/** Takes the next version of the reports still at the version read (see claimVersionsById). */
export function claimReportVersions(
  db: Executor,
  claims: readonly { id: number; expected: number }[],
): Promise<Set<number>> {
  return claimVersionsById(db, 'emission_reports', claims);
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

// Bulk writers (the importer)

/** Inserts many emission reports in chunks; returns their ids in input order. */
const insertReports = (db: Executor, rows: Insertable<EmissionReportTable>[]) =>
  db.insertInto('emission_reports').values(rows).returning('id');

export async function insertEmissionReports(
  db: Executor,
  rows: Insertable<EmissionReportTable>[],
): Promise<number[]> {
  const ids: number[] = [];
  // In chunks, each chunk's ids in input order (bulk-columns.ts).
  for (let i = 0; i < rows.length; i += 200) {
    ids.push(...inInputOrder(await insertRows(db, insertReports, rows.slice(i, i + 200), 200)));
  }
  return ids;
}

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
  total_coverage: 'text',
  gases: 'text',
  protocol: 'text',
  boundary: 'text',
  report_year: 'integer',
  dataset: 'text',
  preferred: 'integer',
  provenance: 'text',
  import_key: 'text',
  version: 'integer',
  created_at: 'text',
  updated_at: 'text',
};

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

/** Climate actions and the targets they serve. */

export type ActionRow = Selectable<ClimateActionTable>;

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

/**
 * Takes the next version of an action (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimActionVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'climate_actions', id, expected);
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

/** Stored versions of climate records, for history and restore. */

export type VersionRow = Selectable<RecordVersionTable>;
export type VersionInsert = Insertable<RecordVersionTable>;

/** Stored copies of climate records, in chunks the databases' parameter limits allow. */
const insertVersionRows = (db: Executor, rows: VersionInsert[]) =>
  db.insertInto('record_versions').values(rows);

export async function insertVersions(db: Executor, rows: readonly VersionInsert[]): Promise<void> {
  await insertRows(db, insertVersionRows, rows, 500);
}

/** Every version of one record, newest first. */
export function listVersions(
  db: Executor,
  type: VersionedRecord,
  id: number,
): Promise<VersionRow[]> {
  return db
    .selectFrom('record_versions')
    .where('entity_type', '=', type)
    .where('entity_id', '=', id)
    .selectAll()
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

// ---------------------------------------------------------------- merges of governments
// A merge moves records without a new version: the record is unchanged, and the undo puts it
// back exactly. The merge is in the audit log.

/** Points targets at another government (a merge of governments, and its undo). */
export async function setTargetsGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'climate_targets', ids, governmentId);
}

/** Points emission reports at another government, each with its preferred flag. */
export async function setReportsGovernment(
  db: Executor,
  rows: readonly { id: number; preferred: number }[],
  governmentId: number,
): Promise<void> {
  await bulkUpdateById(
    db,
    'emission_reports',
    [
      { name: 'government_id', type: 'integer' },
      { name: 'preferred', type: 'integer' },
    ],
    rows.map((r) => ({
      id: r.id,
      values: { government_id: governmentId, preferred: r.preferred },
    })),
  );
}

/** Points actions at another government (a merge of governments, and its undo). */
export async function setActionsGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'climate_actions', ids, governmentId);
}
