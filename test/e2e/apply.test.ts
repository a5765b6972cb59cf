import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, startE2E, type E2E } from './harness';

const skipReason = browserUnavailable();
const PDF = Buffer.from('%PDF-1.4\n% council resolution\n%%EOF\n');

/**
 * A Japanese city applies in Japanese: an error beside a field left empty, a reload that keeps
 * what was typed, the fee left to the secretariat while the schedule has no route, the
 * resolution sent with the application; then the private link from the letter opens its page.
 */
describe.skipIf(skipReason !== null)('applying for membership in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('sends an application in Japanese and opens its status link', async () => {
    const page = await e.newPage('ja-JP');
    await page.goto('/');
    await page.getByTestId('home-apply').click();
    await page.waitForURL('**/apply');
    await expect.poll(() => page.getByTestId('apply-step-title').innerText()).toContain('自治体');

    // Step 1: leaving the official name empty is named beside it, in Japanese.
    await page.getByTestId('apply-next').click();
    await expect
      .poll(() => page.locator('#apply-officialName-error').innerText())
      .toBe('入力が必要です。');
    await page.getByTestId('apply-officialName').fill('松本市');
    await page.getByTestId('apply-englishName').fill('Matsumoto');
    await page.getByTestId('apply-country').selectOption('JP');
    await page.getByTestId('apply-next').click();

    // Step 2.
    await page.getByTestId('apply-population').fill('237,000');
    await page.getByTestId('apply-next').click();

    // Step 3, then a reload: what was typed stays.
    await page.getByTestId('apply-headName').fill('臥雲 義尚');
    await page.getByTestId('apply-headTitle').fill('市長');
    await page.getByTestId('apply-politicalName').fill('臥雲 義尚');
    await page.getByTestId('apply-liaisonName').fill('田中 愛子');
    await page.getByTestId('apply-liaisonEmail').fill('aiko.tanaka@matsumoto.example');
    await page.getByTestId('apply-liaisonPhone').fill('+81 263-34-3000');
    await page.reload();
    await page.getByTestId('apply-draft-restored').waitFor();
    expect(await page.getByTestId('apply-liaisonEmail').inputValue()).toBe(
      'aiko.tanaka@matsumoto.example',
    );
    await page.getByTestId('apply-next').click();

    // Step 4: no fee schedule yet, so the secretariat confirms the fee; the resolution goes along.
    await expect
      .poll(() => page.getByTestId('apply-fee').innerText())
      .toContain('会費表に基づき、事務局が請求書で確定');
    await page
      .getByTestId('apply-resolution')
      .setInputFiles({ name: '決議.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('apply-next').click();

    // The summary, the consent, and send.
    await expect.poll(() => page.getByTestId('summary-officialName').innerText()).toBe('松本市');
    await page.getByTestId('apply-send').click();
    await expect.poll(() => page.locator('#apply-consent-error').innerText()).toContain('チェック');
    await page.getByTestId('apply-consent').check();
    await page.getByTestId('apply-send').click();
    await page.waitForURL('**/apply/status/**');
    await page.getByTestId('status-sent').waitFor();
    await expect.poll(() => page.getByTestId('status-step').innerText()).toContain('受付');
    await expect.poll(() => page.getByTestId('resolution').innerText()).toContain('受領しました');
    await page.context().close();

    // The letter to the liaison, in Japanese, carries a private link of its own.
    const letter = await e.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('to_email', '=', 'aiko.tanaka@matsumoto.example')
      .executeTakeFirstOrThrow();
    expect(letter.subject).toBe('申請を受け付けました：松本市');
    const token = /\/apply\/status\/([A-Za-z0-9_-]+)/.exec(letter.body_text)?.[1];
    expect(token).toBeDefined();

    const reader = await e.newPage('ja-JP');
    await reader.goto(`/apply/status/${token}`);
    await expect
      .poll(() => reader.getByTestId('status-government').innerText())
      .toContain('松本市');
    expect(await reader.getByTestId('status-documents').innerText()).toContain('決議.pdf');
    expect(await reader.getByTestId('status-history').innerText()).toContain('申請者');
    await reader.context().close();
  });
});
