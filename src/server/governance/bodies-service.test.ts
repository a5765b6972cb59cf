import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import * as governance from './service';
import {
  admin,
  anonymous,
  auditOf,
  countRows,
  openFixture,
  REXCOM,
  scheduledMeeting,
  viewer,
  type Fixture,
} from './test-support';

/** Bodies, terms and seats without HTTP, on both databases. */

describe.each(dialectCases())('bodies service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let f: Fixture;

  beforeAll(async () => {
    if (!skip) f = await openFixture(dialect);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it_('lets only the secretariat set up bodies, terms and seats', async () => {
    const input = { slug: 'climate-panel', kind: 'network' as const, names: { en: 'Panel' } };
    for (const actor of [f.officer('seoul'), viewer]) {
      await expect(governance.createBody(f.db, actor, input)).rejects.toMatchObject({
        status: 403,
        detail: 'Only administrators may do this.',
      });
    }
    await expect(governance.createBody(f.db, anonymous, input)).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      governance.createTerm(f.db, f.officer('seoul'), REXCOM, {
        label: '2031–2033',
        startsOn: '2031-01-01',
        endsOn: '2033-12-31',
      }),
    ).rejects.toMatchObject({ status: 403 });
    const body = await governance.getBody(f.db, REXCOM);
    await expect(
      governance.updateSeat(f.db, f.officer('seoul'), body.seats[0]!.id, { portfolio: 'x' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      governance.removeSeat(f.db, f.officer('kyoto'), body.seats[0]!.id),
    ).rejects.toMatchObject({ status: 403 });
    expect((await governance.listBodies(f.db)).map((b) => b.slug)).not.toContain('climate-panel');
  });

  it_('creates a body with default rules and records it in the audit log', async () => {
    const body = await governance.createBody(f.db, admin, {
      slug: 'mayors-forum',
      kind: 'network',
      names: { en: 'Mayors forum', ko: '시장 포럼' },
      rules: { quorum: { numerator: 2, denominator: 3 }, majorityRule: 'two-thirds' },
    });
    expect(body).toMatchObject({ slug: 'mayors-forum', region: null, currentTerm: null });
    expect(body.rules).toEqual({
      quorum: { numerator: 2, denominator: 3, strict: true, proxiesCount: true },
      maxPrincipalsPerProxy: 1,
      majorityRule: 'two-thirds',
      termYears: 3,
    });
    const audit = await auditOf(f.db, 'body', body.id);
    expect(audit).toMatchObject([
      {
        action: 'create',
        actor_label: 'secretariat (test)',
        summary: 'Created governing body Mayors forum',
      },
    ]);

    await expect(
      governance.createBody(f.db, admin, {
        slug: 'mayors-forum',
        kind: 'network',
        names: { en: 'x' },
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      governance.createBody(f.db, admin, {
        slug: 'lost-rexcom',
        kind: 'rexcom',
        names: { en: 'x' },
      }),
    ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/region' }] });
    await expect(
      governance.createBody(f.db, admin, {
        slug: 'nowhere-rexcom',
        kind: 'rexcom',
        region: 'atlantis',
        names: { en: 'x' },
      }),
    ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/region' }] });
    const slugs = (await governance.listBodies(f.db)).map((b) => b.slug);
    expect(slugs).not.toContain('lost-rexcom');
    expect(slugs).not.toContain('nowhere-rexcom');
  });

  it_('changes the rules, refuses an impossible quorum and logs only what changed', async () => {
    const before = await governance.getBody(f.db, 'mayors-forum');
    await expect(
      governance.updateBody(f.db, admin, 'mayors-forum', {
        rules: { quorum: { numerator: 3, denominator: 2 } },
      }),
    ).rejects.toMatchObject({
      status: 422,
      errors: [{ pointer: expect.stringMatching(/^\/rules\/quorum\//) }],
    });
    expect((await governance.getBody(f.db, 'mayors-forum')).rules).toEqual(before.rules);

    const after = await governance.updateBody(f.db, admin, 'mayors-forum', {
      rules: { maxPrincipalsPerProxy: 2 },
    });
    expect(after.rules).toEqual({ ...before.rules, maxPrincipalsPerProxy: 2 });
    const audit = await auditOf(f.db, 'body', before.id);
    expect(audit.at(-1)?.action).toBe('update');
    expect(JSON.parse(audit.at(-1)?.after_json ?? 'null')).toEqual({ rules: after.rules });
  });

  it_('opens terms that do not overlap and seats one per government', async () => {
    await expect(
      governance.createTerm(f.db, admin, 'mayors-forum', {
        label: 'backwards',
        startsOn: '2030-01-01',
        endsOn: '2029-01-01',
      }),
    ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/endsOn' }] });
    const term = await governance.createTerm(f.db, admin, 'mayors-forum', {
      label: '2030–2032',
      startsOn: '2030-01-01',
      endsOn: '2032-12-31',
    });
    expect(term).toMatchObject({ label: '2030–2032', seatCount: 0, seats: [] });
    await expect(
      governance.createTerm(f.db, admin, 'mayors-forum', {
        label: '2032–2034',
        startsOn: '2032-06-01',
        endsOn: '2034-12-31',
      }),
    ).rejects.toMatchObject({ status: 409, errors: [{ pointer: '/startsOn' }] });

    const seat = await governance.addSeat(f.db, admin, term.id, {
      governmentId: f.gov.kyoto!,
      personId: f.person['Daisaku Kadokawa']!,
      position: 'chair',
    });
    expect(seat).toMatchObject({ position: 'chair', voting: true, government: { slug: 'kyoto' } });
    await expect(
      governance.addSeat(f.db, admin, term.id, { governmentId: f.gov.kyoto!, position: 'member' }),
    ).rejects.toMatchObject({ status: 409, errors: [{ pointer: '/governmentId' }] });
    await expect(
      governance.addSeat(f.db, admin, term.id, { governmentId: 999_999, position: 'member' }),
    ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/governmentId' }] });
    const advisory = await governance.addSeat(f.db, admin, term.id, {
      governmentId: f.gov.tokyo!,
      position: 'advisory',
    });
    expect(advisory.voting).toBe(false);
    expect((await governance.getTerm(f.db, term.id)).seats).toHaveLength(2);
  });

  it_('keeps the history of a seat; reordering alone is not a change of seat', async () => {
    const term = (await governance.getBody(f.db, 'mayors-forum')).terms[0]!;
    const seat = (await governance.getTerm(f.db, term.id)).seats.find(
      (s) => s.government.slug === 'kyoto',
    )!;
    await governance.updateSeat(f.db, admin, seat.id, { sortOrder: 5 });
    const changed = await governance.updateSeat(f.db, admin, seat.id, {
      personId: f.person['Min Kwon']!,
      portfolio: 'clean-air',
    });
    expect(changed).toMatchObject({ person: { fullName: 'Min Kwon' }, portfolio: 'clean-air' });
    const history = await governance.seatHistory(f.db, admin, seat.id);
    expect(
      history.events.map((e) => [e.kind, e.person?.fullName, e.portfolio, e.actor.label]),
    ).toEqual([
      ['created', 'Daisaku Kadokawa', null, 'secretariat (test)'],
      ['changed', 'Min Kwon', 'clean-air', 'secretariat (test)'],
    ]);
    expect(history.terms.map((t) => t.term.label)).toEqual(['2030–2032']);
    expect((await auditOf(f.db, 'seat', seat.id)).map((a) => a.action)).toEqual([
      'create',
      'update',
      'update',
    ]);
  });

  it_('removes a seat but keeps the invitations it was sent', async () => {
    const meeting = await scheduledMeeting(f.db);
    const invitation = meeting.invitations.find((i) => i.government?.slug === 'new-taipei')!;
    const invitations = await countRows(f.db, 'invitations');
    await governance.removeSeat(f.db, admin, invitation.seatId!);
    expect(await countRows(f.db, 'invitations')).toBe(invitations);
    const after = await governance.getMeeting(f.db, meeting.id, admin);
    expect(after.invitations.find((i) => i.id === invitation.id)).toMatchObject({
      seatId: null,
      government: { slug: 'new-taipei' },
    });
    expect(after.seats.map((s) => s.government.slug)).not.toContain('new-taipei');
    expect(await auditOf(f.db, 'seat', invitation.seatId!)).toMatchObject([
      { action: 'create' },
      { action: 'delete', summary: 'Removed a seat' },
    ]);
    await expect(governance.removeSeat(f.db, admin, invitation.seatId!)).rejects.toMatchObject({
      status: 404,
    });
  });
});
