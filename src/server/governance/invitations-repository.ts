/** Invitations to meetings and the letters queued for them: the writer of invitations and outbox. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { InvitationTable, OutboxTable } from '../db/schema';
import type { Executor } from '../db/types';

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

export async function updateInvitation(
  db: Executor,
  id: number,
  patch: Updateable<InvitationTable>,
): Promise<void> {
  await db.updateTable('invitations').set(patch).where('id', '=', id).execute();
}

/** Invitations sent for a seat keep their record when the seat is removed. */
export async function detachInvitationsFromSeat(db: Executor, seatId: number): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ seat_id: null })
    .where('seat_id', '=', seatId)
    .execute();
}

/** Queues a letter; the mailer sends what the outbox holds. */
export async function queueMail(
  db: Executor,
  row: Omit<Insertable<OutboxTable>, 'id' | 'sent_at'>,
): Promise<void> {
  await db.insertInto('outbox').values(row).execute();
}
