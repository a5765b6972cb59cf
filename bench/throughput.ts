/**
 * HTTP throughput and server memory on the synthetic network (issue 13, points 4 and 7).
 *
 * The real server runs as a child process on the network (as `npm start` would, without the
 * demo), and autocannon holds 100 connections on the directory's first page, a government's
 * page (its profile, targets and emissions, as the web app asks for them) and the whole
 * network's summary. Then a bare Fastify server (bench/bare-server.ts) answers the very same
 * bytes from memory, under the same load: the ratio says what Accord's work costs beyond
 * Fastify's own. The server's resident memory is sampled throughout: its peak, after loading
 * the network and serving all of it, is the memory figure.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { BenchOptions, Measurement } from './harness';
import { BENCH_ADMIN_PASSWORD, type PreparedNetwork } from './networks';
import { freePort, processRssMiB, waitUntilUp } from './processes';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONNECTIONS = 100;
/** What a browser asks for: every visitor's browser accepts compressed answers. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

interface Page {
  id: string;
  what: string;
  paths: string[];
}

const PAGES: Page[] = [
  {
    id: 'directory',
    what: 'Directory, first page (100 connections)',
    paths: ['/api/v1/governments?pageSize=20'],
  },
  {
    id: 'government',
    what: "A government's page: profile, targets, emissions (100 connections)",
    paths: [
      '/api/v1/governments/bench-42',
      '/api/v1/governments/bench-42/targets',
      '/api/v1/governments/bench-42/emissions',
    ],
  },
  {
    id: 'summary',
    what: 'Climate summary, whole network (100 connections)',
    paths: ['/api/v1/climate/summary'],
  },
];

interface Load {
  requestsPerSecond: number;
  p99: number;
  errors: number;
  non2xx: number;
}

interface Answer {
  type: string;
  encoding: string | null;
  /** The answer's bytes as sent (compressed, if it was), in base64. */
  body: string;
}

/** One answer as it travelled, compressed or not: what the bare server will send again. */
function rawAnswer(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: BROWSER_HEADERS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
          else
            resolve({
              type: res.headers['content-type'] ?? 'application/json',
              encoding: res.headers['content-encoding'] ?? null,
              body: Buffer.concat(chunks).toString('base64'),
            });
        });
      })
      .on('error', reject);
  });
}

async function hammer(base: string, paths: string[], seconds: number): Promise<Load> {
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: paths.map((p) => ({ method: 'GET' as const, path: p, headers: BROWSER_HEADERS })),
  });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

export async function benchThroughput(
  network: PreparedNetwork,
  options: BenchOptions,
  log: (line: string) => void = console.log,
): Promise<Measurement[]> {
  const seconds = options.quick ? 5 : 20;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The server as a production start runs it (`npm run build && npm run start:prod`): bundled,
  // without tsx, whose compiler would otherwise be counted in the server's memory.
  log('  building the server bundle (dist/server) …');
  execFileSync(
    process.execPath,
    [VITE, 'build', '--config', 'vite.server.config.ts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  // BENCH_CPU_PROF=folder: the server writes a CPU profile there when it stops (see README).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
    : [];
  const server = start([...profile, '--enable-source-maps', 'dist/server/main.js'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    ACCORD_DATA_DIR: network.dataDir,
    ACCORD_DEMO: 'false',
    ACCORD_DAILY_JOBS: 'false',
    ACCORD_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    ACCORD_WEB_ROOT: path.join(network.dataDir, 'no-web'),
    DATABASE_URL: network.databaseUrl ?? '',
  });
  let peak = 0;
  const sampler = setInterval(() => {
    if (server.pid) peak = Math.max(peak, processRssMiB(server.pid));
  }, 100);
  const accord = new Map<string, Load>();
  const bytes: Record<string, Answer> = {
    '/api/v1/health': {
      type: 'application/json',
      encoding: null,
      body: Buffer.from('{"status":"ok"}').toString('base64'),
    },
  };
  try {
    await waitUntilUp(base, server);
    const afterStart = server.pid ? processRssMiB(server.pid) : 0;
    for (const page of PAGES) {
      for (const p of page.paths) {
        bytes[p] = await rawAnswer(base + p);
      }
      log(`  ${network.dialect}: ${page.what}, Accord, ${seconds} s …`);
      accord.set(page.id, await hammer(base, page.paths, seconds));
    }
    clearInterval(sampler);
    const afterServing = server.pid ? processRssMiB(server.pid) : 0;
    await stop(server);

    // The reference: the same bytes from memory.
    const pagesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bare-')), 'p.json');
    fs.writeFileSync(pagesFile, JSON.stringify(bytes));
    const barePort = await freePort();
    const bare = start(['--import', 'tsx', 'bench/bare-server.ts'], {
      PORT: String(barePort),
      BARE_PAGES: pagesFile,
    });
    const bareBase = `http://127.0.0.1:${barePort}`;
    const reference = new Map<string, Load>();
    try {
      await waitUntilUp(bareBase, bare);
      for (const page of PAGES) {
        log(`  ${network.dialect}: ${page.what}, bare Fastify, ${seconds} s …`);
        reference.set(page.id, await hammer(bareBase, page.paths, seconds));
      }
    } finally {
      await stop(bare);
      fs.rmSync(path.dirname(pagesFile), { recursive: true, force: true });
    }

    const measurements: Measurement[] = PAGES.map((page) => {
      const a = accord.get(page.id) as Load;
      const r = reference.get(page.id) as Load;
      return {
        id: `http.${page.id}`,
        what: page.what,
        database: network.dialect,
        unit: 'req/s',
        accord: Math.round(a.requestsPerSecond),
        reference: { label: 'bare Fastify, same bytes', value: Math.round(r.requestsPerSecond) },
        target: '≥ 60 % of bare; no errors',
        met: a.requestsPerSecond >= 0.6 * r.requestsPerSecond && a.errors === 0 && a.non2xx === 0,
        detail: {
          p99Ms: a.p99,
          errors: a.errors,
          non2xx: a.non2xx,
          bytes: page.paths.reduce(
            (n, p) => n + Buffer.byteLength(bytes[p]?.body ?? '', 'base64'),
            0,
          ),
        },
      };
    });
    measurements.push({
      id: 'memory.server',
      what: `Server memory, peak, after loading ${network.counts.governments.toLocaleString('en')} governments and serving the above`,
      database: network.dialect,
      unit: 'MB',
      accord: Math.round(peak),
      target: 'RSS ≤ 250 MB',
      met: peak <= 250,
      detail: { afterStartMiB: Math.round(afterStart), afterServingMiB: Math.round(afterServing) },
    });
    return measurements;
  } finally {
    clearInterval(sampler);
    await stop(server);
  }
}
