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
});
