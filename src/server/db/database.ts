import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';

export type DialectName = 'sqlite' | 'postgres';

/** The SQLite database's file name in the data folder. */
export const SQLITE_FILE_NAME = 'accord.sqlite';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

// PostgreSQL returns bigint and numeric as strings to be safe with huge values; ours fit
// in a double, and SQLite returns numbers, so both dialects return numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Folders and files holding members' data: their owner alone may read them. */
export const PRIVATE_FOLDER = 0o700;
export const PRIVATE_FILE = 0o600;

/**
 * Makes the SQLite file owner-only before SQLite opens it. SQLite creates its -wal and -shm
 * files with the database file's mode, so those follow; the ones an earlier version left
 * readable are tightened too, since the -wal holds recent writes in the clear.
 */
export function keepPrivate(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
  for (const name of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      fs.chmodSync(name, PRIVATE_FILE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Opens the database: PostgreSQL when a URL is given, else SQLite under dataDir. */
export function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string;
  sqliteFile?: string;
}): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server closes (a restart, an administrator's terminate) must not
    // bring the process down: the pool drops it and opens another on the next query.
    pool.on('error', (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.warn(`PostgreSQL connection lost: ${err.message}`);
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  let file = options.sqliteFile;
  if (!file) {
    const dir = options.dataDir ?? 'data';
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
    file = path.join(dir, SQLITE_FILE_NAME);
  }
  if (file !== ':memory:') keepPrivate(file);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten, not left in free pages: earlier states of a table (the ballot
  // box as it was stored before migration 0026, a deleted member's data) left readable in the
  // file or a backup of it would outlive the row.
  sqlite.pragma('secure_delete = ON');
  // Kysely prepares every query afresh; the cache keeps the compiled statements it repeats.
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

/** How long start-up waits for PostgreSQL to answer before saying it cannot reach it. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Connects once to the PostgreSQL server at `url` and asks it something. Undefined when that
 * works; otherwise what went wrong, in words an operator can act on (the pool would only say
 * so at the first query, wrapped in whatever ran it, or wait for the network's own timeout).
 */
export async function postgresConnectionProblem(url: string): Promise<string | undefined> {
  const target = new URL(url);
  const where = `${target.hostname || 'localhost'}:${target.port || '5432'}`;
  const user = decodeURIComponent(target.username) || 'the default user';
  const database = decodeURIComponent(target.pathname.slice(1)) || 'the default database';
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // A failed connection also emits 'error'; the rejected connect() below reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    const e = error as Error & { code?: string };
    switch (e.code) {
      case 'ECONNREFUSED':
        return `nothing answers at ${where} (connection refused); is PostgreSQL running there?`;
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return `the host "${target.hostname}" is not known`;
      case 'ETIMEDOUT':
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return `no answer from ${where} (${e.code})`;
      case '28P01':
        return `PostgreSQL refused the password of user "${user}"`;
      case '28000':
        return `PostgreSQL refused user "${user}": ${e.message}`;
      case '3D000':
        return `the database "${database}" does not exist on ${where}`;
      default:
        return /timeout/i.test(e.message)
          ? `no answer from ${where} within ${CONNECT_TIMEOUT_MS / 1000} s`
          : e.message;
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
