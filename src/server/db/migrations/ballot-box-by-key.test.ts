import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { Db } from '../database';
import { migrateTo, migrateToLatest, MIGRATION_NAMES } from '../migrate';

/**
 * Migration 0026 on a box written before it: every ballot is kept with its key and choices, the
 * box becomes keyed by (election, key), and on SQLite it keeps no rowid (no order of arrival).
 */
describe.each(dialectCases())(
  'migration 0026 (ballot box by key) on $label',
  ({ dialect, skip }) => {
    const it_ = skip ? it.skip : it;
    let db: Db;
    let drop: () => Promise<void>;
    const ballots = [
      { id: 'f0000000-0000-4000-8000-000000000000', choices: '[1]' },
      { id: '10000000-0000-4000-8000-000000000000', choices: '[]' },
      { id: '80000000-0000-4000-8000-000000000000', choices: '[1,2]' },
    ];
    let electionId = 0;

    beforeAll(async () => {
      if (skip) return;
      ({ db, drop } = await freshDatabase(dialect));
      await migrateTo(db, '0023_import_new_governments');
      await sql`insert into bodies (slug, kind, names, created_at, updated_at) values ('b', 'gexcom', '{}', 'x', 'x')`.execute(
        db.kysely,
      );
      const body = await db.kysely.selectFrom('bodies').select('id').executeTakeFirstOrThrow();
      const t = '2024-01-01T00:00:00.000Z';
      const election = await db.kysely
        .insertInto('elections')
        .values({
          body_id: body.id,
          title: '{}',
          seats: 1,
          term_label: 't',
          term_starts_on: '2025-01-01',
          term_ends_on: '2026-12-31',
          nominations_open: t,
          nominations_close: t,
          voting_open: t,
          voting_close: t,
          filled_term_id: null,
          created_at: t,
          updated_at: t,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      electionId = election.id;
      for (const b of ballots) {
        await db.kysely
          .insertInto('ballots')
          .values({ ...b, election_id: electionId })
          .execute();
      }
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await drop?.();
    });

    it_('is known to the build', () => {
      expect(MIGRATION_NAMES).toContain('0026_ballot_box_by_key');
    });

    it_('keeps every ballot, refuses a key twice in one election, and keeps no rowid', async () => {
      const rows = await db.kysely
        .selectFrom('ballots')
        .select(['id', 'election_id', 'choices'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual(
        [...ballots]
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((b) => ({ ...b, election_id: electionId })),
      );
      await expect(
        db.kysely
          .insertInto('ballots')
          .values({ ...ballots[0]!, election_id: electionId })
          .execute(),
      ).rejects.toThrow();
      if (dialect === 'sqlite') {
        await expect(sql`select rowid from ballots`.execute(db.kysely)).rejects.toThrow(/rowid/);
      }
    });
  },
);
