import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { makeTestApp, type TestApp } from '../../test/setup/app';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp('sqlite', { demo: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is a valid OpenAPI 3.1 document listing the foundation routes', async () => {
    const res = await t.app.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const path of [
      '/api/v1/health',
      '/api/v1/governments',
      '/api/v1/governments/{slug}',
      '/api/v1/offices',
      '/api/v1/auth/login',
      '/api/v1/users',
      '/api/v1/people',
      '/api/v1/audit',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('serves the browsable docs', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect([200, 302]).toContain(res.statusCode);
  });
});
