import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/users/service';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
} from './harness';

const skipReason = browserUnavailable();

describe.skipIf(skipReason !== null)('Accord in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    await createUser(
      e.db,
      { userId: null, label: 'e2e' },
      {
        email: 'kyoto.e2e@accord.example',
        displayName: 'Kyoto officer',
        role: 'officer',
        governmentSlug: 'kyoto',
        password: 'kyoto-officer-password',
      },
    );
  });
  afterAll(async () => {
    await e?.close();
  });

  it('answers an unknown address with 404 and the not-found page, a known one with 200', async () => {
    const page = await e.newPage();
    const unknown = await page.goto('/members/seoul/nothing-here');
    expect(unknown?.status()).toBe(404);
    await page.getByTestId('not-found').waitFor();
    const known = await page.goto('/members/seoul');
    expect(known?.status()).toBe(200);
    await expect.poll(() => page.getByTestId('not-found').count()).toBe(0);
  });

  it('finds Seoul when a person types 서울 into the directory search', async () => {
    const page = await e.newPage();
    await page.goto('/members');
    await page.getByTestId('member-search').fill('서울');
    const rows = page.getByTestId('member-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().innerText()).toMatch(/Seoul|서울/);
    await rows.first().getByRole('link').first().click();
    await page.waitForURL('**/members/seoul');
    await expect.poll(() => page.getByTestId('profile-name').innerText()).toMatch(/서울|Seoul/);
    await page.context().close();
  });

  it("shows the demo's published post under 'Latest news' on the home page", async () => {
    const page = await e.newPage();
    await page.goto('/');
    const news = page.getByTestId('home-news');
    await news.getByTestId('news-item').first().waitFor();
    expect(await news.innerText()).not.toMatch(/No news yet/);
    const link = news.locator('a[href="/news/2020-east-asia-rexcom-meeting"]');
    expect(await link.count()).toBe(1);
    await news.getByTestId('home-news-all').click();
    await page.waitForURL(/\/news$/);
    await page.context().close();
  });

  it('switches to 日本語 and shows Japanese navigation and names', async () => {
    const page = await e.newPage('en-US');
    await page.goto('/');
    await expect.poll(() => page.getByTestId('nav-members').innerText()).toBe('Members');
    await page.getByTestId('language-switcher').selectOption('ja');
    await expect.poll(() => page.getByTestId('nav-members').innerText()).not.toBe('Members');
    const nav = await page.getByTestId('nav-members').innerText();
    expect(nav).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.goto('/members/kyoto');
    await expect.poll(() => page.getByTestId('profile-name').innerText()).toContain('京都市');
    await page.context().close();
  });

  it("lets the admin change Suwon's population, shows it on the profile and in the audit log", async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/governments/suwon');
    const population = page.getByTestId('gov-population');
    await population.fill('1234567');
    await page.getByTestId('gov-population-year').fill('2024');
    await page.getByTestId('gov-save').click();
    await page.getByTestId('gov-saved').waitFor();
    await page.goto('/members/suwon');
    await expect
      .poll(() => page.getByTestId('profile-population').innerText())
      .toMatch(/1,234,567/);
    await page.goto('/admin/audit');
    const firstRow = page.getByTestId('audit-row').first();
    await expect.poll(() => firstRow.innerText()).toMatch(/Suwon/);
    expect(await firstRow.innerText()).toMatch(/population/i);
    await page.context().close();
  });

  it("refuses Kyoto's officer when editing Seoul, in the page and in the API", async () => {
    const page = await e.newPage();
    await signIn(page, 'kyoto.e2e@accord.example', 'kyoto-officer-password');
    await page.goto('/members/seoul');
    await page.getByTestId('profile-name').waitFor();
    // No edit link on another government's profile…
    expect(await page.getByRole('link', { name: /edit/i }).count()).toBe(0);
    // …and the edit page itself refuses.
    await page.goto('/admin/governments/seoul');
    await page.getByTestId('not-allowed').waitFor();
    const api = await page.evaluate(async () => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const res = await fetch('/api/v1/governments/seoul', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({ population: 1 }),
      });
      return { status: res.status, type: res.headers.get('content-type') };
    });
    expect(api.status).toBe(403);
    expect(api.type).toContain('application/problem+json');
    // Their own government is theirs to edit.
    await page.goto('/admin/governments/kyoto');
    await page.getByTestId('gov-population').waitFor();
    await page.context().close();
  });
});
