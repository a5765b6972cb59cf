import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { expectConditionalEdit } from '../../../test/setup/if-match';

type Headers = { cookie: string; 'x-csrf-token': string };

describe.each(dialectCases())('governments changed concurrently on $label', (c) => {
  const it_ = c.skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;

  beforeAll(async () => {
    if (c.skip) return;
    t = await makeTestApp(c.dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });

  it_('creates one government for 20 creates with one slug; the others answer 409', async () => {
    const payload = {
      slug: 'race-city',
      names: { en: 'Race City' },
      localLang: 'en',
      kind: 'city',
      country: 'KR',
      region: 'east-asia',
    };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({ method: 'POST', url: '/api/v1/governments', headers: admin, payload }),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const res of responses.filter((r) => r.statusCode !== 201)) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].pointer).toBe('/slug');
    }
    const rows = await t.db.kysely
      .selectFrom('governments')
      .where('slug', '=', 'race-city')
      .select('id')
      .execute();
    expect(rows).toHaveLength(1);
    const names = await t.db.kysely
      .selectFrom('government_names')
      .where('government_id', '=', rows[0]?.id as number)
      .select('id')
      .execute();
    expect(names).toHaveLength(1);
  });

  it_(
    'refuses a change made from a stale copy with 412 and keeps the change before it',
    async () => {
      const officer = await t.signInOfficer('suwon');
      const after = await expectConditionalEdit(t, officer, {
        url: '/api/v1/governments/suwon',
        fresh: { population: 1_190_000, populationYear: 2023 },
        stale: { population: 1, names: { en: 'Overwritten', ko: '수원' } },
      });
      expect(after).toMatchObject({ population: 1_190_000, populationYear: 2023 });
      expect((after.names as { en: string }).en).toBe('Suwon');
    },
  );

  it_('queues changes of one government made at once, each in full', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.app.inject({
          method: 'PATCH',
          url: '/api/v1/governments/kyoto',
          headers: admin,
          payload: { aliases: [`Kyoto ${i}`, `京都 ${i}`] },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);
    const versions = responses.map((r) => (r.json() as { version: number }).version);
    expect(new Set(versions).size).toBe(20);
    // Names are replaced whole by each change: interleaved changes would leave a mixture.
    const now = (await t.app.inject({ url: '/api/v1/governments/kyoto' })).json() as {
      aliases: string[];
      version: number;
    };
    expect(now.version).toBe(Math.max(...versions));
    expect(now.aliases).toHaveLength(2);
    expect(now.aliases[0]?.split(' ')[1]).toBe(now.aliases[1]?.split(' ')[1]);
  });
});
