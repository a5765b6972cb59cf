/**
 * `npm run bench`: Accord measured side by side with what sets the limit, at the scale of the
 * largest networks (10,000 governments, 30 years of figures each), on SQLite and PostgreSQL.
 * Writes bench/results/latest.json and latest.md (see bench/README.md). It asserts nothing and
 * is never part of `npm test`: tests never time anything.
 *
 *   npm run bench                     every part, 10,000 governments (BENCH_GOVERNMENTS)
 *   npm run bench -- --quick          a smaller, shorter run, for trying the bench out
 *   npm run bench -- --only=throughput,governance   some parts only
 *   npm run bench -- --sqlite-only    skip PostgreSQL
 *   npm run bench -- load             the older load test of bench/load.ts (demo network)
 *   npm run bench -- imports          reading big import files alone (bench/imports.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { benchClimate } from './climate';
import { benchElectionCasts, benchGovernance } from './governance';
import type { BenchOptions, Measurement } from './harness';
import { benchImportRate } from './import-rate';
import { benchImports } from './imports';
import { runLoad } from './load';
import { benchConfig, prepareNetwork, type Dialect, type PreparedNetwork } from './networks';
import { writeResults } from './report';
import { benchWeb } from './web';
import { benchSearch } from './search';
import { benchThroughput } from './throughput';

const RESULTS = path.resolve(import.meta.dirname, 'results');

interface Run {
  options: BenchOptions;
  governments: number;
  dialects: Dialect[];
  log: (line: string) => void;
  /** The synthetic network on a database, made once per dialect and shared by the parts. */
  network(dialect: Dialect): Promise<PreparedNetwork>;
}

/** A reading as the console shows it: three significant digits. */
function round(value: number): string {
  return Number(value.toPrecision(3)).toLocaleString('en');
}

type Part = (run: Run) => Promise<Measurement[]>;

/** Each part of the bench, in the order it runs. */
const PARTS: Record<string, Part> = {
  async climate(run) {
    const out: Measurement[] = [];
    for (const d of run.dialects) {
      const network = await run.network(d);
      const db = network.open();
      const app = await buildApp({
        config: benchConfig(network.databaseUrl, network.dataDir),
        db,
      });
      try {
        out.push(
          ...(await benchClimate(db, app, { ...run.options, governments: run.governments })),
        );
      } finally {
        await app.close();
        await db.close();
      }
    }
    return out;
  },
  async throughput(run) {
    const out: Measurement[] = [];
    for (const d of run.dialects)
      out.push(...(await benchThroughput(await run.network(d), run.options, run.log)));
    return out;
  },
  async elections(run) {
    // On an empty database of its own: the electorate is its own governments.
    const out: Measurement[] = [];
    for (const d of run.dialects) {
      const empty = await prepareNetwork(d, 0);
      const db = empty.open();
      const app = await buildApp({ config: benchConfig(empty.databaseUrl, empty.dataDir), db });
      try {
        const found = await benchElectionCasts(db, app, run.options);
        out.push(...found);
      } finally {
        await app.close();
        await db.close();
        await empty.dispose();
      }
    }
    return out;
  },
  search: (run) => benchSearch(run.options),
  'import-rate': (run) => benchImportRate(run.options),
  web: (run) => benchWeb(run.options),
  async governance(run) {
    // The Council meeting and the network-wide election, on SQLite (it adds a body and votes).
    const network = await run.network('sqlite');
    const db = network.open();
    const app = await buildApp({ config: benchConfig(undefined, network.dataDir), db });
    try {
      await benchGovernance(db, app);
      return [];
    } finally {
      await app.close();
      await db.close();
    }
  },
};

/** Which part a figure of an earlier run came from (runs before `part` was recorded: by id). */
function partOf(m: Measurement): string {
  if (m.part) return m.part;
  const prefix = m.id.split('.')[0] ?? '';
  const byPrefix: Record<string, string> = {
    summary: 'climate',
    government: 'climate',
    http: 'throughput',
    memory: 'throughput',
    elections: 'elections',
    search: 'search',
    import: 'import-rate',
    web: 'web',
  };
  return byPrefix[prefix] ?? prefix;
}

/** The figures of the last run's other parts, kept when only some parts run again. */
function earlierFigures(only: string[]): Measurement[] {
  try {
    const earlier = JSON.parse(fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8')) as {
      measurements: Measurement[];
    };
    return earlier.measurements
      .filter((m) => !only.includes(partOf(m)))
      .map((m) => ({ ...m, part: partOf(m) }));
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const unknown = (only ?? []).filter((name) => !(name in PARTS));
  if (unknown.length > 0)
    throw new Error(
      `no such part: ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`,
    );
  const governments = Number(process.env.BENCH_GOVERNMENTS ?? (quick ? 2_000 : 10_000));
  const startedAt = new Date();
  const networks = new Map<Dialect, Promise<PreparedNetwork>>();
  const run: Run = {
    options: { quick },
    governments,
    dialects: process.argv.includes('--sqlite-only') ? ['sqlite'] : ['sqlite', 'postgres'],
    log: (line) => console.log(line),
    network(dialect) {
      let prepared = networks.get(dialect);
      if (!prepared) {
        console.log(
          `Loading ${governments.toLocaleString('en')} synthetic governments on ${dialect} …`,
        );
        prepared = prepareNetwork(dialect, governments, run.log);
        networks.set(dialect, prepared);
      }
      return prepared;
    },
  };
  // With --only, the other parts' figures of the last run stay in latest.json beside the new ones.
  const measurements: Measurement[] = only ? earlierFigures(only) : [];
  try {
    for (const [name, part] of Object.entries(PARTS)) {
      if (only && !only.includes(name)) continue;
      console.log(`\n## ${name}`);
      const found = await part(run);
      for (const m of found)
        console.log(
          `  ${m.what} [${m.database}]: ${round(m.accord)} ${m.unit}${m.reference ? ` vs ${round(m.reference.value)} (${m.reference.label})` : ''} — ${m.target}: ${m.met === null ? '?' : m.met ? 'met' : 'MISSED'}`,
        );
      measurements.push(...found.map((m) => ({ ...m, part: name })));
      // Written after every part, so a long run that stops keeps what it measured.
      writeResults(
        RESULTS,
        {
          quick,
          governments,
          startedAt: startedAt.toISOString(),
          seconds: (Date.now() - startedAt.getTime()) / 1000,
          only,
        },
        measurements,
      );
    }
  } finally {
    for (const prepared of networks.values()) await (await prepared).dispose();
  }
  console.log(`\nWritten to bench/results/latest.json and latest.md.`);
}

if (process.argv.includes('load')) await runLoad();
else if (process.argv.includes('imports')) await benchImports();
else await main();
