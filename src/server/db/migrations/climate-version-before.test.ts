import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { Db } from '../database';
import { migrateTo, migrateToLatest } from '../migrate';
import type { Database } from '../schema';

/**
 * Migration 0032: two transactions that change the same climate rows in a crossing order no
 * longer deadlock on the climate data version's row (PostgreSQL only: SQLite writes one
 * transaction at a time). A waits for nothing; B is made to wait on a lock before A goes on,
 * found from PostgreSQL's own view of waiting sessions, so the test holds no timer.
 */
const postgres = dialectCases().find((c) => c.dialect === 'postgres');

async function version(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('data_versions')
    .select('version')
    .where('name', '=', 'climate')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

/** Runs the crossing writes; resolves with what each transaction ended in. */
async function crossingWrites(
  db: Kysely<Database>,
  first = sql`update regions set name = 'A' where slug = 'first'`,
  second = sql`update regions set name = 'B' where slug = 'second'`,
  crossing = sql`update regions set name = 'A' where slug = 'second'`,
  secondThen?: typeof first,
): Promise<string[]> {
  const outcomes: string[] = [];
  let releaseA!: () => void;
  const aHoldsFirstRow = new Promise<void>((resolve) => (releaseA = resolve));
  let bPid = 0;
  const bStarted = new Promise<void>((resolve) => {
    void db.connection().execute(async (b) => {
      const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(b);
      bPid = Number(pid.rows[0]?.pid);
      resolve();
      await aHoldsFirstRow;
      try {
        await sql`begin`.execute(b);
        await second.execute(b);
        if (secondThen) await secondThen.execute(b);
        await sql`commit`.execute(b);
        outcomes.push('B committed');
      } catch (error) {
        await sql`rollback`.execute(b);
        outcomes.push(`B failed: ${(error as Error).message}`);
      }
    });
  });
  await bStarted;
  await db.connection().execute(async (a) => {
    await sql`begin`.execute(a);
    await first.execute(a);
    releaseA();
    // B is now queued behind A for a lock; find it waiting before A crosses into B's row.
    for (;;) {
      const waiting = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where pid = ${bPid} and wait_event_type = 'Lock'`.execute(db);
      if (Number(waiting.rows[0]?.n) > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    try {
      await crossing.execute(a);
      await sql`commit`.execute(a);
      outcomes.push('A committed');
    } catch (error) {
      await sql`rollback`.execute(a);
      outcomes.push(`A failed: ${(error as Error).message}`);
    }
  });
  // B finishes once A let go of its locks.
  for (;;) {
    if (outcomes.length === 2) return outcomes.sort();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe.skipIf(!postgres || postgres.skip)(
  'migration 0032 (climate version raised before)',
  () => {
    let db: Db;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      ({ db, drop } = await freshDatabase('postgres'));
      await migrateTo(db, '0028_government_sort_names');
      await sql`insert into regions (slug, name) values ('first', '1'), ('second', '2')`.execute(
        db.kysely,
      );
    });
    afterAll(async () => drop?.());

    it('deadlocked two crossing writers before it', async () => {
      const outcomes = await crossingWrites(db.kysely);
      expect(outcomes.some((o) => /deadlock/.test(o))).toBe(true);
    });

    it('lets both commit after it, and each raises the version', async () => {
      await migrateToLatest(db);
      const before = await version(db.kysely);
      const outcomes = await crossingWrites(db.kysely);
      expect(outcomes).toEqual(['A committed', 'B committed']);
      const names = await db.kysely.selectFrom('regions').select(['slug', 'name']).execute();
      expect(Object.fromEntries(names.map((r) => [r.slug, r.name]))).toEqual({
        first: 'A',
        second: 'B',
      });
      // A's two statements and B's one each raise it once.
      expect((await version(db.kysely)) - before).toBe(3);
    });

    it("lets two writers of different versions' tables cross without a deadlock", async () => {
      // Regions raise the climate and directory versions; users' addresses only the climate
      // pages'. A writes a region, then a user; B writes the other user, then the other region.
      // Each version's row taken on its own, B would hold the climate pages' and wait for A's
      // climate version while A waited for B's.
      await sql`insert into users (email, display_name, password_hash, role, created_at, updated_at)
        values ('a@x.example', 'A', 'x', 'admin', 't', 't'),
               ('b@x.example', 'B', 'x', 'admin', 't', 't')`.execute(db.kysely);
      const outcomes = await crossingWrites(
        db.kysely,
        sql`update regions set name = 'A2' where slug = 'first'`,
        sql`update users set email = 'b2@x.example' where display_name = 'B'`,
        sql`update users set email = 'a2@x.example' where display_name = 'A'`,
        sql`update regions set name = 'B2' where slug = 'second'`,
      );
      expect(outcomes).toEqual(['A committed', 'B committed']);
    });
  },
);
