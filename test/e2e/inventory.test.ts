import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/users/service';
import { browserUnavailable, signIn, startE2E, type E2E } from './harness';

const skipReason = browserUnavailable();

describe.skipIf(skipReason !== null)('the inventory grid in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    await createUser(
      e.db,
      { userId: null, label: 'e2e' },
      {
        email: 'changchun.e2e@accord.example',
        displayName: 'Changchun officer',
        role: 'officer',
        governmentSlug: 'changchun',
        password: 'changchun-officer-password',
      },
    );
  });
  afterAll(async () => {
    await e?.close();
  });

  it("lets Changchun's officer change a line, see the totals move, and save", async () => {
    const list = (await e.app.inject({ url: '/api/v1/governments/changchun/inventories' })).json();
    const inventory = list.items[0];
    expect(inventory.isIllustrative).toBe(true);
    const page = await e.newPage();
    await signIn(page, 'changchun.e2e@accord.example', 'changchun-officer-password');
    await page.goto(`/members/changchun/climate/inventories/${inventory.id}/edit`);
    await page.getByTestId('inventory-grid').waitFor();
    const basic = page.getByTestId('inventory-total-basic');
    const before = await basic.innerText();
    // Scope 2 lines are reported as CO2e (I.1.2: 3.4 Mt): the grid opens on a view that shows
    // them beside the per-gas lines. Row 1 is I.1.2; column 7 is CO2e, after the seven gases.
    expect(await page.getByTestId('inventory-grid').getAttribute('data-mode')).toBe('both');
    expect((await page.locator('#cell-1-7').inputValue()).replace(/\D/g, '')).toBe('3400000');
    // Row 0 is I.1.1 (residential, scope 1); column 0 is CO2 in tonnes.
    const cell = page.locator('#cell-0-0');
    expect(await cell.getAttribute('aria-label')).toMatch(/I\.1\.1.*CO₂/);
    await cell.fill('2200000');
    await expect.poll(() => basic.innerText()).not.toBe(before);
    // A link away from the grid with a cell not saved asks first; declined, the cell stays.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator(`a[href="/members/changchun/climate"]`).first().click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/not saved/);
    expect(await cell.inputValue()).toMatch(/2,?200,?000/);
    await page.getByTestId('inventory-save').click();
    await expect
      .poll(
        async () =>
          (await e.app.inject({ url: `/api/v1/inventories/${inventory.id}` })).json().version,
      )
      .toBe(inventory.version + 1);
    const saved = (await e.app.inject({ url: `/api/v1/inventories/${inventory.id}` })).json();
    expect(saved.totals.basic).toBeCloseTo(inventory.totals.basic + 100_000, 6);
    expect(saved.isIllustrative).toBe(false);
    // Saved, the same link leaves without asking.
    await page.locator(`a[href="/members/changchun/climate"]`).first().click();
    await page.waitForURL(/\/members\/changchun\/climate$/);
    expect(asked).toHaveLength(1);
    await page.context().close();
  });

  it('downloads the inventory in the language the page is shown in', async () => {
    const page = await e.newPage('ko-KR');
    await page.goto('/members/changchun/climate');
    const csv = page.getByTestId('inventory-download-csv').first();
    await csv.waitFor();
    expect(await csv.getAttribute('href')).toMatch(/\/export\.csv\?lang=ko$/);
    const korean = await e.app.inject({ url: (await csv.getAttribute('href')) ?? '' });
    expect(korean.body).toContain('GPC 코드,부문,하위 부문,스코프');
    // The reader's choice in the app wins over the browser's language.
    await page.getByTestId('language-switcher').selectOption('ja');
    await expect.poll(() => csv.getAttribute('href')).toMatch(/\?lang=ja$/);
    expect(await page.getByTestId('inventory-download-xlsx').first().getAttribute('href')).toMatch(
      /\/export\.xlsx\?lang=ja$/,
    );
    await page.context().close();
  });
});
