import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
  apiCall,
  type ApiJson,
} from './harness';

const skipReason = browserUnavailable();
const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** Uploads a photo with the page's session, as the photo forms do. */
function uploadPhoto(
  page: Page,
  url: string,
  photo: Buffer,
  caption: string,
): Promise<{ status: number; json: ApiJson }> {
  return page.evaluate(
    async ({ url, bytes, caption }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const form = new FormData();
      form.append('kind', 'photo');
      form.append('caption_en', caption);
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'p.jpg');
      const r = await fetch(url, {
        method: 'POST',
        headers: { 'X-CSRF-Token': session.csrfToken },
        body: form,
      });
      return { status: r.status, json: (await r.json()) as ApiJson };
    },
    { url, bytes: [...photo], caption },
  );
}

/**
 * Saves the form after someone else changed the record: the notice shows, the input stays and
 * nothing is written; Reload brings the record as it is now, and then the change goes through.
 */
async function expectStaleThenReload(
  page: Page,
  opts: {
    input: Locator;
    mine: string;
    theirs: string;
    save: () => Promise<void>;
    noticeTestId: string;
    stored: () => Promise<string>;
    saved: () => Promise<void>;
  },
) {
  await opts.input.fill(opts.mine);
  await opts.save();
  const notice = page.getByTestId(opts.noticeTestId);
  await notice.waitFor();
  expect(await notice.innerText()).toContain(
    'This record was changed by someone else since you opened it',
  );
  expect(await opts.input.inputValue()).toBe(opts.mine);
  expect(await opts.stored()).toBe(opts.theirs);

  await page.getByTestId(`${opts.noticeTestId}-reload`).click();
  await expect.poll(() => opts.input.inputValue()).toBe(opts.theirs);
  expect(await notice.count()).toBe(0);

  await opts.input.fill(opts.mine);
  await opts.save();
  await opts.saved();
  expect(await opts.stored()).toBe(opts.mine);
}

describe.skipIf(skipReason !== null)('election, news and file forms whose record changed', () => {
  let e: E2E;
  let page: Page;
  beforeAll(async () => {
    e = await startE2E();
    page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await page?.context().close();
    await e?.close();
  });

  it('the election editor keeps the input and reloads only when asked', async () => {
    const created = await apiCall(page, 'POST', '/api/v1/elections', {
      body: 'east-asia-rexcom',
      title: { en: 'RexCom election' },
      seats: 2,
      termLabel: '2041–2043',
      termStartsOn: '2041-01-01',
      termEndsOn: '2043-12-31',
      nominationsOpen: at(DAY),
      nominationsClose: at(2 * DAY),
      votingOpen: at(3 * DAY),
      votingClose: at(4 * DAY),
    });
    expect(created.status).toBe(201);
    const url = `/api/v1/elections/${created.json.id}`;
    await page.goto(`/admin/elections/${created.json.id}`);
    const label = page.getByTestId('election-term-label');
    await expect.poll(() => label.inputValue()).toBe('2041–2043');
    const theirs = await apiCall(page, 'PATCH', url, { termLabel: 'Theirs' });
    expect(theirs.json.version).toBe(2);
    await expectStaleThenReload(page, {
      input: label,
      mine: 'Mine',
      theirs: 'Theirs',
      save: () => page.getByTestId('save-election').click(),
      noticeTestId: 'stale-write',
      stored: async () => (await apiCall(page, 'GET', url)).json.termLabel as string,
      saved: () => page.getByTestId('election-notice').waitFor(),
    });
  });

  it('the news editor keeps the input and reloads only when asked', async () => {
    const text = (title: string) => ({
      translations: { en: { title, summary: 'Summary', bodyHtml: '<p>Body</p>' } },
    });
    const created = await apiCall(page, 'POST', '/api/v1/news', {
      slug: 'stale-news',
      ...text('First'),
    });
    expect(created.status).toBe(201);
    const url = '/api/v1/news/stale-news';
    await page.goto('/admin/news/stale-news');
    const title = page.getByTestId('news-title-en');
    await expect.poll(() => title.inputValue()).toBe('First');
    expect((await apiCall(page, 'PATCH', url, text('Theirs'))).status).toBe(200);
    await expectStaleThenReload(page, {
      input: title,
      mine: 'Mine',
      theirs: 'Theirs',
      save: () => page.getByTestId('save-post').click(),
      noticeTestId: 'stale-write',
      stored: async () => (await apiCall(page, 'GET', url)).json.title as string,
      saved: () => page.getByTestId('post-notice').waitFor(),
    });
  });

  it('the caption forms of news photos and meeting files keep the input too', async () => {
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#2a6f97' },
    })
      .jpeg()
      .toBuffer();
    const news = await uploadPhoto(page, '/api/v1/news/stale-news/photos', photo, 'First');
    expect(news.status).toBe(201);
    const newsPhoto = news.json.id;
    const newsCaption = async () => {
      const post = (await apiCall(page, 'GET', '/api/v1/news/stale-news')).json as unknown as {
        photos: { id: number; caption: { en: string } }[];
      };
      return post.photos.find((p) => p.id === newsPhoto)?.caption.en ?? '';
    };
    await page.goto('/admin/news/stale-news');
    await page.getByTestId(`edit-photo-${newsPhoto}`).click();
    const newsInput = page.getByTestId('photo-edit-caption-en');
    await expect.poll(() => newsInput.inputValue()).toBe('First');
    const patch = { caption: { en: 'Theirs' } };
    expect((await apiCall(page, 'PATCH', `/api/v1/files/${newsPhoto}`, patch)).status).toBe(200);
    await expectStaleThenReload(page, {
      input: newsInput,
      mine: 'Mine',
      theirs: 'Theirs',
      save: () => page.getByTestId('save-photo').click(),
      noticeTestId: `photo-${newsPhoto}-edit-stale`,
      stored: newsCaption,
      saved: () => page.getByTestId('photo-saved').waitFor(),
    });

    const demo = await e.db.kysely
      .selectFrom('meetings')
      .where('is_demo', '=', 1)
      .select('id')
      .executeTakeFirstOrThrow();
    const file = await uploadPhoto(page, `/api/v1/meetings/${demo.id}/files`, photo, 'First');
    expect(file.status, JSON.stringify(file.json)).toBe(201);
    const meetingCaption = async () => {
      const meeting = (await apiCall(page, 'GET', `/api/v1/meetings/${demo.id}`))
        .json as unknown as { files: { id: number; caption: { en: string } }[] };
      return meeting.files.find((f) => f.id === file.json.id)?.caption.en ?? '';
    };
    await page.goto(`/admin/meetings/${demo.id}`);
    await page.getByTestId(`edit-file-${file.json.id}`).click();
    const fileInput = page.getByTestId('file-caption-en');
    await expect.poll(() => fileInput.inputValue()).toBe('First');
    expect((await apiCall(page, 'PATCH', `/api/v1/files/${file.json.id}`, patch)).status).toBe(200);
    await expectStaleThenReload(page, {
      input: fileInput,
      mine: 'Mine',
      theirs: 'Theirs',
      save: () => page.getByTestId('save-file').click(),
      noticeTestId: `file-${file.json.id}-stale`,
      stored: meetingCaption,
      saved: () => page.getByTestId('file-saved').waitFor(),
    });
  });
});
