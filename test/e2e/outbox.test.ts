import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueLetter } from '../../src/server/mail/service';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  apiCall,
  browserUnavailable,
  signIn,
  startE2E,
  type E2E,
} from './harness';

const skipReason = browserUnavailable();

/**
 * The secretariat finds the outbox in the admin menu on a server without SMTP_URL (and is told
 * so), filters the failed letters, reads one (its HTML in a sandboxed frame, where a title
 * someone typed with markup stays text) and, after a question, puts it back in the queue.
 */
describe.skipIf(skipReason !== null)('the outbox', () => {
  let e: E2E;
  let failedId = 0;
  beforeAll(async () => {
    e = await startE2E();
    const letter = (email: string, title: string) => ({
      to: { email, name: 'Ada Observer', locale: 'en' as const },
      template: 'meeting-invitation' as const,
      params: {
        title,
        date: '2024-06-01',
        time: '09:30',
        timeZone: 'Asia/Seoul',
        joinUrl: 'https://meet.example.org/x',
        agenda: ['Opening'],
        replyUrl: 'https://accord.test/meetings/1',
      },
    });
    await e.db.transaction(async (tx) => {
      await queueLetter(tx, letter('waiting@outbox.test', 'Waiting meeting'));
      failedId = await queueLetter(tx, letter('bounced@outbox.test', 'Budget <img src=x>'));
    });
    await e.db.kysely
      .updateTable('outbox')
      .set({ status: 'failed', attempts: 1, last_error: '550 5.1.1 No such user here' })
      .where('id', '=', failedId)
      .execute();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('shows letters by status, one letter safely, and sends a failed one again', async () => {
    const page = await e.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Outbox' }).first().click();
    await page.getByTestId('mail-not-configured').waitFor();
    expect(await page.getByTestId('mail-filter-failed').innerText()).toMatch(/Failed\s+1/);
    await page.getByTestId('mail-filter-failed').click();
    await expect.poll(() => page.getByTestId('mail-letter').count()).toBe(1);

    await page.getByRole('link', { name: 'Invitation: Budget <img src=x>' }).click();
    expect(await page.getByTestId('mail-last-error').innerText()).toBe(
      '550 5.1.1 No such user here',
    );
    const frame = page.frameLocator('[data-testid="mail-html"]');
    await expect
      .poll(() => frame.locator('body').innerText())
      .toContain('You are invited to Budget <img src=x>');
    expect(await frame.locator('img').count()).toBe(0);
    expect(await page.getByTestId('mail-html').getAttribute('sandbox')).toBe('');

    page.once('dialog', (d) => {
      expect(d.message()).toContain('bounced@outbox.test');
      void d.accept();
    });
    await page.getByTestId('mail-send').click();
    await page.getByTestId('mail-queued').waitFor();
    const after = await apiCall(page, 'GET', `/api/v1/mail/outbox/${failedId}`);
    expect(after.json).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await page.getByTestId('mail-status').innerText()).toBe('Waiting');
    expect(problems).toEqual([]);
  });
});
