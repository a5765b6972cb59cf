/**
 * Network assessment (issue 13, points 1 and 2): the climate summary of a network already loaded
 * by loadNetwork (bench/generate.ts), beside the same aggregation done by DuckDB over the same
 * rows in the same run; and a government's climate API (its targets assessed, its emissions
 * series, its inventories), which the government's page asks for together.
 *
 * The DuckDB reference computes, in two SQL queries over the synthetic rows regenerated with
 * syntheticNetwork(n): per government the figure of each year (its inventory's BASIC total where
 * there is one, else the reported total, as Accord's precedence rule chooses for these rows), the
 * latest of them; per target its level (base × (1 − %), or the given level, or zero for a net-zero
 * pledge), the latest figure after its base year, and the status of core/climate/assess.ts
 * (achieved, stale after three years, on-track when at or under the straight pathway,
 * off-track, else not assessable); the headline target; then per government one row (latest
 * figure, headline status and progress), and per group (members, prospects) and country the
 * counts of governments, with targets, with net zero and by status, the base emissions covered
 * and the reductions committed by 2030 and 2050.
 * Where it differs from Accord: it does not check the comparability of gases, scopes and
 * boundary (the synthetic rows state none, so Accord assumes them comparable too), fits no
 * trend and compares no 1.5 °C benchmark (the summary shows neither), and returns its rows as
 * values, not as JSON over HTTP.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AppInstance } from '../src/server/http/app-types';
import type { StoreDb } from '../src/server/store';
import { syntheticNetwork } from './generate';
import { summarize, time, type BenchOptions, type Measurement, type Timing } from './harness';

export interface ClimateBenchOptions extends BenchOptions {
  /** Governments loadNetwork wrote (default: counted in the database). */
  governments?: number;
}

