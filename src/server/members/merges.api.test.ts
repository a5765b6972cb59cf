import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { GOVERNMENT_REF_TABLES } from './merge-tables';
import type { DuplicatePair, GovernmentMerge } from './merge-schemas';

/**
 * Merging two records of one government and undoing it, through the API, on both databases:
 * every row that pointed at the merged government moves, and the undo puts back every one of
 * them exactly; the duplicates report; imports after a merge.
 */

type Headers = { cookie: string; 'x-csrf-token': string };
type Row = Record<string, unknown>;

const NZT_FIXTURE = fileURLToPath(
  new URL('../climate/imports/fixtures/nzt-duplicates.csv', import.meta.url),
);

describe.each(dialectCases())('merging governments on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: Headers;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  const idOf = async (slug: string) =>
    (
      await t.db.kysely
        .selectFrom('governments')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).id;

  async function createGovernment(slug: string, en: string, more: Row = {}) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments',
      headers: admin,
      payload: { slug, names: { en }, kind: 'city', region: 'east-asia', localLang: 'en', ...more },
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  const merge = (keep: string, mergeSlug: string, headers: Partial<Headers> = admin) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/government-merges',
      headers,
      payload: { keep, merge: mergeSlug },
    });

  /** Every row of every table that can point at a government, and the governments. */
  async function snapshot(): Promise<Record<string, Row[]>> {
    const out: Record<string, Row[]> = {};
    for (const table of [...GOVERNMENT_REF_TABLES, 'governments'] as const) {
      const rows = await t.db.kysely
        .selectFrom(table as 'seats')
        .selectAll()
        .execute();
      const key = (r: Row) =>
        table === 'election_voters'
          ? `${String(r.election_id)}|${String(r.government_id)}`
          : Number(r.id);
      out[table] = (rows as Row[]).sort((a, b) =>
        String(key(a)).localeCompare(String(key(b)), 'en', { numeric: true }),
      );
    }
    return out;
  }

  it_('merges Kyoto into a copy and undoes it, every row back exactly', async () => {
    await createGovernment('kyoto-copy', 'Kyoto City Copy', { country: 'JP' });
    const kyoto = await idOf('kyoto');
    // Rows of the tables the demo leaves empty for Kyoto: an inventory, a vote on a motion, a
    // candidacy and the register of who voted.
    const now = new Date().toISOString();
    await t.db.kysely
      .insertInto('inventories')
      .values({
        government_id: kyoto,
        year: 2017,
        gwp_set: 'AR5',
        boundary: 'city-wide',
        methodology: 'GPC 1.1',
        status: 'draft',
        notes: null,
        is_illustrative: 0,
        basic_total: 0,
        basic_plus_total: 0,
        totals: '{}',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const seat = await t.db.kysely
      .selectFrom('seats')
      .innerJoin('body_terms', 'body_terms.id', 'seats.term_id')
      .select(['seats.id', 'body_terms.body_id'])
      .where('seats.government_id', '=', kyoto)
      .executeTakeFirstOrThrow();
    const meeting = await t.db.kysely
      .selectFrom('attendance')
      .select('meeting_id')
      .where('government_id', '=', kyoto)
      .executeTakeFirstOrThrow();
    const motion = await t.db.kysely
      .insertInto('motions')
      .values({
        meeting_id: meeting.meeting_id,
        agenda_item_id: null,
        kind: 'resolution',
        text: '{"en":"Merge test"}',
        majority_rule: 'simple',
        status: 'open',
        votes_for: null,
        votes_against: null,
        votes_abstain: null,
        votes_absent: null,
        quorum_present: null,
        quorum_required: null,
        decided_at: null,
        created_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('motion_votes')
      .values({
        motion_id: motion.id,
        seat_id: seat.id,
        government_id: kyoto,
        choice: 'for',
        cast_by: null,
      })
      .execute();
    const election = await t.db.kysely
      .insertInto('elections')
      .values({
        body_id: seat.body_id,
        title: '{"en":"Merge test election"}',
        seats: 1,
        term_label: '2030',
        term_starts_on: '2030-01-01',
        term_ends_on: '2032-12-31',
        nominations_open: now,
        nominations_close: now,
        voting_open: now,
        voting_close: now,
        filled_term_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = await t.db.kysely
      .selectFrom('positions')
      .select('person_id')
      .where('government_id', '=', kyoto)
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('candidates')
      .values({
        election_id: election.id,
        government_id: kyoto,
        person_id: person.person_id,
        statement: '{}',
        endorsement_key: null,
        endorsement_filename: null,
        code_of_honour_accepted_at: null,
        status: 'nominated',
        created_at: now,
      })
      .execute();
    await t.db.kysely
      .insertInto('election_voters')
      .values({ election_id: election.id, government_id: kyoto, voted_on: now.slice(0, 10) })
      .execute();

    const before = await snapshot();
    for (const table of GOVERNMENT_REF_TABLES) {
      expect(
        before[table]?.some((r) => r.government_id === kyoto),
        `Kyoto has a row in ${table}`,
      ).toBe(true);
    }

    const res = await merge('kyoto-copy', 'kyoto');
    expect(res.statusCode, res.body).toBe(201);
    const done = res.json() as GovernmentMerge;
    expect(done).toMatchObject({
      kept: { slug: 'kyoto-copy', exists: true },
      merged: { slug: 'kyoto', name: 'Kyoto', exists: false },
      undoneAt: null,
      undoable: true,
    });
    const copy = await idOf('kyoto-copy');
    const merged = await snapshot();
    for (const table of GOVERNMENT_REF_TABLES) {
      expect(
        merged[table]?.filter((r) => r.government_id === kyoto),
        table,
      ).toEqual([]);
    }
    expect(merged.governments?.find((g) => g.id === kyoto)).toBeUndefined();
    // The copy took Kyoto's CDP account and place, and Kyoto's membership (a member over a
    // prospect), and is found by Kyoto's names.
    const gov = await t.app.inject({ url: '/api/v1/governments/kyoto-copy' });
    expect(gov.json()).toMatchObject({
      cdpAccount: '49389',
      membership: { category: 'full-member' },
      names: { en: 'Kyoto City Copy', ja: '京都市' },
    });
    expect(gov.json().aliases).toContain('Kyoto');
    const search = await t.app.inject({ url: '/api/v1/governments', query: { q: '京都' } });
    expect(search.json().items.map((g: { slug: string }) => g.slug)).toContain('kyoto-copy');
    expect(done.rows.climate_targets).toBe(
      before.climate_targets?.filter((r) => r.government_id === kyoto).length,
    );
    expect(merged.climate_targets?.filter((r) => r.government_id === copy).length).toBe(
      before.climate_targets?.filter((r) => r.government_id === kyoto).length,
    );

    // The merge is in the audit log, for both governments.
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'summary'])
      .where('entity_type', '=', 'government')
      .where('summary', 'like', `%merge #${done.id}%`)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['update', String(copy)],
      ['delete', String(kyoto)],
    ]);

    const undo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/government-merges/${done.id}/undo`,
      headers: admin,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ undoable: false, merged: { exists: true } });
    const after = await snapshot();
    // Everything is as it was, but the kept government's version and time of change.
    const strip = (rows: Row[] | undefined) =>
      (rows ?? []).map((r) => (r.id === copy ? { ...r, version: 0, updated_at: '' } : r));
    for (const table of Object.keys(before)) {
      const b = table === 'governments' ? strip(before[table]) : before[table];
      const a = table === 'governments' ? strip(after[table]) : after[table];
      expect(a, table).toEqual(b);
    }
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/government-merges/${done.id}/undo`,
      headers: admin,
    });
    expect(again.statusCode).toBe(409);
  });

  it_('refuses what would break a rule of the data, and says what', async () => {
    await createGovernment('kyoto-clash', 'Kyoto Clash', { country: 'JP' });
    // Both would hold a seat in one term.
    const kyoto = await idOf('kyoto');
    const clash = await idOf('kyoto-clash');
    const seat = await t.db.kysely
      .selectFrom('seats')
      .selectAll()
      .where('government_id', '=', kyoto)
      .executeTakeFirstOrThrow();
    const { id: _id, version: _v, ...copy } = seat;
    await t.db.kysely
      .insertInto('seats')
      .values({ ...copy, government_id: clash, person_id: null })
      .execute();
    const res = await merge('kyoto', 'kyoto-clash');
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([
      {
        pointer: '/merge',
        detail: `both hold a seat in term ${seat.term_id}`,
        code: 'merge-both-seated',
      },
    ]);
    expect(await idOf('kyoto-clash')).toBe(clash);

    expect((await merge('kyoto', 'kyoto')).statusCode).toBe(422);
    const missing = await merge('kyoto', 'no-such-place');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([
      {
        pointer: '/merge',
        detail: 'no government "no-such-place"',
        code: 'unknown-reference',
        params: { record: 'government' },
      },
    ]);
  });

  it_('lets one of two opposite merges at once through, and refuses the other', async () => {
    await createGovernment('race-one', 'Race Town', { country: 'KR' });
    await createGovernment('race-two', 'Race Town City', { country: 'KR' });
    const answers = await Promise.all([
      merge('race-one', 'race-two'),
      merge('race-two', 'race-one'),
    ]);
    // The other finds one of its governments gone: merged meanwhile (409) or already before it
    // looked (422, no such government), as the databases order the two.
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes[0]).toBe(201);
    expect([409, 422]).toContain(codes[1]);
    const left = await t.db.kysely
      .selectFrom('governments')
      .select('slug')
      .where('slug', 'in', ['race-one', 'race-two'])
      .execute();
    expect(left).toHaveLength(1);
  });

  it_('is for administrators only', async () => {
    const officer = await t.signInOfficer('seoul');
    expect((await merge('seoul', 'suwon', officer)).statusCode).toBe(403);
    expect((await merge('seoul', 'suwon', {})).statusCode).toBe(401);
    for (const url of ['/api/v1/government-duplicates', '/api/v1/government-merges']) {
      expect((await t.app.inject({ url, headers: officer })).statusCode).toBe(403);
      expect((await t.app.inject({ url })).statusCode).toBe(401);
    }
  });

  it_('lists likely duplicates with the one to keep, and imports follow a merge', async () => {
    await createGovernment('taipei-city', 'Taipei City', {
      country: 'TW',
      latitude: 25.0375,
      longitude: 121.5637,
    });
    const report = await t.app.inject({ url: '/api/v1/government-duplicates', headers: admin });
    expect(report.statusCode).toBe(200);
    const pairs = (report.json() as { items: DuplicatePair[] }).items;
    const taipei = pairs.find((p) => [p.a.slug, p.b.slug].sort().join() === 'taipei,taipei-city');
    expect(taipei).toMatchObject({
      reasons: ['name', 'place'],
      matchingNames: expect.arrayContaining(['Taipei', 'Taipei City']),
      keysDiffer: false,
      suggestedKeep: 'taipei',
    });
    expect(taipei?.distanceKm).toBeLessThan(1);
    // Kyoto and the prefecture of Kyoto are two governments.
    expect(pairs.some((p) => p.a.slug.startsWith('kyoto') && p.b.slug === 'kyoto-prefecture')).toBe(
      false,
    );

    // The tracker's Taipei City is the prospect's; merged into Taipei, its id goes with it.
    await t.db.kysely
      .updateTable('governments')
      .set({ nzt_id: 'CIT-DUP-01' })
      .where('slug', '=', 'taipei-city')
      .execute();
    const merged = await merge('taipei', 'taipei-city');
    expect(merged.statusCode, merged.body).toBe(201);
    const after = await t.app.inject({ url: '/api/v1/government-duplicates', headers: admin });
    expect(
      (after.json() as { items: DuplicatePair[] }).items.some(
        (p) => p.a.slug === 'taipei-city' || p.b.slug === 'taipei-city',
      ),
    ).toBe(false);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/nzt?dryRun=true&fileName=nzt-duplicates.csv',
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: fs.readFileSync(NZT_FIXTURE),
    });
    expect(upload.statusCode, upload.body).toBe(202);
    const runId = (upload.json() as { run: { id: number } }).run.id;
    for (let i = 0; i < 100; i++) {
      const run = await t.app.inject({ url: `/api/v1/imports/${runId}`, headers: admin });
      if (run.json().status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const rows = await t.app.inject({ url: `/api/v1/imports/${runId}/rows`, headers: admin });
    expect(rows.json().items[0]).toMatchObject({ row: 2, government: 'taipei', reason: null });

    const list = await t.app.inject({ url: '/api/v1/government-merges', headers: admin });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({
      kept: { slug: 'taipei' },
      merged: { slug: 'taipei-city', name: 'Taipei City' },
      undoable: true,
    });
  });
});
