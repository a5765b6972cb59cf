/**
 * `npm run bench -- load`: Accord under a crowd. The real server runs as a child process (as
 * `npm start` runs it, with the demo network) on SQLite and then on PostgreSQL, and autocannon
 * holds 100 connections on it for 60 s per page: the directory, a government's page (its
 * profile, targets and emissions, as the web app asks for them) and the climate summary.
 * Written to bench/results/load.json and load.md: requests per second, p50/p99 latency, errors,
 * timeouts, non-2xx and 5xx answers, and the server's peak resident memory.
 *
 * `BENCH_LOAD_SECONDS` shortens the runs (`--quick` means 10 s); `BENCH_PG_URL` points at a
 * PostgreSQL server to create a scratch database on (default: the local one, user postgres).
 * It asserts nothing and is never part of `npm test`: it measures.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, processRssMiB as rssMiB, waitUntilUp } from './processes';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const CONNECTIONS = 100;
const SECONDS = Number(
  process.env.BENCH_LOAD_SECONDS ?? (process.argv.includes('--quick') ? 10 : 60),
);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface PageLoad {
  page: string;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
}

interface DialectLoad {
  dialect: 'sqlite' | 'postgres';
  pages: PageLoad[];
  peakRssMiB: number;
}

const PAGES: { page: string; paths: string[] }[] = [
  { page: 'directory (first page, by name)', paths: ['/api/v1/governments?pageSize=20'] },
  {
    page: "a government's page (profile, targets, emissions)",
    paths: [
      '/api/v1/governments/seoul',
      '/api/v1/governments/seoul/targets',
      '/api/v1/governments/seoul/emissions',
    ],
  },
  { page: 'climate summary (whole network)', paths: ['/api/v1/climate/summary'] },
];

async function scratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `accord_load_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function loadDialect(dialect: 'sqlite' | 'postgres'): Promise<DialectLoad> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-load-'));
  const database = dialect === 'postgres' ? await scratchPostgres() : null;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // One node process (tsx as a loader, not as a wrapper), so its memory is the server's.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dataDir,
      ACCORD_ADMIN_PASSWORD: 'load-bench-password-1',
      ACCORD_WEB_ROOT: path.join(dataDir, 'no-web'),
      LOG_LEVEL: 'warn',
      DATABASE_URL: database?.url ?? '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, rssMiB(child.pid));
  }, 200);
  try {
    await waitUntilUp(base, child);
    const pages: PageLoad[] = [];
    for (const { page, paths } of PAGES) {
      process.stdout.write(`  ${dialect}: ${page}, ${CONNECTIONS} connections, ${SECONDS} s … `);
      const result = await autocannon({
        url: base,
        connections: CONNECTIONS,
        duration: SECONDS,
        timeout: 10,
        requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
      });
      const load: PageLoad = {
        page,
        requests: result.requests.total,
        requestsPerSecond: Math.round(result.requests.average),
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        latencyMaxMs: result.latency.max,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        status5xx: result['5xx'],
      };
      pages.push(load);
      console.log(
        `${load.requestsPerSecond} req/s, p99 ${load.latencyP99Ms} ms, errors ${load.errors}, 5xx ${load.status5xx}`,
      );
    }
    return { dialect, pages, peakRssMiB: Math.round(peak) };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdown(runs: DialectLoad[]): string {
  const rows = runs.flatMap((r) =>
    r.pages.map(
      (p) =>
        `| ${r.dialect} | ${p.page} | ${p.requestsPerSecond} | ${p.latencyP50Ms} | ${p.latencyP99Ms} | ${p.errors} | ${p.timeouts} | ${p.non2xx} | ${p.status5xx} | ${r.peakRssMiB} |`,
    ),
  );
  return [
    `# Load: ${CONNECTIONS} connections, ${SECONDS} s per page`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}.`,
    '',
    '| database | page | req/s | p50 ms | p99 ms | errors | timeouts | non-2xx | 5xx | peak RSS MiB |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...rows,
    '',
  ].join('\n');
}

export async function runLoad(): Promise<void> {
  const dialects: ('sqlite' | 'postgres')[] = process.argv.includes('--sqlite-only')
    ? ['sqlite']
    : ['sqlite', 'postgres'];
  const runs: DialectLoad[] = [];
  for (const d of dialects) runs.push(await loadDialect(d));
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS, 'load.json'),
    JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, runs }, null, 2) + '\n',
  );
  fs.writeFileSync(path.join(RESULTS, 'load.md'), markdown(runs));
  console.log(`\nWritten to bench/results/load.json and load.md.`);
  const failed = runs.flatMap((r) => r.pages).filter((p) => p.errors > 0 || p.status5xx > 0);
  if (failed.length > 0) {
    console.log(`${failed.length} page(s) had errors or 5xx answers.`);
    process.exitCode = 1;
  }
}
