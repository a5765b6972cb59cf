/**
 * bench/climate.ts alone, for development: `BENCH_GOVERNMENTS=2000 npx tsx bench/climate-main.ts`
 * (default 10,000; `DATABASE_URL=postgres://…` for PostgreSQL on a scratch database the caller
 * made; `--quick` for fewer repetitions). Loads the synthetic network, then prints the figures.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { configFromEnv } from '../src/server/config';
import { bootstrapDatabase } from '../src/server/setup/bootstrap';
import { openStore } from '../src/server/store';
import { benchClimate } from './climate';
import { loadNetwork } from './generate';
import { ratioOf } from './harness';

const governments = Number(process.env.BENCH_GOVERNMENTS ?? 10_000);
const db = openStore(
  process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { sqliteFile: ':memory:' },
);
const config = {
  ...configFromEnv({}),
  seedDemo: false,
  adminPassword: 'bench-password-123',
  webRoot: undefined,
};
await bootstrapDatabase(db, config);
const start = performance.now();
await loadNetwork(db, governments);
console.log(
  `${governments} governments loaded in ${((performance.now() - start) / 1000).toFixed(1)} s (${db.dialect})`,
);
const app = await buildApp({ config, db });
const results = await benchClimate(db, app, {
  quick: process.argv.includes('--quick'),
  governments,
});
for (const m of results) {
  const ratio = ratioOf(m);
  console.log(
    `${m.id.padEnd(28)} ${m.accord.toFixed(1).padStart(9)} ${m.unit}` +
      (m.reference ? `  ${m.reference.label} ${m.reference.value.toFixed(1)} ms` : '') +
      (ratio !== undefined ? `  ratio ${ratio.toFixed(2)}` : '') +
      `  [${m.target}: ${m.met === null ? '?' : m.met ? 'met' : 'NOT met'}]  ${JSON.stringify(m.detail ?? {})}`,
  );
}
await app.close();
await db.close();
