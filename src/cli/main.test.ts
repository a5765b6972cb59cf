import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../server/config';
import { main, type Io } from './main';
import { openStore as openDatabase } from '../server/store';
import { verifyPassword } from '../server/auth/secrets';

function capture(stdin: string | null = null) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin };
  return { io, out, err };
}

describe('accord command line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-cli-'));
  const config = { ...configFromEnv({}), dataDir: dir, databaseUrl: undefined };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints help', async () => {
    const c = capture();
    expect(await main(['--help'], c.io, config)).toBe(0);
    expect(c.out.join('\n')).toContain('accord user create');
  });

  it('migrates, seeds the demo once, and creates users', async () => {
    let c = capture();
    expect(await main(['migrate'], c.io, config)).toBe(0);
    expect(c.out[0]).toContain('0001_foundation');
    c = capture();
    expect(await main(['migrate'], c.io, config)).toBe(0);
    expect(c.out[0]).toBe('The schema is up to date.');

    c = capture();
    expect(await main(['seed', '--demo'], c.io, config)).toBe(0);
    expect(c.out[0]).toMatch(/^Loaded the demo network: \d+ governments/);
    c = capture();
    await main(['seed', '--demo'], c.io, config);
    expect(c.out[0]).toContain('was not loaded');

    c = capture('a-password-from-stdin');
    expect(
      await main(
        [
          'user',
          'create',
          '--email',
          'Liaison@Kyoto.example',
          '--role',
          'officer',
          '--government',
          'kyoto',
        ],
        c.io,
        config,
      ),
    ).toBe(0);
    expect(c.out).toHaveLength(1);
    const db = openDatabase({ dataDir: dir });
    const row = await db.kysely
      .selectFrom('users')
      .where('email', '=', 'liaison@kyoto.example')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, 'a-password-from-stdin')).toBe(true);
    await db.close();

    c = capture(null);
    expect(
      await main(
        ['user', 'create', '--email', 'viewer@x.example', '--role', 'viewer'],
        c.io,
        config,
      ),
    ).toBe(0);
    expect(c.out[1]).toMatch(/^Password: \S{23}$/);
  });

  it('explains bad arguments', async () => {
    let c = capture();
    expect(
      await main(['user', 'create', '--email', 'x@y.example', '--role', 'king'], c.io, config),
    ).toBe(2);
    expect(c.err[0]).toContain('--role must be one of');
    c = capture();
    expect(
      await main(
        [
          'user',
          'create',
          '--email',
          'o@y.example',
          '--role',
          'officer',
          '--government',
          'atlantis',
        ],
        c.io,
        config,
      ),
    ).toBe(1);
    expect(c.err[0]).toContain('governmentSlug no government "atlantis"');
    c = capture();
    expect(await main(['frobnicate'], c.io, config)).toBe(2);
  });

  it('names a DATABASE_URL that does not answer in one line, and exits 1', async () => {
    const c = capture();
    const unreachable = { ...config, databaseUrl: 'postgres://u:pw@127.0.0.1:1/accord' };
    expect(await main(['migrate'], c.io, unreachable)).toBe(1);
    expect(c.err).toEqual([
      expect.stringMatching(
        /^error: DATABASE_URL postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/accord: .*connection refused/,
      ),
    ]);
  });

  it('says which setting is wrong when the environment is, from the accord command', () => {
    const run = spawnSync(process.execPath, ['bin/accord.mjs', 'migrate'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'mysql://u@db/accord' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^error: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ address/,
      ),
    ]);
  });
});
