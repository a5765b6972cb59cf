/** Governing bodies, their terms, seats and the seats' history: the writer of those tables. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { BodyTable, BodyTermTable, SeatEventTable, SeatTable } from '../db/schema';
import type { Executor } from '../db/types';

export type BodyRow = Selectable<BodyTable> & { region_slug: string | null };
export type TermRow = Selectable<BodyTermTable>;
export type SeatRow = Selectable<SeatTable>;
export type SeatEventRow = Selectable<SeatEventTable>;

// ---------------------------------------------------------------- bodies

function bodies(db: Executor) {
  return db
    .selectFrom('bodies')
    .leftJoin('regions', 'regions.id', 'bodies.region_id')
    .selectAll('bodies')
    .select('regions.slug as region_slug');
}

export function listBodies(db: Executor): Promise<BodyRow[]> {
  return bodies(db).orderBy('bodies.sort_order').orderBy('bodies.id').execute();
}

export function findBodyBySlug(db: Executor, slug: string): Promise<BodyRow | undefined> {
  return bodies(db).where('bodies.slug', '=', slug).executeTakeFirst();
}

export function findBodyById(db: Executor, id: number): Promise<BodyRow | undefined> {
  return bodies(db).where('bodies.id', '=', id).executeTakeFirst();
}

export async function insertBody(db: Executor, row: Insertable<BodyTable>): Promise<number> {
  const r = await db.insertInto('bodies').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateBody(
  db: Executor,
  id: number,
  patch: Updateable<BodyTable>,
): Promise<void> {
  await db.updateTable('bodies').set(patch).where('id', '=', id).execute();
}

/** Marks every body as demo data (the demo loader, right after it created them). */
export async function markAllBodiesDemo(db: Executor): Promise<void> {
  await db.updateTable('bodies').set({ is_demo: 1 }).execute();
}

// ---------------------------------------------------------------- terms

export function termsOfBodies(db: Executor, bodyIds: number[]): Promise<TermRow[]> {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('body_terms')
    .where('body_id', 'in', bodyIds)
    .selectAll()
    .orderBy('starts_on', 'desc')
    .execute();
}

export function findTerm(db: Executor, id: number): Promise<TermRow | undefined> {
  return db.selectFrom('body_terms').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function insertTerm(db: Executor, row: Insertable<BodyTermTable>): Promise<number> {
  const r = await db.insertInto('body_terms').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

// ---------------------------------------------------------------- seats

export async function seatCounts(db: Executor, termIds: number[]): Promise<Map<number, number>> {
  if (termIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('seats')
    .where('term_id', 'in', termIds)
    .select(['term_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('term_id')
    .execute();
  return new Map(rows.map((r) => [r.term_id, Number(r.n)]));
}

export function seatsOfTerm(db: Executor, termId: number): Promise<SeatRow[]> {
  return db
    .selectFrom('seats')
    .where('term_id', '=', termId)
    .selectAll()
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function findSeat(db: Executor, id: number): Promise<SeatRow | undefined> {
  return db.selectFrom('seats').where('id', '=', id).selectAll().executeTakeFirst();
}

export function seatOfGovernmentInTerm(
  db: Executor,
  termId: number,
  governmentId: number,
): Promise<SeatRow | undefined> {
  return db
    .selectFrom('seats')
    .where('term_id', '=', termId)
    .where('government_id', '=', governmentId)
    .selectAll()
    .executeTakeFirst();
}

/** The government's seats on one body, in every term, newest term first. */
export function seatsOfGovernmentOnBody(
  db: Executor,
  bodyId: number,
  governmentId: number,
): Promise<SeatRow[]> {
  return db
    .selectFrom('seats')
    .innerJoin('body_terms', 'body_terms.id', 'seats.term_id')
    .where('body_terms.body_id', '=', bodyId)
    .where('seats.government_id', '=', governmentId)
    .selectAll('seats')
    .orderBy('body_terms.starts_on', 'desc')
    .execute();
}

export async function insertSeat(db: Executor, row: Insertable<SeatTable>): Promise<number> {
  const r = await db.insertInto('seats').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSeat(
  db: Executor,
  id: number,
  patch: Updateable<SeatTable>,
): Promise<void> {
  await db.updateTable('seats').set(patch).where('id', '=', id).execute();
}

export async function seatHasVotes(db: Executor, seatId: number): Promise<boolean> {
  return !!(await db
    .selectFrom('motion_votes')
    .where('seat_id', '=', seatId)
    .select('id')
    .executeTakeFirst());
}

/** Deletes a seat; the caller first detaches its invitations (detachInvitationsFromSeat). */
export async function deleteSeat(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('seats').where('id', '=', id).execute();
}

export async function insertSeatEvent(
  db: Executor,
  row: Insertable<SeatEventTable>,
): Promise<void> {
  await db.insertInto('seat_events').values(row).execute();
}

export function seatEvents(db: Executor, seatId: number): Promise<SeatEventRow[]> {
  return db
    .selectFrom('seat_events')
    .where('seat_id', '=', seatId)
    .selectAll()
    .orderBy('at')
    .orderBy('id')
    .execute();
}
