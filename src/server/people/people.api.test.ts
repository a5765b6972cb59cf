import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

describe.each(dialectCases())('people and positions on $label', ({ dialect, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await makeTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  it_('lists the proxy of Seoul with her position', async () => {
    const res = await t.app.inject({ url: '/api/v1/people', query: { q: 'Min Kwon' } });
    const person = res.json().items[0];
    expect(person.fullName).toBe('Min Kwon');
    expect(person.positions[0]).toMatchObject({
      title: 'director-general',
      government: { slug: 'seoul' },
    });
  });

  it_(
    'marks a position confirmed, shows it on the profile, and refuses a day to come',
    async () => {
      const admin = await t.signInAdmin();
      const person = await t.app.inject({
        method: 'POST',
        url: '/api/v1/people',
        headers: admin,
        payload: { fullName: 'Long Serving Mayor' },
      });
      const pos = await t.app.inject({
        method: 'POST',
        url: '/api/v1/positions',
        headers: admin,
        payload: {
          personId: person.json().id,
          governmentSlug: 'suwon',
          title: 'deputy-mayor',
          startDate: '2011-05-01',
        },
      });
      expect(pos.json()).toMatchObject({ confirmedOn: null });
      const url = `/api/v1/positions/${pos.json().id}`;
      const confirm = (confirmedOn: string | null, version?: number) =>
        t.app.inject({
          method: 'PATCH',
          url,
          headers: { ...admin, ...(version ? { 'if-match': `"${version}"` } : {}) },
          payload: { confirmedOn },
        });
      const tomorrow = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
      const future = await confirm(tomorrow);
      expect(future.statusCode).toBe(422);
      expect(future.json().errors).toEqual([
        { pointer: '/confirmedOn', detail: 'must not be after today', code: 'confirmed-in-future' },
      ]);
      const beforeStart = await confirm('2010-01-01');
      expect(beforeStart.json().errors[0]).toMatchObject({
        pointer: '/confirmedOn',
        code: 'confirmed-before-start',
      });
      const done = await confirm('2026-01-05', pos.json().version);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ confirmedOn: '2026-01-05', startDate: '2011-05-01' });
      const suwon = await t.app.inject({ url: '/api/v1/governments/suwon' });
      expect(
        suwon
          .json()
          .officeHolders.find((h: { positionId: number }) => h.positionId === pos.json().id),
      ).toMatchObject({ confirmedOn: '2026-01-05' });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .where('entity_type', '=', 'position')
        .where('entity_id', '=', String(pos.json().id))
        .where('action', '=', 'update')
        .select(['before_json', 'after_json'])
        .execute();
      expect(audit.map((a) => [JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([
        [{ confirmedOn: null }, { confirmedOn: '2026-01-05' }],
      ]);
    },
  );

  it_('records a mayor, ends the term, and keeps both in the history', async () => {
    const admin = await t.signInAdmin();
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin,
      payload: { fullName: 'Test Mayor', names: { ja: 'テスト市長' } },
    });
    expect(person.statusCode).toBe(201);
    const id = person.json().id;
    const pos = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: admin,
      payload: {
        personId: id,
        governmentSlug: 'kyoto',
        title: 'deputy-mayor',
        startDate: '2020-01-01',
      },
    });
    expect(pos.statusCode).toBe(201);
    const before = await t.app.inject({ url: '/api/v1/governments/kyoto' });
    expect(before.json().officeHolders.map((h: { personId: number }) => h.personId)).toContain(id);
    const ended = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/positions/${pos.json().id}`,
      headers: admin,
      payload: { endDate: '2021-12-31' },
    });
    expect(ended.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/v1/governments/kyoto' });
    expect(after.json().officeHolders.map((h: { personId: number }) => h.personId)).not.toContain(
      id,
    );
    expect(after.json().positions.map((h: { personId: number }) => h.personId)).toContain(id);
  });

  it_('refuses an end date before the start date, naming the field', async () => {
    const admin = await t.signInAdmin();
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin,
      payload: { fullName: 'Date Check' },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: admin,
      payload: {
        personId: person.json().id,
        governmentSlug: 'suwon',
        title: 'staff-liaison',
        startDate: '2022-05-01',
        endDate: '2021-05-01',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].pointer).toBe('/endDate');
  });

  it_("keeps an officer to their own government's positions", async () => {
    const officer = await t.signInOfficer('suwon');
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: officer,
      payload: { fullName: 'Suwon Liaison' },
    });
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: officer,
      payload: { personId: person.json().id, governmentSlug: 'suwon', title: 'staff-liaison' },
    });
    expect(own.statusCode).toBe(201);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: officer,
      payload: { personId: person.json().id, governmentSlug: 'seoul', title: 'staff-liaison' },
    });
    expect(other.statusCode).toBe(403);
  });
});
