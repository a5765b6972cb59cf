/**
 * The directory's search at network scale (issue 13, point 5): GET /api/v1/governments?q=… over
 * 100,000 governments (10,000 with --quick) of the synthetic network (bench/generate.ts: names in
 * Japanese, Korean, both Chinese scripts, Latin with diacritics, Vietnamese, and aliases), on
 * SQLite (a file in a temporary folder) and PostgreSQL (a scratch database, dropped after).
 *
 * Each database's figure is the p95 of every request of a mix of queries (a Latin prefix, a
 * Latin infix, two CJK characters, more CJK characters, Hangul, an alias, a miss), beside the
 * reference: the query the directory ran before the name index (a LIKE over every key, ranked
 * alphabetically; searchBeforeIndex), run directly on the same database in the same run.
 *
 * `npx tsx bench/search.ts [--quick]` runs it alone.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { searchKey } from '../src/core/names';
import { buildApp } from '../src/server/app';
import { configFromEnv } from '../src/server/config';
import { bootstrapDatabase } from '../src/server/setup/bootstrap';
import { refreshStatistics, searchBeforeIndex } from '../src/server/members/search-repository';
import { openStore, type StoreDb } from '../src/server/store';
import { syntheticGovernment } from './generate';
import { summarize, type BenchOptions, type Database, type Measurement } from './harness';

const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_MS = 20;
const FULL_SIZE = 100_000;

/** What a reader types, by kind; each is searched as a Japanese, Korean or English reader. */
export const SEARCH_QUERIES: readonly { kind: string; q: string; lang: string }[] = [
  { kind: 'Latin prefix', q: 'Yokoha', lang: 'en' },
  { kind: 'Latin infix', q: 'hsiungtao', lang: 'en' },
  { kind: 'CJK, 2 characters', q: '京都', lang: 'ja' },
  { kind: 'CJK, 3+ characters', q: '大阪市', lang: 'ja' },
  { kind: 'Hangul', q: '서울', lang: 'ko' },
  { kind: 'alias', q: 'City of Yoko', lang: 'en' },
  { kind: 'miss', q: 'Atlantis', lang: 'en' },
];

/**
 * Only what the search reads: governments, their names and aliases and a membership, written
 * straight into the tables (loadNetwork would also write 30 years of totals and inventories).
 */
export async function loadNames(db: StoreDb, n: number): Promise<void> {
  const regions = await db.members.regionIdsBySlug();
  const now = new Date().toISOString();
  for (let start = 0; start < n; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - start) }, (_, i) =>
      syntheticGovernment(start + i),
    );
    await db.transaction(async (tx) => {
      const ids = await tx.members.insertGovernments(
        batch.map((g) => ({
          slug: g.slug,
          kind: 'city' as const,
          country: g.country,
          region_id: regions.get(g.region) ?? (regions.values().next().value as number),
          local_lang: g.localLang,
          population: g.population,
          population_year: g.population === null ? null : 2020,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })),
      );
      await tx.members.insertGovernmentNames(
        batch.flatMap((g, i) =>
          g.names.map((name) => ({
            government_id: ids[i] as number,
            lang: name.lang,
            kind: name.kind,
            name: name.name,
            search_key: searchKey(name.name),
          })),
        ),
      );
      await tx.members.insertMemberships(
        batch.map((g, i) => ({
          government_id: ids[i] as number,
          category: g.category as 'full-member',
          status: 'current' as const,
          since: null,
        })),
      );
    });
  }
}

