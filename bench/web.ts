/**
 * The web app's first load (issue 13, point 6): how much JavaScript a first visit downloads
 * before the page paints, how long until it paints on a slow link, and how many bytes the
 * visit transfers, for the home page and the climate dashboard.
 *
 * It builds nothing: dist/web must be built (`npx vite build`). The real app (buildApp, the
 * demo network on SQLite in memory) listens on a free port and headless Chromium loads each
 * page cold (a fresh context, its cache off) with Chromium's own throttling: 1.6 Mbps down,
 * 750 kbps up, 150 ms round trip, the CPU 4× slower. Bytes are what crossed the wire
 * (Network.loadingFinished's encodedDataLength: compressed bodies and headers).
 *
 * `npx tsx bench/web.ts` (`--quick`: 3 loads a page instead of 5) prints the table alone.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../src/server/app';
import { configFromEnv } from '../src/server/config';
import { openStore } from '../src/server/store';
import { bootstrapDatabase } from '../src/server/setup/bootstrap';
import { summarize, type BenchOptions, type Measurement } from './harness';

const ROOT = path.resolve(import.meta.dirname, '..');
const WEB_ROOT = path.join(ROOT, 'dist', 'web');
const CHROMIUM = process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium';

/** The slow link and the slow phone of the target (issue 13). */
const LINK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
const CPU_SLOWDOWN = 4;
const QUIET_MS = 3000;

const PAGES = [
  { id: 'home', path: '/', label: 'home page' },
  { id: 'dashboard', path: '/climate', label: 'climate dashboard' },
] as const;

const INITIAL_JS_TARGET_KB = 150;
const FCP_TARGET_MS = 1500;

