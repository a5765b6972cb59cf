import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type StoreDb } from '../../src/server/store';
import type { ImportRun } from '../../src/server/climate/schemas';
import { syntheticTargetsCsv } from '../setup/cdp-synthetic';
import { dialectCases } from '../setup/databases';
import { PG_ADMIN_URL } from '../setup/pg-url';
import { signInOver, startServerProcess, type ServerProcess } from '../setup/server-process';

/**
 * Accord as it runs in production, in a child process, killed the hard way in the middle of an
 * import (SIGKILL: no handler runs) and restarted: the database is whole, the run is marked
 * interrupted by the restarted server once its lease has run out, every committed batch has
 * its audit entry, and importing the file again completes it without a duplicate. Then SIGTERM:
 * a request in flight is answered, the import still running ends interrupted, the exit is 0.
 */

const ROWS = 8_000;
const ADMIN = { email: 'admin@accord.example', password: 'crash-test-admin-password' };
const signIn = (base: string) => signInOver(base, ADMIN);

async function startImport(
  base: string,
  headers: Record<string, string>,
  body: string,
  query = '',
): Promise<number> {
  const res = await fetch(`${base}/api/v1/imports/cdp-targets?fileName=synthetic.csv${query}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { run: ImportRun }).run.id;
}

async function runOf(base: string, headers: Record<string, string>, id: number) {
  const res = await fetch(`${base}/api/v1/imports/${id}`, { headers });
  expect(res.status).toBe(200);
  return (await res.json()) as ImportRun;
}

/** Polls the run until `until` holds (at most a minute). */
async function waitFor(
  base: string,
  headers: Record<string, string>,
  id: number,
  until: (run: ImportRun) => boolean,
): Promise<ImportRun> {
  for (let i = 0; i < 1200; i++) {
    const run = await runOf(base, headers, id);
    if (until(run)) return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} never reached the awaited state`);
}

