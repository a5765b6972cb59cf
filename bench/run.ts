/**
 * `npm run bench`: measures the directory at the scale the product is designed for
 * (10,000 governments, five names and two aliases each) on the embedded database.
 * Prints timings and memory; it asserts nothing and is never part of `npm test`.
 * `npm run bench -- load` runs the load test of bench/load.ts instead; `npm run bench -- imports`
 * only the reading of big import files (bench/imports.ts), which the whole bench runs last;
 * `npm run bench -- elections [--quick]` only the casts of a 10,000-voter election (2,000 quick).
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { configFromEnv } from '../src/server/config';
import { openStore as openDatabase } from '../src/server/store';
import { bootstrapDatabase } from '../src/server/setup/bootstrap';
import { searchKey } from '../src/core/names';
import { nowIso } from '../src/server/clock';
import { benchElectionCasts, benchGovernance } from './governance';
import { benchImports } from './imports';
import { runLoad } from './load';

const GOVERNMENTS = Number(process.env.BENCH_GOVERNMENTS ?? 10_000);
const RUNS = 50;

async function main() {
  const db = openDatabase({ sqliteFile: ':memory:' });
  const config = {
    ...configFromEnv({}),
    seedDemo: false,
    adminPassword: 'bench-password-123',
    webRoot: undefined,
  };
  await bootstrapDatabase(db, config);
  const regions = await db.kysely.selectFrom('regions').select(['id', 'slug']).execute();
  const now = nowIso();

  const t0 = performance.now();
  for (let start = 0; start < GOVERNMENTS; start += 500) {
    const batch = Array.from({ length: Math.min(500, GOVERNMENTS - start) }, (_, i) => start + i);
    const ids = await db.kysely
      .insertInto('governments')
      .values(
        batch.map((n) => ({
          slug: `city-${n}`,
          kind: 'city',
          country: ['JP', 'KR', 'CN', 'TW', 'DE', 'US'][n % 6] as string,
          region_id: (regions[n % regions.length] as { id: number }).id,
          local_lang: 'en',
          population: n % 7 === 0 ? null : 10_000 + ((n * 7919) % 9_000_000),
          population_year: 2020,
          area_km2: null,
          latitude: null,
          longitude: null,
          unlocode: null,
          cdp_account: null,
          website: null,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    const names = ids.flatMap(({ id }, i) => {
      const n = batch[i] as number;
      const forms: [string | null, 'name' | 'alias', string][] = [
        ['en', 'name', `Benchville ${n}`],
        ['ja', 'name', `ベンチ市${n}`],
        ['ko', 'name', `벤치시${n}`],
        ['zh-Hans', 'name', `本奇市${n}`],
        ['zh-Hant', 'name', `本奇市${n}`],
        [null, 'alias', `City of Benchville ${n}`],
        [null, 'alias', `Bench-${n}`],
      ];
      return forms.map(([lang, kind, name]) => ({
        government_id: id,
        lang,
        kind,
        name,
        search_key: searchKey(name),
      }));
    });
    for (let i = 0; i < names.length; i += 700) {
      await db.kysely
        .insertInto('government_names')
        .values(names.slice(i, i + 700))
        .execute();
    }
    await db.kysely
      .insertInto('memberships')
      .values(
        ids.map(({ id }, i) => ({
          government_id: id,
          category: i % 3 ? 'non-member' : 'full-member',
          status: 'current',
          since: null,
        })),
      )
      .execute();
  }
  const loadMs = performance.now() - t0;

  const app = await buildApp({ config, db });
  const cases: [string, string][] = [
    ['first page, by name', '/api/v1/governments?pageSize=20'],
    ['search "벤치시123"', `/api/v1/governments?q=${encodeURIComponent('벤치시123')}`],
    ['search "benchville 99"', '/api/v1/governments?q=benchville%2099'],
    [
      'region + category, by -population, page 20',
      '/api/v1/governments?region=east-asia&category=full-member&sort=-population&page=20',
    ],
    ['profile', `/api/v1/governments/city-${Math.floor(GOVERNMENTS / 2)}`],
  ];
  console.log(
    `directory bench: ${GOVERNMENTS} governments loaded in ${loadMs.toFixed(0)} ms (SQLite, in memory)`,
  );
  for (const [label, url] of cases) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const res = await app.inject({ url });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => (times[Math.floor(q * (times.length - 1))] as number).toFixed(1);
    console.log(`  ${label.padEnd(46)} median ${p(0.5)} ms   p95 ${p(0.95)} ms`);
  }
  // Climate: two targets per government and 30 years of reported totals each.
  const t1 = performance.now();
  const govIds = (await db.kysely.selectFrom('governments').select('id').execute()).map(
    (g) => g.id,
  );
  for (let i = 0; i < govIds.length; i += 250) {
    const ids = govIds.slice(i, i + 250);
    await db.kysely
      .insertInto('climate_targets')
      .values(
        ids.flatMap((id) => [
          {
            government_id: id,
            type: 'base-year',
            title: '40 % by 2030',
            status: 'policy',
            base_year: 2010,
            base_emissions: 1_000_000,
            target_year: 2030,
            reduction_percent: 40,
            version: 1,
            coverage_gases: '[]',
            coverage_scopes: '[]',
            coverage_sectors: '[]',
            boundary: 'city-wide',
            initiatives: '[]',
            created_at: now,
            updated_at: now,
          },
          {
            government_id: id,
            type: 'fixed-level',
            title: 'Net zero 2050',
            status: 'policy',
            net_zero_label: 'net-zero',
            base_year: 2010,
            base_emissions: 1_000_000,
            target_year: 2050,
            target_emissions: 0,
            version: 1,
            coverage_gases: '[]',
            coverage_scopes: '[]',
            coverage_sectors: '[]',
            boundary: 'city-wide',
            initiatives: '[]',
            created_at: now,
            updated_at: now,
          },
        ]),
      )
      .execute();
    const reports = ids.flatMap((id) =>
      Array.from({ length: 30 }, (_, k) => ({
        government_id: id,
        year: 1995 + k,
        source: 'cdp',
        source_label: 'bench',
        total: 1_000_000 - k * 9_000 - (id % 13) * 1_000,
        // Chosen by the rule (the newest report), as imported figures are.
        report_year: 1997 + k,
        preferred: 0,
        provenance: '{}',
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    for (let j = 0; j < reports.length; j += 800) {
      await db.kysely
        .insertInto('emission_reports')
        .values(reports.slice(j, j + 800))
        .execute();
    }
  }
  console.log(
    `climate bench: ${govIds.length * 2} targets and ${govIds.length * 30} yearly totals loaded in ${(performance.now() - t1).toFixed(0)} ms`,
  );
  for (const [label, url] of [
    ['summary, one region', '/api/v1/climate/summary?region=east-asia'],
    ['summary, whole network', '/api/v1/climate/summary'],
    ['targets of one government, assessed', `/api/v1/governments/city-42/targets`],
  ] as const) {
    const times: number[] = [];
    const runs = label.includes('whole') ? 5 : 20;
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const res = await app.inject({ url });
      if (res.statusCode !== 200)
        throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(46)} median ${(times[Math.floor(times.length / 2)] as number).toFixed(1)} ms`,
    );
  }

  await benchGovernance(db, app);

  const mem = process.memoryUsage();
  console.log(
    `  memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  await app.close();
  await db.close();
  await benchImports();
}

/** The election casts alone, on a fresh embedded database. */
async function electionsOnly() {
  const db = openDatabase({ sqliteFile: ':memory:' });
  const config = {
    ...configFromEnv({}),
    seedDemo: false,
    adminPassword: 'bench-password-123',
    webRoot: undefined,
  };
  await bootstrapDatabase(db, config);
  const app = await buildApp({ config, db });
  for (const m of await benchElectionCasts(db, app, { quick: process.argv.includes('--quick') })) {
    const ratio = m.reference ? (m.accord / m.reference.value).toFixed(2) : '–';
    console.log(
      `${m.id}: ${m.what}: ${m.accord.toFixed(2)} ${m.unit} against ${m.reference?.value.toFixed(2)} (${m.reference?.label}), ratio ${ratio}, target ${m.target}, ${m.met ? 'met' : 'not met'}`,
    );
    console.log(`  ${JSON.stringify(m.detail)}`);
  }
  await app.close();
  await db.close();
}

// `npm run bench -- load` puts the real server under a crowd instead (bench/load.ts).
if (process.argv.includes('load')) await runLoad();
else if (process.argv.includes('imports')) await benchImports();
else if (process.argv.includes('elections')) await electionsOnly();
else await main();
