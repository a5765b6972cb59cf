import type { Selectable } from 'kysely';
import type { ImportRunRowTable, ImportRunTable } from '../../db/schema';
import { nowIso, type Executor } from '../../db/types';
import type { ImportKind, ImportRun } from '../schemas';
import type { AuditActor, SystemActor } from '../../audit/service';

/** The import_runs and import_run_rows tables: a run's progress and every row's outcome. */

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip';

export interface RowOutcome {
  row: number;
  action: RowAction;
  entity: string | null;
  government: string | null;
  reason: string | null;
}

export interface RunCounts {
  processed: number;
  created: number;
  updated: number;
  skipped: number;
}

export function toImportRun(row: Selectable<ImportRunTable>): ImportRun {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.file_name,
    layout: row.layout,
    dryRun: row.dry_run === 1,
    status: row.status as ImportRun['status'],
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    created: row.created_count,
    updated: row.updated_count,
    skipped: row.skipped_count,
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export async function insertRun(
  db: Executor,
  actor: AuditActor | SystemActor,
  values: { kind: ImportKind; fileName: string; dryRun: boolean },
): Promise<number> {
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
      error: null,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      started_at: nowIso(),
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findRun(db: Executor, id: number) {
  return db.selectFrom('import_runs').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function updateRun(
  db: Executor,
  id: number,
  values: Partial<{
    layout: string;
    totalRows: number;
    counts: RunCounts;
    status: 'running' | 'done' | 'failed';
    error: string | null;
  }>,
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({
      ...(values.layout !== undefined ? { layout: values.layout } : {}),
      ...(values.totalRows !== undefined ? { total_rows: values.totalRows } : {}),
      ...(values.counts
        ? {
            processed_rows: values.counts.processed,
            created_count: values.counts.created,
            updated_count: values.counts.updated,
            skipped_count: values.counts.skipped,
          }
        : {}),
      ...(values.status !== undefined ? { status: values.status } : {}),
      ...(values.error !== undefined ? { error: values.error } : {}),
      ...(values.status === 'done' || values.status === 'failed' ? { finished_at: nowIso() } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertRowOutcomes(
  db: Executor,
  runId: number,
  outcomes: RowOutcome[],
): Promise<void> {
  for (let i = 0; i < outcomes.length; i += 500) {
    const part = outcomes.slice(i, i + 500);
    await db
      .insertInto('import_run_rows')
      .values(
        part.map((o) => ({
          run_id: runId,
          row_number: o.row,
          action: o.action,
          entity: o.entity,
          government: o.government,
          reason: o.reason,
        })),
      )
      .execute();
  }
}

export function toRowOutcome(
  row: Pick<
    Selectable<ImportRunRowTable>,
    'row_number' | 'action' | 'entity' | 'government' | 'reason'
  >,
): RowOutcome {
  return {
    row: row.row_number,
    action: row.action as RowAction,
    entity: row.entity,
    government: row.government,
    reason: row.reason,
  };
}

export async function pageRowOutcomes(
  db: Executor,
  runId: number,
  options: { page: number; pageSize: number; action?: RowAction | undefined },
): Promise<{ rows: RowOutcome[]; total: number }> {
  let query = db.selectFrom('import_run_rows').where('run_id', '=', runId);
  if (options.action) query = query.where('action', '=', options.action);
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query
    .select(['row_number', 'action', 'entity', 'government', 'reason'])
    .orderBy('row_number')
    .orderBy('id')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { rows: rows.map(toRowOutcome), total: Number(count?.n ?? 0) };
}

export async function pageRuns(
  db: Executor,
  options: { page: number; pageSize: number },
): Promise<{ rows: Selectable<ImportRunTable>[]; total: number }> {
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

/** Row outcomes in row order after a position, for streaming a report of any length. */
export async function rowOutcomesAfter(
  db: Executor,
  runId: number,
  after: { row: number; id: number } | null,
  limit: number,
): Promise<(RowOutcome & { id: number })[]> {
  let query = db.selectFrom('import_run_rows').where('run_id', '=', runId);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('row_number', '>', after.row),
        eb.and([eb('row_number', '=', after.row), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query
    .select(['id', 'row_number', 'action', 'entity', 'government', 'reason'])
    .orderBy('row_number')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, ...toRowOutcome(r) }));
}
