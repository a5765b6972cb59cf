import sharp from 'sharp';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
} from './harness';

/**
 * News and minutes are written in one rich-text editor: headings, bold text, lists and the
 * post's or meeting's own photos go in with its toolbar, come back from the server's sanitiser
 * as the browser sent them, and show on the public pages. Korean typed through an input method
 * (composition events) lands once, as composed.
 */

const skipReason = browserUnavailable();

/** The editor (toolbar and text) around the editable area with this test id. */
function editorOf(page: Page, testId: string): Locator {
  return page.locator('.rich-text', { has: page.getByTestId(testId) });
}

/**
 * The same markup, told apart from the spelling of a serializer: the sanitiser writes void
 * elements as <br /> and a no-break space as the character, the browser <br> and &nbsp;.
 */
function spelling(markup: string): string {
  return markup.replace(/<(br|hr|img)\b([^>]*?)\s*\/?>/g, '<$1$2>').replace(/&nbsp;/g, '\u00a0');
}

async function aPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .toBuffer();
}

/** Types Korean the way an input method does: each syllable composed, then committed. */
async function typeWithInputMethod(page: Page, syllables: [string[], string][]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const [steps, committed] of syllables) {
    for (const step of steps) {
      await cdp.send('Input.imeSetComposition', {
        text: step,
        selectionStart: step.length,
        selectionEnd: step.length,
      });
    }
    await cdp.send('Input.insertText', { text: committed });
  }
  await cdp.detach();
}

