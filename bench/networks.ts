/**
 * Databases holding the synthetic network, on SQLite (a file in a scratch folder) and on
 * PostgreSQL (a scratch database, dropped afterwards), for the parts of the bench that need one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { configFromEnv } from '../src/server/config';
import { SQLITE_FILE_NAME } from '../src/server/db/database';
import { bootstrapDatabase } from '../src/server/setup/bootstrap';
import { openStore, type StoreDb } from '../src/server/store';
import { loadNetwork, type LoadCounts } from './generate';

export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type Dialect = 'sqlite' | 'postgres';

export interface PreparedNetwork {
  dialect: Dialect;
  /** The folder a server started on this network takes as ACCORD_DATA_DIR. */
  dataDir: string;
  /** Set on PostgreSQL: the scratch database's address. */
  databaseUrl: string | undefined;
  counts: LoadCounts;
  loadMs: number;
  /** Opens the database (the caller closes it). */
  open(): StoreDb;
  /** Removes the folder and drops the scratch database. */
  dispose(): Promise<void>;
}

export const BENCH_ADMIN_PASSWORD = 'bench-password-123';

export function benchConfig(databaseUrl: string | undefined, dataDir: string) {
  return {
    ...configFromEnv({}),
    seedDemo: false,
    adminPassword: BENCH_ADMIN_PASSWORD,
    webRoot: undefined,
    databaseUrl,
    dataDir,
    dailyJobs: false,
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A migrated database with the regions, the first administrator and N synthetic governments. */
export async function prepareNetwork(
  dialect: Dialect,
  governments: number,
  log: (line: string) => void = () => {},
): Promise<PreparedNetwork> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
  let databaseUrl: string | undefined;
  let scratch: string | undefined;
  if (dialect === 'postgres') {
    scratch = `accord_bench_${crypto.randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${scratch}`);
    const url = new URL(PG_URL);
    url.pathname = `/${scratch}`;
    databaseUrl = url.toString();
  }
  const open = () =>
    openStore(databaseUrl ? { databaseUrl } : { sqliteFile: path.join(dataDir, SQLITE_FILE_NAME) });
  const db = open();
  const started = Date.now();
  let counts: LoadCounts;
  try {
    await bootstrapDatabase(db, benchConfig(databaseUrl, dataDir));
    counts = await loadNetwork(db, governments, {}, (done) => {
      if (done % 2000 === 0 || done === governments)
        log(`  ${dialect}: ${done} of ${governments} governments loaded`);
    });
    // The planner needs statistics after a bulk load, as after any restore.
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query('ANALYZE');
      await client.end();
    }
  } finally {
    await db.close();
  }
  return {
    dialect,
    dataDir,
    databaseUrl,
    counts,
    loadMs: Date.now() - started,
    open,
    async dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (scratch) await adminQuery(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    },
  };
}
