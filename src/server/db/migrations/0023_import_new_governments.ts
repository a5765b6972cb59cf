import type { Kysely } from 'kysely';

/**
 * How many governments an import run created, or its preview would create, and how many of the
 * file's rows are about them (issue 12): the preview says so before anything is written, and
 * the person chooses there whether those governments are added as prospects or their rows left
 * out. Zero for runs from before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('import_runs')
    .addColumn('governments_created', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('import_runs')
    .addColumn('new_government_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').dropColumn('new_government_rows').execute();
  await db.schema.alterTable('import_runs').dropColumn('governments_created').execute();
}
