import { sql, type Insertable, type Selectable } from 'kysely';
import type { MembershipCategory, MembershipStatus } from '../../core/membership';
import { searchKey } from '../../core/names';
import type {
  GovernmentNameTable,
  GovernmentTable,
  MembershipTable,
  RegionTable,
} from '../db/schema';
import { bulkUpdateById } from '../db/bulk-update';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';
import { forgetSortNames, refreshSortNames } from './sort-name-repository';

export * from './name-reader-repository';
export * from './data-version-repository';
export * from './directory-repository';
import { governmentsQuery, type GovernmentRow } from './directory-repository';

export type NameRow = Selectable<GovernmentNameTable>;

export async function findGovernmentIdBySlug(
  db: Executor,
  slug: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('governments')
    .where('slug', '=', slug)
    .select('id')
    .executeTakeFirst();
  return row?.id;
}

/** The government that holds a CDP account, if any (an account belongs to one government). */
export function findGovernmentByCdpAccount(db: Executor, account: string) {
  return db
    .selectFrom('governments')
    .where('cdp_account', '=', account)
    .select(['id', 'slug'])
    .executeTakeFirst();
}

export async function findRegionIdBySlug(db: Executor, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('regions')
    .where('slug', '=', slug)
    .select('id')
    .executeTakeFirst();
  return row?.id;
}

export function findGovernmentBySlug(
  db: Executor,
  slug: string,
): Promise<GovernmentRow | undefined> {
  return governmentsQuery(db).where('governments.slug', '=', slug).executeTakeFirst();
}

/** Names and aliases of many governments in one query. */
export async function namesOf(db: Executor, ids: number[]): Promise<Map<number, NameRow[]>> {
  const byGovernment = new Map<number, NameRow[]>();
  if (ids.length === 0) return byGovernment;
  const rows = await db
    .selectFrom('government_names')
    .where('government_id', 'in', ids)
    .selectAll()
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byGovernment.get(r.government_id) ?? [];
    list.push(r);
    byGovernment.set(r.government_id, list);
  }
  return byGovernment;
}

export function positionsOfGovernment(db: Executor, governmentId: number) {
  return db
    .selectFrom('positions')
    .innerJoin('people', 'people.id', 'positions.person_id')
    .where('positions.government_id', '=', governmentId)
    .select([
      'positions.id as position_id',
      'positions.title',
      'positions.start_date',
      'positions.end_date',
      'positions.confirmed_on',
      'people.id as person_id',
      'people.full_name',
      'people.names',
    ])
    .orderBy(sql`CASE WHEN positions.end_date IS NULL THEN 0 ELSE 1 END`)
    .orderBy('positions.start_date', 'desc')
    .orderBy('positions.id', 'desc')
    .execute();
}

export async function insertGovernment(
  db: Executor,
  values: Insertable<GovernmentTable>,
): Promise<number> {
  const row = await db
    .insertInto('governments')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshSortNames(db, [row.id]);
  return row.id;
}

/**
 * Takes the next version of a government (with its names and membership) (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimGovernmentVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'governments', id, expected);
}

export async function updateGovernmentRow(
  db: Executor,
  id: number,
  values: Partial<Omit<Selectable<GovernmentTable>, 'id'>>,
): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await db.updateTable('governments').set(values).where('id', '=', id).execute();
  // The web address is the last resort of the directory's order.
  if (values.slug !== undefined) await refreshSortNames(db, [id]);
}

/** Replaces every name and alias of a government. */
export async function replaceNames(
  db: Executor,
  governmentId: number,
  names: Record<string, string>,
  aliases: string[],
): Promise<void> {
  await db.deleteFrom('government_names').where('government_id', '=', governmentId).execute();
  const rows = [
    ...Object.entries(names).map(([lang, name]) => ({
      government_id: governmentId,
      lang,
      kind: 'name' as const,
      name,
      search_key: searchKey(name),
    })),
    ...aliases.map((name) => ({
      government_id: governmentId,
      lang: null,
      kind: 'alias' as const,
      name,
      search_key: searchKey(name),
    })),
  ];
  if (rows.length) await db.insertInto('government_names').values(rows).execute();
  await refreshSortNames(db, [governmentId]);
}

