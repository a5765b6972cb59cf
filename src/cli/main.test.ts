import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../server/config';
import { main, type Io } from './main';
import { openStore as openDatabase } from '../server/store';
import { verifyPassword } from '../server/auth/secrets';

function capture(stdin: string | null = null, typed: (string | null)[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readStdin: async () => stdin,
    // What a person types at each prompt; null when there is no terminal.
    askSecret: async (prompt) => {
      prompts.push(prompt);
      return typed.shift() ?? null;
    },
  };
  return { io, out, err, prompts };
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

  it('resets a lost password from standard input or the terminal, never from the arguments', async () => {
    const email = 'forgetful@x.example';
    let c = capture('the-first-password');
    expect(await main(['user', 'create', '--email', email, '--role', 'viewer'], c.io, config)).toBe(
      0,
    );
    const passwordWorks = async (password: string) => {
      const db = openDatabase({ dataDir: dir });
      try {
        const row = await db.users.findUserByEmail(email);
        return verifyPassword(row!.password_hash, password);
      } finally {
        await db.close();
      }
    };

    c = capture('the-piped-password');
    expect(await main(['user', 'reset-password', email, '--password-stdin'], c.io, config)).toBe(0);
    expect(c.out).toEqual([
      `New password set for ${email}; their sessions and API tokens have ended.`,
    ]);
    expect(c.prompts).toEqual([]);
    expect(await passwordWorks('the-piped-password')).toBe(true);

    c = capture(null, ['the-typed-password', 'the-typed-password']);
    expect(await main(['user', 'reset-password', email.toUpperCase()], c.io, config)).toBe(0);
    expect(c.prompts).toHaveLength(2);
    expect(await passwordWorks('the-typed-password')).toBe(true);

    // Typed differently twice, too short, nobody's, or not given at all: nothing changes.
    c = capture(null, ['the-typed-password-a', 'the-typed-password-b']);
    expect(await main(['user', 'reset-password', email], c.io, config)).toBe(1);
    expect(c.err).toEqual(['the two passwords differ; nothing was changed']);
    c = capture('short');
    expect(await main(['user', 'reset-password', email], c.io, config)).toBe(1);
    expect(c.err[0]).toMatch(/^error: password must have 12 to 200 characters/);
    c = capture('a-good-long-password');
    expect(await main(['user', 'reset-password', 'nobody@x.example'], c.io, config)).toBe(1);
    expect(c.err[0]).toBe('error: no user with e-mail nobody@x.example');
    c = capture(null);
    expect(await main(['user', 'reset-password', email, '--password-stdin'], c.io, config)).toBe(2);
    expect(c.err[0]).toMatch(/no password was piped/);
    c = capture(null);
    expect(await main(['user', 'reset-password', email], c.io, config)).toBe(2);
    expect(c.err[0]).toMatch(/standard input .* or run this in a terminal/);
    c = capture('a-good-long-password');
    expect(await main(['user', 'reset-password'], c.io, config)).toBe(2);
    expect(c.err[0]).toMatch(/^usage: accord user reset-password EMAIL/);
    expect(await main(['user', 'reset-password', email, '--password', 'x'], c.io, config)).toBe(2);
    expect(await passwordWorks('the-typed-password')).toBe(true);
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
