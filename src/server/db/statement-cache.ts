import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query it runs afresh. Preparing is SQLite compiling the
 * statement: for the bulk writes of an import (a few hundred rows of twenty columns in one
 * INSERT) it costs as much as running it. The same SQL text comes back batch after batch, so
 * the compiled statements are kept, the most recently used `size` of them, and reused.
 *
 * A statement still being iterated (a streamed query not read to its end) is busy: the same
 * SQL asked for meanwhile gets a statement of its own, which is not kept.
 */
/** better-sqlite3's Database, as far as the cache uses it. */
interface Statements {
  close(): void;
  prepare(sql: string): Statement;
}
type Statement = SqliteStatement & { readonly busy: boolean };

export function withStatementCache(database: Statements, size = 200): SqliteDatabase {
  const kept = new Map<string, Statement>();
  return {
    close: () => {
      kept.clear();
      database.close();
    },
    prepare(sql: string): Statement {
      const found = kept.get(sql);
      if (found) {
        if (found.busy) return database.prepare(sql);
        // Most recently used last: the first in the map is the one to let go.
        kept.delete(sql);
        kept.set(sql, found);
        return found;
      }
      const statement = database.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}
