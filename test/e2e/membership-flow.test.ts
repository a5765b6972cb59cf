import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestSmtpServer,
  type Arrived,
  type TestSmtpServer,
} from '../../src/server/mail/test-support';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  browserUnavailable,
  signIn,
  startE2E,
  type E2E,
} from './harness';

const skipReason = browserUnavailable();
const PDF = Buffer.from('%PDF-1.4\n% council resolution of Iida\n%%EOF\n');
const LIAISON = 'kenji.sato@iida.example';
const OFFICER_PASSWORD = 'iida-officer-password-1';
/** The mail worker looks at the outbox every 15 seconds: a letter arrives within two looks. */
const MAIL_WAIT = { timeout: 40_000, interval: 250 };

/**
 * Membership from the application to the officer's first sign-in, in the browser, with the
 * letters delivered for real: the server's mail worker sends them over SMTP to a server the
 * test runs on loopback, and the test reads them from there as the applicant would.
 *
 * The secretariat first decides the band limit the applicant's fee depends on (the seeded
 * schedule marks it illustrative), so the form can tell a fee. A new Japanese city then applies
 * in Japanese, sees its yearly fee, sends its council resolution, and opens the status link from
 * its letter; the secretariat takes the application through every step to membership; the
 * officer's invitation arrives in Japanese, the officer chooses a password, signs in, and finds
 * their government.
 */
