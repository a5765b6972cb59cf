/**
 * A change asked for without signing in is refused as such (401) before its body is read or
 * checked: an anonymous caller learns nothing about a route's rules from its 400s, and no
 * upload is received only to be thrown away. Only the routes marked for the public
 * (signing in and out, applying for membership) take an anonymous change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

const UNSAFE = ['post', 'put', 'patch', 'delete'] as const;
const PUBLIC_WRITES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  // Membership applications: the form, its status link, the officers' set-password links.
  'POST /api/v1/apply',
  'POST /api/v1/apply/{token}/answer',
  'POST /api/v1/apply/{token}/withdraw',
  'POST /api/v1/apply/{token}/documents',
  'POST /api/v1/account-invitations/{token}',
]);

describe('changes asked for anonymously', () => {
  let t: TestApp;
  let writes: { method: string; path: string }[];

  beforeAll(async () => {
    t = await makeTestApp('sqlite', { demo: false });
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      UNSAFE.filter((m) => m in ops).map((m) => ({ method: m.toUpperCase(), path })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 to an anonymous change with an invalid body, on every route not public', async () => {
    expect(writes.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const { method, path } of writes) {
      if (PUBLIC_WRITES.has(`${method} ${path}`)) continue;
      const url = path.replace(/\{[^}]+\}/g, '1');
      for (const payload of ['{"no": [', '{"unexpected": true}']) {
        const res = await t.app.inject({
          method: method as 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload,
        });
        if (
          res.statusCode !== 401 ||
          !String(res.headers['content-type']).includes('problem+json')
        ) {
          wrong.push(`${method} ${path} ${payload} → ${res.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('still checks the body of the public changes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'someone@example.org' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('refuses an anonymous upload before reading it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/cdp-emissions',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload:
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n' +
        'a'.repeat(1000) +
        '\r\n--x--\r\n',
    });
    expect(res.statusCode).toBe(401);
  });
});
