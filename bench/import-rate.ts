/**
 * Import rate (issue 13, point 3): a big CDP city-wide emissions file imported through the real
 * path — `runImport`, what `accord import` and the API call — into an SQLite file, beside the
 * floor of what SQLite can do with the same rows: one better-sqlite3 prepared statement in one
 * transaction, fed by csv-parse reading the same file (so parsing is paid on both sides).
 *
 * Why emission reports and not inventory entries: no import layout writes inventory_entries.
 * CDP's GPC long tables (2017, 2022, 2023) are gathered into one emission report per account
 * and reporting year; a wide export (2020/2021 here) gives one report per row, the most rows
 * any import writes. Each row of the file is one government × reporting year, every government
 * present in the database with its CDP account, so every row creates a report.
 *
 * Memory: resident memory is sampled every 100 ms; its reading when the run has processed 25, 50,
 * 75 and 100 % of the rows shows whether it grows with the file.
 *
 * `npx tsx bench/import-rate.ts [--quick]` runs it alone (1,000,000 rows; --quick 100,000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse';
import { searchKey } from '../src/core/names';
import { runImport } from '../src/server/climate/imports/service';
import { openStore, type StoreDb } from '../src/server/store';
import { prepareDatabase } from '../src/server/setup/bootstrap';
import { rssMiB, type BenchOptions, type Measurement } from './harness';

/** The 2020/2021 export's header row (fixtures/cdp-emissions.csv). */
const HEADER = [
  'Year Reported to CDP',
  'Account Number',
  'Organization',
  'City',
  'Country',
  'CDP Region',
  'Access',
  'City-wide emissions inventory',
  'Accounting year',
  'Primary Protocol',
  'Gases Included',
  'TOTAL Scope 1 Emissions (metric tonnes CO2e)',
  'TOTAL Scope 2 emissions (metric tonnes CO2e)',
  'TOTAL Scope 3 Emissions',
  'TOTAL BASIC Emissions (GPC)',
  'Population',
  'City Location',
  'Last update',
].join(',');

const COUNTRIES = [
  ['JP', 'Japan'],
  ['KR', 'Republic of Korea'],
  ['DE', 'Germany'],
  ['US', 'United States of America'],
  ['BR', 'Brazil'],
] as const;
const FIRST_REPORTING_YEAR = 1960;

export interface ImportRateSize {
  governments: number;
  years: number;
}

const account = (g: number) => String(100_000 + g);

