/**
 * What calendar feeds read and the personal feeds' addresses (re-exported by repository.ts as
 * part of `store.governance`): the writer of `calendar_feeds`.
 */
import type { Selectable } from 'kysely';
import type { CalendarFeedTable, MeetingTable } from '../db/schema';
import type { Executor } from '../db/types';

/** Which meetings a feed holds: a body's, those a government is invited to, or all. */
export interface FeedMeetingFilter {
  bodyId?: number;
  invitedGovernmentId?: number;
}

/** The meetings of a calendar feed: no drafts, newest first, at most 500. */
export function meetingsForFeed(
  db: Executor,
  filter: FeedMeetingFilter,
): Promise<Selectable<MeetingTable>[]> {
  let q = db.selectFrom('meetings').where('status', '!=', 'draft');
  if (filter.bodyId !== undefined) q = q.where('body_id', '=', filter.bodyId);
  const governmentId = filter.invitedGovernmentId;
  if (governmentId !== undefined) {
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('invitations').where('government_id', '=', governmentId).select('meeting_id'),
    );
  }
  return q.selectAll().orderBy('starts_at', 'desc').limit(500).execute();
}

export type CalendarFeedRow = Selectable<CalendarFeedTable>;

export function calendarFeedOfUser(
  db: Executor,
  userId: number,
): Promise<CalendarFeedRow | undefined> {
  return db
    .selectFrom('calendar_feeds')
    .where('user_id', '=', userId)
    .selectAll()
    .executeTakeFirst();
}

export function calendarFeedByHash(
  db: Executor,
  tokenHash: string,
): Promise<CalendarFeedRow | undefined> {
  return db
    .selectFrom('calendar_feeds')
    .where('token_hash', '=', tokenHash)
    .selectAll()
    .executeTakeFirst();
}

/** Gives the user a new feed address; the old one, if any, stops working in the same write. */
export async function replaceCalendarFeed(
  db: Executor,
  userId: number,
  tokenHash: string,
  now: string,
): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: tokenHash, created_at: now, last_used_at: null })
    .execute();
}

export async function deleteCalendarFeed(db: Executor, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('calendar_feeds')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function touchCalendarFeed(db: Executor, id: number, now: string): Promise<void> {
  await db.updateTable('calendar_feeds').set({ last_used_at: now }).where('id', '=', id).execute();
}
