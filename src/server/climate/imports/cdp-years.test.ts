import fs from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import type { ImportKind } from '../schemas';
import { importRunRows, runImport } from './service';

/**
 * Every published CDP city-wide emissions layout from 2016 on, imported from its fixture
 * (fixtures/cdp-emissions-YEAR.csv: made-up rows under the real header row of that year's
 * export) on both databases: what each report holds. The findings these guard against: scope 3
 * dropped from 2018–2019 files read as 2021, rows that give only CDP's split by generation of
 * grid-supplied energy skipped as "no emissions figures", "Not Applicable" read as a figure,
 * and the 2017 GPC table (one row per line) taken row by row.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const ACTOR = { userId: null, label: 'layout test' };

interface Expected {
  year: number;
  scope1?: number | null;
  scope2?: number | null;
  scope3?: number | null;
  basic?: number | null;
  basic_plus?: number | null;
  total?: number | null;
}

interface YearCase {
  file: string;
  layout: string;
  /** Rows the run counts: one per data row, or one per report of a long table. */
  totalRows: number;
  reports: Record<string, Expected>;
  /** Row number → reason of each skipped row. */
  skipped: Record<number, string>;
}

const YEARS: YearCase[] = [
  {
    file: 'cdp-emissions-2016.csv',
    layout: 'cdp-emissions-2016',
    totalRows: 3,
    reports: {
      // "Measurement Year" is a month-first date with a time: 12/31/2013 12:00:00 AM.
      'cdp|2016|991601': {
        year: 2013,
        scope1: 589055.31,
        scope2: 36336.28,
        scope3: null,
        basic: null,
        total: 625391.59,
      },
      'cdp|2016|991602': { year: 2015, scope1: null, scope2: null, total: 773061 },
    },
    skipped: { 4: 'accounting year unknown' },
  },
  {
    file: 'cdp-emissions-2017.csv',
    layout: 'cdp-emissions-2017',
    totalRows: 2,
    reports: {
      // "Scopes Included" says the total is BASIC.
      'cdp|2017|991701': {
        year: 2013,
        scope1: 2249502,
        scope2: 9982808,
        basic: 12232310,
        total: 12232310,
      },
      'cdp|2017|991702': {
        year: 2015,
        scope1: 898681,
        scope2: 759270,
        basic: null,
        total: 1604007,
      },
    },
    skipped: {},
  },
  {
    file: 'cdp-emissions-2017-gpc.csv',
    layout: 'cdp-emissions-2017-gpc',
    totalRows: 2,
    reports: {
      // Scope 2 and 3 from their sector lines; scope 1 from its TOTAL line, not the lines.
      'cdp|2017|991711': {
        year: 2015,
        scope1: 1800,
        scope2: 550,
        scope3: 90,
        basic: 2400,
        basic_plus: 2500,
        total: 2400,
      },
      // Its one scope 2 line is "Not Applicable": no scope 2.
      'cdp|2017|991712': { year: 2014, scope1: 6000, scope2: null, basic: 9000, total: 9000 },
    },
    skipped: {},
  },
  {
    file: 'cdp-emissions-2018.csv',
    layout: 'cdp-emissions-2018-2019',
    totalRows: 4,
    reports: {
      'cdp|2018|991801': {
        year: 2017,
        scope1: 912080,
        scope2: 725157,
        scope3: 76972,
        basic: 1641401,
        basic_plus: 1714208,
        total: 1641401,
      },
      // Only the split: scope 1 = 3,633,345 (generation) + 10,895,757; the total leaves the
      // generation of grid-supplied energy out (its use is scope 2 already).
      'cdp|2018|991802': {
        year: 2016,
        scope1: 14529102,
        scope2: 6296158,
        scope3: 55751.8,
        basic: null,
        total: 10895757 + 6296158,
      },
      // BASIC "Not Applicable": none.
      'cdp|2018|991803': {
        year: 2016,
        scope1: 180000,
        scope2: 0,
        basic: null,
        basic_plus: null,
        total: 180000,
      },
    },
    skipped: { 5: 'accounting year unknown' },
  },
  {
    file: 'cdp-emissions-2019.csv',
    layout: 'cdp-emissions-2018-2019',
    totalRows: 3,
    reports: {
      'cdp|2019|991901': {
        year: 2016,
        scope1: 1532456.76,
        scope2: 1446.5,
        scope3: 55751.8,
        total: 1533381.3,
      },
      'cdp|2019|991902': {
        year: 2017,
        scope1: 12422.55,
        scope2: 7838.23,
        scope3: 21526.21,
        basic: 20314.83,
        basic_plus: 41786.99,
        total: 20314.83,
      },
    },
    skipped: { 4: 'accounting year unknown' },
  },
  {
    file: 'cdp-emissions-2020.csv',
    layout: 'cdp-emissions-2021',
    totalRows: 2,
    reports: {
      'cdp|2020|992001': {
        year: 2017,
        scope1: 19507573 + 10986381,
        scope2: 7542832,
        scope3: 2262882,
        total: 10986381 + 7542832,
      },
      'cdp|2020|992002': { year: 2019, scope1: 103592, scope2: 127003, total: 230595 },
    },
    skipped: {},
  },
  {
    // A 2021 export whose headers a secretariat translated into Korean (layouts-translated.ts).
    file: 'cdp-emissions-translated-ko.csv',
    layout: 'cdp-emissions-2021',
    totalRows: 2,
    reports: {
      'cdp|2021|992101': {
        year: 2018,
        scope1: 1234567,
        scope2: 890123,
        scope3: 45678,
        total: 2170368,
      },
    },
    skipped: { 3: 'accounting year unknown' },
  },
  {
    file: 'cdp-emissions-2022.csv',
    layout: 'cdp-emissions-2022',
    // Seoul, Kyoto and an account not in the directory, gathered from 12 rows.
    totalRows: 3,
    reports: {
      'cdp|2022|31187': {
        year: 2019,
        scope1: 21500000,
        scope2: 21000000,
        scope3: 1400000,
        basic: 42000000,
        basic_plus: 43500000,
        total: 42000000,
      },
      'cdp|2022|49389': { year: 2019, scope1: 3600000, scope2: null, scope3: 200000 },
    },
    // The export names no city: an account not in the directory cannot become a government.
    skipped: { 13: 'no name to create a government from' },
  },
  {
    file: 'cdp-emissions-2023.csv',
    layout: 'cdp-emissions-2023',
    totalRows: 1,
    reports: {
      'cdp|2023|31187': {
        year: 2021,
        scope1: 19000000,
        scope2: 20000000,
        scope3: 1300000,
        basic: 40000000,
        total: 40000000,
      },
    },
    skipped: {},
  },
];

