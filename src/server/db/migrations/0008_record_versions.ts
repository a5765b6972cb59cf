import type { Kysely } from 'kysely';

/**
 * The records that 0004 left without a version get one, so that every edit can be made
 * conditional (If-Match, 412 on a stale copy): seats, positions, users, elections, news posts,
 * files (their captions), invitations (their replies) and register entries.
 */
const TABLES = [
  'seats',
  'positions',
  'users',
  'elections',
  'news_posts',
  'files',
  'invitations',
  'attendance',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...TABLES].reverse()) {
    await db.schema.alterTable(table).dropColumn('version').execute();
  }
}
