import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import type { Attendance, Body, Invitation, Meeting, Seat, SeatHistory } from './schemas';
import { DRAFT_MEETING_INPUT, REXCOM } from './test-support';

type Headers = { cookie: string; 'x-csrf-token': string };

interface Change {
  method: 'PATCH' | 'PUT';
  url: string;
  headers: Headers;
  /** The record's version as read, the change made from it, and the one from the same copy. */
  version: number;
  fresh: object;
  stale: object;
  /** The record's version as the change's answer carries it. */
  versionIn(answer: unknown): number | undefined;
}

/**
 * expectConditionalEdit for records without a GET of their own (a seat, an invitation, a
 * register entry): the caller reads the version where the web reads it. The change made with
 * If-Match of the version read answers 200 with the next version (ETag and JSON); the same
 * If-Match again answers 412 stale-write. Returns the first change's answer.
 */
async function expectConditionalChange(t: TestApp, change: Change): Promise<unknown> {
  const { method, url, headers, version } = change;
  const fresh = await t.app.inject({
    method,
    url,
    headers: { ...headers, 'if-match': `"${version}"` },
    payload: change.fresh,
  });
  expect(fresh.statusCode, fresh.body).toBe(200);
  expect(fresh.headers.etag).toBe(`"${version + 1}"`);
  expect(change.versionIn(fresh.json())).toBe(version + 1);

  const stale = await t.app.inject({
    method,
    url,
    headers: { ...headers, 'if-match': `"${version}"` },
    payload: change.stale,
  });
  expect(stale.statusCode, stale.body).toBe(412);
  expect(stale.headers['content-type']).toContain('application/problem+json');
  expect(stale.json()).toMatchObject({ status: 412, code: 'stale-write' });
  return fresh.json();
}

