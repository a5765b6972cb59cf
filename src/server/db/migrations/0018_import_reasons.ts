import type { Kysely } from 'kysely';

/**
 * Every import row's outcome in the reader's language (issue 10): each row keeps its reasons as
 * codes with parameters (`reasons_json`) and its records as structured values (`entity_json`)
 * beside their English words, and the name of its government when it was imported
 * (`government_name`: a preview's prospect has no page to read it from). A run keeps its error
 * as a code too (`error_json`). Null for runs from before: their English words are shown as
 * they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_run_rows').addColumn('reasons_json', 'text').execute();
  await db.schema.alterTable('import_run_rows').addColumn('entity_json', 'text').execute();
  await db.schema.alterTable('import_run_rows').addColumn('government_name', 'text').execute();
  await db.schema.alterTable('import_runs').addColumn('error_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').dropColumn('error_json').execute();
  await db.schema.alterTable('import_run_rows').dropColumn('government_name').execute();
  await db.schema.alterTable('import_run_rows').dropColumn('entity_json').execute();
  await db.schema.alterTable('import_run_rows').dropColumn('reasons_json').execute();
}
