import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GPC_SUBCATEGORIES } from '../../../core/climate/gpc';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { Db } from '../database';
import { migrateToLatest } from '../migrate';

describe.each(dialectCases())('migrations on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await drop?.();
  });

  it_('seed the GPC 1.1 reference with scopes and reporting levels', async () => {
    const rows = await db.kysely
      .selectFrom('gpc_subcategories')
      .selectAll()
      .orderBy('sort_order')
      .execute();
    expect(rows.map((r) => r.code)).toEqual(GPC_SUBCATEGORIES.map((s) => s.code));
    const line = (code: string) => rows.find((r) => r.code === code);
    expect(line('I.1.2')).toMatchObject({ scope: 2, basic: 1, basic_plus: 1, territorial_only: 0 });
    expect(line('I.1.3')).toMatchObject({ scope: 3, basic: 0, basic_plus: 1 });
    expect(line('III.1.3')).toMatchObject({ basic: 0, basic_plus: 0, territorial_only: 1 });
    expect(line('I.4.4')).toMatchObject({ territorial_only: 1 });
  });

  it_('refuse an inventory line outside the GPC reference', async () => {
    const now = new Date().toISOString();
    const region = await db.kysely
      .insertInto('regions')
      .values({ slug: 'r', name: 'R', sort_order: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const gov = await db.kysely
      .insertInto('governments')
      .values({
        slug: 'g',
        kind: 'city',
        country: 'JP',
        region_id: region.id,
        local_lang: 'ja',
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inv = await db.kysely
      .insertInto('inventories')
      .values({
        government_id: gov.id,
        year: 2020,
        gwp_set: 'AR6',
        boundary: 'city-wide',
        methodology: 'GPC 1.1',
        status: 'draft',
        is_illustrative: 0,
        basic_total: 0,
        basic_plus_total: 0,
        totals: '{}',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      db.kysely
        .insertInto('inventory_entries')
        .values({ inventory_id: inv.id, code: 'I.9.9', gas: 'CO2', amount: 1 })
        .execute(),
    ).rejects.toThrow();
    await db.kysely
      .insertInto('inventory_entries')
      .values({ inventory_id: inv.id, code: 'I.1.1', gas: 'CO2', amount: 1 })
      .execute();
  });
});

describe.each(dialectCases())('governance tables on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await drop?.();
  });

  it_('refuse a second entry in the register of who voted', async () => {
    const now = new Date().toISOString();
    const region = await db.kysely
      .insertInto('regions')
      .values({ slug: 'r', name: 'R', sort_order: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const gov = await db.kysely
      .insertInto('governments')
      .values({
        slug: 'g',
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
    const body = await db.kysely
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
    const election = await db.kysely
      .insertInto('elections')
      .values({
        body_id: body.id,
        title: '{}',
        seats: 3,
        term_label: '2024–2027',
        term_starts_on: '2024-01-01',
        term_ends_on: '2027-12-31',
        nominations_open: now,
        nominations_close: now,
        voting_open: now,
        voting_close: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const vote = { election_id: election.id, government_id: gov.id, voted_on: '2024-01-01' };
    await db.kysely.insertInto('election_voters').values(vote).execute();
    await expect(db.kysely.insertInto('election_voters').values(vote).execute()).rejects.toThrow();
  });
});
