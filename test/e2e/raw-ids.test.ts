import type { Page } from 'playwright-core';
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
 * Records are named, never numbered: a news post is linked to a meeting by choosing the
 * meeting's name, and the audit log names each record (or says it is gone) without "#12".
 */

const skipReason = browserUnavailable();

/** What a table or note shows that looks like a raw id ("#12"). */
const RAW_ID = /#\d+/;

async function auditTableText(page: Page): Promise<string> {
  await page.getByTestId('audit-row').first().waitFor();
  return page.locator('.admin-table').first().innerText();
}

describe.skipIf(skipReason !== null)('names instead of ids', { timeout: 180_000 }, () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('an administrator links a news post to a meeting by choosing its name, and the post keeps it', async () => {
    const meeting = await e.db.kysely
      .selectFrom('meetings')
      .where('is_demo', '=', 1)
      .select(['id', 'title'])
      .orderBy('starts_at', 'desc')
      .executeTakeFirstOrThrow();
    const title = (JSON.parse(meeting.title) as { en: string }).en;
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/news/new');
    await page.getByTestId('news-title-en').fill('Report on the meeting');

    const select = page.getByTestId('news-meeting');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    const options = await select.locator('option').allInnerTexts();
    expect(options[0]).toBe('No meeting');
    for (const text of options) expect(text).not.toMatch(/^\s*#?\d+\s*$/);

    // Searching narrows the list to the meeting; it is chosen by its name.
    await page.getByTestId('news-meeting-search').fill(title.split(' ').slice(0, 2).join(' '));
    const label = (await select.locator('option', { hasText: title }).first().innerText()).trim();
    expect(label).toContain(title);
    await select.selectOption({ label });

    await page.getByTestId('save-post').click();
    await page.waitForURL('**/admin/news/report-on-the-meeting');
    await page.getByTestId('post-notice').waitFor();
    const saved = await apiCall<{ meeting: { id: number } | null }>(
      page,
      'GET',
      '/api/v1/news/report-on-the-meeting',
    );
    expect(saved.json.meeting?.id).toBe(meeting.id);

    // Opened again, the post shows its meeting chosen, by name.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('news-meeting').locator('option:checked').innerText())
      .toContain(title);
    await page.context().close();
  });

  it('the audit log names each record and never shows "#<id>"', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    // A post written and then deleted, so the log holds a record that is gone.
    const made = await apiCall<{ id: number }>(page, 'POST', '/api/v1/news', {
      slug: 'short-lived',
      translations: { en: { title: 'Short-lived draft', summary: '', bodyHtml: '' } },
    });
    expect(made.status).toBe(201);
    const deleted = await page.evaluate(async () => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const r = await fetch('/api/v1/news/short-lived', {
        method: 'DELETE',
        headers: { 'X-CSRF-Token': session.csrfToken },
      });
      return r.status;
    });
    expect(deleted).toBe(204);

    await page.goto('/admin/audit');
    const all = await auditTableText(page);
    expect(all).not.toMatch(RAW_ID);
    expect(all).not.toContain('news_post');
    expect(all).toContain('Report on the meeting');
    expect(all).toContain('News post no longer in Accord');

    await page.goto('/admin/audit?entityType=news_post');
    const posts = await auditTableText(page);
    expect(posts).not.toMatch(RAW_ID);

    // "Only this record" names it.
    const post = await e.db.kysely
      .selectFrom('news_posts')
      .where('slug', '=', 'report-on-the-meeting')
      .select('id')
      .executeTakeFirstOrThrow();
    await page.goto(`/admin/audit?entityType=news_post&entityId=${post.id}`);
    const note = page.getByTestId('audit-only-entity');
    await expect.poll(() => note.innerText()).toContain('Report on the meeting');
    expect(await note.innerText()).not.toMatch(RAW_ID);
    // Its name links to its page.
    await page.getByTestId('audit-record').first().getByRole('link').click();
    await page.waitForURL('**/admin/news/report-on-the-meeting');

    // A change whose summary the server writes in English ("Changed office …").
    const office = await apiCall<{ version: number }>(
      page,
      'GET',
      '/api/v1/offices/brussels-office',
    );
    const changed = await page.evaluate(async (version) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const r = await fetch('/api/v1/offices/brussels-office', {
        method: 'PATCH',
        headers: {
          'X-CSRF-Token': session.csrfToken,
          'Content-Type': 'application/json',
          'If-Match': `"${version}"`,
        },
        body: JSON.stringify({ timeZone: 'Europe/Paris' }),
      });
      return r.status;
    }, office.json.version);
    expect(changed).toBe(200);
    await page.goto('/admin/audit');
    await page.getByTestId('audit-row').first().waitFor();
    expect(await page.getByTestId('audit-summary').first().innerText()).toContain('Changed office');

    // In Korean, too, the log names records without ids, and says what changed in Korean:
    // the server's English summaries are not shown to a Korean reader.
    const ko = await e.newPage('ko-KR');
    await signIn(ko, ADMIN_EMAIL, ADMIN_PASSWORD);
    await ko.goto('/admin/audit');
    expect(await auditTableText(ko)).not.toMatch(RAW_ID);
    const summaries = await ko.getByTestId('audit-summary').allInnerTexts();
    for (const text of summaries) expect(text).not.toMatch(/[A-Za-z]{3,}/);
    expect(summaries[0]).toBe('시간대 변경');
    await ko.context().close();
    await page.context().close();
  });

  it('names the government the people list is filtered by, not its web address', async () => {
    const page = await e.newPage('ko-KR');
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/people?government=kyoto');
    const note = page.locator('.admin-filter-note');
    await expect.poll(() => note.innerText()).toContain('교토시');
    expect(await note.innerText()).not.toContain('kyoto');
    await page.context().close();
  });
});