describe.skipIf(skipReason !== null)('membership from the application to the officer', () => {
  let e: E2E;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    e = await startE2E({ config: { smtpUrl: smtp.url } });
  });
  afterAll(async () => {
    await e?.close();
    await smtp?.close();
  });

  /** The one letter to `address` with this subject (polled: the worker sends in its own time). */
  async function letterTo(address: string, subject: RegExp): Promise<Arrived> {
    await expect
      .poll(
        () => smtp.to(address).filter((a) => subject.test(a.mail.subject ?? '')).length,
        MAIL_WAIT,
      )
      .toBe(1);
    return smtp.to(address).find((a) => subject.test(a.mail.subject ?? '')) as Arrived;
  }

  /** The path of the letter's link to this server under `prefix`, for the browser to open. */
  function linkIn(letter: Arrived, prefix: string): string {
    const origin = e.baseUrl.replace(/[.]/g, '\\.');
    const found = new RegExp(`${origin}(${prefix}[A-Za-z0-9_-]+)`).exec(letter.mail.text ?? '');
    expect(found, `a link ${prefix}… in the letter`).not.toBeNull();
    return (found as RegExpExecArray)[1] as string;
  }

  async function signedInAdmin(): Promise<Page> {
    const page = await e.newPage();
    // Making a member asks first; any other question the page may ask is answered yes too.
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    return page;
  }

  it(
    'takes a Japanese city from its application to its officer signed in',
    { timeout: 240_000 },
    async () => {
      // The secretariat decides where the smallest band ends: Iida's fee is then no placeholder.
      const admin = await signedInAdmin();
      await admin.goto('/admin/fees');
      await admin.getByTestId('fee-table').waitFor();
      expect(await admin.locator('#fee-bands-0-to-mark').count()).toBe(1);
      const bandEnd = admin.locator('#fee-bands-0-to');
      await bandEnd.fill('');
      await bandEnd.fill('100000');
      expect(await admin.locator('#fee-bands-0-to-mark').count()).toBe(0);
      await admin.getByTestId('fees-save').click();
      await admin.getByTestId('fees-saved').waitFor();

      // The application, in Japanese, for a city the directory does not hold.
      const page = await e.newPage('ja-JP');
      await page.goto('/apply');
      await expect.poll(() => page.getByTestId('apply-step-title').innerText()).toContain('自治体');
      await page.getByTestId('apply-officialName').fill('飯田市');
      await page.getByTestId('apply-englishName').fill('Iida');
      await page.getByTestId('apply-country').selectOption('JP');
      await page.getByTestId('apply-next').click();
      await page.getByTestId('apply-population').fill('95,000');
      await page.getByTestId('apply-next').click();
      await page.getByTestId('apply-headName').fill('佐藤 健');
      await page.getByTestId('apply-headTitle').fill('市長');
      await page.getByTestId('apply-politicalName').fill('佐藤 健');
      await page.getByTestId('apply-liaisonName').fill('佐藤 健二');
      await page.getByTestId('apply-liaisonEmail').fill(LIAISON);
      await page.getByTestId('apply-liaisonPhone').fill('+81 265-22-4511');
      await page.getByTestId('apply-next').click();

      // The yearly fee is told, as an amount: Japan is high income, 95,000 people the first band.
      const fee = page.getByTestId('apply-fee');
      await expect.poll(() => fee.innerText()).toContain('€450');
      expect(await fee.innerText()).toContain('年会費の目安');
      expect(await fee.innerText()).not.toContain('会費表に基づき');
      expect(await page.getByTestId('apply-language').inputValue()).toBe('ja');
      await page
        .getByTestId('apply-resolution')
        .setInputFiles({ name: '議会決議.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('apply-next').click();

      await expect.poll(() => page.getByTestId('summary-officialName').innerText()).toBe('飯田市');
      await page.getByTestId('apply-consent').check();
      await page.getByTestId('apply-send').click();
      await page.waitForURL('**/apply/status/**');
      await page.getByTestId('status-sent').waitFor();
      await expect.poll(() => page.getByTestId('resolution').innerText()).toContain('受領しました');
      await page.context().close();

      // The confirmation arrives over SMTP, in Japanese, with the private status link.
      const confirmation = await letterTo(LIAISON, /申請を受け付けました/);
      expect(confirmation.mail.subject).toBe('申請を受け付けました：飯田市');
      expect(confirmation.mail.headers.get('content-language')).toBe('ja');
      expect(confirmation.mail.text).toContain(
        '飯田市の会員申請をいただき、ありがとうございます。',
      );
      expect(confirmation.mail.to).toMatchObject({
        value: [{ address: LIAISON, name: '佐藤 健二' }],
      });
      const statusPath = linkIn(confirmation, '/apply/status/');

      const reader = await e.newPage('ja-JP');
      await reader.goto(statusPath);
      await expect
        .poll(() => reader.getByTestId('status-government').innerText())
        .toContain('飯田市');
      await expect
        .poll(() => reader.getByTestId('status-step').innerText())
        .toBe('受付 — 事務局が申請を受け付けました。これから審査します。');
      expect(await reader.getByTestId('status-documents').innerText()).toContain('議会決議.pdf');

      // The secretariat takes it through every step, by clicking.
      await admin.goto('/admin/applications');
      await admin
        .getByTestId('queue-row')
        .filter({ hasText: '飯田市' })
        .getByRole('link')
        .first()
        .click();
      const step = admin.getByTestId('application-step');
      await expect.poll(() => step.innerText()).toBe('Received');
      const moves: [string, string][] = [
        ['start-review', 'In review'],
        ['accept', 'Accepted'],
        ['invoice', 'Invoiced'],
        ['mark-paid', 'Paid'],
        ['confirm', 'Confirmed by the committee'],
      ];
      for (const [action, after] of moves) {
        await admin.getByTestId(`review-${action}`).click();
        await expect.poll(() => step.innerText(), { timeout: 10_000 }).toBe(after);
      }
      // A new government: nothing in the directory is like Iida.
      expect(await admin.getByTestId('duplicates-none').count()).toBe(1);
      expect(await admin.getByTestId('member-new').isChecked()).toBe(true);
      await admin.getByTestId('member-submit').click();
      await expect.poll(() => step.innerText()).toBe('Member');
      // The government is named in each reader's language: Iida in English, 飯田市 in Japanese.
      expect(await admin.getByTestId('application-government').innerText()).toBe('Member as Iida');
      const japaneseAdmin = await e.newPage('ja-JP');
      await signIn(japaneseAdmin, ADMIN_EMAIL, ADMIN_PASSWORD);
      await japaneseAdmin.goto(new URL(admin.url()).pathname);
      await expect
        .poll(() => japaneseAdmin.getByTestId('application-government').innerText())
        .toContain('飯田市');
      await japaneseAdmin.context().close();
      await expect
        .poll(() => admin.getByTestId('application-invitations').innerText())
        .toContain(LIAISON);

      // The status link now says the city is a member, in Japanese.
      await reader.reload();
      await expect
        .poll(() => reader.getByTestId('status-step').innerText())
        .toBe('会員 — ネットワークの会員になりました。ようこそ！');
      await reader.context().close();

      // The officer's invitation arrives, in the application's language.
      const invitation = await letterTo(LIAISON, /担当者アカウントのご案内/);
      expect(invitation.mail.subject).toBe('飯田市の担当者アカウントのご案内');
      expect(invitation.mail.headers.get('content-language')).toBe('ja');
      expect(invitation.mail.text).toContain('パスワードを設定して、アカウントを開設してください');
      const invitationPath = linkIn(invitation, '/account/invitation/');

      const officer = await e.newPage('ja-JP');
      await officer.goto(invitationPath);
      await expect
        .poll(() => officer.getByTestId('invitation-for').innerText())
        .toContain('飯田市');
      await officer.getByTestId('invitation-password').fill(OFFICER_PASSWORD);
      await officer.getByTestId('invitation-repeat').fill(OFFICER_PASSWORD);
      await officer.getByTestId('invitation-submit').click();
      await officer.waitForURL('**/admin/governments/iida');
      await officer.context().close();

      // Another day: the officer signs in with the password they chose and finds their government.
      const later = await e.newPage('ja-JP');
      await signIn(later, LIAISON, OFFICER_PASSWORD);
      await later.goto('/admin');
      await later.getByRole('link', { name: '所属自治体' }).click();
      await later.waitForURL('**/admin/governments/iida');
      await expect.poll(() => later.locator('#gov-edit-title').innerText()).toContain('飯田市');
      await later.context().close();

      // Every letter to the liaison went out, each once: received, accepted, invoiced, paid,
      // welcome, and the invitation; none waits or failed in the outbox.
      await expect.poll(() => smtp.to(LIAISON).length, MAIL_WAIT).toBe(6);
      const outbox = await e.db.kysely
        .selectFrom('outbox')
        .select('status')
        .where('to_email', '=', LIAISON)
        .execute();
      expect(outbox.map((l) => l.status)).toEqual(Array(6).fill('sent'));
      await admin.context().close();
    },
  );
});