const REGION = 'east-asia';
const SUMMARY_P95_MS = 250;
const GOVERNMENT_P95_MS = 20;
const RATIO = 3;
/** What every browser sends. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

async function loadReference(duck: DuckDBConnection, n: number): Promise<void> {
  await duck.run(`
    CREATE TABLE gov (id INTEGER, region VARCHAR, country VARCHAR, is_member BOOLEAN);
    CREATE TABLE report (gov INTEGER, year INTEGER, total DOUBLE);
    CREATE TABLE inventory (gov INTEGER, year INTEGER, basic DOUBLE);
    CREATE TABLE target (gov INTEGER, id INTEGER, type VARCHAR, base_year INTEGER,
      base_emissions DOUBLE, target_year INTEGER, reduction_percent DOUBLE,
      target_emissions DOUBLE, bau_emissions DOUBLE, net_zero BOOLEAN);`);
  const [gov, report, inventory, target] = await Promise.all(
    ['gov', 'report', 'inventory', 'target'].map((t) => duck.createAppender(t)),
  );
  const num = (a: NonNullable<typeof gov>, v: number | null) =>
    v === null ? a.appendNull() : a.appendDouble(v);
  let targetId = 0;
  for (const g of syntheticNetwork(n)) {
    const id = g.index;
    gov!.appendInteger(id);
    gov!.appendVarchar(g.region);
    gov!.appendVarchar(g.country);
    gov!.appendBoolean(g.category !== 'non-member');
    gov!.endRow();
    for (const r of g.reports) {
      report!.appendInteger(id);
      report!.appendInteger(r.year);
      report!.appendDouble(r.total);
      report!.endRow();
    }
    for (const inv of g.inventories) {
      inventory!.appendInteger(id);
      inventory!.appendInteger(inv.year);
      // BASIC: what Accord's series takes from an inventory (inventoryTotals, scopes 1 and 2 here).
      inventory!.appendDouble(inv.entries.reduce((sum, e) => sum + (e.amount ?? 0), 0));
      inventory!.endRow();
    }
    for (const t of g.targets) {
      target!.appendInteger(id);
      target!.appendInteger(targetId++);
      target!.appendVarchar(t.type);
      target!.appendInteger(t.baseYear);
      target!.appendDouble(t.baseEmissions);
      target!.appendInteger(t.targetYear);
      num(target!, t.reductionPercent);
      num(target!, t.targetEmissions);
      num(target!, t.bauEmissions);
      target!.appendBoolean(t.netZero);
      target!.endRow();
    }
  }
  for (const a of [gov, report, inventory, target]) a!.closeSync();
}

/** Per government: latest figure and headline; `$region` null for the whole network. */
const ASSESSED = `
  WITH fig AS (
    SELECT coalesce(i.gov, r.gov) AS gov, coalesce(i.year, r.year) AS year,
           coalesce(i.basic, r.total) AS v
    FROM report r FULL JOIN inventory i ON i.gov = r.gov AND i.year = r.year),
  g AS (SELECT * FROM gov WHERE $region IS NULL OR region = $region),
  latest AS (SELECT gov, max(year) AS year, arg_max(v, year) AS v FROM fig GROUP BY gov),
  leveled AS (
    SELECT t.*, CASE t.type
      WHEN 'base-year' THEN coalesce(t.base_emissions * (1 - t.reduction_percent / 100),
        t.target_emissions, CASE WHEN t.net_zero THEN 0 END)
      WHEN 'fixed-level' THEN coalesce(t.target_emissions, CASE WHEN t.net_zero THEN 0 END)
      WHEN 'baseline-scenario' THEN coalesce(t.bau_emissions * (1 - t.reduction_percent / 100),
        t.target_emissions, CASE WHEN t.net_zero THEN 0 END) END AS level
    FROM target t JOIN g ON g.id = t.gov),
  actual AS (
    SELECT l.id, max(f.year) AS year, arg_max(f.v, f.year) AS v
    FROM leveled l JOIN fig f ON f.gov = l.gov AND f.year > l.base_year GROUP BY l.id),
  assessed AS (
    SELECT l.*, a.year AS actual_year, a.v AS actual,
      CASE
        WHEN l.level IS NULL OR l.target_year <= l.base_year OR a.v IS NULL THEN 'not-assessable'
        WHEN a.v <= l.level THEN 'achieved'
        WHEN a.year < $asOf - 3 THEN 'stale'
        WHEN a.v <= CASE WHEN a.year >= l.target_year THEN l.level ELSE l.base_emissions
          - (a.year - l.base_year) / (l.target_year - l.base_year) * (l.base_emissions - l.level) END
          THEN 'on-track'
        ELSE 'off-track' END AS status,
      (l.base_emissions - a.v) / nullif(l.base_emissions - l.level, 0) AS progress,
      -- The headline: the latest target year up to 2030, else the earliest after.
      CASE WHEN l.target_year <= 2030 THEN 20000 + l.target_year ELSE 20000 - l.target_year END
        AS headline_rank
    FROM leveled l LEFT JOIN actual a ON a.id = l.id),
  per_gov AS (
    SELECT gov, count(*) AS targets,
      arg_max(status, headline_rank) AS status, arg_max(progress, headline_rank) AS progress,
      bool_or(net_zero OR (type = 'fixed-level' AND level = 0)) AS net_zero,
      max(base_emissions) AS base,
      coalesce(max(base_emissions - level) FILTER (WHERE target_year <= 2030), 0) AS by2030,
      coalesce(max(base_emissions - level) FILTER (WHERE target_year <= 2050), 0) AS by2050
    FROM assessed GROUP BY gov)
  SELECT g.id, g.country, g.is_member, coalesce(p.targets, 0) AS targets, p.status, p.progress,
    coalesce(p.net_zero, false) AS net_zero, coalesce(p.base, 0) AS base,
    coalesce(p.by2030, 0) AS by2030, coalesce(p.by2050, 0) AS by2050,
    latest.v AS latest, latest.year AS latest_year
  FROM g LEFT JOIN per_gov p ON p.gov = g.id LEFT JOIN latest ON latest.gov = g.id`;

/** The reference: the rows, then the roll-up per group and country over them. */
async function referenceSummary(duck: DuckDBConnection, region: string | null, asOf: number) {
  const values = { region, asOf };
  const rows = await duck.runAndReadAll(ASSESSED, values);
  const rollup = await duck.runAndReadAll(
    `WITH r AS (${ASSESSED})
     SELECT is_member, country, count(*) AS governments,
       count(*) FILTER (WHERE targets > 0) AS with_targets,
       count(*) FILTER (WHERE net_zero) AS with_net_zero,
       count(*) FILTER (WHERE status = 'on-track') AS on_track,
       count(*) FILTER (WHERE status = 'off-track') AS off_track,
       count(*) FILTER (WHERE status = 'achieved') AS achieved,
       count(*) FILTER (WHERE status = 'stale') AS stale,
       count(*) FILTER (WHERE status = 'not-assessable') AS not_assessable,
       sum(base) AS base, sum(greatest(by2030, 0)) AS by2030, sum(greatest(by2050, 0)) AS by2050
     FROM r GROUP BY GROUPING SETS ((is_member), (is_member, country))`,
    values,
  );
  return { rows: rows.currentRowCount, groups: rollup.currentRowCount };
}

function measurement(
  id: string,
  what: string,
  database: Measurement['database'],
  t: Timing,
  target: string,
  met: boolean | null,
  extra: Partial<Measurement> = {},
): Measurement {
  return {
    id,
    what,
    database,
    unit: 'ms',
    accord: t.median,
    target,
    met,
    detail: { median: round(t.median), p95: round(t.p95), min: round(t.min), runs: t.runs },
    ...extra,
  };
}

