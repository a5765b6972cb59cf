import type { Kysely } from 'kysely';

/**
 * An import run keeps the character encoding its CSV file was read in (detected from its first
 * bytes, or chosen by the person importing), so that the preview can show it and a person can
 * see why names read as they do. Null for XLSX files and for runs from before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').addColumn('encoding', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').dropColumn('encoding').execute();
}
