import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers';

/**
 * Import layouts a person made: when a file's headers match no known layout, the import page
 * asks which Accord field each column holds and keeps the answer under a name, for the web and
 * the command line (`accord import … --layout NAME`) to use again. Import runs also keep their
 * warnings (a column with numbers that no field reads), as JSON text read whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  await withId(db.schema.createTable('import_layouts'), pg)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    // [{ header, field }] in the file's column order; field null means "ignore".
    .addColumn('columns_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by_user_id', 'integer', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('import_runs').addColumn('warnings_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').dropColumn('warnings_json').execute();
  await db.schema.dropTable('import_layouts').execute();
}
