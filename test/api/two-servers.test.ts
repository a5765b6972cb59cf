import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PG_ADMIN_URL } from '../setup/pg-url';
import { signInOver, startServerProcess, type ServerProcess } from '../setup/server-process';

/**
 * Two Accord processes on one PostgreSQL database and one shared data folder, as a deployment
 * with two replicas behind a load balancer runs them. Started at the same moment, they migrate
 * and seed once between them; a session made on one works on the other; a file uploaded through
 * one downloads through the other; failed sign-ins count together; and the sweep for abandoned
 * import runs claims each run once, however many servers sweep.
 */

const PASSWORD = 'two-servers-admin-password';
const ADMIN = { email: 'admin@accord.example', password: PASSWORD };
const PDF = Buffer.from(`%PDF-1.4\n% two servers ${crypto.randomUUID()}\n%%EOF\n`);

describe.skipIf(!inject('postgres'))('two servers on one PostgreSQL', () => {
  const name = `accord_two_${crypto.randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-two-'));
  let url = '';
  let a: ServerProcess;
  let b: ServerProcess;
  let client: pg.Client;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    const env = {
      DATABASE_URL: url,
      ACCORD_DATA_DIR: dataDir,
      ACCORD_ADMIN_PASSWORD: PASSWORD,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // A short lease, so that both servers sweep every second while the test runs.
      ACCORD_IMPORT_LEASE_SECONDS: '2',
    };
    // Both at once: migrations and the demo must not be run twice or half.
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    for (const s of [a, b]) {
      if (s && s.child.exitCode === null) {
        s.child.kill('SIGTERM');
        await s.exited;
      }
    }
    await client?.end();
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

  it('migrates and seeds the demo once when both start together', async () => {
    expect(await count('SELECT count(*) AS n FROM users WHERE email = $1', [ADMIN.email])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM bodies WHERE slug = 'east-asia-rexcom'`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM governments WHERE slug = 'seoul'`)).toBe(1);
    for (const s of [a, b]) expect((await fetch(`${s.base}/api/v1/health`)).status).toBe(200);
  });

  it('honours on one server a session made on the other', async () => {
    const headers = await signInOver(a.base, ADMIN);
    const session = await fetch(`${b.base}/api/v1/auth/session`, { headers });
    expect(((await session.json()) as { user: { email: string } | null }).user?.email).toBe(
      ADMIN.email,
    );
    // A change with the CSRF token of the session, on the other server.
    const created = await fetch(`${b.base}/api/v1/auth/tokens`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'made on b' }),
    });
    expect(created.status).toBe(201);
    // Signing out on b ends the session on a too.
    await fetch(`${b.base}/api/v1/auth/logout`, { method: 'POST', headers });
    const after = await fetch(`${a.base}/api/v1/auth/session`, { headers });
    expect(((await after.json()) as { user: unknown }).user).toBeNull();
  });

  it('serves from one server a file uploaded through the other (one shared data folder)', async () => {
    const headers = await signInOver(a.base, ADMIN);
    const meeting = (await client.query<{ id: number }>(`SELECT id FROM meetings LIMIT 1`)).rows[0];
    expect(meeting).toBeDefined();
    const form = new FormData();
    form.append('kind', 'document');
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'minutes.pdf');
    const uploaded = await fetch(`${a.base}/api/v1/meetings/${meeting?.id}/files`, {
      method: 'POST',
      headers,
      body: form,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { id } = (await uploaded.json()) as { id: number };
    const download = await fetch(`${b.base}/api/v1/files/${id}`, { headers });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('counts failed sign-ins on both servers together', async () => {
    const wrong = { email: ADMIN.email, password: 'not-the-password-at-all' };
    const attempt = (base: string, credentials: typeof wrong) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      });
    for (const base of [a.base, b.base, a.base, b.base, a.base]) {
      expect((await attempt(base, wrong)).status).toBe(401);
    }
    // Five failures between them lock the account on both, the right password included.
    const locked = await attempt(b.base, ADMIN);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('marks an abandoned import run interrupted once, though both servers sweep', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO import_runs (kind, file_name, layout, dry_run, status, total_rows, processed_rows,
         created_count, updated_count, skipped_count, error, actor_user_id, actor_label, started_at,
         finished_at, heartbeat_at)
       VALUES ('cdp-targets', 'left.csv', 'cdp-targets', 0, 'running', 100, 10, 10, 0, 0, NULL,
         NULL, 'test', $1, NULL, $1) RETURNING id`,
      [hourAgo],
    );
    const runId = rows[0]?.id;
    // Each server sweeps every second (half the two-second lease).
    await expect
      .poll(
        async () =>
          (await client.query(`SELECT status FROM import_runs WHERE id = $1`, [runId])).rows[0]
            ?.status,
        { timeout: 10_000, interval: 250 },
      )
      .toBe('interrupted');
    // A few more sweeps of both servers change nothing and write no second entry.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE entity_type = 'import' AND entity_id = $1`,
        [String(runId)],
      ),
    ).toBe(1);
  });
});