export async function upsertMembership(
  db: Executor,
  governmentId: number,
  m: { category: MembershipCategory; status: MembershipStatus; since: string | null },
): Promise<void> {
  const existing = await db
    .selectFrom('memberships')
    .where('government_id', '=', governmentId)
    .select('id')
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('memberships').set(m).where('id', '=', existing.id).execute();
  } else {
    await db
      .insertInto('memberships')
      .values({ government_id: governmentId, ...m })
      .execute();
  }
}

/** A government's membership row as stored (null when it has none). */
export async function membershipOf(
  db: Executor,
  governmentId: number,
): Promise<Selectable<MembershipTable> | null> {
  const row = await db
    .selectFrom('memberships')
    .selectAll()
    .where('government_id', '=', governmentId)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Sets some fields of a government's membership (the membership area keeps the status, the
 * first day, the suspension and an association's scope up to date from its periods); a
 * government without a membership row gets one, as a prospect unless told otherwise.
 */
export async function setMembershipFields(
  db: Executor,
  governmentId: number,
  values: Partial<Omit<Selectable<MembershipTable>, 'id' | 'government_id'>>,
): Promise<void> {
  if (Object.keys(values).length === 0) return;
  const updated = await db
    .updateTable('memberships')
    .set(values)
    .where('government_id', '=', governmentId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('memberships')
    .values({
      category: 'non-member',
      status: 'none',
      since: null,
      ...values,
      government_id: governmentId,
    })
    .execute();
}

export async function listRegions(db: Executor) {
  const rows = await db
    .selectFrom('regions')
    .leftJoin('governments', 'governments.region_id', 'regions.id')
    .leftJoin('memberships', 'memberships.government_id', 'governments.id')
    .select([
      'regions.slug',
      'regions.name',
      'regions.sort_order',
      (eb) => eb.fn.count<number>('governments.id').as('government_count'),
      (eb) =>
        eb.fn
          .sum<number>(
            sql<number>`CASE WHEN memberships.category IN ('full-member','associate-member','associate-partner') THEN 1 ELSE 0 END`,
          )
          .as('member_count'),
    ])
    .groupBy(['regions.id', 'regions.slug', 'regions.name', 'regions.sort_order'])
    .orderBy('regions.sort_order')
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    governmentCount: Number(r.government_count),
    memberCount: Number(r.member_count ?? 0),
  }));
}

// ---------------------------------------------------------------- bulk writers (demo, importer)

/** Rows per INSERT: well under SQLite's bound-parameter limit and PostgreSQL's 65,535. */
const BULK_ROWS = 500;

function inChunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BULK_ROWS) out.push(rows.slice(i, i + BULK_ROWS));
  return out;
}

/** Inserts many governments; returns their ids in the order of `rows` (slugs are unique). */
export async function insertGovernments(
  db: Executor,
  rows: Insertable<GovernmentTable>[],
): Promise<number[]> {
  const ids = new Map<string, number>();
  for (const part of inChunks(rows)) {
    const inserted = await db
      .insertInto('governments')
      .values(part)
      .returning(['id', 'slug'])
      .execute();
    for (const r of inserted) ids.set(r.slug, r.id);
  }
  const inOrder = rows.map((r) => {
    const id = ids.get(r.slug);
    if (id === undefined) throw new Error(`insertGovernments: no id returned for "${r.slug}"`);
    return id;
  });
  await refreshSortNames(db, inOrder);
  return inOrder;
}

export async function insertGovernmentNames(
  db: Executor,
  rows: Insertable<GovernmentNameTable>[],
): Promise<void> {
  for (const part of inChunks(rows)) await db.insertInto('government_names').values(part).execute();
  await refreshSortNames(
    db,
    rows.map((r) => r.government_id),
  );
}

export async function insertMemberships(
  db: Executor,
  rows: Insertable<MembershipTable>[],
): Promise<void> {
  for (const part of inChunks(rows)) await db.insertInto('memberships').values(part).execute();
}

/** Sets one text column on many governments, each its own value, in one statement per chunk. */
async function setGovernmentsColumn(
  db: Executor,
  column: 'cdp_account' | 'nzt_id',
  rows: readonly { id: number; value: string }[],
  updatedAt: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    const cases = sql.join(
      part.map((r) => sql`WHEN ${r.id} THEN ${r.value}`),
      sql` `,
    );
    const value = sql<string>`CASE id ${cases} ELSE ${sql.ref(column)} END`;
    await db
      .updateTable('governments')
      .set(
        column === 'cdp_account'
          ? { cdp_account: value, updated_at: updatedAt }
          : { nzt_id: value, updated_at: updatedAt },
      )
      .where(
        'id',
        'in',
        part.map((r) => r.id),
      )
      .execute();
  }
}

