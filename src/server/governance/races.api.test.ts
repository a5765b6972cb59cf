import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { expectConditionalEdit } from '../../../test/setup/if-match';
import type { Meeting } from './schemas';
import { DRAFT_MEETING_INPUT } from './test-support';

type Headers = { cookie: string; 'x-csrf-token': string };

/**
 * Identical requests sent at once, as a double click or a retrying client sends them: the
 * database keeps one of each (its constraints, not a check in code, decide) and no request
 * answers 5xx. PostgreSQL runs the requests concurrently; SQLite one after another.
 */
describe.each(dialectCases())(
  'governance under parallel requests on $label',
  ({ dialect, skip }) => {
    const it_ = skip ? it.skip : it;
    let t: TestApp;
    let admin: Headers;

    beforeAll(async () => {
      if (skip) return;
      t = await makeTestApp(dialect);
      admin = await t.signInAdmin();
    });
    afterAll(async () => {
      await t?.close();
    });

    const send = (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
      t.app.inject({ method, url, headers: admin, payload: payload as object });
    const parallel = (n: number, request: () => ReturnType<typeof send>) =>
      Promise.all(Array.from({ length: n }, request));
    const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode);

    async function meetingIn(status: 'scheduled' | 'in-progress'): Promise<Meeting> {
      const created = await send('POST', '/api/v1/meetings', DRAFT_MEETING_INPUT);
      expect(created.statusCode, created.body).toBe(201);
      const m = created.json() as Meeting;
      for (const next of ['scheduled', 'in-progress'] as const) {
        const res = await send('POST', `/api/v1/meetings/${m.id}/status`, { status: next });
        expect(res.statusCode, res.body).toBe(200);
        if (next === status) return res.json() as Meeting;
      }
      return m;
    }

    it_('records one attendance entry for 50 identical registrations', async () => {
      const m = await meetingIn('in-progress');
      const kyoto = m.seats.find((s) => s.government.slug === 'kyoto');
      const entry = {
        governmentId: kyoto?.government.id,
        personId: kyoto?.person?.id,
        capacity: 'own-right',
        mode: 'in-person',
      };
      const responses = await parallel(50, () =>
        send('POST', `/api/v1/meetings/${m.id}/attendance`, entry),
      );
      // The same entry again is the entry already there: every answer is the register with it.
      expect(statuses(responses).filter((s) => s !== 200)).toEqual([]);
      for (const res of responses) {
        expect((res.json() as Meeting).attendance.map((a) => a.name)).toEqual(['Daisaku Kadokawa']);
      }
      const rows = await t.db.kysely
        .selectFrom('attendance')
        .where('meeting_id', '=', m.id)
        .select('id')
        .execute();
      expect(rows).toHaveLength(1);
      // The register still takes changes (duplicates made every later change a 422).
      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/attendance/${rows[0]?.id}`,
        headers: admin,
        payload: { mode: 'online' },
      });
      expect(patched.statusCode, patched.body).toBe(200);
    });

    it_('refuses a second voter for a government even when both arrive at once', async () => {
      const m = await meetingIn('in-progress');
      const seoul = m.seats.find((s) => s.government.slug === 'seoul');
      const responses = await Promise.all(
        ['Proxy One', 'Proxy Two', 'Proxy Three', 'Proxy Four'].map((name) =>
          send('POST', `/api/v1/meetings/${m.id}/attendance`, {
            governmentId: seoul?.government.id,
            name,
            capacity: 'proxy',
            mode: 'online',
          }),
        ),
      );
      expect(statuses(responses).sort()).toEqual([200, 422, 422, 422]);
      for (const res of responses.filter((r) => r.statusCode === 422)) {
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().errors[0].pointer).toBe('/governmentId');
      }
      const rows = await t.db.kysely
        .selectFrom('attendance')
        .where('meeting_id', '=', m.id)
        .select('id')
        .execute();
      expect(rows).toHaveLength(1);
    });

    it_('invites a guest once and writes one letter for 20 identical invitations', async () => {
      const m = await meetingIn('scheduled');
      const guest = { seats: false, guests: [{ name: 'Ada Observer', email: 'ada@race.example' }] };
      const responses = await parallel(20, () =>
        send('POST', `/api/v1/meetings/${m.id}/invitations`, guest),
      );
      expect(statuses(responses).filter((s) => s === 200)).toHaveLength(1);
      for (const res of responses.filter((r) => r.statusCode !== 200)) {
        expect(res.statusCode, res.body).toBe(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().errors[0].pointer).toBe('/guests/0/email');
      }
      const invited = await t.db.kysely
        .selectFrom('invitations')
        .where('meeting_id', '=', m.id)
        .select('id')
        .execute();
      expect(invited).toHaveLength(1);
      const letters = await t.db.kysely
        .selectFrom('outbox')
        .where('to_email', '=', 'ada@race.example')
        .select('id')
        .execute();
      expect(letters).toHaveLength(1);
    });

    it_('invites each seat once when the seats are invited twice at once', async () => {
      const m = await meetingIn('scheduled');
      const responses = await parallel(10, () =>
        send('POST', `/api/v1/meetings/${m.id}/invitations`, { seats: true }),
      );
      expect(statuses(responses).filter((s) => s >= 500)).toEqual([]);
      const invited = await t.db.kysely
        .selectFrom('invitations')
        .where('meeting_id', '=', m.id)
        .select('seat_id')
        .execute();
      expect(invited).toHaveLength(m.seats.length);
      expect(new Set(invited.map((i) => i.seat_id)).size).toBe(m.seats.length);
    });

    it_('creates one body for 20 creates with one slug; the others answer 409', async () => {
      const body = { slug: 'race-network', kind: 'network', names: { en: 'Race network' } };
      const responses = await parallel(20, () => send('POST', '/api/v1/bodies', body));
      expect(statuses(responses).filter((s) => s < 300)).toHaveLength(1);
      for (const res of responses.filter((r) => r.statusCode >= 300)) {
        expect(res.statusCode, res.body).toBe(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().errors[0].pointer).toBe('/slug');
      }
      const rows = await t.db.kysely
        .selectFrom('bodies')
        .where('slug', '=', 'race-network')
        .select('id')
        .execute();
      expect(rows).toHaveLength(1);
    });
  },
);

describe.each(dialectCases())('meetings and bodies edited from stale copies on $label', (c) => {
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

  it_('guards a meeting’s details, agenda and minutes by one version', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: admin,
      payload: DRAFT_MEETING_INPUT,
    });
    const m = created.json() as Meeting;
    expect(m.version).toBe(1);
    const url = `/api/v1/meetings/${m.id}`;
    let after = await expectConditionalEdit(t, admin, {
      url,
      fresh: { venue: 'Suwon Convention Center' },
      stale: { venue: 'Somewhere else', title: { en: 'Overwritten' } },
    });
    expect(after).toMatchObject({ venue: 'Suwon Convention Center' });
    expect((after.title as { en: string }).en).toBe('Extraordinary RexCom meeting');

    after = await expectConditionalEdit(t, admin, {
      url,
      changeUrl: `${url}/agenda`,
      method: 'PUT',
      fresh: { items: [{ kind: 'opening-remark', title: { en: 'Welcome' } }] },
      stale: { items: [] },
    });
    expect((after.agenda as { title: { en: string } }[]).map((a) => a.title.en)).toEqual([
      'Welcome',
    ]);

    after = await expectConditionalEdit(t, admin, {
      url,
      changeUrl: `${url}/minutes`,
      method: 'PUT',
      fresh: { html: '<p>Agreed.</p>' },
      stale: { html: '<p>Not agreed.</p>' },
    });
    expect(after.minutesHtml).toBe('<p>Agreed.</p>');
  });

  it_('guards a body’s names and rules by version', async () => {
    const after = await expectConditionalEdit(t, admin, {
      url: '/api/v1/bodies/east-asia-rexcom',
      fresh: { rules: { majorityRule: 'two-thirds' } },
      stale: { rules: { majorityRule: 'simple' } },
    });
    expect(after).toMatchObject({ rules: { majorityRule: 'two-thirds' } });
  });
});
