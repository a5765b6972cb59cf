import type { Insertable, Selectable } from 'kysely';
import { textFor } from '../../../core/names';
import { nowIso } from '../../clock';
import type { ImportLayoutTable, ImportRunRowTable, ImportRunTable } from '../../db/schema';
import { insertRows } from '../../db/bulk-insert';
import type { Executor } from '../../db/types';
import type { ReportRow, TargetRow } from '../repository';
import type { ImportKind, ImportRowAction, ImportRunStatus } from '../../../core/climate/types';
import type { RowOutcome, RunCounts } from './runs';

/**
 * The importer's repository: it writes import_runs and import_run_rows (a run's progress and
 * every row's outcome) and reads what planning a batch needs from the directory and the climate
 * tables. Records themselves are written by their owners (members and climate repositories).
 */

export type ImportRunRecord = Selectable<ImportRunTable>;
export type ImportLayoutRecord = Selectable<ImportLayoutTable>;
const ROW_OUTCOME_COLUMNS = [
  'id',
  'row_number',
  'action',
  'entity',
  'government',
  'government_name',
  'reason',
  'reasons_json',
  'entity_json',
  'fields_json',
] as const;
export type RowOutcomeRecord = Pick<
  Selectable<ImportRunRowTable>,
  (typeof ROW_OUTCOME_COLUMNS)[number]
>;

/** A row's outcome as stored: its reasons and records as codes and in English words. */
export type StoredRowOutcome = RowOutcome & { reason: string | null; entity: string | null };

/** The governments rows name, by slug: their names now and the language of their own. */
export type GovernmentNamesOnRows = ReadonlyMap<
  string,
  { primary: string; names: Record<string, string>; localLang: string }
>;

/** A target as planning sees it: with its government's slug and its parent's import key. */
export type ExistingTarget = TargetRow & { government_slug: string; parent_key: string | null };
/** An emission report with its government's slug. */
export type ExistingReport = ReportRow & { government_slug: string };

/** Chunks the databases' parameter limits allow for IN lists. */
const CHUNK = 500;

async function chunked<T, R>(items: readonly T[], read: (part: T[]) => Promise<R[]>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK)
    out.push(...(await read(items.slice(i, i + CHUNK))));
  return out;
}

// Saved layouts

export function listLayouts(db: Executor, kind?: ImportKind): Promise<ImportLayoutRecord[]> {
  let query = db.selectFrom('import_layouts').selectAll().orderBy('name');
  if (kind !== undefined) query = query.where('kind', '=', kind);
  return query.execute();
}

export function findLayoutByName(
  db: Executor,
  name: string,
): Promise<ImportLayoutRecord | undefined> {
  return db.selectFrom('import_layouts').where('name', '=', name).selectAll().executeTakeFirst();
}

