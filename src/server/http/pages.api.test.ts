import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { configFromEnv, type AccordConfig } from '../config';
import type { AppInstance } from './app-types';
import { openStore, type StoreDb } from '../store';
import { bootstrapDatabase } from '../setup/bootstrap';

/**
 * The web app's page is the answer to every address outside /api: 200 at the app's own pages,
 * 404 elsewhere (the page then shows "not found"), and the built files as they are.
 */
describe('the web app page and its status', () => {
  let dataDir: string;
  let db: StoreDb;
  let app: AppInstance;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-pages-'));
    const webRoot = path.join(dataDir, 'web');
    fs.mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html><html><body><div id="root" data-page="accord"></div></body></html>',
    );
    fs.writeFileSync(path.join(webRoot, 'assets', 'index-abc.js'), 'console.log("accord");\n');
    // The stamp of the build's inputs (scripts/web-build.ts) is no page.
    fs.writeFileSync(path.join(webRoot, '.build-inputs'), 'f00d\n');
    const config: AccordConfig = {
      ...configFromEnv({}),
      dataDir,
      webRoot,
      seedDemo: false,
      adminPassword: 'pages-admin-password',
    };
    db = openStore({ dataDir });
    await bootstrapDatabase(db, config);
    app = await buildApp({ config, db });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 200 with the page at the app’s pages', async () => {
    for (const url of [
      '/',
      '/members',
      '/members/seoul',
      '/members/seoul/',
      '/members/seoul/climate/targets/3/edit',
      '/admin',
      '/admin/meetings/12/edit',
      '/apply',
      '/apply/status/abc123',
      '/account/invitation/tok-456',
      '/news/first-post?lang=ko',
    ]) {
      const res = await app.inject({ url });
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('data-page="accord"');
    }
  });

  it('answers 404 with the same page anywhere else, so the app shows "not found"', async () => {
    for (const url of [
      '/nowhere',
      '/members/seoul/nothing',
      '/admin/nothing',
      '/apply/status',
      '/assets/missing.js',
      '/wp-login.php?x=1',
      '/.build-inputs',
    ]) {
      const res = await app.inject({ url });
      expect([url, res.statusCode]).toEqual([url, 404]);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('data-page="accord"');
    }
    // A browser that holds the page still hears that the address is unknown.
    const page = await app.inject({ url: '/' });
    expect(page.headers.etag).toBeDefined();
    const etag = String(page.headers.etag);
    const again = await app.inject({ url: '/nowhere', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(404);
  });

  it('keeps problem+json for unknown API paths and serves the built files', async () => {
    const api = await app.inject({ url: '/api/v1/nowhere' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    const asset = await app.inject({ url: '/assets/index-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain('accord');
    const index = await app.inject({ url: '/index.html' });
    expect(index.statusCode).toBe(200);
  });
});
