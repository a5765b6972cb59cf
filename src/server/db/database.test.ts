import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the SQLite database on disk', () => {
  let parent: string;
  beforeEach(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-db-modes-'));
  });
  afterEach(() => {
    fs.rmSync(parent, { recursive: true, force: true });
  });

  async function writeSomething(dataDir: string) {
    const db = openDatabase({ dataDir });
    // A write in WAL mode creates the -wal and -shm files beside the database.
    await db.kysely.schema.createTable('probe').addColumn('id', 'integer').execute();
    return db;
  }

  it('creates the data folder 0700 and the database, -wal and -shm files 0600', async () => {
    const dataDir = path.join(parent, 'data');
    const db = await writeSomething(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      for (const name of ['accord.sqlite', 'accord.sqlite-wal', 'accord.sqlite-shm']) {
        expect([name, modeOf(path.join(dataDir, name)).toString(8)]).toEqual([name, '600']);
      }
    } finally {
      await db.close();
    }
  });

  it('takes read access away from others on a database an earlier version left readable', async () => {
    const dataDir = path.join(parent, 'data');
    await (await writeSomething(dataDir)).close();
    for (const name of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, name), 0o644);
    const db = openDatabase({ dataDir });
    try {
      await db.kysely.schema.createTable('probe2').addColumn('id', 'integer').execute();
      for (const name of fs.readdirSync(dataDir)) {
        expect([name, modeOf(path.join(dataDir, name)).toString(8)]).toEqual([name, '600']);
      }
    } finally {
      await db.close();
    }
  });
});
