import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { Db } from '../database';
import { migrateTo, migrateToLatest, MIGRATION_NAMES } from '../migrate';

/**
 * Migration 0021 on offices and positions written before it: the network's offices take their
 * cities' zones, any other office none; offices take version 1; positions have no confirmation.
 */
describe.each(dialectCases())('migration 0021 (office zones) on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await migrateTo(db, '0020_invoice_cancel_cause');
    // The schema as it was before 0021: no zone, no version, no confirmation.
    const k = db.kysely as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const region = (await k
      .insertInto('regions')
      .values({ slug: 'east-asia', name: 'East Asia', sort_order: 0 })
      .returning('id')
      .executeTakeFirstOrThrow()) as { id: number };
    const office = (slug: string) => ({
      slug,
      region_id: region.id,
      kind: 'regional-secretariat',
      name: slug,
      address: '',
      city: '',
      country: 'KR',
      sort_order: 0,
    });
    const offices = (await k
      .insertInto('offices')
      .values([office('east-asia-secretariat'), office('elsewhere')])
      .returning('id')
      .execute()) as { id: number }[];
    const person = (await k
      .insertInto('people')
      .values({ full_name: 'P', names: '{}', is_demo: 0, created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow()) as { id: number };
    await k
      .insertInto('positions')
      .values({
        person_id: person.id,
        office_id: offices[0]!.id,
        title: 'regional-director',
        start_date: '2010-01-01',
      })
      .execute();
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await drop?.();
  });

  it_('is known to the build', () => {
    expect(MIGRATION_NAMES).toContain('0021_office_zones_confirmations');
  });

  it_('gives the network’s offices their cities’ zones and leaves others unset', async () => {
    const rows = await db.kysely
      .selectFrom('offices')
      .select(['slug', 'time_zone', 'version'])
      .orderBy('slug')
      .execute();
    expect(rows).toEqual([
      { slug: 'east-asia-secretariat', time_zone: 'Asia/Seoul', version: 1 },
      { slug: 'elsewhere', time_zone: null, version: 1 },
    ]);
  });

  it_('keeps positions, none confirmed, and stores a confirmation day', async () => {
    const [p] = await db.kysely.selectFrom('positions').selectAll().execute();
    expect(p).toMatchObject({ start_date: '2010-01-01', confirmed_on: null });
    await db.kysely
      .updateTable('positions')
      .set({ confirmed_on: '2026-12-01' })
      .where('id', '=', p!.id)
      .execute();
    const after = await db.kysely
      .selectFrom('positions')
      .select('confirmed_on')
      .executeTakeFirstOrThrow();
    expect(after.confirmed_on).toBe('2026-12-01');
  });
});

/**
 * The migration gives the network's offices their zones as reference data, frozen as it was
 * written; the demo seeds the same offices. A database made before 0021 and one seeded after it
 * must agree, so the two lists are kept equal here.
 */
describe('migration 0021’s office zones', () => {
  it('are the zones the demo gives the same offices, for every office of the demo', async () => {
    const { OFFICE_ZONES } = await import('./0021_office_zones_confirmations');
    const { DEMO_OFFICES } = await import('../../setup/demo/data');
    expect(Object.fromEntries(DEMO_OFFICES.map((o) => [o.slug, o.timeZone]))).toEqual(OFFICE_ZONES);
  });
});
