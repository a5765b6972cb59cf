/**
 * The record of a sitting (part of `store.governance`, re-exported by repository.ts): the
 * attendance register, motions and the votes on them, the writer of those tables. Register
 * changes lock their meeting first (lockMeeting in repository.ts).
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AttendanceTable, MotionTable, MotionVoteTable } from '../db/schema';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';
import { moveRowsToGovernment } from '../db/government-move';

export type AttendanceRow = Selectable<AttendanceTable>;
export type MotionRow = Selectable<MotionTable>;
export type MotionVoteRow = Selectable<MotionVoteTable>;

// ---------------------------------------------------------------- attendance

export function attendanceOf(db: Executor, meetingId: number): Promise<AttendanceRow[]> {
  return db
    .selectFrom('attendance')
    .where('meeting_id', '=', meetingId)
    .selectAll()
    .orderBy('id')
    .execute();
}

export function findAttendance(db: Executor, id: number): Promise<AttendanceRow | undefined> {
  return db.selectFrom('attendance').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function insertAttendance(
  db: Executor,
  row: Insertable<AttendanceTable>,
): Promise<number> {
  const r = await db.insertInto('attendance').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Takes the next version of a register entry (the row stays locked until the transaction ends):
 * the new version, or undefined when the row is gone or its version is not one of `expected`
 * (a stale If-Match). Register changes lock their meeting first (lockMeeting), then this.
 */
export function claimAttendanceVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'attendance', id, expected);
}

export async function updateAttendance(
  db: Executor,
  id: number,
  patch: Updateable<AttendanceTable>,
): Promise<void> {
  await db.updateTable('attendance').set(patch).where('id', '=', id).execute();
}

export async function deleteAttendance(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('attendance').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- motions and votes

export function motionsOf(db: Executor, meetingId: number): Promise<MotionRow[]> {
  return db
    .selectFrom('motions')
    .where('meeting_id', '=', meetingId)
    .selectAll()
    .orderBy('id')
    .execute();
}

export function findMotion(db: Executor, id: number): Promise<MotionRow | undefined> {
  return db.selectFrom('motions').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function insertMotion(db: Executor, row: Insertable<MotionTable>): Promise<number> {
  const r = await db.insertInto('motions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateMotion(
  db: Executor,
  id: number,
  patch: Updateable<MotionTable>,
): Promise<void> {
  await db.updateTable('motions').set(patch).where('id', '=', id).execute();
}

export function votesOf(db: Executor, motionIds: number[]): Promise<MotionVoteRow[]> {
  if (motionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('motion_votes')
    .where('motion_id', 'in', motionIds)
    .selectAll()
    .orderBy('id')
    .execute();
}

export async function insertVotes(
  db: Executor,
  rows: Insertable<MotionVoteTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('motion_votes').values(rows).execute();
}

/** Whether any vote was cast from the seat (a seat with votes is kept). */
export async function seatHasVotes(db: Executor, seatId: number): Promise<boolean> {
  return !!(await db
    .selectFrom('motion_votes')
    .where('seat_id', '=', seatId)
    .select('id')
    .executeTakeFirst());
}

// ---------------------------------------------------------------- merges of governments
// A merge of governments moves register entries and votes (and its undo moves them back)
// without a new version: each stays as it was but for its government.

export async function setAttendanceGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'attendance', ids, governmentId);
}

export async function setMotionVotesGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'motion_votes', ids, governmentId);
}
