import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../test/setup/databases';
import { PG_ADMIN_URL } from '../../test/setup/pg-url';
import { buildApp } from '../server/app';
import { configFromEnv, type AccordConfig } from '../server/config';
import type { DialectName } from '../server/db/database';
import type { AppInstance } from '../server/http/app-types';
import { FileStore } from '../server/media/storage';
import { bootstrapDatabase, DEMO_ADMIN_EMAIL } from '../server/setup/bootstrap';
import { openStore, type StoreDb } from '../server/store';
import { runBackupCommand } from './backup-commands';
import { main, type Io } from './main';

/**
 * `accord backup` while Accord runs and `accord restore` into a fresh place give back every row
 * of every table and every uploaded byte, a write made just before the backup included.
 */

const ADMIN_PASSWORD = 'backup-admin-password';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => null };
  return { io, out, err };
}

async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `accord_backup_${Date.now()}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A place for Accord's data: a data folder, and on PostgreSQL a database of its own. */
async function place(dialect: DialectName) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-backup-place-'));
  const database = dialect === 'postgres' ? await createPgDatabase() : undefined;
  const config: AccordConfig = {
    ...configFromEnv({}),
    dataDir,
    databaseUrl: database?.url,
    adminPassword: ADMIN_PASSWORD,
    webRoot: undefined,
  };
  return {
    config,
    async remove() {
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table, each table's rows in a stable order. */
async function everyRow(db: StoreDb): Promise<Record<string, unknown[]>> {
  const tables = (await db.kysely.introspection.getTables()).map((t) => t.name).sort();
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = (await db.kysely
      .selectFrom(table as 'users')
      .selectAll()
      .execute()) as unknown[];
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Every file below a folder with its bytes, by relative path. */
function everyFile(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!fs.existsSync(root)) return out;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(root, full), fs.readFileSync(full));
  }
  return out;
}

const openPlace = (config: AccordConfig) =>
  openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });

describe.each(dialectCases())('accord backup and restore on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-backups-'));
  const backupDir = path.join(parent, 'backup-1');
  let source: Awaited<ReturnType<typeof place>>;
  let target: Awaited<ReturnType<typeof place>>;
  let db: StoreDb;
  let app: AppInstance;

  beforeAll(async () => {
    if (skip) return;
    source = await place(dialect);
    target = await place(dialect);
    db = openPlace(source.config);
    await bootstrapDatabase(db, source.config);
    app = await buildApp({ config: source.config, db });
    const uploads = new FileStore(path.join(source.config.dataDir, 'uploads'));
    await uploads.save(crypto.randomBytes(300_000), 'jpg');
    await uploads.save(Buffer.from('Minutes of the East Asia RexCom, 서울\n'), 'txt');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await source?.remove();
    await target?.remove();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it_(
    'backs up while Accord runs, a write just made included, and restores every row and byte',
    async () => {
      // Accord is running on the source: a change through its API, then at once the backup.
      if (dialect === 'sqlite') {
        // Accord has just checkpointed: the log is empty, and the next write stays in it.
        const side = new SQLite(path.join(source.config.dataDir, 'accord.sqlite'));
        side.pragma('wal_checkpoint(TRUNCATE)');
        side.close();
      }
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: DEMO_ADMIN_EMAIL, password: ADMIN_PASSWORD },
      });
      const cookie = login.cookies.find((c) => c.name === 'accord_session');
      const patched = await app.inject({
        method: 'PATCH',
        url: '/api/v1/governments/suwon',
        headers: {
          cookie: `accord_session=${cookie?.value ?? ''}`,
          'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
        },
        payload: { population: 1_234_567, populationYear: 2024 },
      });
      expect(patched.statusCode).toBe(200);

      if (dialect === 'sqlite') {
        // The write is in the write-ahead log only, so a copy of the database file misses it.
        const fileOnly = path.join(parent, 'file-only.sqlite');
        fs.copyFileSync(path.join(source.config.dataDir, 'accord.sqlite'), fileOnly);
        const copy = new SQLite(fileOnly, { readonly: true });
        const row = copy.prepare("select population from governments where slug = 'suwon'").get();
        copy.close();
        expect(row).not.toEqual({ population: 1_234_567 });
      }
      const made = capture();
      expect(await main(['backup', backupDir], made.io, source.config)).toBe(0);
      expect(made.err).toEqual([]);
      expect(made.out[0]).toBe(`Backed up to ${backupDir}:`);
      const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({ format: 'accord-backup', formatVersion: 1, dialect });
      expect(manifest.uploads).toHaveLength(2);
      expect((fs.statSync(backupDir).mode & 0o777).toString(8)).toBe('700');

      const put = capture();
      expect(await main(['restore', backupDir], put.io, target.config)).toBe(0);
      expect(put.err).toEqual([]);
      expect(put.out.at(-1)).toMatch(/^Restored: .*\d+ governments.*; 2 uploaded files\.$/);

      const restored = openPlace(target.config);
      try {
        const suwon = await restored.kysely
          .selectFrom('governments')
          .select(['population', 'population_year'])
          .where('slug', '=', 'suwon')
          .executeTakeFirstOrThrow();
        expect(suwon).toEqual({ population: 1_234_567, population_year: 2024 });
        const before = await everyRow(db);
        const after = await everyRow(restored);
        expect(Object.keys(after)).toEqual(Object.keys(before));
        for (const table of Object.keys(before).filter((t) => t !== 'data_versions')) {
          expect([table, after[table]]).toEqual([table, before[table]]);
        }
        // The data versions jump ahead, so no answer kept by version before the restore is
        // taken for one after it.
        const versions = async (d: StoreDb) =>
          Object.fromEntries(
            (await d.kysely.selectFrom('data_versions').select(['name', 'version']).execute()).map(
              (r) => [r.name, Number(r.version)],
            ),
          );
        const was = await versions(db);
        const now = await versions(restored);
        expect(Object.keys(now).sort()).toEqual(Object.keys(was).sort());
        for (const [name, version] of Object.entries(was)) {
          expect(now[name]).toBeGreaterThanOrEqual(version + 2 ** 32);
        }
      } finally {
        await restored.close();
      }
      const sourceFiles = everyFile(path.join(source.config.dataDir, 'uploads'));
      const targetFiles = everyFile(path.join(target.config.dataDir, 'uploads'));
      expect([...targetFiles.keys()].sort()).toEqual([...sourceFiles.keys()].sort());
      for (const [name, bytes] of sourceFiles)
        expect(targetFiles.get(name)?.equals(bytes)).toBe(true);
    },
  );

  it_('will not write a backup into a folder that holds something', async () => {
    const c = capture();
    expect(await main(['backup', backupDir], c.io, source.config)).toBe(1);
    expect(c.err[0]).toMatch(/already exists and is not empty/);
  });

  it_(
    'refuses to replace a database holding data without --force, and says what it holds',
    async () => {
      const refused = capture();
      expect(await main(['restore', backupDir], refused.io, target.config)).toBe(1);
      const said = refused.err.join('\n');
      expect(said).toMatch(
        /^Restoring would replace .*\(.*\d+ audit_log, .*\d+ governments.*\) and .*uploads \(2 files\)/,
      );
      expect(said).toContain('--force');

      const forced = capture();
      expect(await main(['restore', backupDir, '--force'], forced.io, target.config)).toBe(0);
      expect(forced.out[0]).toMatch(/^Replacing /);
    },
  );

  it_('checks every checksum first and changes nothing when one does not match', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    const victim = path.join(backupDir, manifest.uploads[0].path);
    const original = fs.readFileSync(victim);
    const damaged = Buffer.from(original);
    damaged[0] = (damaged[0] ?? 0) ^ 0xff;
    fs.writeFileSync(victim, damaged);
    const uploadsBefore = everyFile(path.join(target.config.dataDir, 'uploads'));
    try {
      const c = capture();
      expect(await main(['restore', backupDir, '--force'], c.io, target.config)).toBe(1);
      expect(c.err[0]).toBe(
        `error: the backup is damaged, nothing was changed: ${manifest.uploads[0].path}: checksum does not match`,
      );
      expect(c.out).toEqual([]);
      expect(everyFile(path.join(target.config.dataDir, 'uploads'))).toEqual(uploadsBefore);
    } finally {
      fs.writeFileSync(victim, original);
    }
  });
});

describe('accord backup on PostgreSQL without pg_dump', () => {
  it('says how to back up by hand, before touching the database or the folder', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-backups-'));
    try {
      const dir = path.join(parent, 'backup');
      const config = {
        ...configFromEnv({}),
        dataDir: parent,
        // Nothing answers there: the command must stop before it tries.
        databaseUrl: 'postgres://u@127.0.0.1:1/accord',
      };
      const c = capture();
      expect(await runBackupCommand('backup', [dir], c.io, config, '/nowhere')).toBe(1);
      expect(c.err).toEqual([
        expect.stringMatching(/^error: pg_dump is not on the PATH\. .*pg_dump --format=custom/),
      ]);
      expect(fs.existsSync(dir)).toBe(false);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
