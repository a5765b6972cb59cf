import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { expectConditionalEdit } from '../../../test/setup/if-match';

describe.each(dialectCases())('people changed concurrently on $label', (c) => {
  const it_ = c.skip ? it.skip : it;
  let t: TestApp;

  beforeAll(async () => {
    if (c.skip) return;
    t = await makeTestApp(c.dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it_(
    'refuses a change made from a stale copy with 412 and keeps the change before it',
    async () => {
      const admin = await t.signInAdmin();
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/people',
        headers: admin,
        payload: { fullName: 'Jun Park' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { id: number }).id;
      const after = await expectConditionalEdit(t, admin, {
        url: `/api/v1/people/${id}`,
        fresh: { email: 'jun.park@suwon.example' },
        stale: { fullName: 'Someone else', email: null },
      });
      expect(after).toMatchObject({ fullName: 'Jun Park', email: 'jun.park@suwon.example' });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .where('entity_type', '=', 'person')
        .where('entity_id', '=', String(id))
        .select('action')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    },
  );

  it_(
    'refuses a change of a position made from a stale copy with 412 and keeps the change before it',
    async () => {
      const admin = await t.signInAdmin();
      const person = await t.app.inject({
        method: 'POST',
        url: '/api/v1/people',
        headers: admin,
        payload: { fullName: 'Mi-rae Lee' },
      });
      expect(person.statusCode, person.body).toBe(201);
      const personId = (person.json() as { id: number }).id;
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/positions',
        headers: admin,
        payload: { personId, governmentSlug: 'suwon', title: 'mayor', startDate: '2022-07-01' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { id: number }).id;
      // There is no GET of one position: the web reads it, and its version, with its person.
      const read = async () => {
        const res = await t.app.inject({ url: `/api/v1/people/${personId}`, headers: admin });
        expect(res.statusCode, res.body).toBe(200);
        const positions = (res.json() as { positions: { id: number; version: number }[] })
          .positions;
        return positions.find((p) => p.id === id) as Record<string, unknown> & { version: number };
      };
      const { version } = await read();
      expect(version).toBe(1);
      const personVersion = (person.json() as { version: number }).version;

      const fresh = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/positions/${id}`,
        headers: { ...admin, 'if-match': `"${version}"` },
        payload: { endDate: '2026-06-30' },
      });
      expect(fresh.statusCode, fresh.body).toBe(200);
      expect(fresh.headers.etag).toBe(`"${version + 1}"`);
      expect((fresh.json() as { version: number }).version).toBe(version + 1);

      const stale = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/positions/${id}`,
        headers: { ...admin, 'if-match': `"${version}"` },
        payload: { title: 'deputy-mayor', endDate: null },
      });
      expect(stale.statusCode, stale.body).toBe(412);
      expect(stale.headers['content-type']).toContain('application/problem+json');
      expect(stale.json()).toMatchObject({ status: 412, code: 'stale-write' });

      expect(await read()).toMatchObject({
        title: 'mayor',
        endDate: '2026-06-30',
        version: version + 1,
      });
      // A position's change is not a change of its person.
      const after = await t.app.inject({ url: `/api/v1/people/${personId}`, headers: admin });
      expect((after.json() as { version: number }).version).toBe(personVersion);

      // Without If-Match the change is made, and takes the next version too.
      const unconditional = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/positions/${id}`,
        headers: admin,
        payload: { title: 'deputy-mayor' },
      });
      expect(unconditional.statusCode, unconditional.body).toBe(200);
      expect((unconditional.json() as { version: number }).version).toBe(version + 2);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .where('entity_type', '=', 'position')
        .where('entity_id', '=', String(id))
        .select('action')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    },
  );
});
