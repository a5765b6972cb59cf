import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { TEST_SECRETARIAT, demoDatabase, officerOf } from '../../../test/setup/demo-store';
import type { AuditActor } from '../audit/service';
import type { StoreDb } from '../store';
import * as news from './service';

/** The news services without HTTP, on both databases: drafts, who reads them, publishing. */

const admin = TEST_SECRETARIAT;

describe.each(dialectCases())('news services on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: StoreDb;
  let drop: () => Promise<void>;
  let officer: AuditActor;

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await demoDatabase(dialect));
    officer = await officerOf(db, 'seoul');
  });
  afterAll(async () => {
    await drop?.();
  });

  const translations = {
    en: {
      title: 'Élan  for   Climate',
      summary: '<p>Plain <b>text</b></p>',
      bodyHtml: '<p>Hi</p><script>x()</script>',
    },
    ko: { title: '기후', summary: '', bodyHtml: '<p>안녕</p>' },
  };

  it_('keeps drafts to the secretariat and publishes them to everyone', async () => {
    await expect(news.createNews(db, officer, { translations })).rejects.toMatchObject({
      status: 403,
    });
    const draft = await news.createNews(db, admin, { translations });
    // The slug comes from the English title; titles and summaries are plain, bodies sanitised.
    expect(draft).toMatchObject({ slug: 'elan-for-climate', status: 'draft', publishedAt: null });
    expect(draft.translations.en).toEqual({
      title: 'Élan for Climate',
      summary: 'Plain text',
      bodyHtml: '<p>Hi</p>',
    });
    const again = await news.createNews(db, admin, { translations });
    expect(again.slug).toBe('elan-for-climate-2');

    const publicList = await news.listNews(db, null, {});
    expect(publicList.items.map((p) => p.slug)).not.toContain(draft.slug);
    await expect(news.listNews(db, null, { status: 'draft' })).rejects.toMatchObject({
      status: 401,
    });
    await expect(news.listNews(db, officer, { status: 'all' })).rejects.toMatchObject({
      status: 403,
      detail: 'Only administrators may list drafts.',
    });
    const drafts = await news.listNews(db, admin, { status: 'draft' });
    expect(drafts.items.map((p) => p.slug)).toContain(draft.slug);
    await expect(news.getNews(db, null, draft.slug, undefined)).rejects.toMatchObject({
      status: 404,
    });
    await expect(news.getNews(db, officer, draft.slug, undefined)).rejects.toMatchObject({
      status: 404,
    });

    const published = await news.setPublished(db, admin, draft.slug, true);
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    await expect(news.setPublished(db, admin, draft.slug, true)).rejects.toMatchObject({
      status: 409,
    });
    const seen = await news.getNews(db, null, draft.slug, 'ko');
    expect(seen).toMatchObject({ lang: 'ko', title: '기후', languages: ['en', 'ko'] });
    expect((await news.listNews(db, null, {})).items[0]?.slug).toBe(draft.slug);
    const feed = await news.newsFeed(db, {
      lang: 'en',
      publicUrl: 'https://accord.example',
    });
    expect(feed).toContain('Élan for Climate');
    expect(feed).toContain('https://accord.example/news/elan-for-climate');
    await expect(news.deleteNews(db, null as never, admin, draft.slug)).rejects.toMatchObject({
      status: 409,
    });
  });
});
