/**
 * Time in the browser (issue 12): a new meeting of a body opens in its secretariat's zone, not
 * the reader's, and starting a meeting a week before its time asks first, naming when it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
} from './harness';

const skipReason = browserUnavailable();

describe.skipIf(skipReason !== null)('time in the browser', () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('a RexCom meeting opens in Seoul time, and an early start asks first', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/meetings/new');
    await page.getByTestId('meeting-body').selectOption('east-asia-rexcom');
    await expect.poll(() => page.getByTestId('meeting-zone').inputValue()).toBe('Asia/Seoul');
    // A body whose secretariat has a zone of its own gives that one.
    await page.getByTestId('meeting-body').selectOption('europe-rexcom');
    await expect.poll(() => page.getByTestId('meeting-zone').inputValue()).toBe('Europe/Berlin');
    await page.getByTestId('meeting-body').selectOption('east-asia-rexcom');
    await expect.poll(() => page.getByTestId('meeting-zone').inputValue()).toBe('Asia/Seoul');

    // A week from now, in the ended term's name (the demo has no later term).
    const day = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);
    await page.getByTestId('meeting-title-en').fill('Meeting next week');
    await page.getByTestId('meeting-format').selectOption('online');
    await page.getByTestId('meeting-start').fill(`${day}T14:00`);
    await page.getByTestId('meeting-end').fill(`${day}T16:00`);
    await page.getByTestId('meeting-term').selectOption({ index: 1 });
    await page.getByTestId('meeting-joinUrl').fill('https://meet.example.org/next-week');
    await page.getByTestId('save-meeting').click();
    await page.waitForURL(/\/admin\/meetings\/\d+$/);
    const id = Number(/\/admin\/meetings\/(\d+)/.exec(page.url())![1]);

    await page.getByTestId('status-schedule').click();
    await page.getByTestId('status-start').waitFor();
    await page.getByTestId('status-start').click();
    // Asked, naming the scheduled day and time; keeping it as it is starts nothing.
    const text = page.getByTestId('status-confirm-text');
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const monthDay = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    await expect.poll(() => text.innerText()).toContain(monthDay);
    expect(await text.innerText()).toMatch(/2:00\s?PM/);
    expect(await text.innerText()).toContain('Asia/Seoul');
    expect(await text.innerText()).toMatch(/more than a day from now/);
    await page.getByTestId('confirm-cancel').click();
    const status = async () =>
      (
        (await page.evaluate(
          (url) => fetch(url).then((r) => r.json()),
          `/api/v1/meetings/${id}`,
        )) as { status: string }
      ).status;
    expect(await status()).toBe('scheduled');

    // Confirmed, the meeting starts.
    await page.getByTestId('status-start').click();
    await page.getByTestId('confirm').click();
    await expect.poll(status).toBe('in-progress');
  });
});
