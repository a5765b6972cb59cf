import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app';
import { configFromEnv, type AccordConfig } from '../../src/server/config';
import { openStore as openDatabase, type StoreDb as Db } from '../../src/server/store';
import { bootstrapDatabase } from '../../src/server/setup/bootstrap';
import type { AppInstance } from '../../src/server/http/app-types';

export const CHROMIUM = process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium';
export const ADMIN_EMAIL = 'admin@accord.example';
export const ADMIN_PASSWORD = 'e2e-admin-password-1';
const WEB_ROOT = path.resolve('dist/web');

/** Why the browser suite cannot run here, or null when it can. CI never skips. */
export function browserUnavailable(): string | null {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM))
    missing.push(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) {
    missing.push('the web app is not built (npm run build)');
  }
  if (missing.length === 0) return null;
  const reason = missing.join('; ');
  if (process.env.CI === 'true') throw new Error(`Browser tests cannot run on CI: ${reason}`);
  console.warn(`\n  SKIPPING the browser tests: ${reason}.\n`);
  return reason;
}

export interface E2E {
  baseUrl: string;
  app: AppInstance;
  db: Db;
  browser: Browser;
  newPage(locale?: string): Promise<Page>;
  close(): Promise<void>;
}

export interface E2EOptions {
  /**
   * Settings over the harness's own (smtpUrl: an SMTP server the test started, so the mail
   * worker delivers for real).
   */
  config?: Partial<AccordConfig>;
}

/** A port free on loopback now, for the server to listen on and to name in its links. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Accord on a fresh SQLite database with the demo network, listening on a free port, which its
 * letters' links name too (ACCORD_PUBLIC_URL), so a link read from a letter opens in the browser.
 */
export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-'));
  const port = await freePort();
  const config: AccordConfig = {
    ...configFromEnv({}),
    dataDir,
    databaseUrl: undefined,
    adminPassword: ADMIN_PASSWORD,
    webRoot: WEB_ROOT,
    port,
    host: '127.0.0.1',
    publicUrl: `http://127.0.0.1:${port}`,
    // Browser tests see the demo as seeded, not as a daily run would move it.
    dailyJobs: false,
    ...options.config,
  };
  const db = openDatabase({ dataDir });
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
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    db,
    browser,
    async newPage(locale = 'en-US') {
      const context = await browser.newContext({ locale, baseURL: `http://127.0.0.1:${port}` });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** What a record's JSON answer holds at least, as the tests read it. */
export type ApiJson = Record<string, unknown> & { id: number; version: number };

/**
 * A request made with the page's own session (its cookie and CSRF token), as another tab of
 * the same person would make it: the record changes behind the page's back.
 */
export function apiCall<T = ApiJson>(
  page: Page,
  method: string,
  url: string,
  body?: object,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const r = await fetch(url, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, json: (await r.json()) as T };
    },
    { method, url, body },
  );
}
