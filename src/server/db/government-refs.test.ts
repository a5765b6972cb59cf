import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../test/setup/databases';
import { GOVERNMENT_REF_TABLES } from '../members/merge-tables';
import type { StoreDb } from '../store';
import { migrateToLatest } from './migrate';

/**
 * A merge of governments moves the rows of every table that points at governments.id: the
 * list it moves (members/merge-tables.ts) is every table whose foreign key the database
 * declares, so a table added later without its place in merges fails here.
 */
describe.each(dialectCases())('tables that point at governments on $label', ({ dialect, skip }) => {
  let db: StoreDb;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await drop?.();
  });

  it.skipIf(skip)('are the ones a merge moves', async () => {
    const rows =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`
            SELECT DISTINCT m.name AS name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND f."table" = 'governments'`.execute(db.kysely)
        : await sql<{ name: string }>`
            SELECT DISTINCT tc.table_name AS name
            FROM information_schema.table_constraints tc
            JOIN information_schema.constraint_column_usage cu
              ON cu.constraint_name = tc.constraint_name AND cu.table_schema = tc.table_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND cu.table_name = 'governments'`.execute(
            db.kysely,
          );
    expect(rows.rows.map((r) => r.name).sort()).toEqual([...GOVERNMENT_REF_TABLES].sort());
  });
});
