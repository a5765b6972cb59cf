import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

describe.each(dialectCases())('directory API on $label', ({ dialect, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await makeTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  it_('reports health with the dialect and the demo flag', async () => {
    const res = await t.app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: dialect, demo: true });
  });

  it_.each(['Kyoto', 'kyoto', '京都', '교토', 'Kyoto City'])('finds Kyoto by "%s"', async (q) => {
    const res = await t.app.inject({ url: '/api/v1/governments', query: { q } });
    const body = res.json();
    expect(res.statusCode).toBe(200);
    expect(body.items.map((g: { slug: string }) => g.slug)).toContain('kyoto');
    expect(body.items.length).toBe(body.total);
  });

  it_('finds Seoul by 서울 and by its CDP alias', async () => {
    for (const q of ['서울', 'Seoul Metropolitan Government']) {
      const res = await t.app.inject({ url: '/api/v1/governments', query: { q } });
      expect(res.json().items[0].slug).toBe('seoul');
    }
  });

  it_('treats LIKE wildcards in the query as text', async () => {
    const res = await t.app.inject({ url: '/api/v1/governments', query: { q: '%' } });
    expect(res.json().total).toBe(0);
  });

  it_('filters by region and category and pages the result', async () => {
    const all = await t.app.inject({
      url: '/api/v1/governments',
      query: { region: 'east-asia', category: 'full-member', pageSize: '100' },
    });
    const members = all.json();
    expect(members.items.map((g: { slug: string }) => g.slug).sort()).toEqual(
      expect.arrayContaining(['changchun', 'kyoto', 'new-taipei', 'seoul', 'suwon']),
    );
    for (const g of members.items) {
      expect(g.region).toBe('east-asia');
      expect(g.membership.category).toBe('full-member');
    }
    const page1 = await t.app.inject({
      url: '/api/v1/governments',
      query: { region: 'east-asia', pageSize: '2', page: '1' },
    });
    const page2 = await t.app.inject({
      url: '/api/v1/governments',
      query: { region: 'east-asia', pageSize: '2', page: '2' },
    });
    expect(page1.json().items).toHaveLength(2);
    expect(page1.json().total).toBeGreaterThan(4);
    const seen = new Set([...page1.json().items, ...page2.json().items].map((g) => g.slug));
    expect(seen.size).toBe(4);
  });

  it_('sorts by population, largest first, unknown populations last', async () => {
    const res = await t.app.inject({
      url: '/api/v1/governments',
      query: { sort: '-population', pageSize: '200' },
    });
    const pops = res.json().items.map((g: { population: number | null }) => g.population);
    const known = pops.filter((p: number | null) => p !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(pops.slice(0, known.length).every((p: number | null) => p !== null)).toBe(true);
  });

  it_('sorts by name in the viewer language', async () => {
    const res = await t.app.inject({
      url: '/api/v1/governments',
      query: { sort: 'name', lang: 'en', pageSize: '200' },
    });
    const names = res.json().items.map((g: { names: { en: string } }) => g.names.en.toLowerCase());
    const folded = names.map((n: string) => n.replace(/[\s\-.,'’]/g, ''));
    expect(folded).toEqual([...folded].sort());
  });

  it_('rejects a bad query with a problem naming the parameter', async () => {
    const res = await t.app.inject({ url: '/api/v1/governments', query: { pageSize: '1000' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].pointer).toBe('/querystring/pageSize');
  });

  it_(
    'gives a profile with current office holders and a 404 problem for unknown slugs',
    async () => {
      const res = await t.app.inject({ url: '/api/v1/governments/seoul' });
      expect(res.statusCode).toBe(200);
      const seoul = res.json();
      expect(seoul.names.ko).toBe('서울특별시');
      expect(seoul.country).toBe('KR');
      expect(seoul.officeHolders.map((h: { title: string }) => h.title)).toContain('acting-mayor');
      const missing = await t.app.inject({ url: '/api/v1/governments/atlantis' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ status: 404, title: 'Not Found' });
    },
  );

  it_('lists offices with region, kind and address', async () => {
    const res = await t.app.inject({ url: '/api/v1/offices' });
    const offices = res.json().items;
    expect(offices.length).toBeGreaterThanOrEqual(15);
    const seoul = offices.find((o: { city: string }) => o.city === 'Seoul');
    expect(seoul).toMatchObject({ region: 'east-asia', kind: 'regional-secretariat' });
    expect(seoul.address).toContain('Jongno');
  });

  it_('lets an admin change a population and records it in the audit log', async () => {
    const admin = await t.signInAdmin();
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/suwon',
      headers: admin,
      payload: { population: 1_234_567, populationYear: 2024 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().population).toBe(1_234_567);
    const profile = await t.app.inject({ url: '/api/v1/governments/suwon' });
    expect(profile.json().population).toBe(1_234_567);
    const audit = await t.app.inject({
      url: '/api/v1/audit',
      headers: admin,
      query: { entityType: 'government', entityId: String(res.json().id) },
    });
    const entry = audit.json().items[0];
    expect(entry.action).toBe('update');
    expect(entry.actor.label).toBe('admin@accord.example');
    expect(entry.after.population).toBe(1_234_567);
    expect(entry.before.population).not.toBe(1_234_567);
  });

  it_('refuses a change without the CSRF token', async () => {
    const admin = await t.signInAdmin();
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/suwon',
      headers: { cookie: admin.cookie },
      payload: { population: 1 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/CSRF/);
  });

  it_('refuses anonymous changes', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/suwon',
      payload: { population: 1 },
    });
    expect(res.statusCode).toBe(401);
  });

  it_("lets Kyoto's officer edit Kyoto but not Seoul, nor Kyoto's membership", async () => {
    const officer = await t.signInOfficer('kyoto');
    const own = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/kyoto',
      headers: officer,
      payload: { website: 'https://www.city.kyoto.lg.jp/' },
    });
    expect(own.statusCode).toBe(200);
    const other = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/seoul',
      headers: officer,
      payload: { population: 1 },
    });
    expect(other.statusCode).toBe(403);
    const seoul = await t.app.inject({ url: '/api/v1/governments/seoul' });
    expect(seoul.json().population).not.toBe(1);
    const membership = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/kyoto',
      headers: officer,
      payload: { membership: { category: 'associate-member', status: 'current' } },
    });
    expect(membership.statusCode).toBe(403);
  });

  it_('names the field in validation and rule errors', async () => {
    const admin = await t.signInAdmin();
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/suwon',
      headers: admin,
      payload: { population: -5, website: 'not a url', colour: 'red' },
    });
    expect(bad.statusCode).toBe(400);
    const pointers = bad.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/population', '/website', '/colour']));
    const rule = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/suwon',
      headers: admin,
      payload: { population: 100, populationYear: null },
    });
    expect(rule.statusCode).toBe(422);
    expect(rule.json().errors[0].pointer).toBe('/populationYear');
  });

  it_('takes JSON as sent: null clears a field, and a number in quotes is refused', async () => {
    const admin = await t.signInAdmin();
    const cleared = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/changchun',
      headers: admin,
      payload: { areaKm2: null, unlocode: null },
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ areaKm2: null, unlocode: null });
    const quoted = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/changchun',
      headers: admin,
      payload: { population: '100' },
    });
    expect(quoted.statusCode).toBe(400);
    expect(quoted.json().errors[0].pointer).toBe('/population');
  });

  it_('creates a government once per slug and finds it by any of its names', async () => {
    const admin = await t.signInAdmin();
    const payload = {
      slug: 'busan-test',
      names: { en: 'Busan Test', ko: '부산테스트' },
      localLang: 'ko',
      kind: 'metropolitan-city',
      country: 'KR',
      region: 'east-asia',
      aliases: ['Busan Metropolitan City Test'],
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments',
      headers: admin,
      payload,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().membership.category).toBe('non-member');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments',
      headers: admin,
      payload,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].pointer).toBe('/slug');
    const found = await t.app.inject({ url: '/api/v1/governments', query: { q: '부산테스트' } });
    expect(found.json().items[0].slug).toBe('busan-test');
  });

  it_('counts governments and members per region', async () => {
    const res = await t.app.inject({ url: '/api/v1/regions' });
    const eastAsia = res.json().items.find((r: { slug: string }) => r.slug === 'east-asia');
    expect(eastAsia.memberCount).toBeGreaterThanOrEqual(5);
    expect(eastAsia.governmentCount).toBeGreaterThanOrEqual(eastAsia.memberCount);
  });
});
