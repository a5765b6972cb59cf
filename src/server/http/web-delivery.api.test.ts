import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { configFromEnv, type AccordConfig } from '../config';
import type { AppInstance } from './app-types';
import { openStore, type StoreDb } from '../store';
import { bootstrapDatabase } from '../setup/bootstrap';
import { precompressDir } from '../../../scripts/precompress';
import { chooseEncoding, webCacheControl } from './web-delivery';

/**
 * How the web app and the API's answers travel (issue 13): the built files from their
 * precompressed copies, hashed assets cached for good and the page checked on each use, and
 * big JSON answers compressed when the client accepts it.
 */
describe('compressed and cached answers', () => {
  let dataDir: string;
  let db: StoreDb;
  let app: AppInstance;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-delivery-'));
    const webRoot = path.join(dataDir, 'web');
    fs.mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(webRoot, 'index.html'),
      `<!doctype html><html><body><div id="root" data-page="accord"></div>${'<!-- padding -->'.repeat(100)}</body></html>`,
    );
    fs.writeFileSync(path.join(webRoot, 'assets', 'index-abc123.js'), script);
    precompressDir(webRoot);
    const config: AccordConfig = {
      ...configFromEnv({}),
      dataDir,
      webRoot,
      seedDemo: true,
      adminPassword: 'delivery-admin-password',
      dailyJobs: false,
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

  it('writes a Brotli and a gzip copy beside each built text file', () => {
    const assets = fs.readdirSync(path.join(dataDir, 'web', 'assets')).sort();
    expect(assets).toEqual(['index-abc123.js', 'index-abc123.js.br', 'index-abc123.js.gz']);
  });

  it('sends a hashed asset Brotli-compressed and cacheable for good', async () => {
    const res = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a client without Brotli, and the file itself to one accepting neither', async () => {
    const gz = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has the page checked with the server on each use, at its own address and at a route', async () => {
    for (const url of ['/', '/index.html', '/climate', '/nowhere']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect([url, res.headers['cache-control']]).toEqual([url, 'no-cache']);
      expect(brotliDecompressSync(res.rawPayload).toString()).toContain('data-page="accord"');
    }
  });

  it('compresses a big JSON answer when asked, and sends small ones as they are', async () => {
    const big = await app.inject({
      url: '/api/v1/governments?pageSize=50',
      headers: { 'accept-encoding': 'br' },
    });
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    const json = JSON.parse(brotliDecompressSync(big.rawPayload).toString()) as {
      items: unknown[];
    };
    expect(json.items.length).toBeGreaterThan(10);
    expect(big.rawPayload.length).toBeLessThan(brotliDecompressSync(big.rawPayload).length);

    const unasked = await app.inject({ url: '/api/v1/governments?pageSize=50' });
    expect(unasked.headers['content-encoding']).toBeUndefined();
    expect((JSON.parse(unasked.body) as { items: unknown[] }).items.length).toBe(json.items.length);

    const small = await app.inject({ url: '/api/v1/health', headers: { 'accept-encoding': 'br' } });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('tells hashed assets from the files that keep their names', () => {
    const root = path.join('/srv', 'web');
    expect(webCacheControl(root, path.join(root, 'assets', 'index-abc.js.br'))).toContain(
      'immutable',
    );
    expect(webCacheControl(root, path.join(root, 'index.html'))).toBe('no-cache');
    expect(webCacheControl(root, path.join(root, 'favicon.svg'))).toBe('no-cache');
  });

  it('answers in gzip where Brotli is refused, and says answers vary by Accept-Encoding', async () => {
    const res = await app.inject({
      url: '/api/v1/governments?pageSize=50',
      headers: { 'accept-encoding': 'gzip;q=1, br;q=0' },
    });
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-encoding']).toBe('gzip');
    const json = JSON.parse(gunzipSync(res.rawPayload).toString()) as { items: unknown[] };
    expect(json.items.length).toBeGreaterThan(10);
  });

  it('chooses Brotli, then gzip, among the encodings the client accepts', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
