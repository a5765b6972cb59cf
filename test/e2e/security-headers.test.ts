import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  browserUnavailable,
  signIn,
  startE2E,
  type E2E,
} from './harness';

/**
 * The Content-Security-Policy must not break the app: pages render, charts draw and show their
 * tooltips, and the API documentation works, with no policy violation and no console error.
 */

const skipReason = browserUnavailable();

interface Watch {
  problems: string[];
}

/** Records every console error, uncaught error and CSP violation of the page. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { problems: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') w.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => w.problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__reportViolation', (text: string) => w.problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation(t: string): void })
        .__reportViolation;
      report(`CSP: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return w;
}

describe.skipIf(skipReason !== null)('the security policy in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('renders the home page with its map and the policy in force', async () => {
    const page = await e.newPage();
    const w = await watch(page);
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => page.getByTestId('nav-members').innerText()).toBe('Members');
    await page.locator('svg path').first().waitFor();
    // A page script written inline is refused: the policy is enforced, not only sent.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    // The refusal, reported twice (console and event); nothing else went wrong.
    await expect
      .poll(() => [...w.problems].sort())
      .toEqual([
        expect.stringMatching(/^CSP: script-src(-elem)? blocked inline$/),
        expect.stringMatching(/^console: Executing inline script violates .*script-src 'self'/),
      ]);
    await page.context().close();
  });

  it("draws a government's climate charts and their tooltips without a violation", async () => {
    const page = await e.newPage();
    const w = await watch(page);
    await page.goto('/members/kyoto/climate?asOf=2021');
    const chart = page.getByTestId('climate-chart').first();
    await chart.waitFor();
    await chart.locator('svg').first().waitFor();
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    expect(box).not.toBeNull();
    // Sweep across the plot so the tooltip (HTML with inline styles) appears.
    await page.mouse.move(box!.x + box!.width * 0.2, box!.y + box!.height * 0.4);
    await page.mouse.move(box!.x + box!.width * 0.5, box!.y + box!.height * 0.5, { steps: 10 });
    // The tooltip is ECharts' absolutely placed box in the chart: it shows a year's figure.
    const tooltip = async () =>
      chart.evaluate((element) => {
        const boxes = [...element.querySelectorAll<HTMLElement>('div')];
        const box = boxes.find((b) => b.style.zIndex === '9999999');
        return box && box.style.display !== 'none' ? box.innerText : '';
      });
    await expect.poll(tooltip).toMatch(/t CO₂e/);
    await page.goto('/climate?region=east-asia&asOf=2021');
    await page.getByTestId('dashboard-table').waitFor();
    expect(w.problems).toEqual([]);
    await page.context().close();
  });

  it('runs the rich-text editor of news under the policy', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const w = await watch(page);
    await page.goto('/admin/news/new');
    const body = page.getByTestId('news-body-en');
    await body.click();
    await page.keyboard.type('Work plan adopted ');
    await page.getByRole('button', { name: 'Bold' }).first().click();
    await page.keyboard.type('today');
    await expect.poll(() => body.locator('p').innerText()).toBe('Work plan adopted today');
    expect(await body.locator('strong').innerText()).toBe('today');
    expect(w.problems).toEqual([]);
    await page.context().close();
  });

  it('serves the API documentation, which renders under its own policy', async () => {
    const page = await e.newPage();
    const w = await watch(page);
    await page.goto('/api/docs/');
    await expect
      .poll(() => page.locator('.swagger-ui .info .title').innerText())
      .toMatch(/Accord API/);
    await page.locator('.opblock').first().waitFor();
    expect(w.problems).toEqual([]);
    await page.context().close();
  });
});
