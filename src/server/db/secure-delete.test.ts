import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';

describe('SQLite file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps no trace of a deleted row once written back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-secure-delete-'));
    dirs.push(dir);
    const db = openDatabase({ dataDir: dir });
    const marker = 'ballot-7f3c9e-choice-marker';
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)`.execute(db.kysely);
    // Enough rows that the page is not simply dropped whole.
    for (let i = 0; i < 50; i++) {
      await sql`INSERT INTO t (v) VALUES (${i === 25 ? marker : `row-${i}`})`.execute(db.kysely);
    }
    await sql`DELETE FROM t WHERE v = ${marker}`.execute(db.kysely);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db.kysely);
    await db.close();
    const bytes = fs.readFileSync(path.join(dir, 'accord.sqlite'));
    expect(bytes.includes(Buffer.from(marker))).toBe(false);
    expect(bytes.includes(Buffer.from('row-24'))).toBe(true);
  });
});
