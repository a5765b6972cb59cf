import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

/** Hostile input: each must give a 4xx problem (or be neutralised), never a 500. */

const FORMULA = `=1+1+cmd|' /C calc'!A0`;

interface ProblemBody {
  status: number;
  errors?: { pointer: string; detail: string }[];
}

describe.each(dialectCases())('hostile input on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: { cookie: string; 'x-csrf-token': string };
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  function expectProblem(
    res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
    status: number,
    pointer?: string,
  ) {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json() as ProblemBody;
    expect(body.status).toBe(status);
    if (pointer) expect(body.errors?.map((e) => e.pointer)).toContain(pointer);
  }

  it_('neutralises a formula in a name in the CSV export of targets', async () => {
    const before = await t.app.inject({ url: '/api/v1/exports/targets.csv' });
    const rows = parse(before.body.replace(/^\uFEFF/, ''), { columns: true }) as {
      name: string;
    }[];
    const victim = rows[0]?.name;
    expect(victim).toBeTruthy();
    await t.db.kysely
      .updateTable('government_names')
      .set({ name: FORMULA })
      .where('name', '=', victim!)
      .where('lang', '=', 'en')
      .execute();
    const res = await t.app.inject({ url: '/api/v1/exports/targets.csv' });
    expect(res.statusCode).toBe(200);
    const after = parse(res.body.replace(/^\uFEFF/, ''), { columns: true }) as {
      name: string;
    }[];
    expect(after.map((r) => r.name)).toContain(`'${FORMULA}`);
    for (const row of after)
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=@\t\r]|^[+-](?!\d)/);
  });

  it_.each([
    '/api/v1/governments',
    '/api/v1/people',
    '/api/v1/news',
    '/api/v1/meetings',
    '/api/v1/users',
    '/api/v1/audit',
    '/api/v1/imports',
  ])('answers 400 naming page or pageSize when they are huge on %s', async (url) => {
    const page = await t.app.inject({ url: `${url}?page=1e20`, headers: admin });
    expectProblem(page, 400, '/querystring/page');
    const size = await t.app.inject({ url: `${url}?pageSize=1e20`, headers: admin });
    expectProblem(size, 400, '/querystring/pageSize');
    const ok = await t.app.inject({ url: `${url}?page=1000000`, headers: admin });
    expect(ok.statusCode).toBe(200);
  });

  it_.each([
    '/api/v1/meetings/3000000000',
    '/api/v1/meetings/2147483648',
    '/api/v1/imports/3000000000',
    '/api/v1/people/3000000000',
  ])('answers 400 for an id beyond 32 bits: %s', async (url) => {
    expectProblem(await t.app.inject({ url, headers: admin }), 400, '/params/id');
  });

  it_('answers 400 for an id beyond 32 bits in a body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: admin,
      payload: { personId: 3000000000, governmentSlug: 'kyoto', title: { en: 'Mayor' } },
    });
    expectProblem(res, 400, '/personId');
  });

  it_('answers 404 for the largest 32-bit id', async () => {
    const res = await t.app.inject({ url: '/api/v1/meetings/2147483647', headers: admin });
    expectProblem(res, 404);
  });

  it_('answers 400 naming the field when a JSON string holds a NUL byte', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin,
      payload: { fullName: 'Kim\u0000Min-jun', names: { en: 'Kim' } },
    });
    expectProblem(res, 400, '/fullName');
    const nested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin,
      payload: { fullName: 'Kim Min-jun', names: { ko: '김\u0000민준' } },
    });
    expectProblem(nested, 400, '/names/ko');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin,
      payload: { fullName: 'Kim Min-jun' },
    });
    expect(ok.statusCode).toBe(201);
    const query = await t.app.inject({ url: '/api/v1/governments?q=a%00b' });
    expectProblem(query, 400, '/querystring/q');
  });

  // Found by test/api/hostile-input.test.ts: a language map took any key that is not a language
  // tag, with any value, and the service then failed on it (500).
  it_('answers 400 naming a key of a language map that is not a language tag', async () => {
    const government = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments',
      headers: admin,
      payload: {
        slug: 'hostile-names',
        names: { en: 'Hostile', extra: 1e308 },
        kind: 'city',
        country: 'KR',
        region: 'east-asia',
        localLang: 'en',
      },
    });
    expectProblem(government, 400, '/names/extra');
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/v1/news',
      headers: admin,
      payload: {
        translations: { en: { title: 'T', summary: 'S', bodyHtml: '<p>B</p>' }, extra: 'x' },
      },
    });
    expectProblem(post, 400, '/translations/extra');
    const meeting = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/meetings/1',
      headers: admin,
      payload: { title: { en: 'Meeting', '': 'untagged' } },
    });
    expectProblem(meeting, 400, '/title/');
  });

  it_.each([
    ['an empty body', ''],
    ['text that is not JSON', '{"fullName":'],
    ['a __proto__ key', '{"fullName":"Kim","__proto__":{"admin":true}}'],
  ])('answers 400 naming the body for %s', async (_, payload) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { ...admin, 'content-type': 'application/json' },
      payload,
    });
    expectProblem(res, 400, '/');
  });

  // Found by test/api/hostile-input.test.ts: a body nested 50,000 deep overflowed the stack of
  // the check for NUL bytes (500).
  it_.each([
    ['arrays', '['.repeat(100_000) + ']'.repeat(100_000), '/'],
    [
      'objects',
      `{"fullName":"Kim","names":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
      '/names/a',
    ],
  ])('answers 400 for %s nested beyond any need', async (_, payload, pointer) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { ...admin, 'content-type': 'application/json' },
      payload,
    });
    expectProblem(res, 400, pointer);
  });

  // Found by test/api/hostile-input.test.ts: a JSON body where a file goes was refused without
  // saying which part of the request was wrong.
  it_.each([
    '/api/v1/meetings/1/files',
    '/api/v1/news/2020-east-asia-rexcom-meeting/photos',
    '/api/v1/imports/cdp-emissions',
  ])('answers 400 naming the body when %s receives JSON', async (url) => {
    const res = await t.app.inject({ method: 'POST', url, headers: admin, payload: { a: 1 } });
    expectProblem(res, 400, '/');
  });

  it_('answers 400 problem+json for a malformed URL encoding', async () => {
    const query = await t.app.inject({ url: '/api/v1/governments?q=%E0%A4%A' });
    expectProblem(query, 400, '/querystring/q');
    expectProblem(await t.app.inject({ url: '/api/v1/governments/%E0%A4%A' }), 400);
  });
});
