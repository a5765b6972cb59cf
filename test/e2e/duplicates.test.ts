import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
  apiCall,
} from './harness';

const skipReason = browserUnavailable();

/** The slugs a page's text shows (slugs are codes: never shown; names and places are). */
function slugsIn(text: string, slugs: readonly string[]): string[] {
  return slugs.filter((slug) => new RegExp(`(^|[^a-z0-9-])${slug}($|[^a-z0-9-])`).test(text));
}

/**
 * The secretariat finds a government entered twice, merges it after a question, and undoes it;
 * then marks the pair as not the same and withdraws the mark.
 */
describe.skipIf(skipReason !== null)('duplicates and merges', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('lists a likely pair, asks before merging, undoes the merge, and marks it not the same', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await apiCall(page, 'POST', '/api/v1/governments', {
      slug: 'taipei-city-again',
      names: { en: 'Taipei City', 'zh-Hant': '臺北市' },
      localLang: 'zh-Hant',
      kind: 'special-municipality',
      country: 'TW',
      region: 'east-asia',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);

    await page.goto('/admin/duplicates');
    const pair = page.getByTestId('duplicate-pair').filter({ hasText: 'Taipei City' });
    await pair.waitFor();
    expect(await pair.innerText()).toMatch(/Taipei/);
    // The pairs are told apart by name, kind and country, never by slug.
    const report = await apiCall<{ items: { a: { slug: string }; b: { slug: string } }[] }>(
      page,
      'GET',
      '/api/v1/government-duplicates',
    );
    const slugs = report.json.items.flatMap((p) => [p.a.slug, p.b.slug]);
    expect(slugs).toEqual(expect.arrayContaining(['taipei', 'taipei-city-again']));
    expect(slugsIn(await page.locator('main').innerText(), slugs)).toEqual([]);
    expect(await pair.innerText()).toContain('Taiwan');

    // Declining the question changes nothing; the question names no slug either.
    let question = '';
    page.once('dialog', (d) => {
      question = d.message();
      void d.dismiss();
    });
    await pair.getByTestId('duplicate-merge').click();
    await page.waitForTimeout(300);
    expect(question).toContain('Taipei City');
    expect(slugsIn(question, slugs)).toEqual([]);
    expect((await apiCall(page, 'GET', '/api/v1/governments/taipei-city-again')).status).toBe(200);

    page.once('dialog', (d) => void d.accept());
    await pair.getByTestId('duplicate-merge').click();
    await page.getByTestId('merge-done').waitFor();
    // The merged record is gone from the directory; the kept one stays.
    const pairSlugs = ['taipei', 'taipei-city-again'];
    const [kept, merged] = await Promise.all(
      pairSlugs.map(async (s) => (await apiCall(page, 'GET', `/api/v1/governments/${s}`)).status),
    );
    expect([kept, merged].sort()).toEqual([200, 404]);

    await page.goto('/admin/merges');
    const row = page.getByTestId('merge-row').first();
    await row.waitFor();
    expect(slugsIn(await page.locator('main').innerText(), slugs)).toEqual([]);
    expect(await row.innerText()).toContain('Taiwan');

    // In Korean, too: the merge names both in Korean where they have a Korean name, no slug.
    const ko = await e.newPage('ko-KR');
    await signIn(ko, ADMIN_EMAIL, ADMIN_PASSWORD);
    await ko.goto('/admin/merges');
    await ko.getByTestId('merge-row').first().waitFor();
    const koText = await ko.locator('main').innerText();
    expect(slugsIn(koText, slugs)).toEqual([]);
    expect(koText).toContain('대만');
    await ko.context().close();
    page.once('dialog', (d) => void d.accept());
    await row.getByTestId('merge-undo').click();
    await expect
      .poll(async () =>
        Promise.all(
          pairSlugs.map(
            async (s) => (await apiCall(page, 'GET', `/api/v1/governments/${s}`)).status,
          ),
        ),
      )
      .toEqual([200, 200]);

    // Marked as not the same, after the question, the pair leaves the list and is counted;
    // withdrawn from the list of marks, it is back.
    await page.goto('/admin/duplicates');
    await pair.waitFor();
    page.once('dialog', (d) => void d.accept());
    await pair.getByTestId('duplicate-not-same').click();
    await page.getByTestId('duplicate-done').waitFor();
    await page.getByTestId('dismissed-count').waitFor();
    await expect.poll(() => pair.count()).toBe(0);
    await page.getByTestId('dismissals-link').click();
    const mark = page.getByTestId('dismissal-row').filter({ hasText: 'Taipei City' });
    await mark.waitFor();
    page.once('dialog', (d) => void d.accept());
    await mark.getByTestId('dismissal-withdraw').click();
    await expect.poll(() => mark.count()).toBe(0);
    await page.goto('/admin/duplicates');
    await pair.waitFor();
  });
});