/** Records CDP account numbers on many governments (the importer's matches by name). */
export function updateGovernmentsCdpAccount(
  db: Executor,
  rows: readonly { id: number; cdpAccount: string }[],
  updatedAt: string,
): Promise<void> {
  return setGovernmentsColumn(
    db,
    'cdp_account',
    rows.map((r) => ({ id: r.id, value: r.cdpAccount })),
    updatedAt,
  );
}

/** Records Net Zero Tracker ids on many governments (the importer's matches by name). */
export function updateGovernmentsNztId(
  db: Executor,
  rows: readonly { id: number; nztId: string }[],
  updatedAt: string,
): Promise<void> {
  return setGovernmentsColumn(
    db,
    'nzt_id',
    rows.map((r) => ({ id: r.id, value: r.nztId })),
    updatedAt,
  );
}

export async function insertRegions(db: Executor, rows: Insertable<RegionTable>[]): Promise<void> {
  for (const part of inChunks(rows)) await db.insertInto('regions').values(part).execute();
}

/** True when any region exists (a database that was prepared before). */
export async function hasRegions(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('regions').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Every region's id by its slug. */
export async function regionIdsBySlug(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('regions').select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

// ---------------------------------------------------------------- merges of governments

/** Names as a merge writes them: moved to the kept government as aliases, or back (undo). */
export async function setNamesGovernment(
  db: Executor,
  rows: readonly {
    id: number;
    government_id: number;
    lang: string | null;
    kind: 'name' | 'alias';
  }[],
): Promise<void> {
  const before = await governmentsOfNames(
    db,
    rows.map((r) => r.id),
  );
  await bulkUpdateById(
    db,
    'government_names',
    [
      { name: 'government_id', type: 'integer' },
      { name: 'lang', type: 'text' },
      { name: 'kind', type: 'text' },
    ],
    rows.map((r) => ({
      id: r.id,
      values: { government_id: r.government_id, lang: r.lang, kind: r.kind },
    })),
  );
  await refreshSortNames(db, [...before, ...rows.map((r) => r.government_id)]);
}

/** The governments these names belong to. */
async function governmentsOfNames(db: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const owners: number[] = [];
  for (const part of inChunks(ids))
    for (const r of await db
      .selectFrom('government_names')
      .where('id', 'in', part)
      .select('government_id')
      .execute())
      owners.push(r.government_id);
  return owners;
}

export async function deleteNamesById(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const owners = await governmentsOfNames(db, ids);
  await db.deleteFrom('government_names').where('id', 'in', ids).execute();
  await refreshSortNames(db, owners);
}

/** Puts back names a merge removed, with their ids (its undo). */
export async function restoreNames(db: Executor, rows: readonly Selectable<GovernmentNameTable>[]) {
  for (const part of inChunks(rows)) await db.insertInto('government_names').values(part).execute();
  await refreshSortNames(
    db,
    rows.map((r) => r.government_id),
  );
}

export async function setMembershipGovernment(
  db: Executor,
  id: number,
  governmentId: number,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ government_id: governmentId })
    .where('id', '=', id)
    .execute();
}

export async function deleteMembershipById(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('memberships').where('id', '=', id).execute();
}

export async function restoreMembership(db: Executor, row: Selectable<MembershipTable>) {
  await db.insertInto('memberships').values(row).execute();
}

/** The row of a government, whole, as the database holds it (a merge keeps it for its undo). */
export function governmentRow(db: Executor, id: number) {
  return db.selectFrom('governments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Takes a government's row for the transaction without changing it (a merge's other side). */
export async function lockGovernment(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('governments')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', id)
    .execute();
}

/** Removes a government merged into another, once nothing points at it any more. */
export async function deleteGovernmentById(db: Executor, id: number): Promise<void> {
  await forgetSortNames(db, [id]);
  await db.deleteFrom('governments').where('id', '=', id).execute();
}

/** Puts back a merged government's row exactly, with its id (the undo of a merge). */
export async function restoreGovernment(
  db: Executor,
  row: Selectable<GovernmentTable>,
): Promise<void> {
  await db.insertInto('governments').values(row).execute();
  await refreshSortNames(db, [row.id]);
}
