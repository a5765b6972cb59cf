import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { SYSTEM_ACTOR } from '../audit/service';
import { fileStoreOf } from '../files/service';
import {
  governmentId,
  insertBody,
  insertMeeting,
  makePhoto,
  multipart,
} from '../files/test-support';
import { createUser } from '../users/service';
import { meetingSentence, slugFromTitle } from './service';

type Headers = Record<string, string>;

describe('news helpers', () => {
  it('makes ASCII slugs from titles', () => {
    expect(slugFromTitle('  Réunion du Conseil — 2024!  ')).toBe('reunion-du-conseil-2024');
    expect(slugFromTitle('서울 회의')).toBe('');
    const long = slugFromTitle('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('-')).toBe(false);
  });

  it('writes the meeting sentence in each language', () => {
    const day = { y: 2020, m: 11, d: 26 };
    expect(meetingSentence('en', day, 5)).toBe(
      'The meeting on 26 November 2020 brought together 5 member governments.',
    );
    expect(meetingSentence('en', day, 1)).toContain('1 member government.');
    expect(meetingSentence('ko', day, 5)).toContain('2020년 11월 26일');
    expect(meetingSentence('ja', day, 5)).toContain('2020年11月26日');
    expect(meetingSentence('zh-Hans', day, 5)).toContain('5个成员政府');
    expect(meetingSentence('zh-Hant', day, 5)).toContain('5個成員政府');
    // Languages without their own sentence read the English one.
    expect(meetingSentence('fr', day, 2)).toBe(meetingSentence('en', day, 2));
  });
});

describe.each(dialectCases())('news API on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  let officer: Headers;
  let viewer: Headers;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    officer = await t.signInOfficer('seoul');
    const email = `news.viewer.${dialect}@accord.example`;
    await createUser(t.db, SYSTEM_ACTOR, {
      email,
      displayName: 'News viewer',
      role: 'viewer',
      governmentSlug: null,
      password: 'viewer-password-123',
    });
    viewer = await t.signIn(email, 'viewer-password-123');
  });
  afterAll(async () => {
    if (t) {
      // Leave no uploaded bytes behind in the shared data folder.
      const store = fileStoreOf(t.config);
      const rows = await t.db.kysely
        .selectFrom('files')
        .select(['storage_key', 'thumb_key'])
        .execute();
      for (const r of rows) {
        await store.remove(r.storage_key);
        if (r.thumb_key) await store.remove(r.thumb_key);
      }
    }
    await t?.close();
  });

  const create = (payload: object, headers: Headers = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/news', headers, payload });
  const publish = (slug: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/news/${slug}/publish`, headers: admin });

  it_('stores a draft with its body sanitised and its summary as plain text', async () => {
    const res = await create({
      translations: {
        en: {
          title: 'Climate summit in Seoul',
          summary: '<b>Mayors</b> met &amp; agreed.',
          bodyHtml:
            '<p onclick="steal()">Hello <script>alert(1)</script><a href="javascript:x()">x</a></p>',
        },
      },
    });
    expect(res.statusCode).toBe(201);
    const post = res.json();
    expect(post.status).toBe('draft');
    expect(post.publishedAt).toBeNull();
    expect(post.slug).toBe('climate-summit-in-seoul');
    const html = post.translations.en.bodyHtml as string;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('alert(1)');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<p>Hello');
    expect(post.translations.en.summary).toBe('Mayors met & agreed.');
    expect(post.authorLabel).toBeTruthy();

    const stored = await t.db.kysely
      .selectFrom('news_translations')
      .select('body_html')
      .where('post_id', '=', post.id)
      .executeTakeFirstOrThrow();
    expect(stored.body_html).not.toContain('<script');

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('entity_type', '=', 'news_post')
      .where('entity_id', '=', String(post.id))
      .execute();
    expect(audit).toEqual([{ action: 'create', entity_type: 'news_post' }]);
  });

  it_('lets administrators only write', async () => {
    const payload = { translations: { en: { title: 'Nope', summary: '', bodyHtml: '' } } };
    expect((await create(payload, officer)).statusCode).toBe(403);
    expect((await create(payload, {})).statusCode).toBe(401);
  });

  it_('hides drafts from the public list and refuses drafts to non-administrators', async () => {
    const slug = 'hidden-draft';
    await create({ slug, translations: { en: { title: 'Hidden', summary: 's', bodyHtml: '' } } });

    const pub = await t.app.inject({ url: '/api/v1/news' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().items.map((p: { slug: string }) => p.slug)).not.toContain(slug);

    for (const [headers, status] of [
      [viewer, 403],
      [officer, 403],
      [{}, 401],
    ] as const) {
      const res = await t.app.inject({ url: '/api/v1/news?status=draft', headers });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const drafts = await t.app.inject({ url: '/api/v1/news?status=draft', headers: admin });
    expect(drafts.statusCode).toBe(200);
    expect(drafts.json().items.map((p: { slug: string }) => p.slug)).toContain(slug);
    expect(drafts.json().items.every((p: { status: string }) => p.status === 'draft')).toBe(true);

    expect((await t.app.inject({ url: `/api/v1/news/${slug}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/news/${slug}`, headers: viewer })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: `/api/v1/news/${slug}`, headers: admin })).statusCode).toBe(
      200,
    );
  });

  it_('publishes a post into the list and the Atom feed, in the language asked for', async () => {
    const created = await create({
      slug: 'summit-outcome',
      translations: {
        en: {
          title: 'Summit outcome & next steps',
          summary: 'What was agreed.',
          bodyHtml: '<p>Agreed <strong>targets</strong>.</p>',
        },
        ko: { title: '정상회의 결과', summary: '합의 내용.', bodyHtml: '<p>목표 합의.</p>' },
      },
    });
    expect(created.statusCode).toBe(201);

    const published = await publish('summit-outcome');
    expect(published.statusCode).toBe(200);
    const post = published.json();
    expect(post.status).toBe('published');
    expect(Date.parse(post.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await publish('summit-outcome')).statusCode).toBe(409);

    const list = await t.app.inject({ url: '/api/v1/news?lang=ko' });
    const items = list.json().items as { slug: string; title: string; lang: string }[];
    expect(items[0]).toMatchObject({ slug: 'summit-outcome', title: '정상회의 결과', lang: 'ko' });
    expect(items.every((i) => i.slug !== 'hidden-draft')).toBe(true);
    expect(list.json().total).toBe(items.length);

    const one = await t.app.inject({ url: '/api/v1/news/summit-outcome?lang=ko' });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ lang: 'ko', title: '정상회의 결과' });
    expect(one.json().languages).toEqual(['en', 'ko']);

    const feed = await t.app.inject({ url: '/api/v1/news/feed.xml?lang=ko' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('public, max-age=300');
    expect(XMLValidator.validate(feed.body)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry' || name === 'link',
    }).parse(feed.body);
    const entry = (doc.feed.entry as Record<string, unknown>[]).find((e) =>
      String(e.id).endsWith(':news/summit-outcome'),
    );
    expect(entry).toBeDefined();
    const day = (post.publishedAt as string).slice(0, 10);
    expect(entry?.id).toBe(`tag:localhost,${day}:news/summit-outcome`);
    expect((entry?.title as Record<string, string>)['#text']).toBe('정상회의 결과');
    expect(entry?.['@_xml:lang']).toBe('ko');
    const link = (entry?.link as Record<string, string>[])[0];
    expect(link?.['@_href']).toMatch(/^http:\/\/localhost(:\d+)?\/news\/summit-outcome$/);
    expect((entry?.content as Record<string, string>)['#text']).toContain('<p>목표 합의.</p>');

    // English by default, and the ampersand survives the round trip through XML.
    const en = await t.app.inject({ url: '/api/v1/news/feed.xml' });
    const enDoc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(
      en.body,
    );
    const titles = (enDoc.feed.entry as { title: { '#text': string } }[]).map(
      (e) => e.title['#text'],
    );
    expect(titles).toContain('Summit outcome & next steps');
    expect(en.body).not.toContain('Hidden');
  });

  it_('builds feed links from the configured public URL, never from Host headers', async () => {
    const feed = await t.app.inject({
      url: '/api/v1/news/feed.xml',
      headers: {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        forwarded: 'host=evil.example;proto=https',
      },
    });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).not.toContain('evil.example');
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry' || name === 'link',
    }).parse(feed.body);
    const links = [
      ...(doc.feed.link as Record<string, string>[]),
      ...(doc.feed.entry as { link: Record<string, string>[] }[]).flatMap((e) => e.link),
    ].map((l) => l['@_href']);
    expect(links.length).toBeGreaterThan(2);
    for (const href of [...links, doc.feed.id]) {
      expect(String(href).startsWith(`${t.config.publicUrl}/`), String(href)).toBe(true);
    }
    const host = new URL(t.config.publicUrl).hostname;
    for (const e of doc.feed.entry as { id: string }[]) expect(e.id).toMatch(`tag:${host},`);
  });

  it_('falls back from the requested language to English, then to the first written', async () => {
    await create({
      slug: 'lang-fallback-en',
      translations: {
        ko: { title: '한국어 제목', summary: '', bodyHtml: '' },
        en: { title: 'English title', summary: '', bodyHtml: '' },
      },
    });
    await create({
      slug: 'lang-fallback-first',
      translations: {
        ja: { title: '日本語のタイトル', summary: '', bodyHtml: '' },
        ko: { title: '한국어만', summary: '', bodyHtml: '' },
      },
    });
    const get = async (slug: string, lang: string) =>
      (await t.app.inject({ url: `/api/v1/news/${slug}?lang=${lang}`, headers: admin })).json();
    expect(await get('lang-fallback-en', 'zh-Hant')).toMatchObject({
      lang: 'en',
      title: 'English title',
    });
    expect(await get('lang-fallback-en', 'ko')).toMatchObject({ lang: 'ko', title: '한국어 제목' });
    expect(await get('lang-fallback-first', 'zh-Hans')).toMatchObject({
      lang: 'ja',
      title: '日本語のタイトル',
    });
    expect(await get('lang-fallback-first', 'ko')).toMatchObject({ lang: 'ko' });
  });

  it_('makes slugs unique and refuses a given slug that is taken', async () => {
    const translations = { en: { title: 'Board Meeting Report', summary: '', bodyHtml: '' } };
    const slugs: string[] = [];
    for (let i = 0; i < 3; i++) slugs.push((await create({ translations })).json().slug);
    expect(slugs).toEqual([
      'board-meeting-report',
      'board-meeting-report-2',
      'board-meeting-report-3',
    ]);

    const taken = await create({ slug: 'board-meeting-report', translations });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].pointer).toBe('/slug');

    const korean = await create({
      translations: { ko: { title: '회의 보고', summary: '', bodyHtml: '' } },
    });
    expect(korean.json().slug).toMatch(/^news-\d{4}-\d{2}-\d{2}(-\d+)?$/);
  });

  it_('edits, validates links, unpublishes and deletes only drafts', async () => {
    await create({
      slug: 'edit-me',
      translations: { en: { title: 'Before', summary: '', bodyHtml: '' } },
    });
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/news/edit-me',
      headers: admin,
      payload: { governmentIds: [999999] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toBe('/governmentIds/0');

    const seoul = await governmentId(t.db, 'seoul');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/news/edit-me',
      headers: admin,
      payload: {
        governmentIds: [seoul],
        translations: {
          en: { title: 'After', summary: 'x', bodyHtml: '<p>ok</p><iframe src="x"></iframe>' },
        },
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().title).toBe('After');
    expect(patched.json().translations.en.bodyHtml).toBe('<p>ok</p>');
    expect(patched.json().governments.map((g: { slug: string }) => g.slug)).toEqual(['seoul']);

    const bySeoul = await t.app.inject({
      url: '/api/v1/news?status=all&government=seoul',
      headers: admin,
    });
    // The demo's published post about the 2020 meeting links Seoul too.
    expect(bySeoul.json().items.map((p: { slug: string }) => p.slug)).toEqual(
      expect.arrayContaining(['edit-me']),
    );
    expect(
      bySeoul.json().items.filter((p: { status: string }) => p.status === 'draft'),
    ).toHaveLength(1);

    expect((await publish('edit-me')).statusCode).toBe(200);
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/news/edit-me',
      headers: admin,
    });
    expect(del.statusCode).toBe(409);
    const un = await t.app.inject({
      method: 'POST',
      url: '/api/v1/news/edit-me/unpublish',
      headers: admin,
    });
    expect(un.statusCode).toBe(200);
    expect(un.json()).toMatchObject({ status: 'draft', publishedAt: null });
    expect((await t.app.inject({ url: '/api/v1/news/edit-me' })).statusCode).toBe(404);
    const gone = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/news/edit-me',
      headers: admin,
    });
    expect(gone.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/news/edit-me', headers: admin })).statusCode).toBe(
      404,
    );
  });

  it_('drafts a post from a closed meeting with its governments and photos', async () => {
    const kyoto = await governmentId(t.db, 'kyoto');
    const seoul = await governmentId(t.db, 'seoul');
    const suwon = await governmentId(t.db, 'suwon');
    const bodyId = await insertBody(t.db, `rexcom-${dialect}`, {
      en: 'Regional Executive Committee',
    });
    const meetingId = await insertMeeting(t.db, {
      title: { en: 'East Asia Regional Executive Committee', ko: '동아시아 지역집행위원회' },
      // 14:00 in Seoul on 26 November 2020.
      startsAt: '2020-11-26T05:00:00.000Z',
      timeZone: 'Asia/Seoul',
      bodyId,
      present: [kyoto, seoul],
      absent: [suwon],
      agenda: [{ en: 'Opening <remarks>', ko: '개회사' }, { en: 'Climate report' }],
    });
    // A guest with no government is present too and must not count, and Seoul, with an
    // adviser beside its delegate, counts once.
    const adviser = (government_id: number | null, name: string) => ({
      meeting_id: meetingId,
      government_id,
      person_id: null,
      name,
      capacity: 'adviser' as const,
      principal_person_id: null,
      principal_name: null,
      mode: 'in-person' as const,
      present: 1,
      recorded_at: new Date().toISOString(),
    });
    await t.db.kysely
      .insertInto('attendance')
      .values([adviser(null, 'Guest speaker'), adviser(seoul, 'Seoul adviser')])
      .execute();

    const form = multipart([
      { name: 'kind', value: 'photo' },
      { name: 'caption_en', value: 'Family photo' },
      { name: 'file', filename: 'group.jpg', contentType: 'image/jpeg', data: await makePhoto() },
    ]);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/files`,
      headers: { ...admin, ...form.headers },
      payload: form.payload,
    });
    expect(upload.statusCode).toBe(201);
    const meetingPhoto = upload.json();
    expect(meetingPhoto.isPublic).toBe(false);

    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/news`,
      headers: admin,
    });
    expect(res.statusCode).toBe(201);
    const post = res.json();
    expect(post.status).toBe('draft');
    expect(post.slug).toBe('east-asia-regional-executive-committee');
    expect(post.meeting).toMatchObject({ id: meetingId, startsAt: '2020-11-26T05:00:00.000Z' });
    expect(post.body).toMatchObject({ slug: `rexcom-${dialect}` });
    expect(Object.keys(post.translations).sort()).toEqual(['en', 'ko']);
    expect(post.translations.en.title).toBe('East Asia Regional Executive Committee');
    expect(post.translations.ko.title).toBe('동아시아 지역집행위원회');
    expect(post.translations.en.summary).toBe(
      'The meeting on 26 November 2020 brought together 2 member governments.',
    );
    expect(post.translations.ko.summary).toContain('2020년 11월 26일');
    expect(post.translations.ko.summary).toContain('2개');
    expect(post.translations.en.bodyHtml).toBe(
      '<ol><li>Opening &lt;remarks&gt;</li><li>Climate report</li></ol>',
    );
    expect(post.translations.ko.bodyHtml).toBe('<ol><li>개회사</li><li>Climate report</li></ol>');
    expect(post.governments.map((g: { slug: string }) => g.slug).sort()).toEqual([
      'kyoto',
      'seoul',
    ]);

    expect(post.photos).toHaveLength(1);
    const copy = post.photos[0];
    expect(copy.id).not.toBe(meetingPhoto.id);
    expect(copy).toMatchObject({
      isPublic: false,
      caption: { en: 'Family photo' },
      width: meetingPhoto.width,
    });
    expect(post.cover?.id).toBe(copy.id);
    const rows = await t.db.kysely
      .selectFrom('files')
      .select(['id', 'storage_key', 'thumb_key', 'meeting_id', 'news_post_id'])
      .where('id', 'in', [meetingPhoto.id, copy.id])
      .orderBy('id')
      .execute();
    expect(rows[1]).toMatchObject({ meeting_id: null, news_post_id: post.id });
    expect(rows[1]?.storage_key).toBe(rows[0]?.storage_key);
    expect(rows[1]?.thumb_key).toBe(rows[0]?.thumb_key);

    // The copy stays private while the post is a draft, as the meeting's own file does.
    expect((await t.app.inject({ url: copy.url })).statusCode).toBe(401);
    expect((await t.app.inject({ url: meetingPhoto.url })).statusCode).toBe(401);

    const byMeeting = await t.app.inject({
      url: `/api/v1/news?status=all&meeting=${meetingId}`,
      headers: admin,
    });
    expect(byMeeting.json().items).toHaveLength(1);
    expect(byMeeting.json().items[0].cover.thumbUrl).toBe(`/api/v1/files/${copy.id}/thumb`);

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/news`,
      headers: admin,
    });
    expect(again.statusCode).toBe(409);

    const open = await insertMeeting(t.db, { title: { en: 'Still going' }, status: 'in-progress' });
    const fromOpen = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${open}/news`,
      headers: admin,
    });
    expect(fromOpen.statusCode).toBe(409);

    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings/999999/news',
      headers: admin,
    });
    expect(missing.statusCode).toBe(404);
    const asOfficer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${open}/news`,
      headers: officer,
    });
    expect(asOfficer.statusCode).toBe(403);
  });

  it_('lists the feed and the news routes in the OpenAPI document', async () => {
    const res = await t.app.inject({ url: '/api/v1/openapi.json' });
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/news/feed.xml',
      '/api/v1/news',
      '/api/v1/news/{slug}',
      '/api/v1/news/{slug}/publish',
      '/api/v1/meetings/{id}/news',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
