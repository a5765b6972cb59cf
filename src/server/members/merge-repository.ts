import type { Insertable, Selectable } from 'kysely';
import type { GovernmentMergeRowTable, GovernmentMergeTable } from '../db/schema';
import type { Executor } from '../db/types';
import type { GovernmentRefTable } from './merge-tables';

/**
 * Merges of governments: the owner of government_merges and government_merge_rows (what each
 * merge moved, changed or removed, as it was). It reads every table that points at a
 * government; the rows themselves are moved by their owners' writers (merge-service.ts).
 */

export type MergeRecord = Selectable<GovernmentMergeTable>;
export type MergeRowRecord = Selectable<GovernmentMergeRowTable>;
export type NewMergeRow = Insertable<GovernmentMergeRowTable>;

/** Every row, whole, of every table that points at one of these governments. */
export async function rowsReferencing(db: Executor, governmentIds: readonly number[]) {
  const ids = [...governmentIds];
  const [
    names,
    memberships,
    positions,
    users,
    targets,
    inventories,
    reports,
    actions,
    seats,
    invitations,
    attendance,
    motionVotes,
    newsGovernments,
    candidates,
    electionVoters,
    periods,
    invoices,
  ] = await Promise.all([
    db
      .selectFrom('government_names')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('memberships')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('positions')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db.selectFrom('users').selectAll().where('government_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('climate_targets')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('inventories')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('emission_reports')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('climate_actions')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db.selectFrom('seats').selectAll().where('government_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('invitations')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('attendance')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('motion_votes')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('news_governments')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('candidates')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('election_voters')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('election_id')
      .execute(),
    db
      .selectFrom('membership_periods')
      .selectAll()
      .where('government_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db.selectFrom('invoices').selectAll().where('government_id', 'in', ids).orderBy('id').execute(),
  ]);
  return {
    government_names: names,
    memberships,
    positions,
    users,
    climate_targets: targets,
    inventories,
    emission_reports: reports,
    climate_actions: actions,
    seats,
    invitations,
    attendance,
    motion_votes: motionVotes,
    news_governments: newsGovernments,
    candidates,
    election_voters: electionVoters,
    membership_periods: periods,
    invoices,
  } satisfies Record<GovernmentRefTable, unknown[]>;
}
export type GovernmentRefs = Awaited<ReturnType<typeof rowsReferencing>>;

/** The rows of a table, by id, as they are now (what an undo may still move back). */
export async function currentGovernmentOf(
  db: Executor,
  table: Exclude<GovernmentRefTable, 'election_voters'>,
  ids: readonly number[],
): Promise<Map<number, number | null>> {
  const found = new Map<number, number | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom(table as 'positions')
      .select(['id', 'government_id'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) found.set(r.id, r.government_id);
  }
  return found;
}

/** Which of these elections a government is in the register of. */
export async function electionsVotedBy(db: Executor, governmentId: number) {
  const rows = await db
    .selectFrom('election_voters')
    .select('election_id')
    .where('government_id', '=', governmentId)
    .execute();
  return new Set(rows.map((r) => r.election_id));
}

export async function insertMerge(
  db: Executor,
  values: Insertable<GovernmentMergeTable>,
): Promise<number> {
  const row = await db
    .insertInto('government_merges')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMergeRows(
  db: Executor,
  rows: readonly Insertable<GovernmentMergeRowTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('government_merge_rows')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export function findMerge(db: Executor, id: number): Promise<MergeRecord | undefined> {
  return db.selectFrom('government_merges').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Takes the merge's row for the transaction (two undos of one merge queue here). */
export async function lockMerge(db: Executor, id: number): Promise<MergeRecord | undefined> {
  await db
    .updateTable('government_merges')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', id)
    .execute();
  return findMerge(db, id);
}

export function mergeRowsOf(db: Executor, mergeId: number): Promise<MergeRowRecord[]> {
  return db
    .selectFrom('government_merge_rows')
    .selectAll()
    .where('merge_id', '=', mergeId)
    .orderBy('id')
    .execute();
}

/** How many rows of each table each merge moved, changed or removed. */
export async function mergeRowCounts(db: Executor, mergeIds: readonly number[]) {
  const counts = new Map<number, Record<string, number>>();
  if (mergeIds.length === 0) return counts;
  const rows = await db
    .selectFrom('government_merge_rows')
    .select(['merge_id', 'table_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('merge_id', 'in', [...mergeIds])
    .groupBy(['merge_id', 'table_name'])
    .execute();
  for (const r of rows) {
    const byTable = counts.get(r.merge_id) ?? {};
    byTable[r.table_name] = Number(r.n);
    counts.set(r.merge_id, byTable);
  }
  return counts;
}

export async function pageMerges(
  db: Executor,
  page: number,
  pageSize: number,
): Promise<{ rows: MergeRecord[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('government_merges')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('government_merges')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function markMergeUndone(
  db: Executor,
  id: number,
  at: string,
  by: string,
): Promise<void> {
  await db
    .updateTable('government_merges')
    .set({ undone_at: at, undone_by: by })
    .where('id', '=', id)
    .execute();
}

/** Merges not undone that came after this one and took the government's rows elsewhere. */
export function laterMergesOf(db: Executor, id: number, governmentId: number) {
  return db
    .selectFrom('government_merges')
    .select(['id', 'kept_slug', 'merged_slug'])
    .where('id', '>', id)
    .where('undone_at', 'is', null)
    .where('merged_government_id', '=', governmentId)
    .execute();
}

/**
 * The keys of merged governments (merges not undone), with the government each was merged
 * into: imports keep matching them there.
 */
export function activeMergedKeys(db: Executor) {
  return db
    .selectFrom('government_merges')
    .select([
      'id',
      'kept_government_id',
      'merged_government_id',
      'merged_cdp_account',
      'merged_nzt_id',
    ])
    .where('undone_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** What the duplicates report reads: every government with its place, keys and membership. */
export function governmentsForDuplicates(db: Executor) {
  return db
    .selectFrom('governments as g')
    .leftJoin('memberships as m', 'm.government_id', 'g.id')
    .select([
      'g.id',
      'g.slug',
      'g.kind',
      'g.country',
      'g.latitude',
      'g.longitude',
      'g.cdp_account',
      'g.nzt_id',
      'g.created_at',
      'g.local_lang',
      'm.category',
    ])
    .orderBy('g.id')
    .execute();
}

/** Every name and alias, for the duplicates report. */
export function namesForDuplicates(db: Executor) {
  return db
    .selectFrom('government_names')
    .select(['government_id', 'lang', 'kind', 'name'])
    .orderBy('id')
    .execute();
}

/** How many climate records each of these governments has (to choose which one to keep). */
export async function recordCounts(db: Executor, governmentIds: readonly number[]) {
  const counts = new Map<number, { targets: number; reports: number }>();
  if (governmentIds.length === 0) return counts;
  const ids = [...governmentIds];
  const [targets, reports] = await Promise.all([
    db
      .selectFrom('climate_targets')
      .select(['government_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('government_id', 'in', ids)
      .groupBy('government_id')
      .execute(),
    db
      .selectFrom('emission_reports')
      .select(['government_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('government_id', 'in', ids)
      .groupBy('government_id')
      .execute(),
  ]);
  for (const id of ids) counts.set(id, { targets: 0, reports: 0 });
  for (const r of targets)
    (counts.get(r.government_id) as { targets: number }).targets = Number(r.n);
  for (const r of reports)
    (counts.get(r.government_id) as { reports: number }).reports = Number(r.n);
  return counts;
}

/** Which of these governments exist now, by id → slug. */
export async function existingGovernments(db: Executor, ids: readonly number[]) {
  const found = new Map<
    number,
    { slug: string; kind: string; country: string; local_lang: string }
  >();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('governments')
    .select(['id', 'slug', 'kind', 'country', 'local_lang'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const { id, ...r } of rows) found.set(id, r);
  return found;
}

/** The names (rows of government_names) each merge took from the government it merged. */
export async function mergedNameRows(db: Executor, mergeIds: readonly number[]) {
  const found = new Map<number, string[]>();
  if (mergeIds.length === 0) return found;
  const rows = await db
    .selectFrom('government_merge_rows')
    .select(['merge_id', 'before_json'])
    .where('merge_id', 'in', [...mergeIds])
    .where('table_name', '=', 'government_names')
    .orderBy('id')
    .execute();
  for (const r of rows) found.set(r.merge_id, [...(found.get(r.merge_id) ?? []), r.before_json]);
  return found;
}
