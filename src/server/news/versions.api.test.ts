import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { expectConditionalEdit } from '../../../test/setup/if-match';

type Headers = Record<string, string>;

const post = (title: string) => ({
  translations: { en: { title, summary: 'Summary', bodyHtml: '<p>Body</p>' } },
});

describe.each(dialectCases())('news posts changed concurrently on $label', (c) => {
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

  async function create(slug: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/news',
      headers: admin,
      payload: { slug, ...post('First words') },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { version: number }).version).toBe(1);
    return `/api/v1/news/${slug}`;
  }

  it_(
    'refuses a change made from a stale copy with 412 and keeps the change before it',
    async () => {
      const url = await create('versioned-post');
      const after = await expectConditionalEdit(t, admin, {
        url,
        fresh: post('Second words'),
        stale: post('Someone else’s words'),
      });
      expect(after).toMatchObject({ title: 'Second words' });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .where('entity_type', '=', 'news_post')
        .where('entity_id', '=', String(after.id))
        .select('action')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    },
  );

  it_('makes a copy read before publishing or unpublishing stale', async () => {
    const url = await create('published-post');
    for (const action of ['publish', 'unpublish'] as const) {
      const read = await t.app.inject({ url, headers: admin });
      const version = (read.json() as { version: number }).version;
      expect(read.headers.etag).toBe(`"${version}"`);
      const done = await t.app.inject({ method: 'POST', url: `${url}/${action}`, headers: admin });
      expect(done.statusCode, done.body).toBe(200);
      expect((done.json() as { version: number }).version).toBe(version + 1);
      const stale = await t.app.inject({
        method: 'PATCH',
        url,
        headers: { ...admin, 'if-match': `"${version}"` },
        payload: post('From the old copy'),
      });
      expect(stale.statusCode, stale.body).toBe(412);
      expect(stale.json()).toMatchObject({ code: 'stale-write' });
    }
    const after = await t.app.inject({ url, headers: admin });
    expect(after.json()).toMatchObject({ title: 'First words', status: 'draft', version: 3 });
  });
});