/** Saves a layout under its name, replacing the one saved under that name before. */
export async function saveLayout(
  db: Executor,
  actor: { userId: number | null; label: string },
  values: { name: string; kind: ImportKind; columnsJson: string },
): Promise<ImportLayoutRecord> {
  const now = nowIso();
  const existing = await findLayoutByName(db, values.name);
  if (existing) {
    await db
      .updateTable('import_layouts')
      .set({
        kind: values.kind,
        columns_json: values.columnsJson,
        version: existing.version + 1,
        updated_at: now,
      })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await db
      .insertInto('import_layouts')
      .values({
        name: values.name,
        kind: values.kind,
        columns_json: values.columnsJson,
        created_by_user_id: actor.userId,
        created_by_label: actor.label,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return (await findLayoutByName(db, values.name)) as ImportLayoutRecord;
}

export async function deleteLayout(db: Executor, name: string): Promise<boolean> {
  const result = await db.deleteFrom('import_layouts').where('name', '=', name).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// Runs

export async function insertRun(
  db: Executor,
  actor: { userId: number | null; label: string },
  values: { kind: ImportKind; fileName: string; dryRun: boolean },
): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('import_runs')
    .values({
      kind: values.kind,
      file_name: values.fileName,
      layout: null,
      dry_run: values.dryRun ? 1 : 0,
      status: 'running',
      total_rows: 0,
      processed_rows: 0,
      created_count: 0,
      updated_count: 0,
      skipped_count: 0,
      governments_created: 0,
      new_government_rows: 0,
      error: null,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      started_at: now,
      finished_at: null,
      heartbeat_at: now,
      warnings_json: null,
      columns_json: null,
      error_json: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findRun(db: Executor, id: number): Promise<ImportRunRecord | undefined> {
  return db.selectFrom('import_runs').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function updateRun(
  db: Executor,
  id: number,
  values: Partial<{
    layout: string;
    /** The run's column map, as JSON text. */
    columns: string;
    /** The run's warnings, as JSON text. */
    warnings: string;
    encoding: string | null;
    totalRows: number;
    counts: RunCounts;
    status: ImportRunStatus;
    error: string | null;
    /** The error as a code with its parameters, as JSON text. */
    errorJson: string | null;
  }>,
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({
      ...(values.layout !== undefined ? { layout: values.layout } : {}),
      ...(values.columns !== undefined ? { columns_json: values.columns } : {}),
      ...(values.warnings !== undefined ? { warnings_json: values.warnings } : {}),
      ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
      ...(values.totalRows !== undefined ? { total_rows: values.totalRows } : {}),
      ...(values.counts
        ? {
            processed_rows: values.counts.processed,
            created_count: values.counts.created,
            updated_count: values.counts.updated,
            skipped_count: values.counts.skipped,
            ...(values.counts.governments
              ? {
                  governments_created: values.counts.governments.created,
                  new_government_rows: values.counts.governments.rows,
                }
              : {}),
          }
        : {}),
      ...(values.status !== undefined ? { status: values.status } : {}),
      ...(values.error !== undefined ? { error: values.error } : {}),
      ...(values.errorJson !== undefined ? { error_json: values.errorJson } : {}),
      ...(values.status !== undefined && values.status !== 'running'
        ? { finished_at: nowIso() }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Records a batch's counts, or ends the run, only while the run is still running: a run that a
 * sweep has marked interrupted (its lease ran out) stays so, and the caller's transaction rolls
 * back. False when the run is no longer running.
 */
export async function updateRunIfRunning(
  db: Executor,
  id: number,
  values: {
    counts?: RunCounts;
    status?: 'done' | 'failed' | 'interrupted';
    error?: string | null;
    errorJson?: string | null;
  },
): Promise<boolean> {
  const now = nowIso();
  const result = await db
    .updateTable('import_runs')
    .set({
      ...(values.counts
        ? {
            processed_rows: values.counts.processed,
            created_count: values.counts.created,
            updated_count: values.counts.updated,
            skipped_count: values.counts.skipped,
            ...(values.counts.governments
              ? {
                  governments_created: values.counts.governments.created,
                  new_government_rows: values.counts.governments.rows,
                }
              : {}),
          }
        : {}),
      heartbeat_at: now,
      ...(values.status !== undefined ? { status: values.status, finished_at: now } : {}),
      ...(values.error !== undefined ? { error: values.error } : {}),
      ...(values.errorJson !== undefined ? { error_json: values.errorJson } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Renews a running run's lease; false when the run is no longer running. */
export async function renewRunLease(db: Executor, id: number): Promise<boolean> {
  const result = await db
    .updateTable('import_runs')
    .set({ heartbeat_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks interrupted every run still running whose lease ended before `staleBefore`, and returns
 * them. One conditional update: when two servers sweep at once, each run is claimed by one of
 * them (PostgreSQL re-reads a row's status after waiting for the other's update; SQLite runs
 * one writer at a time), so its audit entry is written once.
 */
export function claimAbandonedRuns(
  db: Executor,
  staleBefore: string,
  reason: { error: string; errorJson: string },
): Promise<ImportRunRecord[]> {
  return db
    .updateTable('import_runs')
    .set({
      status: 'interrupted',
      error: reason.error,
      error_json: reason.errorJson,
      finished_at: nowIso(),
    })
    .where('status', '=', 'running')
    .where((eb) =>
      eb.or([
        eb('heartbeat_at', '<', staleBefore),
        eb.and([eb('heartbeat_at', 'is', null), eb('started_at', '<', staleBefore)]),
      ]),
    )
    .returningAll()
    .execute();
}

export async function pageRuns(
  db: Executor,
  options: { page: number; pageSize: number },
): Promise<{ rows: ImportRunRecord[]; total: number }> {
  const count = await db
    .selectFrom('import_runs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await db
    .selectFrom('import_runs')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { rows, total: Number(count?.n ?? 0) };
}

// Row outcomes

const insertOutcomeRows = (db: Executor, rows: Insertable<ImportRunRowTable>[]) =>
  db.insertInto('import_run_rows').values(rows);

export async function insertRowOutcomes(
  db: Executor,
  runId: number,
  outcomes: readonly StoredRowOutcome[],
): Promise<void> {
  await insertRows(
    db,
    insertOutcomeRows,
    outcomes.map((o) => ({
      run_id: runId,
      row_number: o.row,
      action: o.action,
      entity: o.entity,
      entity_json: o.entities ? JSON.stringify(o.entities) : null,
      government: o.government?.slug ?? null,
      government_name: o.government?.name ?? null,
      reason: o.reason,
      reasons_json: JSON.stringify(o.reasons),
      fields_json: o.fields ? JSON.stringify(o.fields) : null,
    })),
    CHUNK,
  );
}

export async function pageRowOutcomes(
  db: Executor,
  runId: number,
  options: { page: number; pageSize: number; action?: ImportRowAction | undefined },
): Promise<{ rows: RowOutcomeRecord[]; total: number }> {
  let query = db.selectFrom('import_run_rows').where('run_id', '=', runId);
  if (options.action) query = query.where('action', '=', options.action);
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query
    .select(ROW_OUTCOME_COLUMNS)
    .orderBy('row_number')
    .orderBy('id')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { rows, total: Number(count?.n ?? 0) };
}

/** Row outcomes in row order after a position, for streaming a report of any length. */
export function rowOutcomesAfter(
  db: Executor,
  runId: number,
  after: { row: number; id: number } | null,
  limit: number,
): Promise<RowOutcomeRecord[]> {
  let query = db.selectFrom('import_run_rows').where('run_id', '=', runId);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('row_number', '>', after.row),
        eb.and([eb('row_number', '=', after.row), eb('id', '>', after.id)]),
      ]),
    );
  }
  return query
    .select(ROW_OUTCOME_COLUMNS)
    .orderBy('row_number')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * The names of the governments rows name, by slug (governments since deleted or renamed are
 * absent): every name by language, the primary one (English, else any) and the language of
 * their own, so a row shows a government as the reader sees it elsewhere in Accord.
 */
export async function governmentNamesOnRows(
  db: Executor,
  slugs: readonly string[],
): Promise<GovernmentNamesOnRows> {
  const rows = await chunked([...new Set(slugs)], (part) =>
    db
      .selectFrom('governments as g')
      .leftJoin('government_names as n', (join) =>
        join.onRef('n.government_id', '=', 'g.id').on('n.kind', '=', 'name'),
      )
      .where('g.slug', 'in', part)
      .select(['g.slug', 'g.local_lang', 'n.lang', 'n.name'])
      .orderBy('n.id')
      .execute(),
  );
  const found = new Map<
    string,
    { primary: string; names: Record<string, string>; localLang: string }
  >();
  for (const r of rows) {
    let entry = found.get(r.slug);
    if (!entry)
      found.set(r.slug, (entry = { primary: r.slug, names: {}, localLang: r.local_lang }));
    if (r.name === null) continue;
    if (r.lang && !entry.names[r.lang]) entry.names[r.lang] = r.name;
    entry.primary = textFor(entry.names, 'en') || r.name;
  }
  return found;
}

// What planning reads: the directory's keys

/** Every government's matching keys: slug, country, CDP account, tracker id. */
export function listGovernmentKeys(db: Executor) {
  return db
    .selectFrom('governments')
    .select(['id', 'slug', 'country', 'kind', 'cdp_account', 'nzt_id', 'latitude', 'longitude'])
    .execute();
}

/**
 * The keys of governments merged into others (merges not undone): imports match them to the
 * government each was merged into.
 */
export function mergedGovernmentKeys(db: Executor) {
  return db
    .selectFrom('government_merges')
    .select(['kept_government_id', 'merged_government_id', 'merged_cdp_account', 'merged_nzt_id'])
    .where('undone_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Every name and alias of every government, oldest first (which is primary is the caller's). */
export function listGovernmentNames(db: Executor) {
  return db
    .selectFrom('government_names')
    .select(['government_id', 'name', 'kind', 'lang'])
    .orderBy('id')
    .execute();
}

/** Region slug → id, for the prospects a run creates. */
export async function regionIdsBySlug(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('regions').select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

// What planning reads: the climate records a batch may touch

export function targetsByImportKeys(
  db: Executor,
  keys: readonly string[],
): Promise<ExistingTarget[]> {
  return chunked(keys, (part) =>
    db
      .selectFrom('climate_targets as t')
      .innerJoin('governments as g', 'g.id', 't.government_id')
      .leftJoin('climate_targets as p', 'p.id', 't.parent_target_id')
      .where('t.import_key', 'in', part)
      .selectAll('t')
      .select(['g.slug as government_slug', 'p.import_key as parent_key'])
      .execute(),
  );
}

export function reportsByImportKeys(
  db: Executor,
  keys: readonly string[],
): Promise<ExistingReport[]> {
  return chunked(keys, (part) =>
    db
      .selectFrom('emission_reports as r')
      .innerJoin('governments as g', 'g.id', 'r.government_id')
      .where('r.import_key', 'in', part)
      .selectAll('r')
      .select('g.slug as government_slug')
      .execute(),
  );
}

/** Targets of the governments that no import has keyed yet, oldest first. */
export function unkeyedTargetsOf(
  db: Executor,
  governmentIds: readonly number[],
): Promise<ExistingTarget[]> {
  return chunked(governmentIds, (ids) =>
    db
      .selectFrom('climate_targets as t')
      .innerJoin('governments as g', 'g.id', 't.government_id')
      .leftJoin('climate_targets as p', 'p.id', 't.parent_target_id')
      .where('t.import_key', 'is', null)
      .where('t.government_id', 'in', ids)
      .selectAll('t')
      .select(['g.slug as government_slug', 'p.import_key as parent_key'])
      .orderBy('t.id')
      .execute(),
  );
}

/** Every target of the governments, keyed or not, oldest first. */
export function targetsOfGovernmentsForImport(
  db: Executor,
  governmentIds: readonly number[],
): Promise<ExistingTarget[]> {
  return chunked(governmentIds, (ids) =>
    db
      .selectFrom('climate_targets as t')
      .innerJoin('governments as g', 'g.id', 't.government_id')
      .leftJoin('climate_targets as p', 'p.id', 't.parent_target_id')
      .where('t.government_id', 'in', ids)
      .selectAll('t')
      .select(['g.slug as government_slug', 'p.import_key as parent_key'])
      .orderBy('t.id')
      .execute(),
  );
}

/** Emission reports of the governments that no import has keyed yet, oldest first. */
export function unkeyedReportsOf(
  db: Executor,
  governmentIds: readonly number[],
): Promise<ExistingReport[]> {
  return chunked(governmentIds, (ids) =>
    db
      .selectFrom('emission_reports as r')
      .innerJoin('governments as g', 'g.id', 'r.government_id')
      .where('r.import_key', 'is', null)
      .where('r.government_id', 'in', ids)
      .selectAll('r')
      .select('g.slug as government_slug')
      .orderBy('r.id')
      .execute(),
  );
}

/** The file names of many import runs in one query (the audit log names them). */
export function importFileNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('import_runs').where('id', 'in', ids).select(['id', 'file_name']).execute();
}

/** The names of many import layouts in one query (the audit log names them). */
export function layoutNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('import_layouts').where('id', 'in', ids).select(['id', 'name']).execute();
}
