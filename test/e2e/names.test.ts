import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  browserUnavailable,
  signIn,
  startE2E,
  type E2E,
} from './harness';

const skipReason = browserUnavailable();

/**
 * Names as readers meet them (issue 12): one rule chooses a person's or a government's name in
 * the reader's language. On the demo RexCom meeting, read in Japanese, the mayor of Kyoto is
 * 門川大作 both where the agenda gives him the floor and where the register says he was there;
 * the secretariat's list of users, read in Korean, names the officers' governments in Korean.
 */
describe.skipIf(skipReason !== null)('names in the reader’s language', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('writes one person the same way in the agenda and the register of a meeting', async () => {
    const page = await e.newPage('ja-JP');
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const demo = await e.db.kysely
      .selectFrom('meetings')
      .where('is_demo', '=', 1)
      .select('id')
      .executeTakeFirstOrThrow();
    await page.goto(`/meetings/${demo.id}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    const agenda = page.getByTestId('agenda');
    const register = page.getByTestId('register');
    await agenda.waitFor();
    await register.waitFor();
    await expect.poll(() => agenda.textContent()).toContain('門川大作');
    expect(await register.textContent()).toContain('門川大作');
    for (const part of [agenda, register]) {
      expect(await part.textContent()).not.toContain('Daisaku Kadokawa');
    }
    await page.context().close();
  });

  it('names the officers’ governments in Korean on the users page', async () => {
    const page = await e.newPage('ko-KR');
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/users?q=officer.kyoto');
    const row = page.getByTestId('user-row').filter({ hasText: 'officer.kyoto@accord.example' });
    await row.waitFor();
    const government = row.getByTestId('user-government-name');
    await expect.poll(() => government.textContent()).toBe('교토시');
    expect(await government.locator('[lang]').first().getAttribute('lang')).toBe('ko');
    await page.context().close();
  });
});