const round = (v: number) => Math.round(v * 100) / 100;

async function ok(app: AppInstance, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ url, headers });
  if (res.statusCode !== 200 && res.statusCode !== 304) {
    throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  return res;
}

/** Raises the climate data version (as any write would), so the next summary is computed anew. */
async function touch(db: StoreDb): Promise<void> {
  const first = await db.kysely
    .selectFrom('governments')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await db.kysely
    .updateTable('governments')
    .set({ updated_at: new Date().toISOString() })
    .where('id', '=', first.id)
    .execute();
}

export async function benchClimate(
  db: StoreDb,
  app: AppInstance,
  opts: ClimateBenchOptions,
): Promise<Measurement[]> {
  const database = db.dialect;
  const n =
    opts.governments ??
    Number(
      (
        await db.kysely
          .selectFrom('governments')
          .where('slug', 'like', 'bench-%')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const asOf = new Date().getUTCFullYear();
  const runs = opts.quick ? 10 : 40;
  const coldRuns = opts.quick ? 2 : 5;
  const results: Measurement[] = [];

  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  await loadReference(duck, n);

  for (const [key, region, label] of [
    ['network', null, 'whole network'],
    ['region', REGION, `one region (${REGION})`],
  ] as const) {
    const url = `/api/v1/climate/summary${region ? `?region=${region}` : ''}`;
    const reference = await time(() => referenceSummary(duck, region, asOf), { runs });
    // Cold: the first request after a write computes the summary anew.
    const coldReadings: number[] = [];
    for (let i = 0; i < coldRuns; i++) {
      await touch(db);
      const start = performance.now();
      await ok(app, url);
      coldReadings.push(performance.now() - start);
    }
    const cold = summarize(coldReadings);
    // As a browser asks (it always offers gzip), and as a client that takes plain JSON.
    const warm = await time(() => ok(app, url, BROWSER), { runs });
    const plain = await time(() => ok(app, url), { runs });
    const first = await ok(app, url);
    const zipped = await ok(app, url, BROWSER);
    const etag = String(zipped.headers.etag);
    const revalidate = await time(() => ok(app, url, { ...BROWSER, 'if-none-match': etag }), {
      runs,
    });
    const ref = { label: 'DuckDB, same aggregation', value: reference.median };
    const target = `p95 < ${SUMMARY_P95_MS} ms (SQLite); ≤ ${RATIO} × DuckDB`;
    const met =
      warm.median <= RATIO * reference.median &&
      (database !== 'sqlite' || warm.p95 < SUMMARY_P95_MS);
    results.push(
      measurement(
        `summary.${key}`,
        `Climate summary, ${label}, warm (unchanged data, gzip accepted)`,
        database,
        warm,
        target,
        met,
        {
          reference: ref,
          detail: {
            median: round(warm.median),
            p95: round(warm.p95),
            runs: warm.runs,
            governments: n,
            bodyKB: Math.round(first.rawPayload.length / 1024),
            gzippedKB: Math.round(zipped.rawPayload.length / 1024),
            plainMedian: round(plain.median),
            plainP95: round(plain.p95),
            duckdbMedian: round(reference.median),
            duckdbP95: round(reference.p95),
            coldMedian: round(cold.median),
            coldRuns: cold.runs,
          },
        },
      ),
      measurement(
        `summary.${key}.cold`,
        `Climate summary, ${label}, first request after a write`,
        database,
        cold,
        `≤ ${RATIO} × DuckDB`,
        cold.median <= RATIO * reference.median,
        { reference: ref },
      ),
      measurement(
        `summary.${key}.revalidate`,
        `Climate summary, ${label}, If-None-Match answered 304`,
        database,
        revalidate,
        `p95 < ${SUMMARY_P95_MS} ms`,
        revalidate.p95 < SUMMARY_P95_MS,
      ),
    );
  }
  duck.closeSync();
  instance.closeSync();

  // A government's page: its targets assessed, its 30-year emissions series, its inventories.
  const slug = `bench-${Math.floor(n / 2)}`;
  const paths = {
    targets: `/api/v1/governments/${slug}/targets`,
    emissions: `/api/v1/governments/${slug}/emissions`,
    inventories: `/api/v1/governments/${slug}/inventories`,
  };
  for (const [key, url] of Object.entries(paths)) {
    const t = await time(() => ok(app, url), { runs: runs * 2 });
    results.push(
      measurement(
        `government.${key}`,
        `A government's climate API: ${key} (30 years of figures)`,
        database,
        t,
        `p95 < ${GOVERNMENT_P95_MS} ms`,
        t.p95 < GOVERNMENT_P95_MS,
      ),
    );
  }
  return results;
}