function fileOf(name: string): Readable {
  return Readable.from([fs.readFileSync(`${FIXTURES}${name}`)]);
}

describe.each(dialectCases())('each CDP emissions year on $label', ({ dialect, skip }) => {
  let db: Db;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'x'.repeat(12) });
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  const run = (kind: ImportKind, file: string, dryRun = false) =>
    runImport(db, ACTOR, { kind, input: fileOf(file), fileName: file, dryRun });

  for (const c of YEARS) {
    it.skipIf(skip)(
      `${c.file}: read as ${c.layout}, every figure where it belongs`,
      async () => {
        const preview = await run('cdp-emissions', c.file, true);
        expect(preview).toMatchObject({ status: 'done', layout: c.layout, totalRows: c.totalRows });
        const done = await run('cdp-emissions', c.file);
        expect(done).toMatchObject({
          status: 'done',
          layout: c.layout,
          totalRows: c.totalRows,
          processedRows: c.totalRows,
          skipped: Object.keys(c.skipped).length,
          warnings: [],
        });
        const rows = (await importRunRows(db, done.id, { page: 1, pageSize: 100 })).items;
        expect(rows).toEqual(
          (await importRunRows(db, preview.id, { page: 1, pageSize: 100 })).items,
        );
        expect(
          Object.fromEntries(rows.filter((r) => r.action === 'skip').map((r) => [r.row, r.reason])),
        ).toEqual(c.skipped);

        const reports = await db.kysely
          .selectFrom('emission_reports')
          .where('import_key', 'in', Object.keys(c.reports))
          .select([
            'import_key',
            'year',
            'scope1',
            'scope2',
            'scope3',
            'basic',
            'basic_plus',
            'total',
            'provenance',
          ])
          .execute();
        const byKey = new Map(reports.map((r) => [r.import_key, r]));
        for (const [key, expected] of Object.entries(c.reports)) {
          const report = byKey.get(key);
          expect({ key, ...report }).toMatchObject({ key, ...expected });
          expect(JSON.parse(report?.provenance ?? '{}')).toMatchObject({
            file: c.file,
            layout: c.layout,
          });
        }
      },
      60_000,
    );
  }

  it.skipIf(skip)('says which rows of a long table a report came from', async () => {
    const done = await run('cdp-emissions', 'cdp-emissions-2017-gpc.csv');
    const rows = (await importRunRows(db, done.id, { page: 1, pageSize: 100 })).items;
    expect(rows.map((r) => [r.row, r.entity])).toEqual([
      [2, 'emission report 2015 (rows 2–14)'],
      [4, 'emission report 2014 (rows 4–13)'],
    ]);
  });

  it.skipIf(skip)('warns of a column with numbers that no field reads', async () => {
    const text = fs
      .readFileSync(`${FIXTURES}cdp-emissions-2020.csv`, 'utf8')
      .split('\n')
      .map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'Scope 4 (made up)' : i * 10}`))
      .join('\n');
    const done = await runImport(db, ACTOR, {
      kind: 'cdp-emissions',
      input: Readable.from([Buffer.from(text)]),
      fileName: 'with-an-extra-column.csv',
      dryRun: true,
    });
    expect(done.warnings).toEqual([
      expect.objectContaining({
        code: 'unread-numbers',
        column: 'Scope 4 (made up)',
        rows: 2,
        firstRow: 2,
      }),
    ]);
  });
});
