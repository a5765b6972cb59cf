import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales';
import { searchKey } from '../../core/names';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

type Headers = { cookie: string; 'x-csrf-token': string };

/**
 * The directory lists by a stored sort key per government and language (migration 0028), and
 * only governments that have one: every writer of governments and names must keep the keys, or a
 * government would drop out of the directory. These tests go through each such writer.
 */
describe.each(dialectCases())('the directory order by name on $label', (c) => {
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

  /** Every government's sort keys, as `slug lang → key`, and who lacks a row for a language. */
  async function keys() {
    const rows = await t.db.kysely
      .selectFrom('governments')
      .leftJoin('government_sort_names as s', 's.government_id', 'governments.id')
      .select(['governments.slug', 's.lang', 's.sort_key'])
      .execute();
    const bySlug = new Map<string, Map<string, string>>();
    for (const r of rows) {
      const m = bySlug.get(r.slug) ?? new Map<string, string>();
      if (r.lang !== null && r.sort_key !== null) m.set(r.lang, r.sort_key);
      bySlug.set(r.slug, m);
    }
    const missing = [...bySlug].filter(([, m]) => LOCALES.some((l) => !m.has(l))).map(([s]) => s);
    return { bySlug, missing };
  }

  async function firstNames(lang: string, query = ''): Promise<string[]> {
    const res = await t.app.inject({
      url: `/api/v1/governments?pageSize=100&sort=name&lang=${lang}${query}`,
      headers: { 'accept-language': lang },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { slug: string }[]).map((g) => g.slug);
  }

  it_('gives every government of the demo a key in every language', async () => {
    const { bySlug, missing } = await keys();
    expect(bySlug.size).toBeGreaterThan(20);
    expect(missing).toEqual([]);
    // Seoul's Korean key is its Korean name; a government without a Korean name sorts by English.
    expect(bySlug.get('seoul')?.get('ko')).toBe(searchKey('서울특별시'));
  });

  it_('keeps the keys through a create, a rename, a merge and its undo', async () => {
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments',
      headers: admin,
      payload: {
        slug: 'aaa-sort-city',
        names: { en: 'Aaa Sort City' },
        kind: 'city',
        region: 'east-asia',
        localLang: 'en',
        country: 'KR',
      },
    });
    expect(create.statusCode, create.body).toBe(201);
    let k = await keys();
    expect(k.missing).toEqual([]);
    expect(k.bySlug.get('aaa-sort-city')?.get('ko')).toBe(searchKey('Aaa Sort City'));
    expect((await firstNames('en'))[0]).toBe('aaa-sort-city');

    // A Korean name moves it in the Korean order, and only there.
    const rename = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/aaa-sort-city',
      headers: admin,
      payload: { names: { en: 'Aaa Sort City', ko: '힣힣시' } },
    });
    expect(rename.statusCode, rename.body).toBe(200);
    k = await keys();
    expect(k.bySlug.get('aaa-sort-city')?.get('ko')).toBe(searchKey('힣힣시'));
    expect(k.bySlug.get('aaa-sort-city')?.get('en')).toBe(searchKey('Aaa Sort City'));
    // 힣 is the last Hangul syllable: last in Korean, still first in English.
    const korean = await firstNames('ko');
    expect(korean.at(-1)).toBe('aaa-sort-city');
    expect((await firstNames('en'))[0]).toBe('aaa-sort-city');

    // Merged into Kyoto: it leaves the directory, Kyoto stays, nobody lacks a key.
    const merge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/government-merges',
      headers: admin,
      payload: { keep: 'kyoto', merge: 'aaa-sort-city' },
    });
    expect(merge.statusCode, merge.body).toBe(201);
    k = await keys();
    expect(k.missing).toEqual([]);
    expect(k.bySlug.has('aaa-sort-city')).toBe(false);
    const orphans = await t.db.kysely
      .selectFrom('government_sort_names')
      .where('government_id', 'not in', t.db.kysely.selectFrom('governments').select('id'))
      .select('government_id')
      .execute();
    expect(orphans).toEqual([]);

    // Undone: it is back, with its keys.
    const undo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/government-merges/${merge.json().id}/undo`,
      headers: admin,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    k = await keys();
    expect(k.missing).toEqual([]);
    expect(k.bySlug.get('aaa-sort-city')?.get('ko')).toBe(searchKey('힣힣시'));
    expect((await firstNames('en'))[0]).toBe('aaa-sort-city');
  });

  it_('lists the same governments as it counts, in either direction', async () => {
    const all = await t.app.inject({ url: '/api/v1/governments?pageSize=100' });
    const { items, total } = all.json() as { items: { slug: string }[]; total: number };
    expect(items).toHaveLength(total);
    const descending = await t.app.inject({ url: '/api/v1/governments?pageSize=100&sort=-name' });
    expect((descending.json().items as { slug: string }[]).map((g) => g.slug)).toEqual(
      items.map((g) => g.slug).reverse(),
    );
  });
});
