import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, startE2E, type E2E } from './harness';

/**
 * The whole network in the browser (issue 12): the climate dashboard opens on all regions with
 * the network's total, its table downloads for every region at once in the reader's language,
 * and the home map shows the whole world. The demo: 38 governments in nine regions, five
 * members (all in East Asia); Kyoto's 2030 target covers 7.84 Mt of base-year emissions.
 */

const skipReason = browserUnavailable();

describe.skipIf(skipReason !== null)('the whole network in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('opens the dashboard on all regions with the network total and downloads its table', async () => {
    const page = await e.newPage();
    await page.goto('/climate?asOf=2021');
    const region = page.getByTestId('dashboard-region');
    await page.getByTestId('dashboard-table').waitFor();
    expect(await region.inputValue()).toBe('');
    expect(await region.locator('option:checked').innerText()).toBe('All regions');
    // The world secretariat's region has no governments: it is not a choice.
    const choices = await region.locator('option').allInnerTexts();
    expect(choices).toContain('East Asia');
    expect(choices).not.toContain('Global');

    const members = page.getByTestId('dashboard-members');
    await expect.poll(() => members.innerText()).toMatch(/7\.84 Mt/);
    expect(await members.innerText()).toMatch(/2 of 5 governments have at least one target/);
    expect(await page.locator('#dashboard-table-title').innerText()).toBe('38 governments');
    // Rows from several regions, each naming its own.
    const table = await page.getByTestId('dashboard-table').innerText();
    expect(table).toMatch(/East Asia/);

    // The page in Korean: the file follows the language the reader reads in.
    await page.getByTestId('language-switcher').selectOption('ko');
    await expect.poll(() => region.locator('option:checked').innerText()).toBe('모든 지역');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dashboard-export-table-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('accord-climate-all-regions-2021.csv');
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    expect(header?.slice(0, 4)).toEqual(['지방정부', '국가', '지역', '회원 여부']);
    expect(rows).toHaveLength(38);
    expect(new Set(rows.map((r) => r[2])).size).toBe(9);
    const kyoto = rows.find((r) => r[0]?.startsWith('교토시'));
    expect(kyoto?.slice(7, 10)).toEqual(['순조로움', '41.4', '7840000']);
    await page.context().close();
  });

  it('says a region without governments has none, and leads back to all regions', async () => {
    const page = await e.newPage();
    await page.goto('/climate?region=global');
    const notice = page.getByTestId('dashboard-no-governments');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/No governments in Global/);
    expect(await page.getByTestId('dashboard-members').count()).toBe(0);
    await page.getByTestId('dashboard-show-all-regions').click();
    await page.waitForURL((url) => !url.searchParams.has('region'));
    await expect.poll(() => page.getByTestId('dashboard-members').innerText()).toMatch(/7\.84 Mt/);
    await page.context().close();
  });

  it('switches the home map from a region to the whole world with the keyboard', async () => {
    const page = await e.newPage();
    await page.goto('/?region=east-asia');
    const map = page.getByTestId('home-map');
    await map.waitFor();
    // The map comes in its own chunk after the page: wait for its points.
    await map.getByTestId('map-point').first().waitFor();
    expect(await map.getAttribute('data-extent')).toBe('region');
    const inRegion = await map.getByTestId('map-point').count();
    expect(inRegion).toBeGreaterThan(0);

    // The region choice is a native select: its first choice is the whole world.
    const select = page.getByTestId('home-region');
    expect(await select.locator('option').first().innerText()).toBe('The whole world');
    await select.focus();
    await page.keyboard.press('Home');
    await page.waitForURL((url) => !url.searchParams.has('region'));
    await expect.poll(() => map.getAttribute('data-extent')).toBe('world');
    expect(await map.locator('svg title').first().textContent()).toBe(
      'Governments around the world by membership category',
    );
    // Every government with a place: more than East Asia's.
    await expect.poll(() => map.getByTestId('map-point').count()).toBeGreaterThan(inRegion);
    expect(await page.getByText('See the list of every government').getAttribute('href')).toBe(
      '/members',
    );

    // Opened without a region, the home page shows the world.
    await page.goto('/');
    await expect.poll(() => page.getByTestId('home-map').getAttribute('data-extent')).toBe('world');
    expect(await page.getByTestId('home-region').inputValue()).toBe('');
    await page.context().close();
  });
});
