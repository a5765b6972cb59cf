import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers';

/**
 * Personal calendar feeds: one secret address per user, for a calendar application to poll.
 * Only the address's hash is kept, as for sessions and API tokens; a new address replaces the
 * old one, which then stops working.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  await withId(db.schema.createTable('calendar_feeds'), pg)
    .addColumn('user_id', 'integer', (c) =>
      c.notNull().unique().references('users.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
}
