import type { CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';

/** True when the migration runs on PostgreSQL; the only place dialects differ. */
export async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  // The adapter class tells the dialect without a query.
  const adapter = db.getExecutor().adapter;
  return adapter.constructor.name.toLowerCase().includes('postgres');
}

/** Adds an auto-numbered integer primary key named id, portable across dialects. */
export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  postgres: boolean,
): CreateTableBuilder<T, 'id'> {
  return postgres
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const now = sql`CURRENT_TIMESTAMP`;
