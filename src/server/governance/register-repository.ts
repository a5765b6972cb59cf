/** The record of a sitting: the attendance register, motions and the votes on them. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AttendanceTable, MotionTable, MotionVoteTable } from '../db/schema';
import type { Executor } from '../db/types';

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
