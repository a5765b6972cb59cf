import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
} from './harness';
import { axeFaults, blocking, type AxeFault } from './axe';

const skipReason = browserUnavailable();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };
const LOCALES = ['en-GB', 'ko-KR', 'ja-JP', 'zh-CN', 'zh-TW'];

const PUBLIC_PAGES = [
  '/',
  '/members',
  '/members/kyoto',
  '/offices',
  '/bodies',
  '/bodies/east-asia-rexcom',
  '/meetings',
  'meeting',
  '/elections',
  '/climate',
  '/members/kyoto/climate',
  '/news',
  '/apply',
];
const ADMIN_PAGES = [
  '/admin',
  '/admin/users',
  '/admin/audit',
  '/admin/imports',
  '/admin/applications',
  '/admin/invoices',
  '/admin/mail',
  '/admin/governments',
  '/admin/meetings',
  'admin-meeting',
  'admin-meeting-edit',
];

/**
 * Every fault axe found, of any impact, as `rule (impact)` → how many elements and where, when
 * ACCORD_AXE_REPORT names a file to write them to (to see the moderate and minor ones too).
 */
const axeTally = new Map<string, { count: number; where: Set<string> }>();
function tally(path: string, faults: AxeFault[]): void {
  for (const f of faults) {
    const key = `${f.rule} (${f.impact})`;
    const entry = axeTally.get(key) ?? { count: 0, where: new Set<string>() };
    entry.count += f.targets.length;
    for (const target of f.targets) entry.where.add(`${path}: ${target}`);
    axeTally.set(key, entry);
  }
}

/** The header's rows (its children's distinct middles), and whether they stick out of it. */
function headerRows(page: Page): Promise<{ rows: number; sticksOut: boolean }> {
  return page.evaluate(() => {
    const inner = document.querySelector('.site-header__inner')!;
    const edge = inner.getBoundingClientRect().right;
    const middles = new Set<number>();
    let sticksOut = false;
    for (const child of Array.from(inner.children)) {
      const box = child.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      middles.add(Math.round(box.top + box.height / 2));
      if (box.right > edge) sticksOut = true;
    }
    return { rows: middles.size, sticksOut };
  });
}

/** How much wider than the window the page is, in px (0 when nothing scrolls sideways). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Tables that scroll sideways but that a keyboard cannot reach or that have no name. */
function unreachableScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.table-wrap, .admin-table-wrap'))
      .filter((wrap) => wrap.scrollWidth > wrap.clientWidth)
      .filter(
        (wrap) =>
          wrap.tabIndex !== 0 ||
          !(wrap.getAttribute('aria-label') ?? wrap.getAttribute('aria-labelledby')),
      )
      .map((wrap) => wrap.querySelector('table')?.dataset.testid ?? wrap.className),
  );
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.locator('main h1').first().waitFor();
}

