import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import type { ImportRun } from './schemas';

/**
 * Sources, precedence and comparability through the API, on both databases (issue 10): a
 * city's restated figure from its newer report counts whatever the order the files came in,
 * the earlier one stays as a source; staff can choose another, and it shows; an assessment
 * compares like with like and names the years it leaves out.
 */

/** The real header row of CDP's city-wide emissions export (the fixture of that layout). */
const HEADER = fs
  .readFileSync(new URL('./imports/fixtures/cdp-emissions.csv', import.meta.url), 'utf8')
  .split(/\r?\n/)[0] as string;
const COLUMNS = HEADER.split(',');

interface Row {
  reportYear: number;
  account: string;
  city: string;
  accountingYear: number;
  scope1?: number;
  scope2?: number;
  basic?: number;
}

/** One row of the export, every other cell left empty. */
function line(r: Row): string {
  const cells: Record<string, string | number> = {
    'Year Reported to CDP': r.reportYear,
    'Account Number': r.account,
    Organization: r.city,
    City: r.city,
    Country: 'Argentina',
    'CDP Region': 'Latin America',
    Access: 'public',
    'City-wide emissions inventory': 'Yes',
    'Accounting year': `${r.accountingYear}-01-01 - ${r.accountingYear}-12-31`,
    'Inventory boundary (compared to Administrative city boundary)':
      'Same – covers entire city and nothing else',
    'Primary Protocol': 'Global Protocol for Community Greenhouse Gas Emissions Inventories (GPC)',
    'Gases Included': '"CH4, CO2, N20"',
    'TOTAL Scope 1 Emissions (metric tonnes CO2e)': r.scope1 ?? '',
    'TOTAL Scope 2 emissions (metric tonnes CO2e)': r.scope2 ?? '',
    'TOTAL BASIC Emissions (GPC)': r.basic ?? '',
  };
  return COLUMNS.map((c) => cells[c] ?? '').join(',');
}

const file = (rows: Row[]) => [HEADER, ...rows.map(line)].join('\r\n');

interface Report {
  id: number;
  reportYear: number | null;
  dataset: string | null;
  preferred: boolean;
  basic: number | null;
  totalCoverage: string | null;
  gases: string | null;
  protocol: string | null;
  boundary: string | null;
}
interface Year {
  year: number;
  value: number | null;
  basis: string | null;
  reportId: number | null;
  coverage: string | null;
  reports: Report[];
}

