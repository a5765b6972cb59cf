import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
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

/** A tiny CDP targets file in the 2021 layout, written here so the test needs no shared data. */
const HEADER =
  '"Year.Reported.to.CDP","Account.Number","Organization","City","Country","CDP.Region","Type.of.target","Base.year","Base.year.emissions..metric.tonnes.CO2e.","Percentage.reduction.target","Target.year","Target.year.absolute.emissions..metric.tonnes.CO2e.","Percentage.of.target.achieved.so.far","name","entity_type","iso"';
const ROWS = [
  '2021,999001,"Testville","Testville","Japan","East Asia","Fixed level target","NA","NA","NA",2050,0,"NA","Testville City","City","JPN"',
  '2021,999002,"Nowhere","Nowhere","Japan","East Asia","No target","NA","NA","NA","NA","NA","NA","Nowhere City","City","JPN"',
];

describe.skipIf(skipReason !== null)('imports in the browser', () => {
  let e: E2E;
  let file: string;
  beforeAll(async () => {
    e = await startE2E();
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-import-')), 'targets.csv');
    fs.writeFileSync(file, `${HEADER}\n${ROWS.join('\n')}\n`);
  });
  afterAll(async () => {
    await e?.close();
  });

  it('previews a CDP targets file, then imports it, with counts, layout and reasons', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/imports');
    await page.getByTestId('import-kind').selectOption('cdp-targets');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-layout').getAttribute('data-layout')).toBe(
      'cdp-targets-2021-openclimate',
    );
    // Shown by its name, not its id.
    expect(await page.getByTestId('import-layout').innerText()).toBe(
      'CDP 2021 cities’ emissions reduction targets (as cleaned by OpenClimate)',
    );
    const created = page.locator('[data-testid="import-counts"] [data-count="created"]');
    expect(await created.innerText()).toBe('1');
    await expect.poll(() => page.getByTestId('import-rows').innerText()).toMatch(/No target/);
    // A preview writes nothing.
    const before = await e.app.inject({ url: '/api/v1/governments?q=Testville' });
    expect(before.json().total).toBe(0);

    // Testville is not in the directory: the preview says so, and Import waits for a choice.
    const fresh = page.getByTestId('import-new-governments');
    expect(await fresh.getAttribute('data-count')).toBe('1');
    expect(await fresh.innerText()).toMatch(/1 government that Accord does not know yet/);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.getByTestId('import-new-governments-create').check();
    // Import asks first, saying what it will write.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.getByTestId('import-run').click();
    expect(await asked).toBe(
      'Import targets.csv now?\n1 record will be created and 0 updated.\n' +
        '1 government will be added to Accord as a prospect.',
    );
    await expect
      .poll(
        async () => (await e.app.inject({ url: '/api/v1/governments?q=Testville' })).json().total,
      )
      .toBe(1);
    const slug = (await e.app.inject({ url: '/api/v1/governments?q=Testville' })).json().items[0]
      .slug;
    const targets = (await e.app.inject({ url: `/api/v1/governments/${slug}/targets` })).json();
    expect(targets.items[0]).toMatchObject({
      type: 'fixed-level',
      targetYear: 2050,
      netZeroLabel: 'net-zero',
    });
    await page.context().close();
  });

  it('maps the columns of a file no layout fits, saves the layout and previews with it', async () => {
    const own = path.join(path.dirname(file), 'own emissions.csv');
    fs.writeFileSync(
      own,
      'CDP no.,City,Nation,Inventory period,Scope 1 (t),Trees planted\n' +
        '999101,Mapville,Japan,2019,1200,40\n',
    );
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/imports');
    await page.getByTestId('import-kind').selectOption('cdp-emissions');
    await page.getByTestId('import-file').setInputFiles(own);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-mapping').waitFor();
    // Each column's choice is a select labelled by the column's header.
    await page.getByLabel('CDP no.', { exact: true }).selectOption('account');
    await page.getByLabel('Nation', { exact: true }).selectOption('country');
    await page.getByLabel('Inventory period', { exact: true }).selectOption('accountingYear');
    // Still lacking a figure: the save waits.
    expect(await page.getByTestId('import-mapping-save').isDisabled()).toBe(true);
    // By keyboard: focus the select and choose with the keys.
    const scope1 = page.getByLabel('Scope 1 (t)', { exact: true });
    await scope1.focus();
    await scope1.selectOption('scope1Total');
    expect(await page.getByTestId('import-mapping-name').inputValue()).toBe('own emissions');
    await page.getByTestId('import-mapping-save').click();
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-layout').getAttribute('data-layout')).toBe(
      'saved:own emissions',
    );
    expect(await page.getByTestId('import-layout').innerText()).toBe('own emissions');
    const created = page.locator('[data-testid="import-counts"] [data-count="created"]');
    expect(await created.innerText()).toBe('1');
    // The run's column map names each field in words, with the file's own header.
    await page.getByTestId('import-column-map').locator('summary').click();
    const map = async () =>
      (await page.getByTestId('import-column-map-row').allInnerTexts()).map((text) =>
        text.replace(/\s+/g, ' '),
      );
    await expect.poll(map).toContainEqual('Scope 1 total (t CO₂e) Scope 1 (t)');
    expect(await map()).toContainEqual('CDP account number CDP no.');
    // And the row, the columns it had values in.
    const fields = page.getByTestId('import-row-fields').first();
    await fields.locator('summary').click();
    expect(await fields.innerText()).toMatch(/Inventory year or period\s+Inventory period/);
    const layouts = (await e.app.inject({ url: '/api/v1/imports/layouts' })).statusCode;
    expect(layouts).toBe(401);
    await page.context().close();
  });

  it('shows the encoding a CSV file was read in, and reads it as the person chooses', async () => {
    // Saved by a Western European office: "Zürichberg" in Windows-1252.
    const latin = path.join(path.dirname(file), 'latin.csv');
    fs.writeFileSync(
      latin,
      iconv.encode(
        `${HEADER}\n${ROWS[0]?.replace(/Testville/g, 'Zürichberg').replace('999001', '999011')}\n`,
        'windows-1252',
      ),
    );
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/imports');
    await page.getByTestId('import-kind').selectOption('cdp-targets');
    await page.getByTestId('import-file').setInputFiles(latin);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-encoding').getAttribute('data-encoding')).toBe(
      'windows-1252',
    );
    // The government by the name it would get, never its slug.
    await expect.poll(() => page.getByTestId('import-rows').innerText()).toMatch(/Zürichberg/);
    expect(await page.getByTestId('import-rows').innerText()).not.toMatch(/zurichberg/);

    // Read as UTF-8 instead, the file cannot be: the run fails on its line, writing nothing.
    await page.getByTestId('import-encoding-choice').selectOption('utf-8');
    await page.getByTestId('import-preview').click();
    await expect
      .poll(() => page.getByTestId('import-run-view').getAttribute('data-status'))
      .toBe('failed');
    expect(await page.getByTestId('import-run-view').innerText()).toMatch(
      /not valid UTF-8 on line 2/,
    );
    await page.context().close();
  });
  it('fits a 390 px screen in Korean: the row table scrolls inside its frame, every word in Korean', async () => {
    // A city the directory does not know: the preview would make it a prospect.
    const korean = path.join(path.dirname(file), 'korean.csv');
    fs.writeFileSync(
      korean,
      `${HEADER}\n${(ROWS[0] ?? '').replace(/Testville/g, 'Fixtureseong').replace('999001', '999021')}\n${ROWS[1]}\n`,
    );
    const page = await e.newPage('ko-KR');
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/imports');
    await page.getByTestId('import-kind').selectOption('cdp-targets');
    await page.getByTestId('import-file').setInputFiles(korean);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-counts').waitFor();
    await page.getByTestId('import-rows').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('가져오기');
    // Reasons and records in Korean; the prospect by the name it would get, never its slug.
    const rows = page.getByTestId('import-rows');
    await expect.poll(() => rows.innerText()).toContain('새 잠재 회원 지방정부 “Fixtureseong”');
    const text = await rows.innerText();
    expect(text).toContain('목표 없음');
    expect(text).toContain('목표 2050(고정 수준)');
    expect(text).not.toMatch(/fixtureseong|No target|new prospect|fixed-level/);
    // The report to download is asked for in Korean.
    expect(await page.getByTestId('import-report').getAttribute('href')).toMatch(/\?lang=ko$/);
    // Before, a visually hidden label in a cell scrolled out of view widened the page to 441 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.context().close();
  });
});
