/**
 * The governance repository (`store.governance`): bodies, terms and seats; meetings and
 * agendas; invitations (their letters go through the mail area); and the governments and people
 * that governance presents, read by id. The register, motions and votes are in
 * register-repository.ts, what calendar feeds read in calendar-repository.ts; both are
 * re-exported below.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { MeetingStatus } from '../../core/governance';
import type {
  AgendaItemTable,
  AgendaSpeakerTable,
  BodyTable,
  BodyTermTable,
  InvitationTable,
  MeetingTable,
  SeatEventTable,
  SeatTable,
} from '../db/schema';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';
import { moveRowsToGovernment } from '../db/government-move';

export * from './calendar-repository';
export * from './register-repository';

/** Governing bodies, their terms, seats and the seats' history: the writer of those tables. */

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

/**
 * Takes the next version of a body (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimBodyVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'bodies', id, expected);
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

/**
 * Takes the next version of a seat (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimSeatVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'seats', id, expected);
}

export async function updateSeat(
  db: Executor,
  id: number,
  patch: Updateable<SeatTable>,
): Promise<void> {
  await db.updateTable('seats').set(patch).where('id', '=', id).execute();
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

/** Dates every event of a seat at `at` (the demo, whose seats were filled before its meeting). */
export async function redateSeatEvents(db: Executor, seatId: number, at: string): Promise<void> {
  await db.updateTable('seat_events').set({ at }).where('seat_id', '=', seatId).execute();
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

/** Meetings and their agendas (items and speakers): the writer of those tables. */

export type MeetingRow = Selectable<MeetingTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;
export type SpeakerRow = Selectable<AgendaSpeakerTable>;

// ---------------------------------------------------------------- meetings

export interface MeetingFilter {
  bodyId?: number;
  status?: MeetingStatus;
  from?: string;
  to?: string;
  excludeDrafts?: boolean;
  /** Words each found in the title or the body's names (any language), case ignored. */
  words?: readonly string[];
}

/** A LIKE pattern that finds `word` anywhere, its own % and _ taken literally (escape '\\'). */
const containing = (word: string) => `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listMeetings(
  db: Executor,
  filter: MeetingFilter,
  descending: boolean,
  page: number,
  pageSize: number,
): Promise<{ rows: MeetingRow[]; total: number }> {
  let q = db.selectFrom('meetings');
  if (filter.bodyId !== undefined) q = q.where('body_id', '=', filter.bodyId);
  for (const word of filter.words ?? []) {
    const pattern = containing(word);
    // Titles and names are JSON by language; a word in any language's text matches.
    q = q.where((eb) =>
      eb.or([
        eb(sql<string>`lower(meetings.title)`, 'like', sql<string>`${pattern} escape '\\'`),
        eb.exists(
          eb
            .selectFrom('bodies')
            .select('bodies.id')
            .whereRef('bodies.id', '=', 'meetings.body_id')
            .where(sql<string>`lower(bodies.names)`, 'like', sql<string>`${pattern} escape '\\'`),
        ),
      ]),
    );
  }
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.from) q = q.where('starts_at', '>=', filter.from);
  if (filter.to) q = q.where('starts_at', '<', filter.to);
  if (filter.excludeDrafts) q = q.where('status', '!=', 'draft');
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('starts_at', descending ? 'desc' : 'asc')
    .orderBy('id', descending ? 'desc' : 'asc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(count.n) };
}

export function findMeeting(db: Executor, id: number): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function insertMeeting(db: Executor, row: Insertable<MeetingTable>): Promise<number> {
  const r = await db.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Takes the next version of a meeting (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimMeetingVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'meetings', id, expected);
}

/**
 * Marks a meeting changed at `at` as the first write of a change to its register or its
 * invitations: the row stays locked until the transaction ends, so those changes of one
 * meeting run one after the other and each reads what the one before it wrote. False when
 * there is no such meeting.
 */
export async function lockMeeting(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({ updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateMeeting(
  db: Executor,
  id: number,
  patch: Updateable<MeetingTable>,
): Promise<void> {
  await db.updateTable('meetings').set(patch).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- agenda

export function agendaOf(db: Executor, meetingId: number): Promise<AgendaItemRow[]> {
  return db
    .selectFrom('agenda_items')
    .where('meeting_id', '=', meetingId)
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The top-level agenda items of several meetings, in agenda order. */
export function topAgendaItemsOfMeetings(
  db: Executor,
  meetingIds: number[],
): Promise<AgendaItemRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agenda_items')
    .where('meeting_id', 'in', meetingIds)
    .where('parent_id', 'is', null)
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function speakersOf(db: Executor, itemIds: number[]): Promise<SpeakerRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agenda_speakers')
    .where('agenda_item_id', 'in', itemIds)
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function deleteAgenda(db: Executor, meetingId: number): Promise<void> {
  // Children first would be needed without the cascade; motions keep their text when the
  // item they were moved under disappears (set null).
  await db.deleteFrom('agenda_items').where('meeting_id', '=', meetingId).execute();
}

export async function insertAgendaItem(
  db: Executor,
  row: Insertable<AgendaItemTable>,
): Promise<number> {
  const r = await db
    .insertInto('agenda_items')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertSpeakers(
  db: Executor,
  rows: Insertable<AgendaSpeakerTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('agenda_speakers').values(rows).execute();
}

/** Invitations to meetings: the writer of invitations (their letters go through the mail area). */

export type InvitationRow = Selectable<InvitationTable>;

export function invitationsOf(db: Executor, meetingId: number): Promise<InvitationRow[]> {
  return db
    .selectFrom('invitations')
    .where('meeting_id', '=', meetingId)
    .selectAll()
    .orderBy('id')
    .execute();
}

export function invitationsOfMeetings(
  db: Executor,
  meetingIds: number[],
): Promise<InvitationRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('invitations')
    .where('meeting_id', 'in', meetingIds)
    .selectAll()
    .orderBy('id')
    .execute();
}

export function findInvitation(db: Executor, id: number): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function insertInvitation(
  db: Executor,
  row: Insertable<InvitationTable>,
): Promise<number> {
  const r = await db
    .insertInto('invitations')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Takes the next version of an invitation (the row stays locked until the transaction ends, so
 * concurrent replies queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimInvitationVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'invitations', id, expected);
}

export async function updateInvitation(
  db: Executor,
  id: number,
  patch: Updateable<InvitationTable>,
): Promise<void> {
  await db.updateTable('invitations').set(patch).where('id', '=', id).execute();
}

/**
 * Invitations sent for a seat keep their record when the seat is removed; each takes its next
 * version, so a reply made from a copy read before is stale.
 */
export async function detachInvitationsFromSeat(db: Executor, seatId: number): Promise<void> {
  await db
    .updateTable('invitations')
    .set((eb) => ({ seat_id: null, version: eb('version', '+', 1) }))
    .where('seat_id', '=', seatId)
    .execute();
}

export interface GovernmentRefRow {
  id: number;
  slug: string;
  local_lang: string;
  country: string;
  names: { lang: string | null; kind: string; name: string }[];
}

/** Governments by id with their names, for presenting references. */
export async function governmentRefs(
  db: Executor,
  ids: number[],
): Promise<Map<number, GovernmentRefRow>> {
  const out = new Map<number, GovernmentRefRow>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom('governments')
    .where('id', 'in', unique)
    .select(['id', 'slug', 'local_lang', 'country'])
    .execute();
  for (const r of rows) out.set(r.id, { ...r, names: [] });
  const names = await db
    .selectFrom('government_names')
    .where('government_id', 'in', unique)
    .where('kind', '=', 'name')
    .select(['government_id', 'lang', 'kind', 'name'])
    .orderBy('id')
    .execute();
  for (const n of names) out.get(n.government_id)?.names.push(n);
  return out;
}

export interface PersonRefRow {
  id: number;
  full_name: string;
  names: string;
  email: string | null;
}

export async function personRefs(db: Executor, ids: number[]): Promise<Map<number, PersonRefRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .where('id', 'in', unique)
    .select(['id', 'full_name', 'names', 'email'])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function governmentExists(db: Executor, id: number): Promise<boolean> {
  return !!(await db
    .selectFrom('governments')
    .where('id', '=', id)
    .select('id')
    .executeTakeFirst());
}

export async function personExists(db: Executor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('people').where('id', '=', id).select('id').executeTakeFirst());
}

// ---------------------------------------------------------------- merges of governments
// A merge of governments moves seats and invitations (and its undo moves them back) without a
// new version: each stays as it was but for its government. Register entries and votes move
// through register-repository.ts.

export async function setSeatsGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'seats', ids, governmentId);
}

export async function setInvitationsGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'invitations', ids, governmentId);
}

/** The titles and starts of many meetings in one query (the audit log names them). */
export function meetingTitlesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meetings')
    .where('id', 'in', ids)
    .select(['id', 'title', 'starts_at', 'time_zone'])
    .execute();
}

/** The names of many bodies in one query (the audit log names them). */
export function bodyNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('bodies').where('id', 'in', ids).select(['id', 'names']).execute();
}

/** The labels of many terms, with their body's names, in one query (the audit log names them). */
export function termLabelsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('body_terms')
    .innerJoin('bodies', 'bodies.id', 'body_terms.body_id')
    .where('body_terms.id', 'in', ids)
    .select(['body_terms.id', 'body_terms.label', 'bodies.names'])
    .execute();
}