describe.each(dialectCases())(
  'emission sources and comparability on $label',
  ({ dialect, skip }) => {
    let t: TestApp;
    let admin: { cookie: string; 'x-csrf-token': string };
    beforeAll(async () => {
      if (skip) return;
      t = await makeTestApp(dialect);
      admin = await t.signInAdmin();
    });
    afterAll(async () => {
      await t?.close();
    });
    const it_ = skip ? it.skip : it;

    async function importEmissions(rows: Row[]): Promise<ImportRun> {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/cdp-emissions?fileName=emissions.csv',
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: file(rows),
      });
      expect(res.statusCode).toBe(202);
      const { run } = res.json() as { run: ImportRun };
      for (let i = 0; i < 200; i++) {
        const now = (
          await t.app.inject({ url: `/api/v1/imports/${run.id}`, headers: admin })
        ).json();
        if (now.status !== 'running') {
          expect(now).toMatchObject({ status: 'done' });
          return now as ImportRun;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`import ${run.id} did not finish`);
    }

    async function slugOf(account: string): Promise<string> {
      const row = await t.db.kysely
        .selectFrom('governments')
        .where('cdp_account', '=', account)
        .select('slug')
        .executeTakeFirstOrThrow();
      return row.slug;
    }

    async function yearOf(slug: string, year: number): Promise<Year> {
      const res = await t.app.inject({ url: `/api/v1/governments/${slug}/emissions` });
      expect(res.statusCode).toBe(200);
      return (res.json() as { years: Year[] }).years.find((y) => y.year === year) as Year;
    }

    const first = (account: string, city: string): Row => ({
      reportYear: 2018,
      account,
      city,
      accountingYear: 2017,
      basic: 1_000_000,
    });
    const restated = (account: string, city: string): Row => ({
      ...first(account, city),
      reportYear: 2019,
      basic: 980_000,
    });

    it_('uses the newest report of a year whatever the import order, and keeps both', async () => {
      // City A's files come in the order published, city B's the other way round.
      await importEmissions([first('990001', 'Fixture Alpha')]);
      await importEmissions([restated('990001', 'Fixture Alpha')]);
      await importEmissions([restated('990002', 'Fixture Beta')]);
      await importEmissions([first('990002', 'Fixture Beta')]);
      for (const account of ['990001', '990002']) {
        const y = await yearOf(await slugOf(account), 2017);
        expect(y).toMatchObject({ value: 980_000, basis: 'newest-report', coverage: 'basic' });
        // Both reports stay, the one used first.
        expect(y.reports.map((r) => [r.reportYear, r.basic, r.preferred])).toEqual([
          [2019, 980_000, false],
          [2018, 1_000_000, false],
        ]);
        expect(y.reportId).toBe(y.reports[0]?.id);
        expect(y.reports[0]).toMatchObject({
          dataset: 'cdp-emissions',
          totalCoverage: 'basic',
          gases: 'CO2, CH4, N2O',
          boundary: 'city-wide',
        });
        expect(y.reports[0]?.protocol).toMatch(/^Global Protocol for Community/);
      }
    });

    it_('lets staff choose another figure of a year, shown as their choice', async () => {
      const slug = await slugOf('990001');
      const before = await yearOf(slug, 2017);
      const older = before.reports[1] as Report;
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/emission-reports/${older.id}`,
        headers: admin,
        payload: { preferred: true },
      });
      expect(res.statusCode).toBe(200);
      const after = await yearOf(slug, 2017);
      expect(after).toMatchObject({ value: 1_000_000, basis: 'staff-choice', reportId: older.id });
      expect(after.reports[0]?.id).toBe(older.id);
      // A re-import of the newer file does not take the choice away.
      await importEmissions([restated('990001', 'Fixture Alpha')]);
      expect(await yearOf(slug, 2017)).toMatchObject({ value: 1_000_000, basis: 'staff-choice' });
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/emission-reports/${older.id}`,
        headers: admin,
        payload: { preferred: false },
      });
      expect(await yearOf(slug, 2017)).toMatchObject({ value: 980_000, basis: 'newest-report' });
    });

    describe('like with like', () => {
      let slug = '';
      const createTarget = async (scopes: number[], sectors: string[]) => {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/governments/${slug}/targets`,
          headers: admin,
          payload: {
            type: 'base-year',
            title: `50 % below 2010 by 2030 (scopes ${scopes.join('+')})`,
            status: 'policy',
            baseYear: 2010,
            baseEmissions: 1_000_000,
            targetYear: 2030,
            reductionPercent: 50,
            coverage: { gases: [], scopes, sectors, boundary: 'city-wide' },
          },
        });
        expect(res.statusCode).toBe(201);
        return (res.json() as { id: number }).id;
      };
      const assessment = async (id: number) =>
        (await t.app.inject({ url: `/api/v1/targets/${id}/assessment?asOf=2020` })).json();

      it_(
        'compares a BASIC target with BASIC years only, and says why 2018 is left out',
        async () => {
          if (!slug) {
            // 2017 reported as BASIC (with its scopes), 2018 as scope 1 + scope 2 only.
            await importEmissions([
              {
                reportYear: 2018,
                account: '990003',
                city: 'Fixture Gamma',
                accountingYear: 2017,
                scope1: 700_000,
                scope2: 280_000,
                basic: 920_000,
              },
            ]);
            await importEmissions([
              {
                reportYear: 2019,
                account: '990003',
                city: 'Fixture Gamma',
                accountingYear: 2018,
                scope1: 700_000,
                scope2: 293_000,
              },
            ]);
            slug = await slugOf('990003');
          }
          expect(await yearOf(slug, 2018)).toMatchObject({ value: 993_000, coverage: 'scope-1-2' });
          const basic = await assessment(await createTarget([1, 2, 3], ['I', 'II', 'III']));
          // (1,000,000 − 920,000) / (1,000,000 − 500,000) = 0.16, not (1,000,000 − 993,000) / … = 0.014
          expect(basic.progress).toBeCloseTo(0.16, 12);
          expect(basic).toMatchObject({
            actualYear: 2017,
            actual: 920_000,
            compared: 'basic',
            coverageAssumed: false,
            excluded: [{ year: 2018, code: 'coverage', reported: 'scope-1-2', required: 'basic' }],
          });

          const scope12 = await assessment(await createTarget([1, 2], []));
          // Scope 1 + 2 both years: the latest, 2018, (1,000,000 − 993,000) / 500,000 = 0.014.
          expect(scope12.progress).toBeCloseTo(0.014, 12);
          expect(scope12).toMatchObject({ actualYear: 2018, compared: 'scope-1-2', excluded: [] });

          // The target list carries the same assessment.
          const list = (
            await t.app.inject({ url: `/api/v1/governments/${slug}/targets?asOf=2020` })
          ).json() as { items: { assessment: { compared: string; excluded: unknown[] } }[] };
          expect(list.items.map((i) => i.assessment.compared).sort()).toEqual([
            'basic',
            'scope-1-2',
          ]);
        },
      );

      it_('says when no year compares', async () => {
        const transport = await assessment(await createTarget([1, 2, 3], ['II']));
        expect(transport).toMatchObject({
          status: 'not-assessable',
          reason: 'no-comparable-figures',
          compared: 'sectors',
        });
        expect(transport.excluded.map((e: { year: number }) => e.year)).toEqual([2017, 2018]);
      });
    });

    it_('keeps the source of a figure entered by hand', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/governments/kyoto/emission-reports',
        headers: admin,
        payload: {
          year: 2019,
          source: 'national',
          sourceLabel: 'National GHG inventory 2022',
          total: 6_000_000,
          totalCoverage: 'scope-1-2',
          reportYear: 2022,
          gases: ['N2O', 'CO2'],
          protocol: 'IPCC 2006',
          boundary: 'city-wide',
        },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        reportYear: 2022,
        dataset: null,
        totalCoverage: 'scope-1-2',
        gases: 'CO2, N2O',
        protocol: 'IPCC 2006',
        boundary: 'city-wide',
        preferred: false,
      });
      const bad = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/emission-reports/${(res.json() as { id: number }).id}`,
        headers: admin,
        payload: { totalCoverage: 'everything' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('/totalCoverage');
    });

    it_('applies the same rule on the network dashboard', async () => {
      const res = await t.app.inject({ url: '/api/v1/climate/summary?asOf=2020' });
      expect(res.statusCode).toBe(200);
      const rows = (res.json() as { rows: { slug: string; latestEmissions: number | null }[] })
        .rows;
      // Both cities, whichever order their files came in, show the restated figure.
      for (const account of ['990001', '990002']) {
        const slug = await slugOf(account);
        expect(rows.find((r) => r.slug === slug)?.latestEmissions).toBe(980_000);
      }
    });
  },
);