describe.each(dialectCases())('seats, invitations and the register by version on $label', (c) => {
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
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });

  /** A seat of the RexCom's current term, as the body's page reads it. */
  async function seatOf(slug: string): Promise<Seat> {
    const res = await send('GET', `/api/v1/bodies/${REXCOM}`);
    expect(res.statusCode, res.body).toBe(200);
    const seat = (res.json() as Body).seats.find((s) => s.government.slug === slug);
    if (!seat) throw new Error(`no seat of ${slug}`);
    return seat;
  }

  async function meetingIn(status: 'scheduled' | 'in-progress'): Promise<Meeting> {
    const created = await send('POST', '/api/v1/meetings', DRAFT_MEETING_INPUT);
    expect(created.statusCode, created.body).toBe(201);
    let m = created.json() as Meeting;
    for (const next of ['scheduled', 'in-progress'] as const) {
      const res = await send('POST', `/api/v1/meetings/${m.id}/status`, { status: next });
      expect(res.statusCode, res.body).toBe(200);
      m = res.json() as Meeting;
      if (next === status) break;
    }
    return m;
  }

  async function meeting(id: number, headers: Headers = admin): Promise<Meeting> {
    const res = await t.app.inject({ url: `/api/v1/meetings/${id}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Meeting;
  }

  const auditActions = async (entityType: string, id: number) =>
    (
      await t.db.kysely
        .selectFrom('audit_log')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', String(id))
        .select('action')
        .orderBy('id')
        .execute()
    ).map((a) => a.action);

  it_('refuses a seat change made from a stale copy; every change takes a version', async () => {
    const seat = await seatOf('kyoto');
    expect(seat.version).toBe(1);
    const changed = (await expectConditionalChange(t, {
      method: 'PATCH',
      url: `/api/v1/seats/${seat.id}`,
      headers: admin,
      version: seat.version,
      fresh: { portfolio: 'energy' },
      stale: { portfolio: 'transport', position: 'member' },
      versionIn: (answer) => (answer as Seat).version,
    })) as Seat;
    expect(changed.portfolio).toBe('energy');
    let now = await seatOf('kyoto');
    expect(now).toMatchObject({ portfolio: 'energy', position: seat.position, version: 2 });

    // A change without If-Match is made as before, and takes the next version too.
    const unconditional = await send('PATCH', `/api/v1/seats/${seat.id}`, { sortOrder: 7 });
    expect(unconditional.statusCode, unconditional.body).toBe(200);
    expect(unconditional.headers.etag).toBe('"3"');
    const late = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/seats/${seat.id}`,
      headers: { ...admin, 'if-match': '"2"' },
      payload: { portfolio: null },
    });
    expect(late.statusCode, late.body).toBe(412);
    now = await seatOf('kyoto');
    expect(now).toMatchObject({ portfolio: 'energy', sortOrder: 7, version: 3 });
    // The seat's page reads the same version.
    const history = await send('GET', `/api/v1/seats/${seat.id}/history`);
    expect((history.json() as SeatHistory).seat.version).toBe(3);
    expect(await auditActions('seat', seat.id)).toEqual(['create', 'update', 'update']);

    // A new seat starts at version 1.
    const taken = (await t.db.kysely.selectFrom('seats').select('government_id').execute()).map(
      (s) => s.government_id,
    );
    const free = await t.db.kysely
      .selectFrom('governments')
      .where('id', 'not in', taken)
      .select('id')
      .executeTakeFirstOrThrow();
    const added = await send('POST', `/api/v1/terms/${seat.termId}/seats`, {
      governmentId: free.id,
      position: 'member',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as Seat).version).toBe(1);
  });

  it_('refuses a reply made from a stale copy of the invitation', async () => {
    const m = await meetingIn('scheduled');
    const invited = await send('POST', `/api/v1/meetings/${m.id}/invitations`, { seats: true });
    expect(invited.statusCode, invited.body).toBe(200);
    const officer = await t.signInOfficer('seoul');
    // The officer's copy, as the meeting page reads it.
    const read = await meeting(m.id, officer);
    const own = read.invitations.find((i) => i.id === read.viewer.invitationId);
    if (!own) throw new Error('the officer has no invitation');
    expect(own.version).toBe(1);
    const answered = (await expectConditionalChange(t, {
      method: 'PUT',
      url: `/api/v1/invitations/${own.id}/reply`,
      headers: officer,
      version: own.version,
      fresh: { reply: 'attending', comment: 'The mayor attends.' },
      stale: { reply: 'not-attending' },
      versionIn: (answer) => (answer as Invitation).version,
    })) as Invitation;
    expect(answered.reply).toBe('attending');
    const after = (await meeting(m.id, officer)).invitations.find((i) => i.id === own.id);
    expect(after).toMatchObject({ reply: 'attending', comment: 'The mayor attends.', version: 2 });
    expect(await auditActions('invitation', own.id)).toEqual(['update']);
  });

  it_('takes an invitation to its next version when its seat is removed', async () => {
    const m = await meetingIn('scheduled');
    await send('POST', `/api/v1/meetings/${m.id}/invitations`, { seats: true });
    const seat = await seatOf('changchun');
    const before = (await meeting(m.id)).invitations.find((i) => i.seatId === seat.id);
    if (!before) throw new Error('the seat was not invited');
    const removed = await send('DELETE', `/api/v1/seats/${seat.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    const detached = (await meeting(m.id)).invitations.find((i) => i.id === before.id);
    expect(detached).toMatchObject({ seatId: null, version: before.version + 1 });
    // A reply from the copy read while the seat was there is stale.
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/invitations/${before.id}/reply`,
      headers: { ...admin, 'if-match': `"${before.version}"` },
      payload: { reply: 'not-attending' },
    });
    expect(stale.statusCode, stale.body).toBe(412);
    expect((await meeting(m.id)).invitations.find((i) => i.id === before.id)?.reply).toBe(
      'pending',
    );
  });

  it_('refuses a register change made from a stale copy of the entry', async () => {
    const m = await meetingIn('in-progress');
    const kyoto = m.seats.find((s) => s.government.slug === 'kyoto');
    const registered = await send('POST', `/api/v1/meetings/${m.id}/attendance`, {
      governmentId: kyoto?.government.id,
      personId: kyoto?.person?.id,
      capacity: 'own-right',
      mode: 'in-person',
    });
    expect(registered.statusCode, registered.body).toBe(200);
    // The register as the management page reads it: the meeting with its entries.
    const entry = (registered.json() as Meeting).attendance[0] as Attendance;
    expect(entry.version).toBe(1);
    const entryIn = (answer: unknown) =>
      (answer as Meeting).attendance.find((a) => a.id === entry.id);
    const answer = await expectConditionalChange(t, {
      method: 'PATCH',
      url: `/api/v1/attendance/${entry.id}`,
      headers: admin,
      version: entry.version,
      fresh: { mode: 'online' },
      stale: { present: false },
      versionIn: (a) => entryIn(a)?.version,
    });
    expect(entryIn(answer)).toMatchObject({ mode: 'online', present: true });
    expect(entryIn(await meeting(m.id))).toMatchObject({
      mode: 'online',
      present: true,
      version: 2,
    });
    expect(await auditActions('attendance', entry.id)).toEqual(['create', 'update']);

    // Without If-Match the change is made, and a copy read before it is stale.
    const unconditional = await send('PATCH', `/api/v1/attendance/${entry.id}`, {
      present: false,
    });
    expect(unconditional.statusCode, unconditional.body).toBe(200);
    expect(entryIn(unconditional.json())).toMatchObject({ present: false, version: 3 });
    const late = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/attendance/${entry.id}`,
      headers: { ...admin, 'if-match': '"2"' },
      payload: { present: true },
    });
    expect(late.statusCode, late.body).toBe(412);
    expect(entryIn(await meeting(m.id))).toMatchObject({ present: false, version: 3 });
  });
});
