import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { buildApp } from '../app';
import type { AppInstance } from '../http/app-types';

type Headers = { cookie: string; 'x-csrf-token': string };
interface Row {
  slug: string;
  targets: number;
  isMember: boolean;
  latestEmissions: number | null;
  latestYear: number | null;
}

/**
 * The network summary is kept between requests beside the climate data version (migration
 * 0025): every kind of write it reads must show in the very next answer, on this server and on
 * another sharing the database, and an unchanged summary is answered 304 to its ETag.
 */
describe.each(dialectCases())('the climate summary kept between requests on $label', (c) => {
  const it_ = c.skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  /** A second server on the same database, as when several processes serve one network. */
  let other: AppInstance;

  beforeAll(async () => {
    if (c.skip) return;
    t = await makeTestApp(c.dialect);
    admin = await t.signInAdmin();
    other = await buildApp({ config: t.config, db: t.db });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  const summary = async (app: AppInstance, region = 'east-asia') => {
    const res = await app.inject({ url: `/api/v1/climate/summary?region=${region}&asOf=2021` });
    expect(res.statusCode, res.body).toBe(200);
    return { etag: String(res.headers.etag), rows: res.json().rows as Row[] };
  };
  const row = (rows: Row[], slug: string) => rows.find((r) => r.slug === slug);

  it_(
    'answers 304 to the ETag of an unchanged summary, and 200 with the same text otherwise',
    async () => {
      const first = await t.app.inject({
        url: '/api/v1/climate/summary?region=east-asia&asOf=2021',
      });
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"climate-\d+-2021-east-asia"$/);
      expect(first.headers['cache-control']).toBe('no-cache');
      const again = await t.app.inject({
        url: '/api/v1/climate/summary?region=east-asia&asOf=2021',
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      const kept = await t.app.inject({
        url: '/api/v1/climate/summary?region=east-asia&asOf=2021',
      });
      expect(kept.body).toBe(first.body);
      expect(kept.headers['content-type']).toMatch(/^application\/json/);
      // A browser's request: the same text gzipped, under the gzipped form's own tag.
      const zipped = await t.app.inject({
        url: '/api/v1/climate/summary?region=east-asia&asOf=2021',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toMatch(/accept-encoding/i);
      expect(zipped.headers.etag).toBe(etag.replace(/"$/, '-gzip"'));
      expect(gunzipSync(zipped.rawPayload).toString()).toBe(first.body);
      const zippedAgain = await t.app.inject({
        url: '/api/v1/climate/summary?region=east-asia&asOf=2021',
        headers: { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) },
      });
      expect(zippedAgain.statusCode).toBe(304);
      // Another year or region is another answer with its own tag.
      const otherYear = await t.app.inject({
        url: '/api/v1/climate/summary?region=east-asia&asOf=2020',
        headers: { 'if-none-match': etag },
      });
      expect(otherYear.statusCode).toBe(200);
      expect(otherYear.headers.etag).not.toBe(etag);
    },
  );

  it_('shows a new target at once, here and on another server', async () => {
    const before = await summary(t.app);
    const beforeOther = await summary(other);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/kyoto/targets',
      headers: admin,
      payload: {
        type: 'base-year',
        title: 'Cache test',
        status: 'policy',
        baseYear: 2013,
        baseEmissions: 1_000_000,
        targetYear: 2040,
        reductionPercent: 60,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = await summary(t.app);
    expect(after.etag).not.toBe(before.etag);
    expect(row(after.rows, 'kyoto')?.targets).toBe((row(before.rows, 'kyoto')?.targets ?? 0) + 1);
    const afterOther = await summary(other);
    expect(row(afterOther.rows, 'kyoto')?.targets).toBe(row(after.rows, 'kyoto')?.targets);
    expect(afterOther.etag).not.toBe(beforeOther.etag);
    // The tag the client held before the change no longer answers 304.
    const revalidated = await t.app.inject({
      url: '/api/v1/climate/summary?region=east-asia&asOf=2021',
      headers: { 'if-none-match': before.etag },
    });
    expect(revalidated.statusCode).toBe(200);
  });

  it_('shows an edited emission report at once', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/kyoto/emission-reports',
      headers: admin,
      payload: { year: 2020, source: 'cdp', sourceLabel: 'CDP 2022', total: 5_000_000 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const before = await summary(t.app);
    expect(row(before.rows, 'kyoto')).toMatchObject({
      latestYear: 2020,
      latestEmissions: 5_000_000,
    });
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/emission-reports/${created.json().id}`,
      headers: admin,
      payload: { total: 4_000_000 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(row((await summary(t.app)).rows, 'kyoto')?.latestEmissions).toBe(4_000_000);
    expect(row((await summary(other)).rows, 'kyoto')?.latestEmissions).toBe(4_000_000);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/emission-reports/${created.json().id}`,
      headers: admin,
    });
    expect(removed.statusCode).toBe(204);
    expect(row((await summary(t.app)).rows, 'kyoto')?.latestYear).not.toBe(2020);
  });

  it_('moves a government between regions at once', async () => {
    expect(row((await summary(t.app, 'europe')).rows, 'kyoto')).toBeUndefined();
    const moved = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/kyoto',
      headers: admin,
      payload: { region: 'europe' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(row((await summary(t.app)).rows, 'kyoto')).toBeUndefined();
    expect(row((await summary(t.app, 'europe')).rows, 'kyoto')).toBeDefined();
    expect(row((await summary(other, 'europe')).rows, 'kyoto')).toBeDefined();
  });

  it_('sees a write made outside the services (a direct load, another program)', async () => {
    const before = await summary(t.app, 'europe');
    const member = row(before.rows, 'kyoto')?.isMember;
    const kyoto = await t.db.kysely
      .selectFrom('governments')
      .where('slug', '=', 'kyoto')
      .select('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('memberships')
      .set({ category: member ? 'non-member' : 'full-member' })
      .where('government_id', '=', kyoto.id)
      .execute();
    expect(row((await summary(t.app, 'europe')).rows, 'kyoto')?.isMember).toBe(!member);
    await t.db.kysely.deleteFrom('climate_targets').where('government_id', '=', kyoto.id).execute();
    expect(row((await summary(other, 'europe')).rows, 'kyoto')?.targets).toBe(0);
  });
});
