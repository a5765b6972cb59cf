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

describe.skipIf(skipReason !== null)('climate pages in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it("shows Kyoto's 2030 target on track as of 2021, computed beside the self-reported figure", async () => {
    const page = await e.newPage();
    await page.goto('/members/kyoto/climate?asOf=2021');
    // The 2030 target is nested in the 2050 card as its interim target: take the innermost card.
    const card = page
      .getByTestId('climate-target-card')
      .filter({ hasText: 'below FY2013 by 2030' })
      .last();
    await card.waitFor();
    await expect
      .poll(() => card.getByTestId('climate-target-status').first().innerText())
      .toMatch(/on track/i);
    await expect
      .poll(() => card.getByTestId('climate-progress').first().innerText())
      .toMatch(/41\.4/);
    expect(await card.getByTestId('climate-self-reported').first().innerText()).toMatch(/74/);
    // The chart comes in its own chunk after the page: wait for it to be drawn.
    await page.getByTestId('climate-chart').first().locator('svg').first().waitFor();
    await page.context().close();
  });

  it("says where Kyoto's 2018 figure comes from and which total the 2030 target compares", async () => {
    const page = await e.newPage();
    await page.goto('/members/kyoto/climate?asOf=2021');
    const sources = page.getByTestId('emission-sources');
    await sources.waitFor();
    // The figure used, why (the newest report: nobody chose another), and what it covers.
    const basis = sources.getByTestId('emission-basis').first();
    await expect.poll(() => basis.innerText()).toMatch(/newest report/i);
    const used = sources.locator('[data-testid="emission-report"][data-used="true"]').first();
    expect(await used.innerText()).toMatch(/reported in 2021/);
    expect(await used.innerText()).toMatch(/covers scope 1\+2/);
    const card = page
      .getByTestId('climate-target-card')
      .filter({ hasText: 'below FY2013 by 2030' })
      .last();
    await expect
      .poll(() => card.getByTestId('climate-comparability').first().innerText())
      .toMatch(/Compared with scope 1\+2 totals/);
    await page.context().close();
  });

  it('lists the East Asia members on the dashboard with their headline status', async () => {
    const page = await e.newPage();
    await page.goto('/climate?region=east-asia&asOf=2021');
    await page.getByTestId('dashboard-table').waitFor();
    const rows = page.getByTestId('dashboard-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const text = await page.getByTestId('dashboard-table').innerText();
    expect(text).toMatch(/Kyoto/);
    await page.context().close();
  });

  it("labels Changchun's illustrative inventory as such where the dashboard shows its figure", async () => {
    const page = await e.newPage();
    await page.goto('/climate?region=east-asia&asOf=2021');
    const changchun = page.locator('[data-testid="dashboard-row"][data-slug="changchun"]');
    await changchun.waitFor();
    await expect.poll(() => changchun.innerText()).toMatch(/Mt CO₂e[\s\S]*2019[\s\S]*Illustrative/);
    expect(await page.getByTestId('dashboard-illustrative-note').innerText()).toMatch(
      /made up to show how Accord works/,
    );
    const kyoto = page.locator('[data-testid="dashboard-row"][data-slug="kyoto"]');
    expect(await kyoto.innerText()).not.toMatch(/Illustrative/);
    await page.context().close();
  });

  it('keeps the climate pages within a 390 px phone in English and Korean', async () => {
    for (const locale of ['en-GB', 'ko-KR']) {
      const page = await e.newPage(locale);
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/climate', '/members/kyoto/climate', '/members/changchun/climate']) {
        await page.goto(path);
        // The drawn chart (its placeholder has the class but no drawing).
        await page.locator('.climate-chart svg').first().waitFor();
        // Before, the charts' tables for screen readers, hidden but as wide as their columns,
        // widened the dashboard to 743 px.
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${locale} ${path}`).toBeLessThanOrEqual(390);
      }
      await page.context().close();
    }
  });

  it('lets the admin add a target and shows it with its assessment', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const res = await page.evaluate(async () => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const r = await fetch('/api/v1/governments/suwon/targets', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({
          type: 'fixed-level',
          title: 'Carbon neutral by 2050',
          status: 'declaration',
          netZeroLabel: 'carbon-neutral',
          targetYear: 2050,
          targetEmissions: 0,
        }),
      });
      return r.status;
    });
    expect(res).toBe(201);
    await page.goto('/members/suwon/climate');
    const card = page
      .getByTestId('climate-target-card')
      .filter({ hasText: 'Carbon neutral by 2050' });
    await card.waitFor();
    await expect
      .poll(() => card.getByTestId('climate-target-status').first().innerText())
      .toMatch(/not assessable/i);
    await page.context().close();
  });
});
