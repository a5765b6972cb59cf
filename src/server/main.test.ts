import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import pgClient from 'pg';
import { PG_ADMIN_URL } from '../../test/setup/pg-url';
import { verifyPassword } from './auth/secrets';
import { openStore } from './store';

/**
 * Starting Accord as an operator does: `tsx src/server/main.ts` in a process of its own. A bad
 * setting is one clear line naming it and an exit code, never a stack trace; the generated
 * administrator password is printed once the server listens, and not lost if a start fails.
 */

const TSX = path.resolve('node_modules/.bin/tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts Accord; resolves when it exits, or once it says it is running (then stops it). */
function start(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/server/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: os.tmpdir(),
        HOST: '127.0.0.1',
        PORT: '0',
        ACCORD_DEMO: 'false',
        ACCORD_WEB_ROOT: path.join(os.tmpdir(), 'accord-no-web-app'),
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/Sign in /.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** One line, naming the setting, and no stack trace; the exit code says it failed. */
function expectOneClearLine(run: Run, setting: string, cause: RegExp) {
  expect(run.code).toBe(1);
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^Accord cannot start: ${setting}\\b`));
  expect(lines[0]).toMatch(cause);
  expect(run.stderr + run.stdout).not.toMatch(/^\s+at /m);
  expect(run.stdout).not.toMatch(/Accord is running/);
}

describe('starting Accord', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-start-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('with a DATABASE_URL that does not work', () => {
    it('says so for an address that is not PostgreSQL', async () => {
      const run = await start({ ACCORD_DATA_DIR: dataDir, DATABASE_URL: 'mysql://u:pw@db/x' });
      expectOneClearLine(run, 'DATABASE_URL', /postgres:\/\//);
      expect(run.stderr).not.toContain(':pw@');
    });

    it('says so when nothing answers at the address', async () => {
      const run = await start({
        ACCORD_DATA_DIR: dataDir,
        DATABASE_URL: 'postgres://u:secret-pw@127.0.0.1:1/accord',
      });
      expectOneClearLine(run, 'DATABASE_URL', /127\.0\.0\.1:1.*connection refused/);
      // The password in the address is not repeated to the log.
      expect(run.stderr).not.toContain('secret-pw');
    });

    it('says so when the host is unknown', async () => {
      const run = await start({
        ACCORD_DATA_DIR: dataDir,
        DATABASE_URL: 'postgres://u@no-such-host.invalid/accord',
      });
      expectOneClearLine(run, 'DATABASE_URL', /no-such-host\.invalid/);
    });

    const pg = inject('postgres');
    it.skipIf(!pg)('says so when the database does not exist', async () => {
      const url = new URL(PG_ADMIN_URL);
      url.pathname = '/accord_no_such_database';
      const run = await start({ ACCORD_DATA_DIR: dataDir, DATABASE_URL: url.toString() });
      expectOneClearLine(run, 'DATABASE_URL', /database "accord_no_such_database" does not exist/);
    });

    it.skipIf(!pg)('says so when PostgreSQL refuses the user', async () => {
      const url = new URL(PG_ADMIN_URL);
      url.username = 'accord_no_such_role';
      url.password = 'wrong-password';
      const run = await start({ ACCORD_DATA_DIR: dataDir, DATABASE_URL: url.toString() });
      expectOneClearLine(run, 'DATABASE_URL', /accord_no_such_role/);
      expect(run.stderr).not.toContain('wrong-password');
    });
  });

  it('says so when the data folder cannot be made', async () => {
    const file = path.join(dataDir, 'a-file');
    fs.writeFileSync(file, '');
    const run = await start({ ACCORD_DATA_DIR: path.join(file, 'data') });
    expectOneClearLine(run, 'ACCORD_DATA_DIR', /not a folder/);
  });

  it('keeps the generated administrator password until a start succeeds, then prints it', async () => {
    // Another program holds the port: the first start fails before Accord listens.
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    let failed: Run;
    try {
      failed = await start({ ACCORD_DATA_DIR: dataDir, PORT: String(port) });
    } finally {
      blocker.close();
    }
    expectOneClearLine(failed, 'PORT', new RegExp(`${port}.*in use`));
    expect(failed.stdout).not.toMatch(/password/i);

    const ok = await start({ ACCORD_DATA_DIR: dataDir });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/Accord is running at http:\/\/localhost:\d+/);
    const password = /with the password (\S+)/.exec(ok.stdout)?.[1];
    expect(password).toBeDefined();
    const db = openStore({ dataDir });
    try {
      const admin = await db.users.findUserByEmail('admin@accord.example');
      expect(admin).toBeDefined();
      expect(await verifyPassword(admin!.password_hash, password!)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('says at start-up that ACCORD_ADMIN_PASSWORD was ignored once the administrator exists', async () => {
    const env = { ACCORD_DATA_DIR: dataDir, ACCORD_ADMIN_PASSWORD: 'the-first-password' };
    const first = await start(env);
    expect(first.stdout).toContain('with the password from ACCORD_ADMIN_PASSWORD');
    expect(first.stdout).not.toMatch(/ignored/);

    const again = await start({ ...env, ACCORD_ADMIN_PASSWORD: 'a-new-password-hoped-for' });
    expect(again.stdout).toMatch(/Accord is running/);
    // In the log (a warning) and in the start-up text, with the way to reset a password.
    const warning = /ACCORD_ADMIN_PASSWORD was ignored: an administrator exists already/g;
    expect(again.stdout.match(warning)).toHaveLength(2);
    expect(again.stdout).toMatch(/"level":40/);
    expect(again.stdout).toContain('accord user reset-password admin@accord.example');
    const db = openStore({ dataDir });
    try {
      const admin = await db.users.findUserByEmail('admin@accord.example');
      expect(await verifyPassword(admin!.password_hash, 'the-first-password')).toBe(true);
    } finally {
      await db.close();
    }
  });
  it.skipIf(!inject('postgres'))(
    'finishes start-up before stopping when asked to stop while it waits for another server',
    async () => {
      const name = `accord_stop_${process.pid}_${Date.now()}`;
      const admin = new pgClient.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      const other = new pgClient.Client({ connectionString: url.toString() });
      await other.connect();
      try {
        // Another server holds the start-up lock ("Acco"), as a replica migrating does.
        await other.query('SELECT pg_advisory_lock(1097032559)');
        const child = spawn(TSX, ['src/server/main.ts'], {
          env: {
            PATH: process.env.PATH ?? '',
            HOME: os.tmpdir(),
            HOST: '127.0.0.1',
            PORT: '0',
            ACCORD_DEMO: 'false',
            ACCORD_DATA_DIR: dataDir,
            ACCORD_WEB_ROOT: path.join(os.tmpdir(), 'accord-no-web-app'),
            LOG_LEVEL: 'warn',
            DATABASE_URL: url.toString(),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (c: Buffer) => (output += c.toString()));
        child.stderr.on('data', (c: Buffer) => (output += c.toString()));
        const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
          child.on('close', (code, signal) => resolve({ code, signal })),
        );
        // Wait until it queues behind the lock, then ask it to stop and let it go on.
        await expect
          .poll(
            async () =>
              Number(
                (
                  await other.query<{ n: string }>(
                    `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
                  )
                ).rows[0]?.n,
              ),
            { timeout: 30_000, interval: 100 },
          )
          .toBeGreaterThan(0);
        child.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 300));
        await other.query('SELECT pg_advisory_unlock(1097032559)');
        const { code, signal } = await exited;
        expect(output).not.toMatch(/destroyed/);
        expect({ code, signal }).toEqual({ code: 0, signal: null });
        // Start-up was finished, not cut: the database is migrated.
        const tables = await other.query(
          `SELECT 1 FROM information_schema.tables WHERE table_name = 'users'`,
        );
        expect(tables.rowCount).toBe(1);
      } finally {
        await other.end();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
    90_000,
  );
});
