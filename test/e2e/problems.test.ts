/**
 * A rule the server enforces, met in the reader's language: the register of a meeting refuses
 * a second mandate for one proxy, and the Korean page says so in Korean, with the body's limit,
 * not in the server's English (issue 12).
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

describe.skipIf(skipReason !== null)('problems in the reader’s language', () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('the proxy limit in the Korean register is said in Korean', async () => {
    const page = await e.newPage('ko');
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);

    await page.goto('/admin/meetings/new');
    await page.getByTestId('meeting-body').selectOption('east-asia-rexcom');
    await page.getByTestId('meeting-title-en').fill('Proxy limit meeting');
    await page.getByTestId('meeting-format').selectOption('online');
    await page.getByTestId('meeting-zone').selectOption('Asia/Seoul');
    await page.getByTestId('meeting-start').fill('2026-12-10T14:00');
    await page.getByTestId('meeting-end').fill('2026-12-10T16:00');
    await page.getByTestId('meeting-term').selectOption({ index: 1 });
    await page.getByTestId('meeting-joinUrl').fill('https://meet.example.org/proxy');
    await page.getByTestId('save-meeting').click();
    await page.waitForURL(/\/admin\/meetings\/\d+$/);
    await page.getByTestId('status-schedule').click();
    await page.getByTestId('invite-body').click();
    await expect.poll(() => page.getByTestId('invitation-seoul').count()).toBe(1);

    // One person stands in for Seoul's representative…
    await page.getByTestId('mark-proxy-seoul').click();
    await page.getByTestId('proxy-name').fill('Min Kwon');
    await page.getByTestId('save-attendance').click();
    await expect.poll(() => page.getByTestId('attendance-state-seoul').count()).toBe(1);
    await expect.poll(() => page.getByTestId('attendance-problem').count()).toBe(0);

    // …and then for Kyoto's too: the body allows one mandate per proxy.
    await page.getByTestId('mark-proxy-kyoto').click();
    await page.getByTestId('proxy-name').fill('Min Kwon');
    await page.getByTestId('save-attendance').click();
    const problem = page.getByTestId('attendance-problem');
    await problem.waitFor();
    const text = await problem.innerText();
    expect(text).toBe('한 사람은 한 회의에서 최대 1명까지 대리할 수 있습니다.');
    expect(text).not.toMatch(/[A-Za-z]/);
  });
});
