import { Migrator, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { Db } from '../database';
import { migrateToLatest } from '../migrate';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_climate';
import * as m0003 from './0003_governance';

/**
 * Migration 0004 on a database where concurrent requests had already written duplicates (as
 * they did on PostgreSQL before it): it repairs them so its unique indexes build, and from then
 * on the indexes refuse new duplicates.
 */
describe.each(dialectCases())('migration 0004 (integrity) on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;
  const now = '2024-05-01T00:00:00.000Z';
  const ids = { government: 0, other: 0, meeting: 0, seat: 0, target: 0, person: 0 };

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    const before: Record<string, Migration> = {
      '0001_foundation': m0001,
      '0002_climate': m0002,
      '0003_governance': m0003,
    };
    const result = await new Migrator({
      db: db.kysely,
      provider: { getMigrations: () => Promise.resolve(before) },
    }).migrateToLatest();
    expect(result.error).toBeUndefined();
    await seedDuplicates();
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await drop?.();
  });

  async function seedDuplicates() {
    const k = db.kysely;
    const region = await k
      .insertInto('regions')
      .values({ slug: 'r', name: 'R', sort_order: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const government = (slug: string) =>
      k
        .insertInto('governments')
        .values({
          slug,
          kind: 'city',
          country: 'KR',
          region_id: region.id,
          local_lang: 'ko',
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    ids.government = (await government('g')).id;
    ids.other = (await government('h')).id;
    ids.person = (
      await k
        .insertInto('people')
        .values({ full_name: 'P', names: '{}', is_demo: 0, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const body = await k
      .insertInto('bodies')
      .values({
        slug: 'b',
        kind: 'rexcom',
        names: '{}',
        description: '{}',
        quorum_numerator: 1,
        quorum_denominator: 2,
        quorum_strict: 1,
        proxies_count: 1,
        max_principals_per_proxy: 1,
        majority_rule: 'simple',
        term_years: 3,
        sort_order: 0,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const term = await k
      .insertInto('body_terms')
      .values({
        body_id: body.id,
        label: 'T',
        starts_on: '2024-01-01',
        ends_on: '2026-12-31',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.seat = (
      await k
        .insertInto('seats')
        .values({
          term_id: term.id,
          government_id: ids.government,
          person_id: ids.person,
          position: 'member',
          sort_order: 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    ids.meeting = (
      await k
        .insertInto('meetings')
        .values({
          uid: 'm@test',
          body_id: body.id,
          term_id: term.id,
          title: '{}',
          format: 'online',
          status: 'in-progress',
          starts_at: now,
          ends_at: now,
          time_zone: 'UTC',
          sequence: 0,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

    const entry = (government_id: number, capacity: 'own-right' | 'proxy' | 'adviser') => ({
      meeting_id: ids.meeting,
      government_id,
      person_id: null,
      name: `${capacity} ${government_id}`,
      capacity,
      principal_person_id: null,
      principal_name: capacity === 'proxy' ? 'P' : null,
      mode: 'online' as const,
      present: 1,
      recorded_at: now,
    });
    await k
      .insertInto('attendance')
      .values([
        entry(ids.government, 'own-right'),
        entry(ids.government, 'own-right'),
        entry(ids.government, 'proxy'),
        entry(ids.government, 'adviser'),
        entry(ids.other, 'own-right'),
      ])
      .execute();

    const invitation = (seat_id: number | null, email: string) => ({
      meeting_id: ids.meeting,
      seat_id,
      government_id: seat_id === null ? null : ids.government,
      person_id: seat_id === null ? null : ids.person,
      name: email,
      email,
      role: 'REQ-PARTICIPANT' as const,
      reply: 'pending' as const,
      invited_at: now,
    });
    await k
      .insertInto('invitations')
      .values([
        invitation(ids.seat, 'p@seat.example'),
        invitation(ids.seat, 'p@seat.example'),
        invitation(null, 'guest@example.org'),
        invitation(null, 'guest@example.org'),
        invitation(null, 'other@example.org'),
      ])
      .execute();

    ids.target = (
      await k
        .insertInto('climate_targets')
        .values({
          government_id: ids.government,
          type: 'base-year',
          title: 'T',
          status: 'policy',
          boundary: 'unknown',
          coverage_gases: '[]',
          coverage_scopes: '[]',
          coverage_sectors: '[]',
          initiatives: '[]',
          version: 3,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const version = (n: number, change: 'create' | 'update') => ({
      entity_type: 'target' as const,
      entity_id: ids.target,
      version: n,
      at: now,
      actor_user_id: null,
      actor_label: `v${n} ${change}`,
      change,
      snapshot: null,
    });
    await k
      .insertInto('record_versions')
      .values([
        version(1, 'create'),
        version(2, 'update'),
        version(2, 'update'),
        version(3, 'update'),
      ])
      .execute();
  }

  it_(
    'keeps the first voting entry of a government present and marks the later ones absent',
    async () => {
      const rows = await db.kysely
        .selectFrom('attendance')
        .select(['government_id', 'capacity', 'present'])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => [r.government_id, r.capacity, r.present])).toEqual([
        [ids.government, 'own-right', 1],
        [ids.government, 'own-right', 0],
        [ids.government, 'proxy', 0],
        [ids.government, 'adviser', 1],
        [ids.other, 'own-right', 1],
      ]);
    },
  );

  it_('keeps one invitation per seat and per guest address', async () => {
    const rows = await db.kysely
      .selectFrom('invitations')
      .select(['seat_id', 'email'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { seat_id: ids.seat, email: 'p@seat.example' },
      { seat_id: null, email: 'guest@example.org' },
      { seat_id: null, email: 'other@example.org' },
    ]);
  });

  it_('renumbers a history with a repeated version in the order written', async () => {
    const rows = await db.kysely
      .selectFrom('record_versions')
      .where('entity_id', '=', ids.target)
      .select(['version', 'actor_label'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.version, r.actor_label])).toEqual([
      [1, 'v1 create'],
      [2, 'v2 update'],
      [3, 'v2 update'],
      [4, 'v3 update'],
    ]);
    const target = await db.kysely
      .selectFrom('climate_targets')
      .where('id', '=', ids.target)
      .select('version')
      .executeTakeFirstOrThrow();
    expect(target.version).toBe(4);
  });

  it_(
    'refuses a second voter, a second invitation and a repeated version from now on',
    async () => {
      const k = db.kysely;
      const voter = {
        meeting_id: ids.meeting,
        government_id: ids.other,
        person_id: null,
        name: 'Second voter',
        capacity: 'proxy' as const,
        principal_person_id: null,
        principal_name: 'P',
        mode: 'online' as const,
        present: 1,
        recorded_at: now,
      };
      await expect(k.insertInto('attendance').values(voter).execute()).rejects.toThrow();
      // Absent entries and advisers are not voters: any number of them may stand.
      await k
        .insertInto('attendance')
        .values([
          { ...voter, present: 0 },
          { ...voter, capacity: 'adviser', principal_name: null },
        ])
        .execute();
      await expect(
        k
          .insertInto('invitations')
          .values({
            meeting_id: ids.meeting,
            seat_id: null,
            government_id: null,
            person_id: null,
            name: 'Guest',
            email: 'guest@example.org',
            role: 'OPT-PARTICIPANT',
            reply: 'pending',
            invited_at: now,
          })
          .execute(),
      ).rejects.toThrow();
      await expect(
        k
          .insertInto('record_versions')
          .values({
            entity_type: 'target',
            entity_id: ids.target,
            version: 4,
            at: now,
            actor_user_id: null,
            actor_label: 'again',
            change: 'update',
            snapshot: null,
          })
          .execute(),
      ).rejects.toThrow();
    },
  );

  it_('gives governments, people, meetings and bodies a version starting at 1', async () => {
    const g = await db.kysely
      .selectFrom('governments')
      .select('version')
      .where('id', '=', ids.government)
      .executeTakeFirstOrThrow();
    const m = await db.kysely
      .selectFrom('meetings')
      .select('version')
      .where('id', '=', ids.meeting)
      .executeTakeFirstOrThrow();
    expect([g.version, m.version]).toEqual([1, 1]);
  });
});
