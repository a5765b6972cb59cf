/**
 * Making a member, on both databases: a new government added, or a prospect promoted with its
 * climate records kept; the membership started; the officers' set-password links, which work
 * once and for seven days.
 */
import { periodEndFor } from '../../core/membership-status';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { advanceClockForTests, resetClockForTests } from '../clock';
import {
  applicationBody,
  lettersTo,
  linkIn,
  submit,
  takeSteps,
  TO_CONFIRMED,
} from './test-support';

type Headers = Record<string, string>;
const PASSWORD = 'a-long-enough-password-1';

describe.each(dialectCases())('making a member on $label', ({ dialect, skip }) => {
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
  afterEach(() => resetClockForTests());

  const member = (id: number, payload: object = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/member`,
      headers: admin,
      payload,
    });
  const confirmed = async (overrides = {}) => {
    const sent = await submit(t, applicationBody(overrides));
    await takeSteps(t.app, admin, sent.id, TO_CONFIRMED);
    return sent;
  };
  const government = (slug: string) =>
    t.app.inject({ url: `/api/v1/governments/${slug}` }).then((r) => ({
      status: r.statusCode,
      body: r.json() as {
        id: number;
        names: Record<string, string>;
        region: string;
        population: number | null;
        website: string | null;
        membership: { category: string; status: string; since: string | null };
      },
    }));

  it_('adds a new government, starts its membership and invites its officers', async () => {
    const { id, body } = await confirmed({
      englishName: 'Matsumoto Test',
      officialName: '松本試験市',
    });
    const early = await submit(t);
    expect((await member(early.id)).statusCode).toBe(409);

    const res = await member(id, { comment: 'Confirmed by the RexCom on 3 May.' });
    expect(res.statusCode).toBe(200);
    const detail = res.json() as {
      step: string;
      government: { slug: string };
      invitations: { email: string; state: string }[];
    };
    expect(detail.step).toBe('member');
    expect(detail.government.slug).toBe('matsumoto-test');
    expect(detail.invitations.map((i) => [i.email, i.state])).toEqual([
      [body.liaison.email, 'valid'],
      [body.political.email, 'valid'],
    ]);

    const gov = await government('matsumoto-test');
    expect(gov.status).toBe(200);
    expect(gov.body.names).toEqual({ en: 'Matsumoto Test', ja: '松本試験市' });
    expect(gov.body.region).toBe('east-asia');
    expect(gov.body.membership).toMatchObject({ category: 'full-member', status: 'new' });
    expect(gov.body.membership.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Its first year of membership starts the day it became a member, and runs a year.
    const membership = await t.app.inject({
      url: '/api/v1/governments/matsumoto-test/membership',
      headers: admin,
    });
    expect(membership.statusCode).toBe(200);
    const periods = (membership.json() as { periods: { start: string; end: string }[] }).periods;
    expect(periods).toHaveLength(1);
    expect(periods[0]?.start).toBe(gov.body.membership.since);
    expect(periods[0]?.end).toBe(periodEndFor(gov.body.membership.since as string));

    // The head of government and the liaison the application names hold their positions.
    const holders = (
      (await t.app.inject({ url: '/api/v1/governments/matsumoto-test' })).json() as {
        officeHolders: { fullName: string; title: string; startDate: string; endDate: string }[];
      }
    ).officeHolders.map((h) => [h.fullName, h.title, h.startDate, h.endDate]);
    expect(holders).toEqual(
      expect.arrayContaining([
        [body.head.name, 'mayor', body.head.electedOn, body.head.termEndsOn],
        [body.liaison.name, 'staff-liaison', gov.body.membership.since, null],
      ]),
    );
    expect(holders).toHaveLength(2);

    const letters = await lettersTo(t.db, body.liaison.email);
    expect(letters.map((l) => l.kind)).toContain('officer-invitation');
    expect(letters.at(-1)?.subject).toBe(`ネットワークへようこそ：${body.officialName}`);
    // Closed: nothing more can be done.
    expect((await member(id)).statusCode).toBe(409);
  });

  it_('promotes a prospect, keeping its climate records and figures', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments',
      headers: admin,
      payload: {
        slug: 'prospect-town',
        names: { en: 'Prospect Town' },
        kind: 'city',
        country: 'JP',
        region: 'east-asia',
        localLang: 'en',
        population: 50_000,
        populationYear: 2020,
      },
    });
    expect(created.statusCode).toBe(201);
    const target = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/prospect-town/targets',
      headers: admin,
      payload: {
        type: 'base-year',
        title: 'Imported target',
        status: 'policy',
        baseYear: 2013,
        baseEmissions: 1_000_000,
        targetYear: 2030,
        reductionPercent: 46,
      },
    });
    expect(target.statusCode).toBe(201);
    const targetId = (target.json() as { id: number }).id;
    // The prospect's record already names its acting mayor.
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin,
      payload: { fullName: 'Yoshi  Gaun' },
    });
    expect(person.statusCode).toBe(201);
    const position = await t.app.inject({
      method: 'POST',
      url: '/api/v1/positions',
      headers: admin,
      payload: {
        personId: (person.json() as { id: number }).id,
        governmentSlug: 'prospect-town',
        title: 'acting-mayor',
        startDate: '2024-03-10',
      },
    });
    expect(position.statusCode).toBe(201);
    const before = await government('prospect-town');

    const { id } = await confirmed({
      englishName: 'Prospect Town',
      officialName: 'プロスペクト町',
      population: 61_000,
      website: 'https://prospect.example',
    });
    const candidates = (
      (await t.app.inject({ url: `/api/v1/applications/${id}`, headers: admin })).json() as {
        duplicates: { slug: string; climateRecords: number }[];
      }
    ).duplicates;
    expect(candidates).toEqual([
      expect.objectContaining({ slug: 'prospect-town', climateRecords: 1 }),
    ]);

    const wrongTitle = await member(id, {
      governmentSlug: 'prospect-town',
      headTitle: 'deputy-mayor',
    });
    expect(wrongTitle.statusCode).toBe(400);
    expect(JSON.stringify(wrongTitle.json())).toContain('/headTitle');
    const res = await member(id, { governmentSlug: 'prospect-town', headTitle: 'acting-mayor' });
    expect(res.statusCode).toBe(200);
    // The acting mayor it listed is the head the application names: kept, not added twice; the
    // liaison is added.
    const holders = (
      (await t.app.inject({ url: '/api/v1/governments/prospect-town' })).json() as {
        officeHolders: { fullName: string; title: string }[];
      }
    ).officeHolders.map((h) => [h.fullName, h.title]);
    expect(holders.sort()).toEqual([
      ['Aiko Tanaka', 'staff-liaison'],
      ['Yoshi  Gaun', 'acting-mayor'],
    ]);
    expect(res.json()).toMatchObject({ step: 'member', government: { slug: 'prospect-town' } });
    const after = await government('prospect-town');
    expect(after.body.id).toBe(before.body.id);
    expect(after.body.membership).toMatchObject({ category: 'full-member', status: 'new' });
    // The record's own figure stays; what it lacked is filled; the official name is added.
    expect(after.body.population).toBe(50_000);
    expect(after.body.website).toBe('https://prospect.example');
    expect(after.body.names).toEqual({ en: 'Prospect Town', ja: 'プロスペクト町' });
    const kept = await t.app.inject({ url: `/api/v1/targets/${targetId}` });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ title: 'Imported target' });
    const count = await t.db.kysely
      .selectFrom('governments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('slug', 'like', 'prospect-town%')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it_(
    'refuses to promote a government that is a member already, or one that is not there',
    async () => {
      const { id } = await confirmed();
      const already = await member(id, { governmentSlug: 'kyoto' });
      expect(already.statusCode).toBe(409);
      expect(already.json()).toMatchObject({ errors: [{ pointer: '/governmentSlug' }] });
      const missing = await member(id, { governmentSlug: 'no-such-place' });
      expect(missing.statusCode).toBe(422);
      const taken = await member(id, { slug: 'kyoto' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ errors: [{ pointer: '/slug' }] });
      // Nothing moved: the application still waits for its decision.
      const detail = await t.app.inject({ url: `/api/v1/applications/${id}`, headers: admin });
      expect(detail.json()).toMatchObject({ step: 'confirmed', government: null });
    },
  );

  it_('opens an officer account once with the link, and signs the officer in', async () => {
    const { id, body } = await confirmed({ englishName: 'Invite Town' });
    expect((await member(id)).statusCode).toBe(200);
    const token = await linkIn(t.db, body.liaison.email, '/account/invitation/');
    const stored = await t.db.kysely.selectFrom('officer_invitations').selectAll().execute();
    expect(stored.some((i) => i.token_hash.includes(token))).toBe(false);

    const shown = await t.app.inject({ url: `/api/v1/account-invitations/${token}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      displayName: 'Aiko Tanaka',
      emailHint: `l•••@testbridge.example`,
      government: { slug: 'invite-town' },
    });
    expect(shown.body).not.toContain(body.liaison.email);

    const short = await t.app.inject({
      method: 'POST',
      url: `/api/v1/account-invitations/${token}`,
      payload: { password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ errors: [{ pointer: '/password' }] });

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/account-invitations/${token}`,
      payload: { password: PASSWORD },
    });
    expect(accepted.statusCode).toBe(204);
    const cookie = accepted.cookies.find((c) => c.name === 'accord_session');
    const session = await t.app.inject({
      url: '/api/v1/auth/session',
      headers: { cookie: `accord_session=${cookie?.value}` },
    });
    expect(session.json()).toMatchObject({
      user: { email: body.liaison.email, role: 'officer', government: { slug: 'invite-town' } },
    });

    for (const method of ['GET', 'POST'] as const) {
      const again = await t.app.inject({
        method,
        url: `/api/v1/account-invitations/${token}`,
        ...(method === 'POST' ? { payload: { password: PASSWORD } } : {}),
      });
      expect(again.statusCode).toBe(410);
      expect(again.json()).toMatchObject({ code: 'invitation-used' });
    }
    // The officer signs in with the password chosen.
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: body.liaison.email, password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it_('lets an invitation expire after seven days, and refuses unknown links', async () => {
    const { id, body } = await confirmed({ englishName: 'Expiry Town' });
    expect((await member(id)).statusCode).toBe(200);
    const token = await linkIn(t.db, body.political.email as string, '/account/invitation/');
    advanceClockForTests(7 * 24 * 60 * 60_000 + 1000);
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/account-invitations/${token}`,
      payload: { password: PASSWORD },
    });
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'invitation-expired' });
    const user = await t.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', body.political.email as string)
      .executeTakeFirst();
    expect(user).toBeUndefined();
    const unknown = await t.app.inject({ url: '/api/v1/account-invitations/not-a-real-link' });
    expect(unknown.statusCode).toBe(404);
  });

  it_('does not invite an address that has an account already', async () => {
    const { id } = await confirmed({
      englishName: 'Known Town',
      liaison: { name: 'Known', email: 'admin@accord.example', phone: '+81 3 1234 5678' },
      political: { name: 'Mayor', title: null, email: null, phone: null },
    });
    const res = await member(id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ invitations: [] });
  });
});
