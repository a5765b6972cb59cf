import { sql } from 'kysely';
import type { Database } from './schema';
import type { Executor } from './types';

/**
 * Updates many rows, each with its own values, in one statement per chunk:
 * UPDATE t SET a = v.column2, … FROM (VALUES (id, a, …), …) AS v WHERE t.id = v.column1.
 * Both PostgreSQL and SQLite (3.33 and later) read it; both name a VALUES list's columns
 * column1, column2, …, and the casts give PostgreSQL the types its parameters lack.
 * Called by a table's owning repository only, which names its own table and columns.
 */

export type SqlType = 'integer' | 'double precision' | 'text';

export interface BulkColumn {
  name: string;
  type: SqlType;
}

export async function bulkUpdateById(
  trx: Executor,
  table: keyof Database,
  columns: readonly BulkColumn[],
  rows: readonly { id: number; values: Readonly<Record<string, unknown>> }[],
  chunkSize = 200,
): Promise<void> {
  if (columns.length === 0) return;
  const sets = sql.join(
    columns.map((column, i) => sql`${sql.ref(column.name)} = v.${sql.raw(`column${i + 2}`)}`),
  );
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    const values = sql.join(
      chunk.map(
        (row) =>
          sql`(${sql.join([
            sql`CAST(${row.id} AS integer)`,
            ...columns.map(
              (column) => sql`CAST(${row.values[column.name] ?? null} AS ${sql.raw(column.type)})`,
            ),
          ])})`,
      ),
    );
    await sql`UPDATE ${sql.table(table)} SET ${sets} FROM (VALUES ${values}) AS v WHERE ${sql.ref(`${table}.id`)} = v.column1`.execute(
      trx,
    );
  }
}
