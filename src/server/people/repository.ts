import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { PersonTable, PositionTable } from '../db/schema';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';
import { moveRowsToGovernment } from '../db/government-move';

export type PersonRow = Selectable<PersonTable>;
export type PositionRow = Selectable<PositionTable>;

export function findPerson(db: Executor, id: number) {
  return db.selectFrom('people').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function listPeople(
  db: Executor,
  filter: { q?: string | undefined; government?: string | undefined },
  page: number,
  pageSize: number,
) {
  let q = db.selectFrom('people');
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(people.full_name) LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`lower(people.names) LIKE ${like} ESCAPE '\\'`,
      ]),
    );
  }
  if (filter.government) {
    const slug = filter.government;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('positions')
          .innerJoin('governments', 'governments.id', 'positions.government_id')
          .whereRef('positions.person_id', '=', 'people.id')
          .where('governments.slug', '=', slug)
          .select('positions.id'),
      ),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q
    .selectAll('people')
    .orderBy('people.full_name')
    .orderBy('people.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** Positions of many people in one query, with where each is held. */
export function positionsOfPeople(db: Executor, personIds: number[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('positions')
    .leftJoin('governments', 'governments.id', 'positions.government_id')
    .leftJoin('offices', 'offices.id', 'positions.office_id')
    .where('positions.person_id', 'in', personIds)
    .select([
      'positions.id',
      'positions.person_id',
      'positions.title',
      'positions.start_date',
      'positions.end_date',
      'positions.confirmed_on',
      'positions.version',
      'positions.government_id',
      'governments.slug as government_slug',
      'governments.local_lang as government_local_lang',
      'positions.office_id',
      'offices.slug as office_slug',
      'offices.name as office_name',
      'offices.names as office_names',
    ])
    .orderBy(sql`CASE WHEN positions.end_date IS NULL THEN 0 ELSE 1 END`)
    .orderBy('positions.start_date', 'desc')
    .orderBy('positions.id', 'desc')
    .execute();
}

/** The governments whose seats each of the people holds (for the policy's contact rule). */
export async function seatGovernmentsOfPeople(
  db: Executor,
  personIds: number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('seats')
    .where('person_id', 'in', personIds)
    .select(['person_id', 'government_id'])
    .distinct()
    .execute();
  for (const r of rows) {
    if (r.person_id === null) continue;
    out.set(r.person_id, [...(out.get(r.person_id) ?? []), r.government_id]);
  }
  return out;
}

export function findPosition(db: Executor, id: number) {
  return db.selectFrom('positions').where('id', '=', id).selectAll().executeTakeFirst();
}

// ---------------------------------------------------------------- bulk writers (demo)

/** Rows per INSERT: well under SQLite's bound-parameter limit and PostgreSQL's 65,535. */
const BULK_ROWS = 500;

/**
 * Inserts many people; returns their ids in the order of `rows`. Both databases number the
 * rows of one INSERT in order, so the ascending ids of each chunk are its rows' ids.
 */
export async function insertPeople(
  db: Executor,
  rows: Insertable<PersonTable>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const inserted = await db
      .insertInto('people')
      .values(rows.slice(i, i + BULK_ROWS))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

export async function insertPositions(
  db: Executor,
  rows: Insertable<PositionTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    await db
      .insertInto('positions')
      .values(rows.slice(i, i + BULK_ROWS))
      .execute();
  }
}

/** The id of the person with this full name (the demo's people are unique by name). */
export async function findPersonIdByFullName(
  db: Executor,
  fullName: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('people')
    .where('full_name', '=', fullName)
    .select('id')
    .executeTakeFirst();
  return row?.id;
}

/** A position as the people API shows it: where it is held, with the place's slug. */
export type PositionWithPlace = Awaited<ReturnType<typeof positionsOfPeople>>[number];

/**
 * Where a person serves, as the policy needs it: the governments of their positions, whether
 * they hold one in an office, and the governments whose seat on a governing body they hold
 * (seats are read here, written by the governance repository).
 */
export async function whereServes(
  db: Executor,
  personId: number,
): Promise<{
  positionGovernmentIds: number[];
  holdsOfficePosition: boolean;
  seatGovernmentIds: number[];
}> {
  const [positions, seats] = await Promise.all([
    db
      .selectFrom('positions')
      .where('person_id', '=', personId)
      .select(['government_id', 'office_id'])
      .execute(),
    db
      .selectFrom('seats')
      .where('person_id', '=', personId)
      .select('government_id')
      .distinct()
      .execute(),
  ]);
  return {
    positionGovernmentIds: [
      ...new Set(positions.map((p) => p.government_id).filter((id): id is number => id !== null)),
    ],
    holdsOfficePosition: positions.some((p) => p.office_id !== null),
    seatGovernmentIds: seats.map((s) => s.government_id),
  };
}

// Writers: people and positions are written here only (src/server/db/table-owners.ts).

export async function insertPerson(db: Executor, values: Insertable<PersonTable>): Promise<number> {
  const row = await db
    .insertInto('people')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes the next version of a person (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimPersonVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'people', id, expected);
}

export async function updatePerson(
  db: Executor,
  id: number,
  values: Updateable<PersonTable>,
): Promise<void> {
  await db.updateTable('people').set(values).where('id', '=', id).execute();
}

/** Removes a person and every position they hold. */
export async function deletePerson(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('positions').where('person_id', '=', id).execute();
  await db.deleteFrom('people').where('id', '=', id).execute();
}

export async function insertPosition(
  db: Executor,
  values: Insertable<PositionTable>,
): Promise<number> {
  const row = await db
    .insertInto('positions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Takes the next version of a position, as claimPersonVersion does a person's. */
export function claimPositionVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'positions', id, expected);
}

export async function updatePosition(
  db: Executor,
  id: number,
  values: Updateable<PositionTable>,
): Promise<void> {
  await db.updateTable('positions').set(values).where('id', '=', id).execute();
}

export async function deletePosition(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('positions').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- merges of governments

/** Points positions at another government (a merge of governments, and its undo). */
export async function setPositionsGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'positions', ids, governmentId);
}

/** The names of many people in one query (the audit log names them). */
export function peopleNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .where('id', 'in', ids)
    .select(['id', 'full_name', 'names'])
    .execute();
}

/** The holders' names of many positions in one query (the audit log names a position so). */
export function positionHoldersByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('positions')
    .innerJoin('people', 'people.id', 'positions.person_id')
    .where('positions.id', 'in', ids)
    .select(['positions.id', 'people.full_name', 'people.names'])
    .execute();
}
