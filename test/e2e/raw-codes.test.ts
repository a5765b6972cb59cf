import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUTS } from '../../src/server/climate/imports/layouts';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  browserUnavailable,
  signIn,
  startE2E,
  type E2E,
} from './harness';

/**
 * Codes, slugs and ids never reach the reader (issue 12): the climate pages (dashboard and map,
 * target cards with their chart's table and history, an illustrative inventory), the import
 * page with each run's report, and the files to download say names and words, in English and in
 * Korean. The imports bring an intensity target per unit of GDP and a target below business as
 * usual (the Net Zero Tracker fixture) and CDP's targets; one target is given a self-reported
 * progress that names no source.
 */

const skipReason = browserUnavailable();
const FIXTURES = fileURLToPath(
  new URL('../../src/server/climate/imports/fixtures/', import.meta.url),
);

/** Codes the server and the web use that must never be shown as text. */
const CODES = [
  'baseline-scenario',
  'inventory-illustrative',
  'per-gdp',
  'per-capita',
  'fixed-level',
];
/** A layout id: a published one, a saved one, or anything shaped like CDP's or the tracker's. */
const LAYOUT_ID = new RegExp(
  `\\b(?:${LAYOUTS.map((l) => l.id).join('|')})\\b|\\bsaved:|\\b(?:cdp|nzt)(?:-[a-z0-9]+)+\\b`,
);

/** The governments the imported files name, and the demo's, by their slugs (kebab-case). */
let SLUGS: string[] = [];

function rawCodesIn(text: string, extra: readonly string[] = []): string[] {
  const found = [...CODES, ...extra, ...SLUGS].filter((code) =>
    new RegExp(`(?<![\\w-])${code}(?![\\w-])`).test(text),
  );
  const layout = LAYOUT_ID.exec(text);
  if (layout) found.push(layout[0]);
  return found;
}

/** What the page says: its text, with every <details> open and what they load loaded. */
async function visibleText(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    // The chart's and map's names for screen readers are read too.
    const labels = [...document.querySelectorAll('[aria-label], svg title')].map(
      (el) => el.getAttribute('aria-label') ?? el.textContent ?? '',
    );
    return `${document.body.innerText}\n${labels.join('\n')}`;
  });
}

async function upload(page: Page, kind: string, file: string, fileName: string): Promise<number> {
  const body = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
  const id = await page.evaluate(
    async ({ kind, body, fileName }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const res = await fetch(`/api/v1/imports/${kind}?fileName=${encodeURIComponent(fileName)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': session.csrfToken },
        body,
      });
      return ((await res.json()) as { run: { id: number } }).run.id;
    },
    { kind, body, fileName },
  );
  // Imports run in the background: wait for this one to end.
  for (let tries = 0; tries < 100; tries += 1) {
    const status = await page.evaluate(
      async (id) =>
        ((await (await fetch(`/api/v1/imports/${id}`)).json()) as { status: string }).status,
      id,
    );
    if (status !== 'running') {
      if (status !== 'done') throw new Error(`import ${fileName} ended ${status}`);
      return id;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`import ${fileName} did not end`);
}

describe.skipIf(skipReason !== null)('no raw codes on screen', () => {
  let e: E2E;
  const runs: { id: number; fileName: string }[] = [];
  beforeAll(async () => {
    e = await startE2E();
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    // File names without hyphens, so that a layout id on the page is the page's own doing.
    for (const [kind, file, fileName] of [
      ['nzt', 'nzt-2023.csv', 'tracker export.csv'],
      ['cdp-targets', 'cdp-targets-2021.csv', 'cdp targets.csv'],
      ['cdp-emissions', 'cdp-emissions-2019.csv', 'cdp emissions.csv'],
    ] as const) {
      runs.push({ id: await upload(page, kind, file, fileName), fileName });
    }
    await page.context().close();
    const governments = (
      await e.app.inject({ url: '/api/v1/governments?pageSize=200' })
    ).json() as { items: { slug: string }[] };
    SLUGS = governments.items.map((g) => g.slug).filter((slug) => slug.includes('-'));
    expect(SLUGS).toEqual(
      expect.arrayContaining(['fixture-heights', 'fixture-harbour', 'new-taipei']),
    );
    // A self-reported progress that does not say where it was reported.
    const harbour = await e.db.kysely
      .selectFrom('governments')
      .select('id')
      .where('slug', '=', 'fixture-harbour')
      .executeTakeFirstOrThrow();
    await e.db.kysely
      .updateTable('climate_targets')
      .set({ self_reported_progress: 20, self_reported_source: null })
      .where('government_id', '=', harbour.id)
      .execute();
  });
  afterAll(async () => {
    await e?.close();
  });

  const PAGES = [
    '/climate',
    '/members/kyoto/climate',
    '/members/changchun/climate',
    '/members/fixture-heights/climate',
    '/members/fixture-harbour/climate',
    '/members/fixture-neck/climate',
  ];

  for (const [locale, words] of [
    ['en-US', { perGdp: /per unit of GDP/, selfReported: /Self-reported: 20%/ }],
    ['ko-KR', { perGdp: /GDP당/, selfReported: /자체 보고: 20%/ }],
  ] as const) {
    it(`says names and words on the climate pages in ${locale}`, async () => {
      const page = await e.newPage(locale);
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      const texts = new Map<string, string>();
      for (const url of PAGES) {
        await page.goto(url);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page
          .locator('[aria-busy="true"]')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => {});
        const text = await visibleText(page);
        texts.set(url, text);
        // 'self-reported' is the code the server gave for a progress that named no source.
        expect({ url, codes: rawCodesIn(text, ['self-reported', 'titles']) }).toEqual({
          url,
          codes: [],
        });
      }
      // The pages did show what the codes stand for.
      expect(texts.get('/members/fixture-heights/climate')).toMatch(words.perGdp);
      expect(texts.get('/members/fixture-harbour/climate')).toMatch(words.selfReported);
      await page.context().close();
    });

    it(`says names and words on the import page and its reports in ${locale}`, async () => {
      const page = await e.newPage(locale);
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.goto('/admin/imports');
      for (const run of runs) {
        await page.locator('tr', { hasText: run.fileName }).getByRole('button').click();
        await page.getByTestId('import-layout').waitFor();
        await page.getByTestId('import-rows').waitFor();
        const text = await visibleText(page);
        expect({ run: run.fileName, codes: rawCodesIn(text) }).toEqual({
          run: run.fileName,
          codes: [],
        });
        // The row report to download says the same in the reader's language.
        const lang = locale.slice(0, 2);
        const report = await page.evaluate(
          async ({ id, lang }) =>
            (await fetch(`/api/v1/imports/${id}/report.csv?lang=${lang}`)).text(),
          { id: run.id, lang },
        );
        expect({ report: run.fileName, codes: rawCodesIn(report) }).toEqual({
          report: run.fileName,
          codes: [],
        });
      }
      await page.context().close();
    });

    it(`says words in the dashboard's file in ${locale}`, async () => {
      const lang = locale.slice(0, 2);
      const csv = (await e.app.inject({ url: `/api/v1/exports/climate-summary.csv?lang=${lang}` }))
        .body;
      expect(rawCodesIn(csv)).toEqual([]);
      const xlsx = await e.app.inject({
        url: `/api/v1/governments/changchun/inventories/2019/export.csv?lang=${lang}`,
      });
      expect(rawCodesIn(xlsx.body)).toEqual([]);
    });
  }
});