describe.each(dialectCases())('Accord killed during an import on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-crash-'));
  const dataDir = path.join(dir, 'data');
  const pgName = `accord_crash_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  const databaseUrl = (() => {
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${pgName}`;
    return u.toString();
  })();
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    ACCORD_DATA_DIR: dataDir,
    ACCORD_DEMO: 'false',
    ACCORD_ADMIN_PASSWORD: ADMIN.password,
    // A short lease, so that the restarted server marks the run within seconds.
    ACCORD_IMPORT_LEASE_SECONDS: '2',
    LOG_LEVEL: 'warn',
    TMPDIR: dir,
    ...(dialect === 'postgres' ? { DATABASE_URL: databaseUrl } : {}),
  };
  const file = syntheticTargetsCsv(ROWS);
  let server: ServerProcess | null = null;

  const admin = async () => {
    if (dialect !== 'postgres') return null;
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    return c;
  };
  beforeAll(async () => {
    if (skip) return;
    const c = await admin();
    await c?.query(`CREATE DATABASE ${pgName}`);
    await c?.end();
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    if (!skip) {
      const c = await admin();
      await c?.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
      await c?.end();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A connection of the test's own to the server's database. */
  async function withDatabase<T>(read: (db: StoreDb) => Promise<T>): Promise<T> {
    const db =
      dialect === 'postgres'
        ? openStore({ databaseUrl })
        : openStore({ sqliteFile: path.join(dataDir, 'accord.sqlite') });
    try {
      return await read(db);
    } finally {
      await db.close();
    }
  }
  const syntheticTargets = (db: StoreDb) =>
    db.kysely
      .selectFrom('climate_targets')
      .where('import_key', 'like', 'cdp-targets|2021|7%')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const syntheticGovernments = (db: StoreDb) =>
    db.kysely
      .selectFrom('governments')
      .where('cdp_account', 'like', '7%')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const runRow = (id: number) =>
    withDatabase((db) =>
      db.kysely
        .selectFrom('import_runs')
        .where('id', '=', id)
        .selectAll()
        .executeTakeFirstOrThrow(),
    );
  const sqliteIsWhole = () => {
    const sqlite = new SQLite(path.join(dataDir, 'accord.sqlite'));
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      sqlite.close();
    }
  };

  it_(
    'SIGKILL mid-import: the database is whole, the run is marked interrupted with every committed batch audited, and a rerun completes it without duplicates',
    async () => {
      server = await startServerProcess(env);
      let headers = await signIn(server.base);
      const id = await startImport(server.base, headers, file);
      // Two batches committed, many to go: the machine loses power.
      const before = await waitFor(server.base, headers, id, (r) => r.processedRows >= 1000);
      expect(before.status).toBe('running');
      server.child.kill('SIGKILL');
      expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });

      if (dialect === 'sqlite') sqliteIsWhole();
      const left = await runRow(id);
      expect(left.status).toBe('running');
      const committed = left.processed_rows;
      expect(committed % 500).toBe(0);
      expect(committed).toBeGreaterThanOrEqual(1000);
      expect(committed).toBeLessThan(ROWS);

      server = await startServerProcess(env);
      headers = await signIn(server.base);
      const marked = await waitFor(server.base, headers, id, (r) => r.status !== 'running');
      expect(marked).toMatchObject({ status: 'interrupted', processedRows: committed });
      expect(marked.error).toMatch(
        new RegExp(
          '^The import was interrupted: the process running it stopped without finishing .*' +
            `The batches committed before it stopped \\(${committed} rows\\) stay applied`,
        ),
      );

      await withDatabase(async (db) => {
        // What was committed is whole: each row's target and government, each row's outcome,
        // and the batches' audit entries account for every record created.
        expect(await syntheticTargets(db)).toBe(committed);
        expect(await syntheticGovernments(db)).toBe(committed);
        const outcomes = await db.kysely
          .selectFrom('import_run_rows')
          .where('run_id', '=', id)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(outcomes.n)).toBe(committed);
        const audit = await db.kysely
          .selectFrom('audit_log')
          .where('entity_type', '=', 'import')
          .where('entity_id', '=', String(id))
          .select(['actor_label', 'after_json'])
          .orderBy('id')
          .execute();
        const batches = audit.filter((e) => e.actor_label !== 'system');
        expect(batches).toHaveLength(committed / 500);
        const created = batches.reduce(
          (sum, e) => sum + (JSON.parse(e.after_json as string) as { created: number }).created,
          0,
        );
        expect(created).toBe(committed);
        // And the restarted server's entry of the interruption.
        expect(audit.filter((e) => e.actor_label === 'system')).toHaveLength(1);
      });

      const rerun = await startImport(server.base, headers, file);
      const done = await waitFor(server.base, headers, rerun, (r) => r.status !== 'running');
      expect(done).toMatchObject({
        status: 'done',
        processedRows: ROWS,
        created: ROWS - committed,
        updated: 0,
        skipped: 0,
      });
      await withDatabase(async (db) => {
        expect(await syntheticTargets(db)).toBe(ROWS);
        expect(await syntheticGovernments(db)).toBe(ROWS);
      });
    },
    240_000,
  );

  it_(
    'SIGTERM: a request in flight is answered, the running import ends interrupted, the process exits 0',
    async () => {
      server ??= await startServerProcess(env);
      const headers = await signIn(server.base);
      // Other cities than the first test's: each row writes, so the run lasts.
      const id = await startImport(server.base, headers, syntheticTargetsCsv(ROWS, ROWS));
      await waitFor(server.base, headers, id, (r) => r.processedRows >= 500);

      // A sign-in whose body is half sent when the server is asked to stop.
      const body = Buffer.from(JSON.stringify(ADMIN));
      const request = http.request({
        host: '127.0.0.1',
        port: new URL(server.base).port,
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      });
      const answered = new Promise<number>((resolve, reject) => {
        request.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        request.on('error', reject);
      });
      request.write(body.subarray(0, 10));
      // The request is in flight once the server has read its headers. A batch of the import
      // holds the event loop for a while on a busy machine, so no fixed wait says when that
      // is: a request sent after it and answered means the server has read past it.
      const health = await fetch(`${server.base}/api/v1/health`);
      expect(health.status).toBe(200);
      await health.arrayBuffer();
      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      request.end(body.subarray(10));
      expect(await answered).toBe(200);
      expect(await server.exited).toEqual({ code: 0, signal: null });

      const run = await runRow(id);
      expect(run.status).toBe('interrupted');
      expect(run.processed_rows).toBeLessThan(ROWS);
      expect(run.error).toBe(
        `Accord stopped before the import finished. The batches committed before it stopped ` +
          `(${run.processed_rows} rows) stay applied; running the same import again completes ` +
          'it without duplicates.',
      );
      if (dialect === 'sqlite') sqliteIsWhole();
    },
    120_000,
  );
});