/** One cold load: when it painted, the scripts it fetched, the bytes it moved. */
interface Load {
  fcpMs: number;
  /** When the app drew its own frame (after its code and the page's words came). */
  appDrawnMs: number;
  /** Scripts requested before the first paint, their bytes on the wire. */
  jsBeforePaintBytes: number;
  /** Every script the page fetched by the time the network went quiet. */
  jsAllBytes: number;
  totalBytes: number;
  requests: number;
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function loadOnce(browser: Browser, url: string, throttled: boolean): Promise<Load> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', LINK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  const types = new Map<string, { url: string; type: string }>();
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, { url: e.response.url, type: e.type ?? '' });
  });
  let inFlight = 0;
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', () => {
    inFlight++;
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes.set(e.requestId, e.encodedDataLength);
    inFlight--;
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', () => {
    inFlight--;
    lastActivity = Date.now();
  });

  // When the app itself has drawn its frame (Layout's <main id="main">), beyond the static
  // header index.html paints first.
  // (A string: tsx would wrap a function's inner names in a helper the page lacks.)
  await page.addInitScript(`
    new MutationObserver((_, observer) => {
      if (!document.getElementById('main')) return;
      window.__appDrawn = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  `);
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  // The paint entry can come after the network is quiet (a slow script's render).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          if (list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe({ type: 'paint', buffered: true });
        setTimeout(resolve, 30_000);
      }),
  );
  // Quiet for 3 s: on the slow CPU a chart's script is asked for only after the data has come
  // and rendered, which can be longer than Playwright's 500 ms of network idle.
  while (inFlight > 0 || Date.now() - lastActivity < QUIET_MS) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The paint and every resource's start, on the page's own clock.
  const timing = await page.evaluate(() => {
    const paint = performance
      .getEntriesByType('paint')
      .find((entry) => entry.name === 'first-contentful-paint');
    const resources = performance
      .getEntriesByType('resource')
      .map((entry) => ({ url: entry.name, start: entry.startTime }));
    const drawn = (window as unknown as { __appDrawn?: number }).__appDrawn ?? null;
    return { fcp: paint?.startTime ?? null, drawn, resources };
  });
  await context.close();
  if (timing.fcp === null) throw new Error(`${url}: the page never painted any content`);
  const fcp = timing.fcp;
  const startedBeforePaint = new Set(
    timing.resources.filter((r) => r.start <= fcp).map((r) => r.url),
  );

  let jsBeforePaintBytes = 0;
  let jsAllBytes = 0;
  let totalBytes = 0;
  for (const [id, size] of bytes) {
    totalBytes += size;
    const response = types.get(id);
    if (response?.type !== 'Script') continue;
    jsAllBytes += size;
    if (startedBeforePaint.has(response.url)) jsBeforePaintBytes += size;
    if (process.env.BENCH_WEB_VERBOSE)
      console.log(url, response.url, size, startedBeforePaint.has(response.url));
  }
  return {
    fcpMs: fcp,
    appDrawnMs: timing.drawn ?? Number.NaN,
    jsBeforePaintBytes,
    jsAllBytes,
    totalBytes,
    requests: bytes.size,
  };
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function benchWeb(opts: BenchOptions): Promise<Measurement[]> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error(
      `bench/web.ts measures the built web app, and ${WEB_ROOT} has none: run \`npx vite build\` first.`,
    );
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`bench/web.ts needs Chromium at ${CHROMIUM}.`);
  const loads = opts.quick ? 3 : 5;

  const port = await freePort();
  const config = {
    ...configFromEnv({}),
    seedDemo: true,
    adminPassword: 'bench-password-123',
    webRoot: WEB_ROOT,
    dailyJobs: false,
    port,
    host: '127.0.0.1',
    publicUrl: `http://127.0.0.1:${port}`,
  };
  const db = openStore({ sqliteFile: ':memory:' });
  await bootstrapDatabase(db, config);
  const app = await buildApp({ config, db });
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  const out: Measurement[] = [];
  try {
    for (const { id, path: pagePath, label } of PAGES) {
      const url = `http://127.0.0.1:${port}${pagePath}`;
      // One unthrottled load first: the server's own first answers (its caches) are not timed.
      await loadOnce(browser, url, false);
      const runs: Load[] = [];
      for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, url, true));
      const fcp = summarize(runs.map((r) => r.fcpMs));
      const last = runs[runs.length - 1]!;
      const jsBeforePaint = kb(Math.max(...runs.map((r) => r.jsBeforePaintBytes)));
      out.push({
        id: `web.${id}.initial-js`,
        what: `${label} (${pagePath}): JavaScript downloaded before the first paint`,
        database: 'none',
        unit: 'KB',
        accord: jsBeforePaint,
        target: `≤ ${INITIAL_JS_TARGET_KB} KB gzip`,
        met: jsBeforePaint <= INITIAL_JS_TARGET_KB,
        detail: { 'all JS of the load (KB)': kb(last.jsAllBytes) },
      });
      out.push({
        id: `web.${id}.fcp`,
        what: `${label} (${pagePath}): first contentful paint, cold, 1.6 Mbps / 150 ms RTT / CPU ÷4`,
        database: 'none',
        unit: 'ms',
        accord: Math.round(fcp.median),
        target: `≤ ${FCP_TARGET_MS} ms`,
        met: fcp.median <= FCP_TARGET_MS,
        detail: {
          min: Math.round(fcp.min),
          max: Math.round(fcp.p95),
          loads: fcp.runs,
          'app drawn, median (ms)': Math.round(summarize(runs.map((r) => r.appDrawnMs)).median),
        },
      });
      out.push({
        id: `web.${id}.first-visit`,
        what: `${label} (${pagePath}): bytes transferred by a first visit (until the network is quiet)`,
        database: 'none',
        unit: 'KB',
        accord: kb(last.totalBytes),
        target: 'as small as possible (no target)',
        met: null,
        detail: { requests: last.requests },
      });
    }
  } finally {
    await browser.close();
    await app.close();
    await db.close();
  }
  return out;
}

function printTable(rows: Measurement[]): void {
  const lines = rows.map((m) => {
    const met = m.met === null ? '' : m.met ? 'met' : 'NOT met';
    const detail = m.detail
      ? Object.entries(m.detail)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')
      : '';
    return `${m.id.padEnd(26)} ${`${m.accord} ${m.unit}`.padStart(11)}  ${m.target.padEnd(34)} ${met.padEnd(8)} ${detail}`;
  });
  console.log(lines.join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchWeb({ quick: process.argv.includes('--quick') })
    .then(printTable)
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