// Each test types, uploads and reloads pages: more than the suite's minute on a busy machine.
describe.skipIf(skipReason !== null)(
  'the rich-text editor in the browser',
  { timeout: 180_000 },
  () => {
    let e: E2E;
    beforeAll(async () => {
      e = await startE2E();
    });
    afterAll(async () => {
      await e?.close();
    });

    it('an administrator writes a news post with a heading, bold text, a list and one of its photos, and the public page shows them', async () => {
      const page = await e.newPage();
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.goto('/admin/news/new');
      await page.getByTestId('news-title-en').fill('Work plan adopted');

      const body = page.getByTestId('news-body-en');
      const editor = editorOf(page, 'news-body-en');
      await body.click();
      await editor.getByTestId('rich-text-heading').click();
      await page.keyboard.type('The plan');
      await page.keyboard.press('Enter');
      await page.keyboard.type('The members ');
      const bold = editor.getByTestId('rich-text-bold');
      expect(await bold.getAttribute('aria-pressed')).toBe('false');
      await bold.click();
      expect(await bold.getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.type('adopted');
      await bold.click();
      await page.keyboard.type(' it.');
      await page.keyboard.press('Enter');
      await editor.getByTestId('rich-text-bulletList').click();
      await page.keyboard.type('Energy');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Transport');

      // The toolbar is one tab stop, named in the reader's language; the arrow keys move along it.
      const toolbar = editor.getByRole('toolbar', { name: 'Text formatting' });
      expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
      await editor.getByRole('button', { name: 'Italic' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
      ).toBe('rich-text-bulletList');

      // Leaving with the post unwritten asks first; staying keeps the text.
      let asked = '';
      page.once('dialog', (dialog) => {
        asked = dialog.message();
        void dialog.dismiss();
      });
      await page.locator('.admin-breadcrumb a').click();
      await expect.poll(() => asked).toMatch(/not saved/);
      expect(new URL(page.url()).pathname).toBe('/admin/news/new');

      // Creating it goes to its page without asking.
      await page.getByTestId('save-post').click();
      await page.waitForURL('**/admin/news/work-plan-adopted');
      await page.getByTestId('post-notice').waitFor();

      // A photo of the post, then placed in the text from the toolbar.
      await page.getByTestId('photo-file').setInputFiles({
        name: 'summit.jpg',
        mimeType: 'image/jpeg',
        buffer: await aPhoto(),
      });
      await page.getByTestId('photo-caption-en').fill('Mayors at the summit');
      await page.getByTestId('photo-upload').click();
      await page.getByTestId('post-photo').waitFor();
      const stored = await apiCall<{ photos: { id: number }[] }>(
        page,
        'GET',
        '/api/v1/news/work-plan-adopted',
      );
      const photoId = stored.json.photos[0]!.id;

      await body.click();
      await page.keyboard.press('Control+End');
      await editor.getByTestId('rich-text-photo').click();
      await editor.getByTestId(`rich-text-photo-${photoId}`).click();
      await body.locator('img').waitFor();

      // What the browser's editor sends, the server keeps as it is.
      const patch = page.waitForRequest(
        (r) => r.method() === 'PATCH' && r.url().endsWith('/api/v1/news/work-plan-adopted'),
      );
      await page.getByTestId('save-post').click();
      const sent = (
        JSON.parse((await patch).postData() ?? '{}') as {
          translations: { en: { bodyHtml: string } };
        }
      ).translations.en.bodyHtml;
      await expect.poll(() => page.getByTestId('post-notice').innerText()).toMatch(/saved/i);
      expect(sent).toContain('<h2>The plan</h2>');
      expect(sent).toContain('<strong>adopted</strong>');
      expect(sent).toMatch(/<ul><li><p>Energy<\/p><\/li><li><p>Transport<\/p><\/li><\/ul>/);
      expect(sent).toContain(`<img src="/api/v1/files/${photoId}" alt="Mayors at the summit">`);
      const saved = await apiCall<{ translations: { en: { bodyHtml: string } } }>(
        page,
        'GET',
        '/api/v1/news/work-plan-adopted',
      );
      expect(spelling(saved.json.translations.en.bodyHtml)).toBe(spelling(sent));

      await page.getByTestId('publish-post').click();
      await expect.poll(() => page.getByTestId('post-status').innerText()).toMatch(/Published/);

      // The public page, for someone not signed in.
      const reader = await e.newPage();
      await reader.goto('/news/work-plan-adopted');
      const shown = reader.getByTestId('news-body');
      await expect.poll(() => shown.locator('h2').innerText()).toBe('The plan');
      expect(await shown.locator('strong').innerText()).toBe('adopted');
      expect(await shown.locator('li').allInnerTexts()).toEqual(['Energy', 'Transport']);
      const image = shown.locator('img');
      expect(await image.getAttribute('alt')).toBe('Mayors at the summit');
      await expect
        .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
      await reader.context().close();
      await page.context().close();
    });

    it('takes Korean from an input method once, as composed', async () => {
      const page = await e.newPage();
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.goto('/admin/news/new');
      await page.getByTestId('news-lang-tab-ko').click();
      await page.getByTestId('news-title-ko').fill('기후 행동');
      await page.getByTestId('news-body-ko').click();
      await typeWithInputMethod(page, [
        [['ㄱ', '기'], '기'],
        [['ㅎ', '후', '훟'], '후'],
      ]);
      await page.keyboard.type(' ');
      await typeWithInputMethod(page, [
        [['ㅎ', '해', '행'], '행'],
        [['ㄷ', '도', '동'], '동'],
      ]);
      await expect.poll(() => page.getByTestId('news-body-ko').innerText()).toBe('기후 행동');
      const created = page.waitForRequest(
        (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/news'),
      );
      await page.getByTestId('save-post').click();
      const sent = JSON.parse((await created).postData() ?? '{}') as {
        translations: { ko: { bodyHtml: string } };
      };
      expect(sent.translations.ko.bodyHtml).toBe('<p>기후 행동</p>');
      await page.context().close();
    });

    it('minutes are written in the same editor, with a photo of the meeting', async () => {
      const page = await e.newPage();
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      const demo = await e.db.kysely
        .selectFrom('meetings')
        .where('is_demo', '=', 1)
        .select('id')
        .executeTakeFirstOrThrow();
      await page.goto(`/admin/meetings/${demo.id}`);

      await page.getByTestId('upload-file').setInputFiles({
        name: 'session.jpg',
        mimeType: 'image/jpeg',
        buffer: await aPhoto(),
      });
      await page.getByTestId('upload-kind').selectOption('photo');
      await page.getByTestId('upload-caption-en').fill('The session');
      await page.getByTestId('upload-submit').click();
      const photoOf = async () => {
        const meeting = await apiCall<{ files: { id: number; kind: string }[] }>(
          page,
          'GET',
          `/api/v1/meetings/${demo.id}`,
        );
        return meeting.json.files.find((f) => f.kind === 'photo')?.id ?? 0;
      };
      await expect.poll(photoOf).toBeGreaterThan(0);
      const fileId = await photoOf();

      const minutes = page.getByTestId('minutes-html');
      const editor = editorOf(page, 'minutes-html');
      await minutes.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await editor.getByTestId('rich-text-heading').click();
      await page.keyboard.type('Decisions');
      await page.keyboard.press('Enter');
      await editor.getByTestId('rich-text-orderedList').click();
      await page.keyboard.type('The work plan is adopted');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await editor.getByTestId('rich-text-photo').click();
      await editor.getByTestId(`rich-text-photo-${fileId}`).click();
      await page.getByTestId('save-minutes').click();
      await page.getByTestId('minutes-saved').waitFor();

      await page.goto(`/meetings/${demo.id}`);
      const shown = page.getByTestId('minutes');
      await expect.poll(() => shown.locator('h2').last().innerText()).toBe('Decisions');
      expect(await shown.locator('ol li').last().innerText()).toBe('The work plan is adopted');
      const image = shown.locator(`img[src="/api/v1/files/${fileId}"]`);
      expect(await image.getAttribute('alt')).toBe('The session');
      await expect
        .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
      await page.context().close();
    });
  },
);
