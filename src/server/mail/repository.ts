/**
 * The mail repository (`store.mail`): the one writer of the outbox. Letters are stored here
 * first, in the transaction of the change they tell of; the worker then claims, sends and
 * marks them. Every time is passed in by the caller, so the worker's clock decides (tests move
 * it instead of waiting).
 */
import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
import { headerText } from '../../core/mail-header';
import { isLocale, type Locale } from '../../core/locales';
import type { Database, OutboxStatus, OutboxTable } from '../db/schema';
import type { Executor } from '../db/types';

export type OutboxRow = Selectable<OutboxTable>;

/** What a caller stores: the letter, rendered; its delivery state starts at the defaults. */
export type NewLetter = Omit<
  Insertable<OutboxTable>,
  | 'id'
  | 'sent_at'
  | 'status'
  | 'attempts'
  | 'next_attempt_at'
  | 'last_error'
  | 'claimed_by'
  | 'claimed_until'
  | 'message_id'
>;

/**
 * Stores a letter, queued. The fields that become headers (address, name, subject, attachment
 * name) are stored as one line each whoever calls: names and titles come from people's input,
 * and a line break there would let them write headers of their own.
 */
export async function insertLetter(db: Executor, row: NewLetter): Promise<number> {
  const r = await db
    .insertInto('outbox')
    .values({
      ...row,
      to_email: headerText(row.to_email),
      to_name: row.to_name == null ? row.to_name : headerText(row.to_name),
      subject: headerText(row.subject),
      attachment_name:
        row.attachment_name == null ? row.attachment_name : headerText(row.attachment_name),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Takes up to `limit` letters that are due (queued and their time has come, or being sent by a
 * server whose lease ran out) for `worker` until `leaseUntil`, counting an attempt on each.
 * One conditional UPDATE: when two servers claim at once, PostgreSQL re-reads each row's
 * status after waiting for the other's update and SQLite runs one writer at a time, so each
 * letter is claimed by one of them.
 */
export function claimDueLetters(
  db: Executor,
  claim: { worker: string; now: string; leaseUntil: string; limit: number },
): Promise<OutboxRow[]> {
  const due = dueAt(claim.now);
  return (
    db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'sending',
        claimed_by: claim.worker,
        claimed_until: claim.leaseUntil,
        attempts: eb('attempts', '+', 1),
      }))
      // Unqualified columns: inside the subquery they are the subquery's row, outside the
      // updated row. The outer check is the one that holds when another server changed the row
      // in between.
      .where('id', 'in', (eb) =>
        eb.selectFrom('outbox').select('id').where(due).orderBy('id').limit(claim.limit),
      )
      .where(due)
      .returningAll()
      .execute()
  );
}

/**
 * Whether any letter is due: after a claim that took nothing, tells a server that lost every
 * letter it chose to another server's claim (and should choose again) from one with nothing
 * to do.
 */
export async function hasDueLetters(db: Executor, now: string): Promise<boolean> {
  return !!(await db
    .selectFrom('outbox')
    .select('id')
    .where(dueAt(now))
    .limit(1)
    .executeTakeFirst());
}

/** Letters that are due at `now`: queued and their time has come, or their lease ran out. */
function dueAt(now: string) {
  return (eb: ExpressionBuilder<Database, 'outbox'>) =>
    eb.or([
      eb.and([
        eb('status', '=', 'queued'),
        eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]),
      ]),
      eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
    ]);
}

/**
 * Ends a letter's attempt, while `worker` still holds it: sent, due again at `nextAttemptAt`,
 * or failed for good. False when the letter is no longer the worker's (its lease ran out and
 * another server took it).
 */
export async function finishAttempt(
  db: Executor,
  id: number,
  worker: string,
  outcome:
    | { status: 'sent'; at: string; messageId: string }
    | { status: 'queued'; nextAttemptAt: string; error: string; messageId: string }
    | { status: 'failed'; error: string; messageId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: outcome.status,
      claimed_by: null,
      claimed_until: null,
      message_id: outcome.messageId,
      ...(outcome.status === 'sent'
        ? { sent_at: outcome.at, last_error: null, next_attempt_at: null }
        : { last_error: outcome.error }),
      ...(outcome.status === 'queued' ? { next_attempt_at: outcome.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives back to the queue letters `worker` claimed and did not try (it is closing). */
export async function releaseLetters(
  db: Executor,
  ids: readonly number[],
  worker: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'queued',
      claimed_by: null,
      claimed_until: null,
      attempts: eb('attempts', '-', 1),
    }))
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', worker)
    .execute();
}

/**
 * A letter an administrator sends now: a queued one becomes due at once; a failed one is
 * queued again with its attempts counted afresh. False when the letter is in neither state
 * (being sent, or sent already).
 */
export async function requeueLetter(db: Executor, id: number): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'queued',
      next_attempt_at: null,
      attempts: eb.case().when('status', '=', 'failed').then(0).else(eb.ref('attempts')).end(),
    }))
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function findLetter(db: Executor, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').where('id', '=', id).selectAll().executeTakeFirst();
}

/** How many letters are in each state. */
export async function countLettersByStatus(db: Executor): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** The summary of a letter for the list: its body stays out (it can be long). */
export type LetterSummaryRow = Pick<
  OutboxRow,
  | 'id'
  | 'to_email'
  | 'to_name'
  | 'subject'
  | 'kind'
  | 'locale'
  | 'status'
  | 'attempts'
  | 'next_attempt_at'
  | 'last_error'
  | 'created_at'
  | 'sent_at'
>;

/** A page of letters, newest first, of one state or all. */
export async function pageLetters(
  db: Executor,
  options: { status?: OutboxStatus | undefined; page: number; pageSize: number },
): Promise<{ rows: LetterSummaryRow[]; total: number }> {
  let q = db.selectFrom('outbox');
  if (options.status) q = q.where('status', '=', options.status);
  const [{ total } = { total: 0 }] = await q
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await q
    .select([
      'id',
      'to_email',
      'to_name',
      'subject',
      'kind',
      'locale',
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'sent_at',
    ])
    .orderBy('id', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/**
 * The language each address's account reads Accord in, for the addresses that belong to an
 * account with a language chosen (accounts' addresses are stored in lower case).
 */
export async function accountLocales(
  db: Executor,
  emails: readonly string[],
): Promise<Map<string, Locale>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .where('email', 'in', wanted)
    .where('locale', 'is not', null)
    .select(['email', 'locale'])
    .execute();
  const out = new Map<string, Locale>();
  for (const r of rows) if (isLocale(r.locale)) out.set(r.email, r.locale);
  return out;
}
