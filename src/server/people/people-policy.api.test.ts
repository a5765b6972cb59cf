import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

type Headers = { cookie: string; 'x-csrf-token': string };

/**
 * The people/positions hole of issue 8: an officer attached a position "in their own
 * government" to another government's person, then changed that person's e-mail (so the other
 * government's invitations and join links went to the officer), then removed the position.
 */
describe.each(dialectCases())('who may change a person, on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: Headers;
  let suwon: Headers;
  let minKwon: number;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    suwon = await t.signInOfficer('suwon');
    const res = await t.app.inject({ url: '/api/v1/people', query: { q: 'Min Kwon' } });
    minKwon = res.json().items[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  // Read as the secretariat: addresses are not shown to the public (people-contact.api.test.ts).
  const personOf = async (id: number) =>
    (await t.app.inject({ url: `/api/v1/people/${id}`, headers: admin })).json();

  const newPerson = async (headers: Headers, fullName: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers,
      payload: { fullName },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };

  const addPosition = (headers: Headers, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/positions', headers, payload });

  const patchPerson = (headers: Headers, id: number, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/people/${id}`, headers, payload });

  it_("refuses the attack: a position of one's own on another government's person", async () => {
    const before = await personOf(minKwon);
    expect(
      before.positions.map((p: { government: { slug: string } }) => p.government.slug),
    ).toEqual(['seoul']);
    const attach = await addPosition(suwon, {
      personId: minKwon,
      governmentSlug: 'suwon',
      title: 'staff-liaison',
    });
    expect(attach.statusCode).toBe(403);
    const edit = await patchPerson(suwon, minKwon, { email: 'officer@suwon.example' });
    expect(edit.statusCode).toBe(403);
    const after = await personOf(minKwon);
    expect(after.email).toBe(before.email);
    expect(after.positions).toHaveLength(1);
  });

  it_('refuses the edit even when the position got there another way', async () => {
    // The secretariat records that Min Kwon also serves Suwon: she is no longer Suwon's alone.
    const shared = await addPosition(admin, {
      personId: minKwon,
      governmentSlug: 'suwon',
      title: 'staff-liaison',
    });
    expect(shared.statusCode).toBe(201);
    const edit = await patchPerson(suwon, minKwon, { email: 'officer@suwon.example' });
    expect(edit.statusCode).toBe(403);
    expect((await personOf(minKwon)).email).toBeNull();
    // Removing the shared position is the secretariat's business again.
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/positions/${shared.json().id}`,
      headers: admin,
    });
    expect(removed.statusCode).toBe(204);
  });

  it_('refuses to attach a position to someone who holds an office position', async () => {
    const id = await newPerson(admin, 'Office Staff');
    const office = await t.db.kysely.selectFrom('offices').select('slug').executeTakeFirstOrThrow();
    const inOffice = await addPosition(admin, {
      personId: id,
      officeSlug: office.slug,
      title: 'staff-liaison',
    });
    expect(inOffice.statusCode).toBe(201);
    const attach = await addPosition(suwon, {
      personId: id,
      governmentSlug: 'suwon',
      title: 'staff-liaison',
    });
    expect(attach.statusCode).toBe(403);
    expect((await patchPerson(suwon, id, { email: 'x@suwon.example' })).statusCode).toBe(403);
  });

  it_("lets an officer keep their own government's people", async () => {
    const id = await newPerson(suwon, 'Suwon Staff');
    const own = await addPosition(suwon, {
      personId: id,
      governmentSlug: 'suwon',
      title: 'staff-liaison',
    });
    expect(own.statusCode).toBe(201);
    const edit = await patchPerson(suwon, id, { email: 'staff@suwon.example' });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().email).toBe('staff@suwon.example');
    const ended = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/positions/${own.json().id}`,
      headers: suwon,
      payload: { endDate: '2030-01-01' },
    });
    expect(ended.statusCode).toBe(200);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/positions/${own.json().id}`,
      headers: suwon,
    });
    expect(removed.statusCode).toBe(204);
  });

  it_("keeps a seat holder's contact details to their government's side", async () => {
    const seat = await t.db.kysely
      .selectFrom('seats')
      .innerJoin('governments', 'governments.id', 'seats.government_id')
      .where('governments.slug', '!=', 'suwon')
      .select(['seats.id', 'governments.slug'])
      .orderBy('seats.id')
      .executeTakeFirstOrThrow();
    // A Suwon employee who represents another government on a governing body.
    const id = await newPerson(suwon, 'Seconded Delegate');
    expect(
      (await addPosition(suwon, { personId: id, governmentSlug: 'suwon', title: 'staff-liaison' }))
        .statusCode,
    ).toBe(201);
    expect((await patchPerson(suwon, id, { email: 'before@suwon.example' })).statusCode).toBe(200);
    const seated = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/seats/${seat.id}`,
      headers: admin,
      payload: { personId: id },
    });
    expect(seated.statusCode).toBe(200);
    expect((await patchPerson(suwon, id, { email: 'after@suwon.example' })).statusCode).toBe(403);
    expect((await personOf(id)).email).toBe('before@suwon.example');
    const bySecretariat = await patchPerson(admin, id, { email: 'delegate@example.org' });
    expect(bySecretariat.statusCode).toBe(200);
  });
});
