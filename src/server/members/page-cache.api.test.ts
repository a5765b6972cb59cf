import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { buildApp } from '../app';
import { advanceClockForTests, nowIso, resetClockForTests } from '../clock';
import { countingStatements } from '../db/statement-counter';
import type { AppInstance } from '../http/app-types';
import { DEMO_ADMIN_EMAIL } from '../setup/bootstrap';
import { storeOver } from '../store';

type Headers = { cookie: string; 'x-csrf-token': string };
interface Summary {
  slug: string;
  names: Record<string, string>;
  membership: { category: string; status: string };
}
interface Profile extends Summary {
  version: number;
  population: number | null;
  officeHolders: { fullName: string }[];
}

const DAY = 24 * 60 * 60 * 1000;
const DIRECTORY = '/api/v1/governments?pageSize=100&sort=name';

/**
 * The directory, a government's profile, its targets and its emissions are kept serialized
 * between requests beside data versions that triggers raise (migration 0030): every kind of write
 * they show must be in the very next answer, on this server and on another sharing the database;
 * what shows depends on the day is judged on the day asked; and one viewer's answer is never
 * served to another who may see less.
 */
describe.each(dialectCases())('public pages kept between requests on $label', (c) => {
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
  afterEach(() => resetClockForTests());

  const get = async (app: AppInstance, url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const directory = async (app: AppInstance, url = DIRECTORY) => {
    const res = await get(app, url);
    return {
      etag: String(res.headers.etag),
      body: res.json() as { items: Summary[]; total: number },
    };
  };
  const profile = async (app: AppInstance, slug: string) =>
    (await get(app, `/api/v1/governments/${slug}`)).json() as Profile;
  const listed = (items: Summary[], slug: string) => items.find((g) => g.slug === slug);

  it_('answers 304 to the ETag of an unchanged page, and 200 once it changed', async () => {
    const first = await directory(t.app);
    expect(first.etag).toMatch(/^"h[\w-]+"$/);
    const again = await t.app.inject({ url: DIRECTORY, headers: { 'if-none-match': first.etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Another page of the directory is another answer with its own tag.
    const byPopulation = await t.app.inject({
      url: '/api/v1/governments?pageSize=100&sort=population',
      headers: { 'if-none-match': first.etag },
    });
    expect(byPopulation.statusCode).toBe(200);
    expect(byPopulation.headers.etag).not.toBe(first.etag);

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/kyoto',
      headers: admin,
      payload: { aliases: ['Kyoto City (cache test)'] },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stale = await t.app.inject({ url: DIRECTORY, headers: { 'if-none-match': first.etag } });
    expect(stale.statusCode).toBe(200);
  });

  it_('sends a kept page compressed as the client asks, made once per encoding', async () => {
    const plain = await get(t.app, DIRECTORY, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
    ] as const) {
      const first = await get(t.app, DIRECTORY, { 'accept-encoding': accept });
      const second = await get(t.app, DIRECTORY, { 'accept-encoding': accept });
      expect(first.headers['content-encoding']).toBe(encoding);
      expect(String(first.headers.vary)).toMatch(/Accept-Encoding/i);
      expect(first.headers.etag).toBe(plain.headers.etag);
      // The kept bytes are the same bytes, not compressed again per request.
      expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
      expect(Number(first.headers['content-length'])).toBe(first.rawPayload.length);
      expect(decode(first.rawPayload).toString()).toBe(plain.body);
    }
  });

  it_('shows a rename and a new government at once, here and on another server', async () => {
    const before = await directory(t.app);
    await directory(other);
    const kyoto = await profile(t.app, 'kyoto');
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/kyoto',
      headers: admin,
      payload: { names: { ...kyoto.names, en: 'Kyoto (renamed)' } },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    for (const app of [t.app, other]) {
      expect(listed((await directory(app)).body.items, 'kyoto')?.names.en).toBe('Kyoto (renamed)');
      const after = await profile(app, 'kyoto');
      expect(after.names.en).toBe('Kyoto (renamed)');
      // The record's version stays the ETag an edit's If-Match names.
      expect(after.version).toBe(kyoto.version + 1);
    }
    expect((await t.app.inject({ url: '/api/v1/governments/kyoto' })).headers.etag).toBe(
      `"${kyoto.version + 1}"`,
    );

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments',
      headers: admin,
      payload: {
        slug: 'cache-town',
        kind: 'city',
        country: 'JP',
        region: 'east-asia',
        localLang: 'en',
        names: { en: 'Aaa Cache Town' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const app of [t.app, other]) {
      const after = (await get(app, DIRECTORY)).json() as { total: number; items: Summary[] };
      expect(after.total).toBe(before.body.total + 1);
      expect(after.items[0]?.slug).toBe('cache-town');
    }
  });

  it_('shows a change of membership at once', async () => {
    const { items } = (await directory(t.app)).body;
    const member = items.find((g) => g.membership.status === 'current');
    expect(member).toBeDefined();
    const slug = member!.slug;
    expect((await profile(t.app, slug)).membership.status).toBe('current');
    const suspended = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/governments/${slug}/membership/suspension`,
      headers: admin,
      payload: {},
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    for (const app of [t.app, other]) {
      expect((await profile(app, slug)).membership.status).toBe('suspended');
      expect(listed((await directory(app)).body.items, slug)?.membership.status).toBe('suspended');
    }
  });

  it_('shows a change of office holders at once, and ends a term on the day after it', async () => {
    const holders = async (app: AppInstance) =>
      (await profile(app, 'suwon')).officeHolders.map((h) => h.fullName);
    expect(await holders(t.app)).not.toContain('Cache Mayor');
    await holders(other);
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin,
      payload: { fullName: 'Cache Mayor' },
    });
    expect(person.statusCode, person.body).toBe(201);
    const today = nowIso().slice(0, 10);
    const position = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: admin,
      payload: {
        personId: person.json().id,
        governmentSlug: 'suwon',
        title: 'mayor',
        startDate: '2020-01-01',
        endDate: today,
      },
    });
    expect(position.statusCode, position.body).toBe(201);
    expect(await holders(t.app)).toContain('Cache Mayor');
    expect(await holders(other)).toContain('Cache Mayor');
    // Nothing is written overnight: the term that ended yesterday is no longer current.
    advanceClockForTests(DAY);
    expect(await holders(t.app)).not.toContain('Cache Mayor');
    expect(await holders(other)).not.toContain('Cache Mayor');
    resetClockForTests();
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${person.json().id}`,
      headers: admin,
      payload: { fullName: 'Cache Mayor Renamed' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await holders(t.app)).toContain('Cache Mayor Renamed');
  });

  it_('shows a new target and a write outside the services at once', async () => {
    const targets = async (app: AppInstance) =>
      ((await get(app, '/api/v1/governments/kyoto/targets')).json() as { items: unknown[] }).items
        .length;
    const before = await targets(t.app);
    await targets(other);
    const first = await t.app.inject({ url: '/api/v1/governments/kyoto/targets' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/kyoto/targets',
      headers: admin,
      payload: {
        type: 'base-year',
        title: 'Page cache test',
        status: 'policy',
        baseYear: 2013,
        baseEmissions: 1_000_000,
        targetYear: 2040,
        reductionPercent: 60,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await targets(t.app)).toBe(before + 1);
    expect(await targets(other)).toBe(before + 1);
    const revalidated = await t.app.inject({
      url: '/api/v1/governments/kyoto/targets',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(revalidated.statusCode).toBe(200);

    // Another program writing to the database (an import, the command line).
    await profile(t.app, 'kyoto');
    await t.db.kysely
      .updateTable('governments')
      .set({ population: 1_234_567 })
      .where('slug', '=', 'kyoto')
      .execute();
    expect((await profile(t.app, 'kyoto')).population).toBe(1_234_567);
    await t.db.kysely
      .deleteFrom('climate_targets')
      .where('title', '=', 'Page cache test')
      .execute();
    expect(await targets(other)).toBe(before);
  });

  it_("never serves an administrator's answer to a viewer who may not read addresses", async () => {
    const reported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/suwon/emission-reports',
      headers: admin,
      payload: { year: 2019, source: 'national', sourceLabel: 'Cache test', total: 3_000_000 },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const officer = await t.signInOfficer('suwon');
    const url = '/api/v1/governments/suwon/emissions';
    // In both orders, so neither answer can be the other's kept one.
    for (const order of [
      ['admin', 'public', 'officer'],
      ['public', 'officer', 'admin'],
    ] as const) {
      // A write between the rounds: each round starts with nothing kept.
      await t.db.kysely
        .updateTable('emission_reports')
        .set({ source_label: `Cache test ${order[0]}` })
        .where('source_label', 'like', 'Cache test%')
        .execute();
      for (const who of order) {
        const headers = who === 'admin' ? admin : who === 'officer' ? officer : {};
        const res = await get(t.app, url, headers);
        if (who === 'admin') {
          expect(res.body).toContain(DEMO_ADMIN_EMAIL);
          expect(res.headers['cache-control']).toBe('private, no-cache');
        } else {
          expect(res.body).not.toContain(DEMO_ADMIN_EMAIL);
          expect(res.body).toContain(`Cache test ${order[0]}`);
        }
      }
    }
    // The public's ETag does not revalidate the administrator's answer.
    const publicTag = String((await get(t.app, url)).headers.etag);
    const adminAnswer = await t.app.inject({
      url,
      headers: { ...admin, 'if-none-match': publicTag },
    });
    expect(adminAnswer.statusCode).toBe(200);
    expect(adminAnswer.body).toContain(DEMO_ADMIN_EMAIL);
  });

  it_('counts what each filter finds, as the page lists it', async () => {
    const all = (await directory(t.app)).body;
    expect(all.total).toBe(all.items.length);
    for (const filter of [
      'region=east-asia',
      'region=nowhere',
      'country=KR',
      'category=full-member',
      'category=non-member',
      'q=o&category=non-member',
      'q=su&region=east-asia',
    ]) {
      const page = (await get(t.app, `/api/v1/governments?pageSize=100&${filter}`)).json() as {
        total: number;
        items: Summary[];
      };
      expect(page.total, filter).toBe(page.items.length);
    }
    const prospects = (
      await get(t.app, '/api/v1/governments?pageSize=100&category=non-member')
    ).json() as { items: Summary[] };
    expect(prospects.items.length).toBe(
      all.items.filter((g) => g.membership.category === 'non-member').length,
    );
  });

  it_('answers a kept page with one statement: the version', async () => {
    const counter = countingStatements(t.db);
    const counted = await buildApp({ config: t.config, db: storeOver(counter.db) });
    try {
      for (const url of [
        DIRECTORY,
        '/api/v1/governments/kyoto',
        '/api/v1/governments/kyoto/targets',
        '/api/v1/governments/kyoto/emissions',
      ]) {
        const first = await counted.inject({ url });
        expect(first.statusCode, first.body).toBe(200);
        counter.reset();
        const kept = await counted.inject({ url });
        expect(kept.body).toBe(first.body);
        expect(counter.count(), url).toBe(1);
      }
    } finally {
      await counted.close();
    }
  });
});
