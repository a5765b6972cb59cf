/** Meetings and their agendas (items and speakers): the writer of those tables. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { MeetingStatus } from '../../core/governance';
import type { AgendaItemTable, AgendaSpeakerTable, MeetingTable } from '../db/schema';
import type { Executor } from '../db/types';

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
}

export async function listMeetings(
  db: Executor,
  filter: MeetingFilter,
  descending: boolean,
  page: number,
  pageSize: number,
): Promise<{ rows: MeetingRow[]; total: number }> {
  let q = db.selectFrom('meetings');
  if (filter.bodyId !== undefined) q = q.where('body_id', '=', filter.bodyId);
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

/** A body's meetings for its calendar feed: no drafts, newest first, at most 500. */
export function meetingsOfBody(db: Executor, bodyId: number): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .where('body_id', '=', bodyId)
    .where('status', '!=', 'draft')
    .selectAll()
    .orderBy('starts_at', 'desc')
    .limit(500)
    .execute();
}

export function findMeeting(db: Executor, id: number): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function insertMeeting(db: Executor, row: Insertable<MeetingTable>): Promise<number> {
  const r = await db.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
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
