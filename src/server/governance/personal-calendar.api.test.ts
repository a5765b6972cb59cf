import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import type { Meeting } from './schemas';
import { DRAFT_MEETING_INPUT } from './test-support';

type Headers = { cookie: string; 'x-csrf-token': string };

/** Personal calendar feeds: a secret address per user, revocable, with their own join links. */
describe.each(dialectCases())('personal calendar feeds on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  let seoul: Headers;
  let tokyo: Headers;
  let meeting: Meeting;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    seoul = await t.signInOfficer('seoul');
    tokyo = await t.signInOfficer('tokyo');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: admin,
      payload: { ...DRAFT_MEETING_INPUT, title: { en: 'Feed test meeting' } },
    });
    meeting = created.json() as Meeting;
    const url = `/api/v1/meetings/${meeting.id}`;
    for (const [path, payload] of [
      [`${url}/status`, { status: 'scheduled' }],
      [`${url}/invitations`, { seats: true }],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: path, headers: admin, payload });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers?: Headers) =>
    t.app.inject({ method, url, headers });
  /** The address's path on this server (the answer gives the full public address). */
  const pathOf = (url: string) => new URL(url).pathname;
  const events = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => ({
      summary: String(e.getFirstPropertyValue('summary')),
      conference: e.getFirstPropertyValue('conference'),
    }));

  it_('is for signed-in users only', async () => {
    expect((await call('GET', '/api/v1/auth/calendar-feed')).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/auth/calendar-feed')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/calendar/cal_guess.ics')).statusCode).toBe(404);
  });

  it_(
    'gives an officer the meetings their government is invited to, join link included',
    async () => {
      expect((await call('GET', '/api/v1/auth/calendar-feed', seoul)).json()).toEqual({
        active: false,
        createdAt: null,
        lastUsedAt: null,
      });
      const created = await call('POST', '/api/v1/auth/calendar-feed', seoul);
      expect(created.statusCode, created.body).toBe(201);
      const { url } = created.json() as { url: string };
      expect(url).toMatch(/^https?:\/\/.+\/api\/v1\/calendar\/cal_[A-Za-z0-9_-]{40,}\.ics$/);

      const feed = await call('GET', pathOf(url));
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toContain('text/calendar');
      expect(feed.headers['cache-control']).toBe('private, no-store');
      const mine = events(feed.body).find((e) => e.summary === 'Feed test meeting');
      expect(mine?.conference).toBe('https://meet.example.org/rexcom-2023');
      // A feed carries no one's address, the owner's included.
      expect(feed.body).not.toMatch(/mailto:/i);

      const status = (await call('GET', '/api/v1/auth/calendar-feed', seoul)).json();
      expect(status).toMatchObject({ active: true });
      expect(status.lastUsedAt).not.toBeNull();
    },
  );

  it_('leaves out meetings of others and their join links', async () => {
    const { url } = (await call('POST', '/api/v1/auth/calendar-feed', tokyo)).json() as {
      url: string;
    };
    const feed = await call('GET', pathOf(url));
    expect(feed.statusCode).toBe(200);
    expect(events(feed.body).map((e) => e.summary)).not.toContain('Feed test meeting');
    expect(feed.body).not.toContain('meet.example.org');
  });

  it_('stops answering at the old address once replaced or revoked', async () => {
    const first = (await call('POST', '/api/v1/auth/calendar-feed', admin)).json().url as string;
    const second = (await call('POST', '/api/v1/auth/calendar-feed', admin)).json().url as string;
    expect(second).not.toBe(first);
    expect((await call('GET', pathOf(first))).statusCode).toBe(404);
    const adminFeed = await call('GET', pathOf(second));
    expect(events(adminFeed.body).map((e) => e.summary)).toContain('Feed test meeting');

    expect((await call('DELETE', '/api/v1/auth/calendar-feed', admin)).statusCode).toBe(204);
    const gone = await call('GET', pathOf(second));
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect((await call('DELETE', '/api/v1/auth/calendar-feed', admin)).statusCode).toBe(404);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .where('summary', 'like', '%personal calendar address%')
      .select('summary')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    // Only the hash is stored: the address is nowhere in the database.
    const stored = await t.db.kysely.selectFrom('calendar_feeds').select('token_hash').execute();
    const token = pathOf(second).split('/').pop()?.replace('.ics', '') ?? '';
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });
});