describe.skipIf(skipReason !== null)('phones and small screens', () => {
  let e: E2E;
  let meeting = '';
  /** A page's address: the demo meeting's pages are named by what they are, not their id. */
  function address(path: string): string {
    if (path === 'meeting') return meeting;
    if (path === 'admin-meeting') return `/admin${meeting}`;
    if (path === 'admin-meeting-edit') return `/admin${meeting}/edit`;
    return path;
  }
  beforeAll(async () => {
    e = await startE2E();
    const page = await e.newPage();
    await open(page, '/meetings');
    meeting = (await page.locator('main a[href^="/meetings/"]').first().getAttribute('href'))!;
    await page.context().close();
  });
  afterAll(async () => {
    await e?.close();
    const report = process.env.ACCORD_AXE_REPORT;
    if (report) {
      const sorted = [...axeTally]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, { count, where }]) => [key, { count, where: [...where] }]);
      fs.writeFileSync(report, JSON.stringify(Object.fromEntries(sorted), null, 2));
    }
  });

  it('puts the navigation behind a menu button on a phone, which opens, closes and returns focus', async () => {
    const page = await e.newPage();
    await page.setViewportSize(PHONE);
    await open(page, '/members');
    const button = page.getByTestId('nav-menu-button');
    const nav = page.locator('#site-menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.getAttribute('aria-controls')).toBe('site-menu');
    expect(await nav.isVisible()).toBe(false);
    // The page's heading comes after the demo notice and a two-row header, not under 590 px
    // of links.
    const top = await page
      .locator('main h1')
      .first()
      .evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeLessThan(260);

    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#site-menu') !== null)).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'nav-menu-button',
    );

    // Following a link closes the menu.
    await button.click();
    await page.getByTestId('nav-offices').click();
    await page.waitForURL('**/offices');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');

    // On a laptop there is no button and the links show.
    await page.setViewportSize(LAPTOP);
    expect(await button.isVisible()).toBe(false);
    expect(await nav.isVisible()).toBe(true);
    await page.context().close();
  });

  it('keeps the admin tabs on one line: a menu on a phone, a scrolling strip on a laptop', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.setViewportSize(PHONE);
    await open(page, '/admin/users');
    const button = page.getByTestId('admin-menu-button');
    const tabs = page.locator('#admin-menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await tabs.isVisible()).toBe(false);
    await button.click();
    expect(await tabs.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await tabs.isVisible()).toBe(false);

    await page.setViewportSize(LAPTOP);
    expect(await button.isVisible()).toBe(false);
    const tops = await tabs
      .locator('li')
      .evaluateAll((items) => new Set(items.map((li) => li.getBoundingClientRect().top)).size);
    expect(tops).toBe(1);
    await page.context().close();
  });

  it('keeps the signed-in English header on one row at 1366 px, and within a tablet', async () => {
    const page = await e.newPage('en-GB');
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.setViewportSize(LAPTOP);
    for (const path of ['/', '/admin/users']) {
      await open(page, path);
      expect(await headerRows(page), path).toEqual({ rows: 1, sticksOut: false });
    }
    // Narrower, a tablet: the links go behind the menu button rather than past the edge.
    for (const width of [768, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await overflow(page), `${width}`).toBe(0);
      expect(await headerRows(page).then((h) => h.sticksOut), `${width}`).toBe(false);
      expect(await page.getByTestId('nav-menu-button').isVisible()).toBe(true);
    }
    await page.context().close();
  });

  it('keeps wide admin tables in a scroll region a keyboard reaches, on a phone', async () => {
    const page = await e.newPage('en-GB');
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.setViewportSize(PHONE);
    for (const path of ['/admin/users', '/admin/audit', '/admin/imports']) {
      await open(page, path);
      expect(await overflow(page), path).toBe(0);
      expect(await unreachableScrollers(page), path).toEqual([]);
    }
    // The keyboard scrolls the users' table: Tab reaches its region, the arrow keys move it.
    await open(page, '/admin/users');
    const region = page.locator('.admin-table-wrap[role="region"]');
    expect(await region.getAttribute('aria-label')).toBe('User accounts');
    await region.focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
    await page.context().close();
  });

  // Every main page, signed out and then as the admin, in all five languages: nothing sticks
  // out sideways, and axe-core finds no serious or critical fault on a phone or a laptop.
  for (const locale of LOCALES) {
    it(`keeps every main page within the window and free of serious accessibility faults at 390 and 1366 px in ${locale}`, async () => {
      const page = await e.newPage(locale);
      const problems: string[] = [];
      async function audit(path: string, width: number) {
        const faults = await axeFaults(page);
        tally(path, faults);
        for (const fault of faults.filter(blocking)) {
          for (const target of fault.targets) {
            problems.push(`${path} at ${width} px: ${fault.rule} (${fault.impact}) on ${target}`);
          }
        }
      }
      async function check(path: string) {
        await page.setViewportSize(PHONE);
        await open(page, address(path));
        const phone = await overflow(page);
        if (phone > 0) problems.push(`${path} at 390 px: ${phone} px too wide`);
        for (const table of await unreachableScrollers(page)) {
          problems.push(`${path} at 390 px: a keyboard cannot scroll ${table}`);
        }
        await audit(path, PHONE.width);
        await page.setViewportSize(LAPTOP);
        const laptop = await overflow(page);
        if (laptop > 0) problems.push(`${path} at 1366 px: ${laptop} px too wide`);
        const header = await headerRows(page);
        if (header.rows !== 1)
          problems.push(`${path} at 1366 px: the header has ${header.rows} rows`);
        if (header.sticksOut)
          problems.push(`${path} at 1366 px: the header sticks out of its frame`);
        await audit(path, LAPTOP.width);
      }
      for (const path of PUBLIC_PAGES) await check(path);
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      for (const path of ADMIN_PAGES) await check(path);
      expect(problems, problems.join('\n')).toEqual([]);
      await page.context().close();
    }, 480_000);
  }
});
