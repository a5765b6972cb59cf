import { expect } from 'vitest';
import type { TestApp } from './app';

type Headers = Record<string, string>;

export interface ConditionalEdit {
  /** Where the record is read (GET) and, unless `changeUrl` says otherwise, changed. */
  url: string;
  changeUrl?: string;
  method?: 'PATCH' | 'PUT';
  /** The change made from the current copy (accepted) and the one from the stale copy. */
  fresh: object;
  stale: object;
}

/**
 * Reads a record, changes it with If-Match of the version read (200, the next version as ETag
 * and in JSON), then sends another change with the same, now stale, If-Match: 412 with
 * code 'stale-write'. Returns the record as read afterwards, for the caller to show that the
 * stale change wrote nothing.
 */
export async function expectConditionalEdit(
  t: TestApp,
  headers: Headers,
  edit: ConditionalEdit,
): Promise<Record<string, unknown>> {
  const { url, changeUrl = url, method = 'PATCH' } = edit;
  const read = await t.app.inject({ url, headers });
  expect(read.statusCode, read.body).toBe(200);
  const version = (read.json() as { version: number }).version;
  expect(read.headers.etag).toBe(`"${version}"`);

  const fresh = await t.app.inject({
    method,
    url: changeUrl,
    headers: { ...headers, 'if-match': `"${version}"` },
    payload: edit.fresh,
  });
  expect(fresh.statusCode, fresh.body).toBe(200);
  expect(fresh.headers.etag).toBe(`"${version + 1}"`);
  expect((fresh.json() as { version: number }).version).toBe(version + 1);

  const stale = await t.app.inject({
    method,
    url: changeUrl,
    headers: { ...headers, 'if-match': `"${version}"` },
    payload: edit.stale,
  });
  expect(stale.statusCode, stale.body).toBe(412);
  expect(stale.headers['content-type']).toContain('application/problem+json');
  expect(stale.json()).toMatchObject({ status: 412, code: 'stale-write' });

  const after = await t.app.inject({ url, headers });
  const record = after.json() as Record<string, unknown>;
  expect(record.version).toBe(version + 1);
  expect(after.headers.etag).toBe(`"${version + 1}"`);
  return record;
}
