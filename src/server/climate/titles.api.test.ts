import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

type Headers = { cookie: string; 'x-csrf-token': string };

/**
 * Titles by language (migration 0022): a target's and an action's title come back in each
 * language they are kept in beside the title as entered; a new title keeps the translations,
 * and history restores them.
 */
describe.each(dialectCases())('titles by language on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: Headers;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  it_('answers a demo target with its title in the language a reader asks for', async () => {
    const res = await t.app.inject({
      url: '/api/v1/governments/new-taipei/targets',
      headers: { 'accept-language': 'ko' },
    });
    expect(res.statusCode).toBe(200);
    const [target] = res.json().items;
    expect(target.title).toBe('Coal-free by 2023');
    expect(target.titles.ko).toBe('2023년까지 탈석탄');
    expect(target.titles['zh-Hant']).toBe('2023年前達成無煤');
    const one = (await t.app.inject({ url: `/api/v1/targets/${target.id}` })).json();
    expect(one.titles.ja).toBe('2023年までに脱石炭');
  });

  it_('keeps the translations when the title is changed, and restores them', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/suwon/targets',
      headers: admin,
      payload: {
        type: 'fixed-level',
        title: 'Carbon neutral by 2050',
        titles: { en: 'Carbon neutral by 2050', ko: ' 2050 탄소중립 ', ja: '' },
        status: 'declaration',
        targetYear: 2050,
        targetEmissions: 0,
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    // Trimmed; a blank language is none.
    expect(created.json().titles).toEqual({ en: 'Carbon neutral by 2050', ko: '2050 탄소중립' });

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/targets/${id}`,
      headers: admin,
      payload: { title: 'Net zero by 2050' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().title).toBe('Net zero by 2050');
    expect(renamed.json().titles).toEqual({ en: 'Net zero by 2050', ko: '2050 탄소중립' });

    const translated = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/targets/${id}`,
      headers: admin,
      payload: { titles: { en: 'Net zero by 2050', ko: '2050 넷제로', ja: '2050年ネットゼロ' } },
    });
    expect(translated.json().titles.ja).toBe('2050年ネットゼロ');

    const history = (await t.app.inject({ url: `/api/v1/history/target/${id}` })).json();
    expect(
      history.versions.map((v: { snapshot: { titles: object } }) => v.snapshot.titles),
    ).toContainEqual({
      en: 'Carbon neutral by 2050',
      ko: '2050 탄소중립',
    });
    const restored = await t.app.inject({
      method: 'POST',
      url: `/api/v1/history/target/${id}/restore`,
      headers: admin,
      payload: { version: 1 },
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().title).toBe('Carbon neutral by 2050');
    expect(restored.json().titles).toEqual({ en: 'Carbon neutral by 2050', ko: '2050 탄소중립' });
  });

  it_('keeps an action’s translations when its title is changed', async () => {
    const actions = (await t.app.inject({ url: '/api/v1/governments/seoul/actions' })).json();
    const [deal] = actions.items;
    expect(deal.titles.ko).toBe('서울 그린뉴딜');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/actions/${deal.id}`,
      headers: admin,
      payload: { title: 'Seoul Green New Deal 2020' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().titles).toMatchObject({
      en: 'Seoul Green New Deal 2020',
      ko: '서울 그린뉴딜',
      ja: 'ソウル・グリーン・ニューディール',
    });
  });

  it_('refuses a title under a key that is not a language tag', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/suwon/actions',
      headers: admin,
      payload: { title: 'Trees', titles: { korean: '나무' }, status: 'planned' },
    });
    expect(res.statusCode).toBe(400);
  });

  it_('names every office in the five languages', async () => {
    const offices = (await t.app.inject({ url: '/api/v1/offices' })).json();
    const japan = offices.items.find((o: { slug: string }) => o.slug === 'japan-office');
    expect(japan.name).toBe('Japan Office');
    expect(japan.names).toMatchObject({ ko: '일본 사무소', ja: '日本事務所' });
  });
});
