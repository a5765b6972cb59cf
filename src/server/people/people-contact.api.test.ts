import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

type Headers = { cookie: string; 'x-csrf-token': string };

/**
 * People's addresses are personal data: the public and other governments' officers read names
 * and positions, never an e-mail; the secretariat and the person's own government's officer do.
 */
describe.each(dialectCases())("who reads a person's address, on $label", ({ dialect, skip }) => {
  let t: TestApp;
  let admin: Headers;
  let suwon: Headers;
  let seoul: Headers;
  let id: number;
  const email = 'staff.contact@suwon.example';

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    suwon = await t.signInOfficer('suwon');
    seoul = await t.signInOfficer('seoul');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin,
      payload: { fullName: 'Contact Person', email },
    });
    id = created.json().id;
    const position = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: admin,
      payload: { personId: id, governmentSlug: 'suwon', title: 'staff-liaison' },
    });
    expect(position.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  const read = async (headers?: Headers) =>
    (await t.app.inject({ url: `/api/v1/people/${id}`, ...(headers ? { headers } : {}) })).json();

  it_('hides it from the public and from other governments', async () => {
    expect((await read()).email).toBeNull();
    expect((await read(seoul)).email).toBeNull();
    const list = await t.app.inject({ url: '/api/v1/people', query: { pageSize: '100' } });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('@');
    const items = list.json().items as { fullName: string; email: string | null }[];
    expect(items.find((p) => p.fullName === 'Contact Person')).toMatchObject({ email: null });
  });

  it_('shows it to the secretariat and to its own government', async () => {
    expect((await read(admin)).email).toBe(email);
    expect((await read(suwon)).email).toBe(email);
  });
});
