import { Migrator, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { Db } from '../database';
import { migrateToLatest } from '../migrate';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_climate';
import * as m0003 from './0003_governance';
import * as m0004 from './0004_integrity';
import * as m0005 from './0005_sign_in';
import * as m0006 from './0006_import_runs';
import * as m0007 from './0007_calendar_feeds';
import * as m0008 from './0008_record_versions';

/**
 * Migration 0011 on reports that imports wrote before it: their report year comes from the
 * provenance, what their total covers from the figures beside it, and the `preferred` flag the
 * import order set is cleared, while a person's choice stays.
 */
describe.each(dialectCases())('migration 0011 (report sources) on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;
  const now = '2024-05-01T00:00:00.000Z';
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    const before: Record<string, Migration> = {
      '0001_foundation': m0001,
      '0002_climate': m0002,
      '0003_governance': m0003,
      '0004_integrity': m0004,
      '0005_sign_in': m0005,
      '0006_import_runs': m0006,
      '0007_calendar_feeds': m0007,
      '0008_record_versions': m0008,
    };
    const result = await new Migrator({
      db: db.kysely,
      provider: { getMigrations: () => Promise.resolve(before) },
    }).migrateToLatest();
    expect(result.error).toBeUndefined();
    await seed();
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await drop?.();
  });

  async function seed() {
    const k = db.kysely;
    const region = await k
      .insertInto('regions')
      .values({ slug: 'r', name: 'R', sort_order: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const gov = await k
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
    const report = async (
      name: string,
      fields: {
        year: number;
        preferred: number;
        importKey: string | null;
        provenance: object;
        basic?: number;
        total?: number;
        scope1?: number;
        scope2?: number;
      },
      versions: { preferred: boolean; provenance?: object }[] = [],
    ) => {
      const row = await k
        .insertInto('emission_reports')
        .values({
          government_id: gov.id,
          year: fields.year,
          source: 'cdp',
          source_label: `CDP ${name}`,
          scope1: fields.scope1 ?? null,
          scope2: fields.scope2 ?? null,
          basic: fields.basic ?? null,
          total: fields.total ?? null,
          preferred: fields.preferred,
          provenance: JSON.stringify(fields.provenance),
          import_key: fields.importKey,
          version: Math.max(1, versions.length),
          created_at: now,
          updated_at: now,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[name] = row.id;
      let n = 0;
      for (const v of versions) {
        n += 1;
        await k
          .insertInto('record_versions')
          .values({
            entity_type: 'emission-report',
            entity_id: row.id,
            version: n,
            at: now,
            actor_user_id: null,
            actor_label: 'someone',
            change: n === 1 ? 'create' : 'update',
            snapshot: JSON.stringify({
              id: row.id,
              preferred: v.preferred,
              provenance: v.provenance ?? fields.provenance,
            }),
          })
          .execute();
      }
    };
    const imported = (reportedYear: number) => ({ file: 'cdp.csv', row: 2, reportedYear });
    // Imported first for its year: the import marked it preferred.
    await report(
      'first',
      {
        year: 2017,
        preferred: 1,
        importKey: 'cdp|2018|1',
        provenance: imported(2018),
        basic: 900,
        total: 900,
      },
      [{ preferred: true }],
    );
    await report('restated', {
      year: 2017,
      preferred: 0,
      importKey: 'cdp|2019|1',
      provenance: imported(2019),
      scope1: 600,
      scope2: 250,
      total: 850,
    });
    // Staff chose this one: its history shows the flag turned on by an edit.
    await report(
      'chosen',
      { year: 2016, preferred: 1, importKey: 'cdp|2017|1', provenance: imported(2017), total: 700 },
      [{ preferred: false }, { preferred: true }],
    );
    // Entered by hand and chosen then; an import later took it over.
    await report(
      'adopted',
      { year: 2015, preferred: 1, importKey: 'cdp|2016|1', provenance: imported(2016), total: 650 },
      [{ preferred: true, provenance: { enteredBy: 'staff@example.org' } }, { preferred: true }],
    );
    // Imported before versions were kept, with the year only in its key.
    await report('unversioned', {
      year: 2014,
      preferred: 1,
      importKey: 'cdp|2020|1',
      provenance: {},
      total: 600,
    });
    // Entered by hand, never imported.
    await report('byHand', {
      year: 2013,
      preferred: 1,
      importKey: null,
      provenance: { enteredBy: 'staff@example.org' },
      total: 500,
    });
  }

  async function row(name: string) {
    return db.kysely
      .selectFrom('emission_reports')
      .select(['report_year', 'dataset', 'total_coverage', 'preferred'])
      .where('id', '=', ids[name] as number)
      .executeTakeFirstOrThrow();
  }

  it_('keeps each imported report’s report year and dataset', async () => {
    expect(await row('first')).toMatchObject({ report_year: 2018, dataset: 'cdp-emissions' });
    expect(await row('restated')).toMatchObject({ report_year: 2019, dataset: 'cdp-emissions' });
    expect(await row('unversioned')).toMatchObject({ report_year: 2020 });
    expect(await row('byHand')).toMatchObject({ report_year: null, dataset: null });
  });

  it_('tells what a total covers where the figures beside it show it', async () => {
    expect((await row('first')).total_coverage).toBe('basic');
    expect((await row('restated')).total_coverage).toBe('scope-1-2');
    expect((await row('chosen')).total_coverage).toBeNull();
  });

  it_('clears the preference an import set, and keeps a person’s', async () => {
    expect((await row('first')).preferred).toBe(0);
    expect((await row('unversioned')).preferred).toBe(0);
    expect((await row('chosen')).preferred).toBe(1);
    expect((await row('adopted')).preferred).toBe(1);
    expect((await row('byHand')).preferred).toBe(1);
  });
});