async function measureOn(
  database: Exclude<Database, 'none'>,
  db: StoreDb,
  n: number,
  runs: number,
  log: (line: string) => void,
): Promise<Measurement> {
  const config = {
    ...configFromEnv({}),
    seedDemo: false,
    adminPassword: 'bench-password-123',
    webRoot: undefined,
  };
  await bootstrapDatabase(db, config);
  const t0 = performance.now();
  await loadNames(db, n);
  await refreshStatistics(db.kysely);
  log(
    `  ${database}: ${n} governments loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const app = await buildApp({ config, db });
  try {
    const accord: number[] = [];
    const reference: number[] = [];
    const detail: Record<string, number | string> = { governments: n };
    for (const { kind, q, lang } of SEARCH_QUERIES) {
      const url = `/api/v1/governments?q=${encodeURIComponent(q)}&lang=${lang}&pageSize=20`;
      const mine: number[] = [];
      const theirs: number[] = [];
      let total = 0;
      let oldTotal = 0;
      for (let i = 0; i < runs + 2; i++) {
        const s = performance.now();
        const res = await app.inject({ url });
        const took = performance.now() - s;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        total = (res.json() as { total: number }).total;
        const r = performance.now();
        oldTotal = (await searchBeforeIndex(db.kysely, searchKey(q), lang)).total;
        const tookOld = performance.now() - r;
        if (i < 2) continue; // warm-up
        mine.push(took);
        theirs.push(tookOld);
      }
      if (total !== oldTotal) throw new Error(`"${q}": ${total} found, the LIKE scan ${oldTotal}`);
      const a = summarize(mine);
      const b = summarize(theirs);
      accord.push(...mine);
      reference.push(...theirs);
      detail[`${kind} "${q}" p95 ms`] = Number(a.p95.toFixed(2));
      detail[`${kind} "${q}" LIKE p95 ms`] = Number(b.p95.toFixed(2));
      detail[`${kind} "${q}" found`] = total;
      log(
        `    ${`${kind} "${q}"`.padEnd(34)} found ${String(total).padStart(5)}   p95 ${a.p95.toFixed(1).padStart(6)} ms   LIKE scan p95 ${b.p95.toFixed(1).padStart(6)} ms`,
      );
    }
    const a = summarize(accord);
    const b = summarize(reference);
    detail.median = Number(a.median.toFixed(2));
    return {
      id: 'search.directory',
      what: `Directory search, p95 of GET /api/v1/governments?q=… (${SEARCH_QUERIES.length} kinds of query), ${n.toLocaleString('en')} governments`,
      database,
      unit: 'ms',
      accord: Number(a.p95.toFixed(2)),
      reference: { label: 'LIKE scan', value: Number(b.p95.toFixed(2)) },
      target: `p95 < ${TARGET_MS} ms`,
      met: n < FULL_SIZE ? null : a.p95 < TARGET_MS,
      detail,
    };
  } finally {
    await app.close();
  }
}

async function onSqlite(n: number, runs: number, log: (line: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-search-'));
  const db = openStore({ sqliteFile: path.join(dir, 'accord.db') });
  try {
    return await measureOn('sqlite', db, n, runs, log);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function onPostgres(n: number, runs: number, log: (line: string) => void) {
  const name = `accord_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const db = openStore({ databaseUrl: url.toString() });
    try {
      return await measureOn('postgres', db, n, runs, log);
    } finally {
      await db.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export async function benchSearch(opts: BenchOptions): Promise<Measurement[]> {
  const n = opts.quick ? 10_000 : FULL_SIZE;
  // BENCH_SEARCH_RUNS shortens a full run on a busy machine (the LIKE scan takes seconds a query).
  const runs = Number(process.env.BENCH_SEARCH_RUNS ?? (opts.quick ? 20 : 50));
  const log = (line: string) => console.log(line);
  log(`search bench: ${n} governments, ${runs} runs of each query`);
  const out = [await onSqlite(n, runs, log)];
  if (await postgresReachable()) out.push(await onPostgres(n, runs, log));
  else log(`  postgres: skipped (${PG_ADMIN_URL} not reachable)`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchSearch({ quick: process.argv.includes('--quick') });
  for (const m of results) {
    const ratio = m.reference ? (m.accord / m.reference.value).toFixed(2) : '–';
    console.log(
      `${m.database.padEnd(8)} p95 ${m.accord} ms  (LIKE scan ${m.reference?.value} ms, ×${ratio})  target ${m.target}: ${m.met === null ? 'not judged (quick)' : m.met ? 'met' : 'NOT met'}`,
    );
  }
}
