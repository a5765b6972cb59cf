/**
 * For tests that hold a cost to a number of statements rather than to a time: a view of a
 * database that counts every statement sent through it, and a raw read of a column the typed
 * schema does not know (SQLite's rowid). Lives in db/ because only it may reach Kysely itself.
 */
import { sql, type KyselyPlugin } from 'kysely';
import type { Db } from './database';

export interface CountedDb {
  db: Db;
  /** Statements sent since the last reset. */
  count(): number;
  reset(): void;
}

export function countingStatements(db: Db): CountedDb {
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => {
      statements += 1;
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  return {
    db: {
      kysely: db.kysely.withPlugin(counter),
      dialect: db.dialect,
      close: () => Promise.resolve(),
    },
    count: () => statements,
    reset: () => {
      statements = 0;
    },
  };
}

/** SELECT rowid FROM table: fails when the table has none (a WITHOUT ROWID table on SQLite). */
export function selectRowids(db: Db, table: string): Promise<unknown> {
  return sql`SELECT rowid FROM ${sql.table(table)}`.execute(db.kysely);
}
