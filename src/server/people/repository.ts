import { sql, type Insertable } from 'kysely';
import type { PersonTable, PositionTable } from '../db/schema';
import type { Executor } from '../db/types';

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
      'positions.government_id',
      'governments.slug as government_slug',
      'governments.local_lang as government_local_lang',
      'positions.office_id',
      'offices.slug as office_slug',
      'offices.name as office_name',
    ])
    .orderBy(sql`CASE WHEN positions.end_date IS NULL THEN 0 ELSE 1 END`)
    .orderBy('positions.start_date', 'desc')
    .orderBy('positions.id', 'desc')
    .execute();
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
