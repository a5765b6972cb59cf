import type { Kysely } from 'kysely';

/**
 * Failed sign-ins per account and per client address (src/core/sign-in-throttle.ts), kept in
 * the database so that every Accord process on it counts the same failures. The key is a hash
 * of the e-mail typed or of the address: the table holds no address in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Forgotten records are removed by age.
  await db.schema
    .createIndex('sign_in_throttles_updated')
    .on('sign_in_throttles')
    .column('updated_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_throttles').execute();
}
