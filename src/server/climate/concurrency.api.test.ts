import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import type { VersionedRecord } from '../../core/climate/types';

type Headers = { cookie: string; 'x-csrf-token': string };

/**
 * Concurrent changes of one climate record: each change is one numbered version, and a change
 * made from a copy someone has since changed (If-Match with an old ETag) is refused, not
 * written over theirs.
 */
describe.each(dialectCases())('climate records changed concurrently on $label', (c) => {
  const it_ = c.skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;

  beforeAll(async () => {
    if (c.skip) return;
    t = await makeTestApp(c.dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (
    method: 'POST' | 'PATCH',
    url: string,
    payload: object,
    extra: Record<string, string> = {},
  ) => t.app.inject({ method, url, headers: { ...admin, ...extra }, payload });
  const versionsOf = (type: VersionedRecord, id: number) =>
    t.db.kysely
      .selectFrom('record_versions')
      .where('entity_type', '=', type)
      .where('entity_id', '=', id)
      .select(['version', 'change'])
      .orderBy('version')
      .execute();

  async function newTarget(title: string): Promise<{ id: number; version: number }> {
    const res = await send('POST', '/api/v1/governments/suwon/targets', {
      type: 'base-year',
      title,
      status: 'policy',
      baseYear: 2013,
      baseEmissions: 1_000_000,
      targetYear: 2030,
      reductionPercent: 40,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  }

  it_('numbers 50 concurrent changes of a target 2 to 51, one version each', async () => {
    const target = await newTarget('Concurrent edits');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send('PATCH', `/api/v1/targets/${target.id}`, { title: `Edit ${i}` }),
      ),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);
    const answered = responses.map((r) => (r.json() as { version: number }).version);
    expect(answered.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    const history = await versionsOf('target', target.id);
    expect(history.map((v) => v.version)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(history.filter((v) => v.change === 'update')).toHaveLength(50);
    // The record is what its newest version says.
    const now = (await t.app.inject({ url: `/api/v1/targets/${target.id}` })).json() as {
      title: string;
      version: number;
    };
    const newest = responses.find((r) => (r.json() as { version: number }).version === 51);
    expect(now).toMatchObject({ version: 51, title: (newest?.json() as { title: string }).title });
  });

  it_('refuses a target change made from a stale copy with 412, and writes nothing', async () => {
    const target = await newTarget('Stale copy');
    const read = await t.app.inject({ url: `/api/v1/targets/${target.id}` });
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toMatchObject({ version: 1 });
    const first = await send(
      'PATCH',
      `/api/v1/targets/${target.id}`,
      { title: 'Changed by Ana' },
      { 'if-match': '"1"' },
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.json()).toMatchObject({ version: 2, title: 'Changed by Ana' });

    const stale = await send(
      'PATCH',
      `/api/v1/targets/${target.id}`,
      { title: 'Changed by Ben' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ status: 412, code: 'stale-write' });
    const after = (await t.app.inject({ url: `/api/v1/targets/${target.id}` })).json();
    expect(after).toMatchObject({ version: 2, title: 'Changed by Ana' });
    expect((await versionsOf('target', target.id)).map((v) => v.version)).toEqual([1, 2]);

    // A tag this server never gives (weak, or not a version) matches nothing either.
    for (const tag of ['W/"2"', '"two"', '']) {
      const odd = await send(
        'PATCH',
        `/api/v1/targets/${target.id}`,
        { title: 'x' },
        { 'if-match': tag },
      );
      expect(odd.statusCode, tag).toBe(412);
    }
    // Any current version (*), or no condition at all, still writes.
    const any = await send(
      'PATCH',
      `/api/v1/targets/${target.id}`,
      { title: 'Any' },
      { 'if-match': '*' },
    );
    expect(any.json()).toMatchObject({ version: 3 });
    const blind = await send('PATCH', `/api/v1/targets/${target.id}`, { title: 'Blind' });
    expect(blind.statusCode).toBe(200);
    expect(blind.headers.etag).toBe('"4"');
  });

  it_('lets only one of two changes from the same copy through', async () => {
    const target = await newTarget('Two editors');
    const [a, b] = await Promise.all(
      ['Ana', 'Ben'].map((who) =>
        send(
          'PATCH',
          `/api/v1/targets/${target.id}`,
          { title: `By ${who}` },
          { 'if-match': '"1"' },
        ),
      ),
    );
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 412]);
    expect((await versionsOf('target', target.id)).map((v) => v.version)).toEqual([1, 2]);
  });

  it_('guards inventories, their entries with them, by version', async () => {
    const created = await send('POST', '/api/v1/governments/suwon/inventories', {
      year: 2021,
      gwpSet: 'AR5',
      entries: [{ code: 'I.1.1', gas: 'CO2', amount: 100, notationKey: null }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;
    const read = await t.app.inject({ url: `/api/v1/inventories/${id}`, headers: admin });
    expect(read.headers.etag).toBe('"1"');
    const entries = [{ code: 'I.1.1', gas: 'CO2', amount: 250, notationKey: null }];
    const fresh = await send(
      'PATCH',
      `/api/v1/inventories/${id}`,
      { entries },
      { 'if-match': '"1"' },
    );
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.headers.etag).toBe('"2"');
    const stale = await send(
      'PATCH',
      `/api/v1/inventories/${id}`,
      { entries: [{ code: 'I.1.1', gas: 'CO2', amount: 1, notationKey: null }] },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('stale-write');
    const now = (await t.app.inject({ url: `/api/v1/inventories/${id}`, headers: admin })).json();
    expect(now).toMatchObject({ version: 2, totals: { basic: 250 } });
    expect((await versionsOf('inventory', id)).map((v) => v.version)).toEqual([1, 2]);
  });

  it_('guards emission reports and actions by version', async () => {
    const report = await send('POST', '/api/v1/governments/suwon/emission-reports', {
      year: 2016,
      source: 'national',
      sourceLabel: 'National statistics',
      total: 100,
    });
    const action = await send('POST', '/api/v1/governments/suwon/actions', {
      title: 'Bus lanes',
      status: 'planned',
    });
    for (const [url, type, field, created] of [
      ['/api/v1/emission-reports', 'emission-report', 'total', report],
      ['/api/v1/actions', 'action', 'title', action],
    ] as const) {
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { id: number }).id;
      const value = (n: number) => (field === 'total' ? n : `Title ${n}`);
      const fresh = await send(
        'PATCH',
        `${url}/${id}`,
        { [field]: value(1) },
        { 'if-match': '"1"' },
      );
      expect(fresh.statusCode, fresh.body).toBe(200);
      expect(fresh.headers.etag).toBe('"2"');
      expect(fresh.json()).toMatchObject({ version: 2, [field]: value(1) });
      const stale = await send(
        'PATCH',
        `${url}/${id}`,
        { [field]: value(2) },
        { 'if-match': '"1"' },
      );
      expect(stale.statusCode, type).toBe(412);
      expect(stale.json().code).toBe('stale-write');
      expect((await versionsOf(type, id)).map((v) => v.version)).toEqual([1, 2]);
    }
  });
});
