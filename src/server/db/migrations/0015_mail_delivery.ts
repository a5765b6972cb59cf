import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Mail is delivered (issue 11): each letter in the outbox carries its own delivery state.
 *
 * - `locale`: the language the letter was written in (its recipient's).
 * - `body_html`: the HTML part beside the plain text (null: the letter is plain text only).
 * - `status`: queued (waiting for its time), sending (claimed by a server), sent, failed (for
 *   good: an SMTP server refused it permanently, or the last attempt failed).
 * - `attempts`, `next_attempt_at`, `last_error`: retries with backoff; a null
 *   `next_attempt_at` is due at once, so areas inserting with the older columns need nothing.
 * - `claimed_by`, `claimed_until`: the lease of the server sending it. A claim is one
 *   conditional UPDATE, so two servers on one database never both take a letter; a lease that
 *   ran out (its server died while sending) lets another server take the letter again.
 * - `message_id`: the Message-ID it went out with, kept from the first attempt so that a
 *   receiver sees a retried letter as the same letter.
 *
 * Letters already sent (sent_at set) become `sent`; the others wait as `queued`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one at a time.
  const outbox = () => db.schema.alterTable('outbox');
  await outbox()
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  await outbox().addColumn('body_html', 'text').execute();
  await outbox()
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .execute();
  await outbox()
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await outbox().addColumn('next_attempt_at', 'text').execute();
  await outbox().addColumn('last_error', 'text').execute();
  await outbox().addColumn('claimed_by', 'text').execute();
  await outbox().addColumn('claimed_until', 'text').execute();
  await outbox().addColumn('message_id', 'text').execute();
  await db
    .updateTable('outbox' as never)
    .set({ status: 'sent' } as never)
    .where(sql.ref('sent_at'), 'is not', null)
    .execute();
  await db.schema.dropIndex('outbox_unsent').execute();
  // The worker looks for letters by status and time; the admin page counts and lists by status.
  await db.schema
    .createIndex('outbox_status_due')
    .on('outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_status_due').execute();
  await db.schema.createIndex('outbox_unsent').on('outbox').column('sent_at').execute();
  for (const column of [
    'message_id',
    'claimed_until',
    'claimed_by',
    'last_error',
    'next_attempt_at',
    'attempts',
    'status',
    'body_html',
    'locale',
  ]) {
    await db.schema.alterTable('outbox').dropColumn(column).execute();
  }
}
