import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

type Headers = { cookie: string; 'x-csrf-token': string };

/**
 * Records say who changed them (a news post's author, a climate record's versions, a seat's
 * events). Accord knows its users by their sign-in e-mail; the public must not read those.
 */
describe.each(dialectCases())('who did what, without addresses, on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: Headers;
  let officer: Headers;
  let staffEmails: string[];
  let newsSlug: string;
  let targetId: number;
  let seatId: number;
  let reportId: number;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    officer = await t.signInOfficer('kyoto');
    const send = (method: 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
      t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

    const post = await send('POST', '/api/v1/news', admin, {
      translations: { en: { title: 'Who wrote this', summary: 'A post', bodyHtml: '<p>x</p>' } },
    });
    newsSlug = post.json().slug;
    expect((await send('POST', `/api/v1/news/${newsSlug}/publish`, admin)).statusCode).toBe(200);

    const target = await send('POST', '/api/v1/governments/kyoto/targets', officer, {
      type: 'base-year',
      title: 'Half by 2030',
      status: 'policy',
      baseYear: 2013,
      targetYear: 2030,
      reductionPercent: 50,
    });
    expect(target.statusCode, target.body).toBe(201);
    targetId = target.json().id;
    const edited = await send('PATCH', `/api/v1/targets/${targetId}`, admin, {
      title: 'Half by 2030, city-wide',
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const report = await send('POST', '/api/v1/governments/kyoto/emission-reports', officer, {
      year: 2019,
      source: 'national',
      sourceLabel: 'National statistics',
      total: 12_345_678,
    });
    expect(report.statusCode, report.body).toBe(201);
    reportId = report.json().id;

    const body = (await t.app.inject({ url: '/api/v1/bodies/east-asia-rexcom' })).json();
    seatId = body.seats.find(
      (s: { government: { slug: string } }) => s.government.slug === 'seoul',
    ).id;
    const seat = await send('PATCH', `/api/v1/seats/${seatId}`, admin, { portfolio: 'clean-air' });
    expect(seat.statusCode, seat.body).toBe(200);

    const users = await t.db.users.listUsers({}, 1, 100);
    staffEmails = users.rows.map((u) => u.email);
    expect(staffEmails).toEqual(
      expect.arrayContaining(['admin@accord.example', 'test.officer.kyoto@accord.example']),
    );
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  const publicAnswers = () => [
    `/api/v1/news/${newsSlug}`,
    '/api/v1/news/feed.xml',
    `/api/v1/history/target/${targetId}`,
    `/api/v1/seats/${seatId}/history`,
    // Reports entered by hand say who entered them, in the series and in their versions.
    `/api/v1/history/emission-report/${reportId}`,
    '/api/v1/governments/kyoto/emissions',
  ];

  it_('gives the public no staff address in any of these answers', async () => {
    for (const url of publicAnswers()) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      for (const email of staffEmails)
        expect(res.body, `${url} shows ${email}`).not.toContain(email);
    }
  });

  it_('names staff by their display name instead', async () => {
    const post = (await t.app.inject({ url: `/api/v1/news/${newsSlug}` })).json();
    expect(post.authorLabel).toBe('Administrator');
    const feed = (await t.app.inject({ url: '/api/v1/news/feed.xml' })).body;
    expect(feed).toContain('<name>Administrator</name>');
    const history = (await t.app.inject({ url: `/api/v1/history/target/${targetId}` })).json();
    expect(history.versions.map((v: { actor: unknown }) => v.actor)).toEqual([
      { kind: 'user', label: 'Administrator' },
      { kind: 'user', label: 'Officer of kyoto' },
    ]);
    const seat = (await t.app.inject({ url: `/api/v1/seats/${seatId}/history` })).json();
    expect(seat.events.at(-1).actor).toEqual({ kind: 'user', label: 'Administrator' });
    const report = (
      await t.app.inject({ url: `/api/v1/history/emission-report/${reportId}` })
    ).json();
    expect(report.versions[0].snapshot.provenance.enteredBy).toBe('Officer of kyoto');
  });

  it_('shows no address to signed-in officers either', async () => {
    for (const url of publicAnswers()) {
      const res = await t.app.inject({ url, headers: officer });
      for (const email of staffEmails)
        expect(res.body, `${url} shows ${email}`).not.toContain(email);
    }
  });

  it_('shows the addresses to the secretariat, whom the policy lets read them', async () => {
    const post = (await t.app.inject({ url: `/api/v1/news/${newsSlug}`, headers: admin })).json();
    expect(post.authorLabel).toBe('admin@accord.example');
    const history = (
      await t.app.inject({ url: `/api/v1/history/target/${targetId}`, headers: admin })
    ).json();
    expect(history.versions.map((v: { actor: { label: string } }) => v.actor.label)).toEqual([
      'admin@accord.example',
      'test.officer.kyoto@accord.example',
    ]);
    const seat = (
      await t.app.inject({ url: `/api/v1/seats/${seatId}/history`, headers: admin })
    ).json();
    expect(seat.events.at(-1).actor).toEqual({ kind: 'user', label: 'admin@accord.example' });
    // The feed is cached for everyone: it never carries an address.
    const feed = (await t.app.inject({ url: '/api/v1/news/feed.xml', headers: admin })).body;
    expect(feed).not.toContain('admin@accord.example');
  });
});
