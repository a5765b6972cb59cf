/**
 * Copies of the database, for `accord backup` and `accord restore`. SQLite uses its online
 * backup API: a consistent copy of every committed write, the write-ahead log included, taken
 * while Accord keeps running. PostgreSQL uses its own tools, pg_dump and pg_restore.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { keepPrivate, PRIVATE_FILE, type Db } from './database';

/** Copies the SQLite database at `source` to `destination` (a new file, owner-only). */
export async function snapshotSqlite(source: string, destination: string): Promise<void> {
  const db = new SQLite(source, { fileMustExist: true });
  try {
    keepPrivate(destination);
    await db.backup(destination);
  } finally {
    db.close();
  }
  fs.chmodSync(destination, PRIVATE_FILE);
}

/** Whether SQLite finds the file a sound database; its complaint when not. */
export function sqliteIntegrityProblem(file: string): string | undefined {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const found = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    return found.length > 0 ? found.slice(0, 3).join('; ') : undefined;
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `target` with the copy at `backupFile`, through SQLite's backup API
 * in the other direction: the target's own locks and write-ahead log take the new pages, so
 * no stale -wal file is left to be replayed over them.
 */
export async function restoreSqlite(backupFile: string, target: string): Promise<void> {
  const db = new SQLite(backupFile, { readonly: true, fileMustExist: true });
  try {
    keepPrivate(target);
    await db.backup(target);
  } finally {
    db.close();
  }
}

/** Rows in each table of the database (the migrator's own bookkeeping left out), by name. */
export async function tableRowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.kysely.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const result = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(name)}`.execute(db.kysely);
    counts[name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** The newest migration the database has applied, if any. */
export async function latestMigration(db: Db): Promise<string | undefined> {
  const result = await sql<{
    name: string;
  }>`select name from kysely_migration order by name desc limit 1`.execute(db.kysely);
  return result.rows[0]?.name;
}

/** The path of an executable on the search path, like `which`. */
export function findExecutable(name: string, searchPath: string): string | undefined {
  for (const folder of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(folder, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here: try the next folder.
    }
  }
  return undefined;
}

/**
 * The address without its password, and the password apart: the tools get it through the
 * environment, where other users' `ps` cannot read it.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return {
    dbname: u.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

function run(executable: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const said = stderr.trim().split('\n').slice(-3).join(' / ');
        reject(new Error(`${path.basename(executable)} failed (exit ${code}): ${said}`));
      }
    });
  });
}

/** pg_dump in its custom format (compressed; read by pg_restore), to an owner-only file. */
export async function pgDump(executable: string, url: string, file: string): Promise<void> {
  const { dbname, env } = connection(url);
  keepPrivate(file);
  await run(
    executable,
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${dbname}`],
    env,
  );
}

/**
 * pg_restore of such a dump, in one transaction: it drops what the dump holds and makes it
 * again, and on any error leaves the database as it was.
 */
export async function pgRestore(executable: string, url: string, file: string): Promise<void> {
  const { dbname, env } = connection(url);
  await run(
    executable,
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}
