import type { Kysely } from 'kysely';

/**
 * Which source column fed which Accord field: a run keeps its column map (each field it reads
 * and the header of the column it reads it from, as the file spells it), and each row outcome
 * the fields that row had a value for (a JSON list of field keys, resolved through the run's
 * map when read). Both null for runs from before: "not recorded".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').addColumn('columns_json', 'text').execute();
  await db.schema.alterTable('import_run_rows').addColumn('fields_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_run_rows').dropColumn('fields_json').execute();
  await db.schema.alterTable('import_runs').dropColumn('columns_json').execute();
}
