import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { configFromEnv, type AccordConfig } from '../config';
import type { AppInstance } from './app-types';
import { openStore } from '../store';
import { bootstrapDatabase } from '../setup/bootstrap';

/**
 * Security headers on every kind of answer: the web app's page, an API answer, a built asset,
 * an error, and the API documentation (whose own policy is relaxed for Swagger UI).
 */

type Headers = Record<string, string | string[] | number | undefined>;

/** The directives of a Content-Security-Policy header, by name. */
function directives(headers: Headers): Map<string, string[]> {
  const policy = String(headers['content-security-policy'] ?? '');
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

function expectCommonHeaders(headers: Headers) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  const csp = directives(headers);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
}

/** The app's own policy: scripts only from Accord itself, never inline or evaluated. */
function expectAppPolicy(headers: Headers) {
  expectCommonHeaders(headers);
  const csp = directives(headers);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
}

async function appWith(overrides: Partial<AccordConfig>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-headers-'));
  const webRoot = path.join(dataDir, 'web');
  fs.mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(webRoot, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>',
  );
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-abc.js'), 'console.log("accord");\n');
  const config: AccordConfig = {
    ...configFromEnv({}),
    dataDir,
    webRoot,
    seedDemo: false,
    adminPassword: 'headers-admin-password',
    ...overrides,
  };
  const db = openStore({ dataDir });
  await bootstrapDatabase(db, config);
  const app = await buildApp({ config, db });
  return {
    app,
    async close() {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('security headers', () => {
  let plain: { app: AppInstance; close(): Promise<void> };
  let secure: { app: AppInstance; close(): Promise<void> };
  beforeAll(async () => {
    plain = await appWith({ secureCookies: false });
    secure = await appWith({ secureCookies: true });
  });
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
  });

  it('sends the policy with the HTML page, at / and at a client-side route', async () => {
    for (const url of ['/', '/members/seoul']) {
      const res = await plain.app.inject({ url });
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectAppPolicy(res.headers);
    }
  });

  it('sends it with an API answer and with an API error', async () => {
    const ok = await plain.app.inject({ url: '/api/v1/health' });
    expect(ok.statusCode).toBe(200);
    expectAppPolicy(ok.headers);
    const missing = await plain.app.inject({ url: '/api/v1/governments/nowhere' });
    expect(missing.statusCode).toBe(404);
    expectAppPolicy(missing.headers);
    const badUrl = await plain.app.inject({ url: '/api/v1/governments/%E0%A4%A' });
    expect(badUrl.statusCode).toBe(400);
    expectAppPolicy(badUrl.headers);
  });

  it('sends it with a built asset', async () => {
    const res = await plain.app.inject({ url: '/assets/index-abc.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('accord');
    expectAppPolicy(res.headers);
  });

  it('sends Strict-Transport-Security only when cookies are secure (Accord is behind HTTPS)', async () => {
    for (const url of ['/', '/api/v1/health', '/assets/index-abc.js', '/api/docs/']) {
      const without = await plain.app.inject({ url });
      expect([url, without.headers['strict-transport-security']]).toEqual([url, undefined]);
      const withHsts = await secure.app.inject({ url });
      expect([url, withHsts.headers['strict-transport-security']]).toEqual([
        url,
        'max-age=31536000',
      ]);
    }
  });

  it('gives the API documentation a policy of its own that still allows no inline script', async () => {
    const page = await plain.app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    // Swagger UI's page loads its scripts from files, so none needs to be inline.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expectCommonHeaders(page.headers);
    const csp = directives(page.headers);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    const script = await plain.app.inject({ url: '/api/docs/static/swagger-initializer.js' });
    expect(script.statusCode).toBe(200);
    expectCommonHeaders(script.headers);
  });
});
