import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers';

/**
 * One government, once (issue 10):
 *
 * - `government_merges`: an administrator merged one government into another. The merged
 *   government's row is gone from `governments`; its whole record (row, names, membership) is
 *   kept here, with its CDP account and tracker id, which imports keep matching to the
 *   government it was merged into. `undone_at` is set when the merge was undone.
 * - `government_merge_rows`: every row the merge moved, changed or removed, with the row as it
 *   was before, so that undoing the merge puts each back exactly.
 * - `import_run_matches`: the matches an import run was not sure of (a likely name, several
 *   candidates, a namesake with another key), once per subject, with a person's decision on a
 *   preview, which the real run then applies.
 *
 * Government ids here carry no foreign key: the merged government no longer exists, and the
 * kept one may itself be merged later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  const table = (name: string) => withId(db.schema.createTable(name), pg);

  await table('government_merges')
    .addColumn('kept_government_id', 'integer', (c) => c.notNull())
    .addColumn('merged_government_id', 'integer', (c) => c.notNull())
    .addColumn('kept_slug', 'text', (c) => c.notNull())
    .addColumn('merged_slug', 'text', (c) => c.notNull())
    .addColumn('merged_cdp_account', 'text')
    .addColumn('merged_nzt_id', 'text')
    // JSON: the merged government's row, names and membership as they were.
    .addColumn('merged_record', 'text', (c) => c.notNull())
    // JSON: the columns of the kept government the merge filled, as they were.
    .addColumn('kept_before', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema
    .createIndex('government_merges_kept')
    .on('government_merges')
    .column('kept_government_id')
    .execute();
  await db.schema
    .createIndex('government_merges_merged')
    .on('government_merges')
    .column('merged_government_id')
    .execute();

  await table('government_merge_rows')
    .addColumn('merge_id', 'integer', (c) =>
      c.notNull().references('government_merges.id').onDelete('cascade'),
    )
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer')
    // 'moved' (now the kept government's), 'changed' (in place), 'deleted' (a duplicate).
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('government_merge_rows_merge')
    .on('government_merge_rows')
    .column('merge_id')
    .execute();

  await table('import_run_matches')
    .addColumn('run_id', 'integer', (c) =>
      c.notNull().references('import_runs.id').onDelete('cascade'),
    )
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    // JSON array of the names the file gives.
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applied', 'text')
    // JSON array of candidate slugs.
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decision_slug', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema
    .createIndex('import_run_matches_subject')
    .on('import_run_matches')
    .columns(['run_id', 'subject_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('import_run_matches_row')
    .on('import_run_matches')
    .columns(['run_id', 'row_number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['import_run_matches', 'government_merge_rows', 'government_merges']) {
    await db.schema.dropTable(t).execute();
  }
}
