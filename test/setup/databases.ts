import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { DialectName } from '../../src/server/db/database';
import { openStore as openDatabase, type StoreDb as Db } from '../../src/server/store';
import { PG_ADMIN_URL } from './pg-url';

/** Which dialects this run tests: SQLite always, PostgreSQL when the global setup found it. */
export function dialectsUnderTest(): DialectName[] {
  return inject('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Both dialects, with a label that says when and why PostgreSQL is skipped. */
export function dialectCases(): { dialect: DialectName; skip: boolean; label: string }[] {
  const pgOn = inject('postgres');
  return [
    { dialect: 'sqlite', skip: false, label: 'sqlite' },
    {
      dialect: 'postgres',
      skip: !pgOn,
      label: pgOn ? 'postgres' : 'postgres (skipped: PostgreSQL not reachable)',
    },
  ];
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database of the dialect; `drop` closes it and removes it. */
export async function freshDatabase(
  dialect: DialectName,
): Promise<{ db: Db; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = openDatabase({ sqliteFile: ':memory:' });
    return { db, drop: () => db.close() };
  }
  const name = `accord_test_${Date.now()}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = openDatabase({ databaseUrl: withDatabase(PG_ADMIN_URL, name) });
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