/** Rows by reporting year, then government, as CDP lists a year's answers. */
export async function writeEmissionsFile(file: string, size: ImportRateSize): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write(`${HEADER}\r\n`);
  let rows = 0;
  for (let y = 0; y < size.years; y++) {
    const reported = FIRST_REPORTING_YEAR + y;
    const accounted = reported - 2;
    const lines: string[] = [];
    for (let g = 0; g < size.governments; g++) {
      const [, country] = COUNTRIES[g % COUNTRIES.length] as (typeof COUNTRIES)[number];
      const s1 = 100_000 + ((g * 7919 + y * 104_729) % 9_000_000);
      const s2 = Math.round(s1 * 0.6);
      lines.push(
        `${reported},${account(g)},City of Benchtown ${g},Benchtown ${g},${country},East Asia,` +
          `public,Yes,${accounted}-01-01 - ${accounted}-12-31,` +
          `Global Protocol for Community Greenhouse Gas Emissions Inventories (GPC),"CO2, CH4, N2O",` +
          `${s1},${s2},${Math.round(s1 * 0.2)},${s1 + s2},${50_000 + g},POINT (135.7 35.0),` +
          '10/04/2021 09:23:47 AM',
      );
      rows += 1;
    }
    if (!out.write(`${lines.join('\r\n')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return rows;
}

/** The file's governments, each with its CDP account and an English name (no climate data). */
export async function loadGovernments(db: StoreDb, n: number): Promise<Map<string, number>> {
  const regions = await db.kysely.selectFrom('regions').select(['id', 'slug']).execute();
  const regionId = (regions.find((r) => r.slug === 'east-asia') ?? regions[0])?.id as number;
  const now = new Date().toISOString();
  const ids = new Map<string, number>();
  for (let start = 0; start < n; start += 500) {
    const batch = Array.from({ length: Math.min(500, n - start) }, (_, i) => start + i);
    await db.kysely.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('governments')
        .values(
          batch.map((g) => ({
            slug: `benchtown-${g}`,
            kind: 'city',
            country: (COUNTRIES[g % COUNTRIES.length] as (typeof COUNTRIES)[number])[0],
            region_id: regionId,
            local_lang: 'en',
            population: 50_000 + g,
            population_year: 2020,
            area_km2: null,
            latitude: null,
            longitude: null,
            unlocode: null,
            cdp_account: account(g),
            website: null,
            is_demo: 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute();
      rows.forEach((r, i) => ids.set(account(batch[i] as number), r.id));
      await trx
        .insertInto('government_names')
        .values(
          rows.map((r, i) => ({
            government_id: r.id,
            lang: 'en',
            kind: 'name' as const,
            name: `Benchtown ${batch[i]}`,
            search_key: searchKey(`Benchtown ${batch[i]}`),
          })),
        )
        .execute();
    });
  }
  return ids;
}

/** A migrated SQLite file with regions and the file's governments. */
async function preparedDatabase(file: string, governments: number) {
  const db = openStore({ sqliteFile: file });
  await prepareDatabase(db, { seedDemo: false, adminPassword: undefined });
  const ids = await loadGovernments(db, governments);
  return { db, ids };
}

/**
 * A full garbage collection, without `--expose-gc` on the command line: what the import holds,
 * not what the collector has not got round to yet, is what should stay flat.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * Samples resident memory every 100 ms for the peak; `mark` keeps, after a full collection, the
 * resident memory and the heap in use at a point of the run.
 */
class MemoryWatch {
  readonly start: number;
  peak: number;
  readonly marks = new Map<
    string,
    { rss: number; heap: number; heapTotal: number; external: number }
  >();
  private readonly timer = setInterval(() => {
    this.peak = Math.max(this.peak, rssMiB());
  }, 100);

  constructor() {
    collectGarbage();
    this.start = rssMiB();
    this.peak = this.start;
  }

  mark(label: string): void {
    if (this.marks.has(label)) return;
    this.peak = Math.max(this.peak, rssMiB());
    collectGarbage();
    const used = process.memoryUsage();
    this.marks.set(label, {
      rss: used.rss / 2 ** 20,
      heap: used.heapUsed / 2 ** 20,
      heapTotal: used.heapTotal / 2 ** 20,
      external: used.external / 2 ** 20,
    });
  }

  stop(): void {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, rssMiB());
  }
}

async function importThroughAccord(file: string, dbFile: string, size: ImportRateSize) {
  const { db, ids } = await preparedDatabase(dbFile, size.governments);
  void ids;
  const memory = new MemoryWatch();
  const began = performance.now();
  let readMs: number | null = null;
  const run = await runImport(
    db,
    { userId: null, label: 'bench' },
    {
      kind: 'cdp-emissions',
      input: fs.createReadStream(file),
      fileName: path.basename(file),
      maxBytes: Infinity,
      onProgress: ({ processed, total }) => {
        if (processed === 0) {
          readMs = performance.now() - began;
          memory.mark('read');
        }
        for (const share of [25, 50, 75, 100]) {
          if (total > 0 && processed >= (total * share) / 100) memory.mark(`${share}%`);
        }
      },
    },
  );
  const ms = performance.now() - began;
  memory.stop();
  const reports = await db.kysely
    .selectFrom('emission_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await db.close();
  if (run.status !== 'done') throw new Error(`the import ended ${run.status}: ${run.error}`);
  return { ms, readMs: readMs ?? 0, run, reports: Number(reports.n), memory };
}

/**
 * The floor: csv-parse reads the same file and every row becomes an emission report through one
 * prepared statement, in one transaction, in a fresh database of the same schema and governments.
 * It maps what a report needs (the government by account, the year, the figures) and no more.
 */
async function importByOneStatement(file: string, dbFile: string, size: ImportRateSize) {
  const prepared = await preparedDatabase(dbFile, size.governments);
  await prepared.db.close();
  const sqlite = new SQLite(dbFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const insert = sqlite.prepare(
    `INSERT INTO emission_reports (government_id, year, source, source_label, period_start,
       period_end, scope1, scope2, scope3, basic, basic_plus, total, total_coverage, gases,
       protocol, boundary, report_year, dataset, preferred, provenance, import_key, version,
       created_at, updated_at)
     VALUES (?, ?, 'cdp', ?, ?, ?, ?, ?, ?, ?, NULL, ?, 'basic', ?, ?, NULL, ?, 'cdp-emissions',
       0, ?, ?, 1, ?, ?)`,
  );
  const now = new Date().toISOString();
  const num = (s: string) => (s === '' ? null : Number(s));
  const began = performance.now();
  let rows = 0;
  sqlite.exec('BEGIN');
  const parser = fs.createReadStream(file).pipe(parse({ from_line: 2, relax_column_count: true }));
  for await (const r of parser as AsyncIterable<string[]>) {
    rows += 1;
    const reported = Number(r[0]);
    const [start = '', end = ''] = (r[8] as string).split(' - ');
    const basic = num(r[14] as string);
    insert.run(
      prepared.ids.get(r[1] as string),
      Number(start.slice(0, 4)),
      `CDP ${reported} city-wide emissions`,
      start,
      end,
      num(r[11] as string),
      num(r[12] as string),
      num(r[13] as string),
      basic,
      basic,
      r[10],
      r[9],
      reported,
      JSON.stringify({ file: 'bench.csv', row: rows + 1, reportedYear: reported }),
      `cdp|${reported}|${r[1]}`,
      now,
      now,
    );
  }
  sqlite.exec('COMMIT');
  const ms = performance.now() - began;
  sqlite.close();
  return { ms, rows };
}

export async function benchImportRate(opts: BenchOptions): Promise<Measurement[]> {
  const size: ImportRateSize = {
    governments: Number(process.env.BENCH_IMPORT_GOVERNMENTS ?? (opts.quick ? 2_000 : 10_000)),
    years: Number(process.env.BENCH_IMPORT_YEARS ?? (opts.quick ? 50 : 100)),
  };
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'accord-import-rate-'));
  try {
    const file = path.join(dir, 'cdp-emissions-bench.csv');
    const rows = await writeEmissionsFile(file, size);
    const megabytes = fs.statSync(file).size / 2 ** 20;
    const reference = await importByOneStatement(file, path.join(dir, 'reference.sqlite'), size);
    const accord = await importThroughAccord(file, path.join(dir, 'accord.sqlite'), size);
    if (accord.reports !== rows || reference.rows !== rows) {
      throw new Error(`expected ${rows} reports, Accord wrote ${accord.reports}`);
    }
    const rate = (rows * 1000) / accord.ms;
    const floor = (rows * 1000) / reference.ms;
    const at = (label: string) => accord.memory.marks.get(label)?.rss ?? Number.NaN;
    const heapAt = (label: string) => accord.memory.marks.get(label)?.heap ?? Number.NaN;
    const growth = at('100%') - at('25%');
    const round = (n: number) => Math.round(n);
    return [
      {
        id: 'import.entries',
        what:
          `CDP city-wide emissions import, ${rows.toLocaleString('en')} rows (${megabytes.toFixed(0)} MB) → ` +
          'as many emission reports through runImport (no layout imports inventory entries)',
        database: 'sqlite',
        unit: 'rows/s',
        accord: round(rate),
        reference: { label: 'one prepared statement, one transaction', value: round(floor) },
        target: '≥ 50 % of the reference',
        met: rate / floor >= 0.5,
        detail: {
          rows,
          accordSeconds: Number((accord.ms / 1000).toFixed(1)),
          readAndSpoolSeconds: Number((accord.readMs / 1000).toFixed(1)),
          referenceSeconds: Number((reference.ms / 1000).toFixed(1)),
          created: accord.run.created,
        },
      },
      {
        id: 'import.memory',
        what:
          'resident memory growth of that import from 25 % to 100 % of its rows ' +
          '(each reading after a full garbage collection)',
        database: 'sqlite',
        unit: 'MB',
        accord: round(growth),
        target: 'flat: < 50 MB growth',
        met: growth < 50,
        detail: {
          startMiB: round(accord.memory.start),
          afterReadingMiB: round(at('read')),
          at25MiB: round(at('25%')),
          at50MiB: round(at('50%')),
          at75MiB: round(at('75%')),
          at100MiB: round(at('100%')),
          peakMiB: round(accord.memory.peak),
          heapAt25MiB: round(heapAt('25%')),
          heapAt100MiB: round(heapAt('100%')),
          heapTotalAt25MiB: round(accord.memory.marks.get('25%')?.heapTotal ?? Number.NaN),
          heapTotalAt100MiB: round(accord.memory.marks.get('100%')?.heapTotal ?? Number.NaN),
          externalAt25MiB: round(accord.memory.marks.get('25%')?.external ?? Number.NaN),
          externalAt100MiB: round(accord.memory.marks.get('100%')?.external ?? Number.NaN),
        },
      },
    ];
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const measurements = await benchImportRate({ quick: process.argv.includes('--quick') });
  for (const m of measurements) {
    const ratio = m.reference ? ` (${((m.accord / m.reference.value) * 100).toFixed(0)} %)` : '';
    console.log(
      `${m.id}: ${m.accord} ${m.unit}${m.reference ? ` vs ${m.reference.value} ${m.reference.label}` : ''}${ratio}; ` +
        `target ${m.target}: ${m.met ? 'met' : 'not met'}`,
    );
    console.log(`  ${m.what}`);
    if (m.detail) console.log(`  ${JSON.stringify(m.detail)}`);
  }
}
