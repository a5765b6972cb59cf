import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import type { Body, Meeting, MeetingSummary } from './schemas';
import { DRAFT_MEETING_INPUT } from './test-support';

type Headers = { cookie: string; 'x-csrf-token': string };

describe.each(dialectCases())('governance API on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  let seoulOfficer: Headers;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    seoulOfficer = await t.signInOfficer('seoul');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, headers?: Headers) => t.app.inject({ method: 'GET', url, headers });
  const send = (
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload: unknown,
    headers: Headers = admin,
  ) => t.app.inject({ method, url, headers, payload: payload as object });
  const govId = async (slug: string) =>
    ((await get(`/api/v1/governments/${slug}`)).json() as { id: number }).id;
  const personId = async (fullName: string) => {
    const row = await t.db.kysely
      .selectFrom('people')
      .where('full_name', '=', fullName)
      .select('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  async function newMeeting(extra: Record<string, unknown> = {}): Promise<Meeting> {
    const res = await send('POST', '/api/v1/meetings', { ...DRAFT_MEETING_INPUT, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Meeting;
  }

  it_('lists the demo bodies: a RexCom per region, the GexCom and the Council', async () => {
    const res = await get('/api/v1/bodies');
    const items = (
      res.json() as {
        items: {
          slug: string;
          kind: string;
          currentTerm: { label: string; seatCount: number } | null;
        }[];
      }
    ).items;
    expect(items.map((b) => b.slug)).toEqual(
      expect.arrayContaining(['east-asia-rexcom', 'gexcom', 'council']),
    );
    // Nine regions, nine RexComs: the world secretariat's 'global' has none.
    expect(items.filter((b) => b.kind === 'rexcom')).toHaveLength(9);
    expect(items.map((b) => b.slug)).not.toContain('global-rexcom');
    const rexcom = items.find((b) => b.slug === 'east-asia-rexcom');
    expect(rexcom?.currentTerm).toMatchObject({ label: '2021–2024', seatCount: 5 });
  });

  it_('shows the East Asia RexCom with its five seats and Changchun’s portfolio', async () => {
    const body = (await get('/api/v1/bodies/east-asia-rexcom')).json() as Body;
    expect(body.seats.map((s) => s.government.slug)).toEqual([
      'kyoto',
      'seoul',
      'suwon',
      'changchun',
      'new-taipei',
    ]);
    expect(body.seats.find((s) => s.government.slug === 'changchun')).toMatchObject({
      portfolio: 'circular-development',
      person: { fullName: 'Lina Jia' },
      voting: true,
    });
    expect(body.rules.quorum).toEqual({
      numerator: 1,
      denominator: 2,
      strict: true,
      proxiesCount: true,
    });
  });

  it_('finds meetings by words of their title or their body’s name, in any language', async () => {
    const titles = async (q: string) => {
      const res = await get(`/api/v1/meetings?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: MeetingSummary[] }).items.map((m) => m.title.en);
    };
    expect(await titles('2020 rexcom')).toContain('2020 East Asia RexCom Meeting');
    // A word of the title in another case, and one only the body's name has.
    expect(await titles('MEETING executive')).toContain('2020 East Asia RexCom Meeting');
    expect(await titles('東アジア')).toContain('2020 East Asia RexCom Meeting');
    expect(await titles('2020 nowhere-at-all')).toEqual([]);
    // % and _ are letters to look for, not wildcards.
    expect(await titles('%')).toEqual([]);
    expect(await titles('_')).toEqual([]);
    const tooLong = await get(`/api/v1/meetings?q=${'x'.repeat(101)}`);
    expect(tooLong.statusCode).toBe(400);
  });

  it_('loads the 2020 meeting with its agenda and the two proxies', async () => {
    const list = (await get('/api/v1/meetings?body=east-asia-rexcom')).json() as {
      items: MeetingSummary[];
    };
    const demo = list.items.find((m) => m.title.en === '2020 East Asia RexCom Meeting');
    expect(demo).toMatchObject({
      status: 'closed',
      format: 'online',
      localStart: '2020-11-26T14:00',
    });
    const meeting = (await get(`/api/v1/meetings/${demo?.id}`)).json() as Meeting;
    expect(meeting.agenda.filter((a) => a.depth === 1).map((a) => a.kind)).toEqual([
      'opening-remark',
      'report',
      'update',
      'update',
      'closing-remark',
    ]);
    expect(meeting.agenda.map((a) => a.number)).toContain('2.5');
    const proxies = meeting.attendance.filter((a) => a.capacity === 'proxy');
    expect(proxies.map((p) => `${p.name} for ${p.principal?.name}`).sort()).toEqual([
      'Min Kwon for Jeong Hyup Seo',
      'Moo Young Jo for Tae-Young Yeom',
    ]);
    expect(meeting.quorum).toMatchObject({
      votingSeats: 5,
      required: 3,
      present: 5,
      reached: true,
    });
    // The public sees who attended, not whom the secretariat mailed.
    expect(meeting.invitations).toEqual([]);
  });

  it_(
    'refuses a meeting in an unknown zone or ending before it starts, naming the field',
    async () => {
      const bad = await send('POST', '/api/v1/meetings', {
        title: { en: 'x' },
        format: 'online',
        start: '2023-01-01T10:00',
        end: '2023-01-01T11:00',
        timeZone: 'Mars/Olympus',
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].pointer).toBe('/timeZone');
      const backwards = await send('POST', '/api/v1/meetings', {
        title: { en: 'x' },
        format: 'online',
        start: '2023-01-01T10:00',
        end: '2023-01-01T09:00',
        timeZone: 'Asia/Tokyo',
      });
      expect(backwards.statusCode).toBe(422);
      expect(backwards.json().errors[0].pointer).toBe('/end');
    },
  );

  it_('lets the secretariat say which term meets, and only one of the body', async () => {
    const body = (await get('/api/v1/bodies/east-asia-rexcom')).json() as Body;
    const termId = body.terms[0]?.id;
    const chosen = await newMeeting({ termId });
    expect(chosen.term?.id).toBe(termId);
    const gexcom = (await get('/api/v1/bodies/gexcom')).json() as Body;
    expect(gexcom.terms).toEqual([]);
    const wrong = await send('POST', '/api/v1/meetings', {
      body: 'gexcom',
      termId,
      title: { en: 'x' },
      format: 'online',
      start: '2023-01-01T10:00',
      end: '2023-01-01T11:00',
      timeZone: 'UTC',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].pointer).toBe('/termId');
  });

  it_('answers a meeting after the last term with a problem naming the term field', async () => {
    const res = await send('POST', '/api/v1/meetings', {
      body: 'east-asia-rexcom',
      title: { en: 'After the term' },
      format: 'online',
      start: '2026-05-14T10:00',
      end: '2026-05-14T12:00',
      timeZone: 'Asia/Seoul',
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'no-current-term',
      params: { body: 'east-asia-rexcom', term: '2021–2024', endedOn: '2024-12-31' },
      errors: [{ pointer: '/termId' }],
    });
  });

  it_(
    'refuses moving a meeting past its term’s end or before its start, naming the start',
    async () => {
      const m = await newMeeting();
      const url = `/api/v1/meetings/${m.id}`;
      const late = await send('PATCH', url, { start: '2025-02-03T10:00', end: '2025-02-03T12:00' });
      expect(late.statusCode).toBe(422);
      expect(late.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(late.json()).toMatchObject({
        code: 'meeting-outside-term',
        params: { term: '2021–2024', startsOn: '2021-01-01', endsOn: '2024-12-31', side: 'after' },
        errors: [{ pointer: '/start' }],
      });
      const early = await send('PATCH', url, {
        start: '2020-12-01T10:00',
        end: '2020-12-01T12:00',
      });
      expect(early.json()).toMatchObject({
        code: 'meeting-outside-term',
        params: { day: '2020-12-01', side: 'before' },
        errors: [{ pointer: '/start' }],
      });
      expect(((await get(url, admin)).json() as Meeting).localStart).toBe('2023-03-14T10:00');
      // Its term's last day is still its term's.
      const last = await send('PATCH', url, { start: '2024-12-31T10:00', end: '2024-12-31T12:00' });
      expect(last.statusCode, last.body).toBe(200);
      expect((last.json() as Meeting).term).toMatchObject({ label: '2021–2024' });
    },
  );

  it_('starts a meeting more than a day early only when told so on purpose', async () => {
    const termId = ((await get('/api/v1/bodies/east-asia-rexcom')).json() as Body).terms[0]!.id;
    const inAWeek = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);
    const m = await newMeeting({
      termId,
      start: `${inAWeek}T10:00`,
      end: `${inAWeek}T12:00`,
      timeZone: 'Asia/Seoul',
    });
    const url = `/api/v1/meetings/${m.id}/status`;
    expect((await send('POST', url, { status: 'scheduled' })).statusCode).toBe(200);
    const refused = await send('POST', url, { status: 'in-progress' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'early-start',
      params: { localStart: `${inAWeek}T10:00`, timeZone: 'Asia/Seoul', startsAt: m.startsAt },
      errors: [{ pointer: '/acknowledgeEarlyStart' }],
    });
    expect(((await get(`/api/v1/meetings/${m.id}`)).json() as Meeting).status).toBe('scheduled');
    const started = await send('POST', url, { status: 'in-progress', acknowledgeEarlyStart: true });
    expect(started.statusCode, started.body).toBe(200);
    expect((started.json() as Meeting).status).toBe('in-progress');
  });

  it_('gives a body the zone of its secretariat, and refuses a zone that is none', async () => {
    const zoneOf = async () =>
      ((await get('/api/v1/bodies/east-asia-rexcom')).json() as Body).timeZone;
    expect(await zoneOf()).toBe('Asia/Seoul');
    const bad = await send('POST', '/api/v1/meetings', {
      ...DRAFT_MEETING_INPUT,
      timeZone: 'Asia/Atlantis',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: 'unknown-time-zone',
      params: { zone: 'Asia/Atlantis' },
      errors: [{ pointer: '/timeZone' }],
    });
  });

  it_('keeps the meeting in its zone and runs the agenda clock from the start', async () => {
    const m = await newMeeting();
    expect(m.startsAt).toBe('2023-03-14T01:00:00.000Z');
    expect(m.localStart).toBe('2023-03-14T10:00');
    expect(m.agenda.map((a) => [a.number, a.plannedStart.slice(11, 16)])).toEqual([
      ['1', '01:00'],
      ['2', '01:10'],
      ['2.1', '01:10'],
      ['2.2', '01:25'],
      ['3', '01:45'],
    ]);
    expect(m.agendaOverrunMinutes).toBe(0);
    // A draft is the secretariat's: the public cannot see it.
    expect((await get(`/api/v1/meetings/${m.id}`)).statusCode).toBe(404);
  });

  it_('runs a meeting: invitations, a proxy, live quorum, decisions, closing', async () => {
    const m = await newMeeting();
    const url = `/api/v1/meetings/${m.id}`;
    expect((await send('POST', `${url}/status`, { status: 'scheduled' })).statusCode).toBe(200);
    const invited = await send('POST', `${url}/invitations`, { seats: true });
    expect(invited.statusCode, invited.body).toBe(200);
    const invitations = invited.json().items as Meeting['invitations'];
    expect(invitations).toHaveLength(5);
    expect(invitations.every((i) => i.role === 'REQ-PARTICIPANT')).toBe(true);

    // Seoul's officer names a proxy; another government's invitation is not theirs to answer.
    const seoulInv = invitations.find((i) => i.government?.slug === 'seoul');
    const kyotoInv = invitations.find((i) => i.government?.slug === 'kyoto');
    const noProxy = await send(
      'PUT',
      `/api/v1/invitations/${seoulInv?.id}/reply`,
      { reply: 'proxy' },
      seoulOfficer,
    );
    expect(noProxy.statusCode).toBe(422);
    expect(noProxy.json().errors[0].pointer).toBe('/proxyName');
    const replied = await send(
      'PUT',
      `/api/v1/invitations/${seoulInv?.id}/reply`,
      { reply: 'proxy', proxyName: 'Min Kwon', proxyEmail: 'min.kwon@seoul.example' },
      seoulOfficer,
    );
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ reply: 'proxy', proxy: { name: 'Min Kwon' } });
    expect(
      (
        await send(
          'PUT',
          `/api/v1/invitations/${kyotoInv?.id}/reply`,
          { reply: 'attending' },
          seoulOfficer,
        )
      ).statusCode,
    ).toBe(403);

    // The invitee sees the join link; the public does not.
    const asOfficer = (await get(url, seoulOfficer)).json() as Meeting;
    expect(asOfficer.joinUrl).toBe('https://meet.example.org/rexcom-2023');
    expect(asOfficer.viewer.invitationId).toBe(seoulInv?.id);

    expect((await send('POST', `${url}/status`, { status: 'in-progress' })).statusCode).toBe(200);
    const kyoto = await govId('kyoto');
    const seoul = await govId('seoul');
    const suwon = await govId('suwon');
    await send('POST', `${url}/attendance`, {
      governmentId: kyoto,
      personId: await personId('Daisaku Kadokawa'),
      capacity: 'own-right',
      mode: 'in-person',
    });
    const withProxy = await send('POST', `${url}/attendance`, {
      governmentId: seoul,
      name: 'Min Kwon',
      capacity: 'proxy',
      mode: 'online',
    });
    expect(withProxy.statusCode, withProxy.body).toBe(200);
    let meeting = withProxy.json() as Meeting;
    // The principal defaults to the person holding Seoul's seat.
    expect(meeting.attendance.find((a) => a.capacity === 'proxy')?.principal?.name).toBe(
      'Jeong Hyup Seo',
    );
    expect(meeting.quorum).toMatchObject({ present: 2, required: 3, reached: false });

    // The principal cannot also take part while represented.
    const principal = await send('POST', `${url}/attendance`, {
      governmentId: seoul,
      personId: await personId('Jeong Hyup Seo'),
      capacity: 'own-right',
      mode: 'online',
    });
    expect(principal.statusCode).toBe(422);
    expect(principal.json().errors[0].pointer).toBe('/governmentId');
    // One proxy acts for one principal per meeting.
    const twice = await send('POST', `${url}/attendance`, {
      governmentId: suwon,
      name: 'Min Kwon',
      capacity: 'proxy',
      mode: 'online',
    });
    expect(twice.statusCode).toBe(422);

    // Without quorum only adjournment may be decided.
    const motion = await send('POST', `${url}/motions`, {
      kind: 'substantive',
      text: { en: 'Adopt the 2023 work plan' },
    });
    const motionId = (motion.json() as Meeting).motions[0]?.id;
    const refused = await send('POST', `/api/v1/motions/${motionId}/decision`, { votes: [] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/quorum/i);

    const added = await send('POST', `${url}/attendance`, {
      governmentId: suwon,
      name: 'Moo Young Jo',
      capacity: 'proxy',
      mode: 'online',
    });
    meeting = added.json() as Meeting;
    expect(meeting.quorum).toMatchObject({ present: 3, required: 3, reached: true });

    const seatOf = (slug: string) =>
      meeting.seats.find((s) => s.government.slug === slug)?.id as number;
    const absentVoted = await send('POST', `/api/v1/motions/${motionId}/decision`, {
      votes: [{ seatId: seatOf('new-taipei'), choice: 'for' }],
    });
    expect(absentVoted.statusCode).toBe(422);
    const decided = await send('POST', `/api/v1/motions/${motionId}/decision`, {
      votes: [
        { seatId: seatOf('kyoto'), choice: 'for' },
        { seatId: seatOf('seoul'), choice: 'for' },
        { seatId: seatOf('suwon'), choice: 'abstain' },
      ],
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const result = (decided.json() as Meeting).motions[0];
    expect(result).toMatchObject({
      status: 'carried',
      tally: { for: 2, against: 0, abstain: 1, absent: 2, quorumPresent: 3, quorumRequired: 3 },
    });
    expect(result?.votes.find((v) => v.government.slug === 'seoul')?.castBy).toBe(
      'Min Kwon (proxy of Jeong Hyup Seo)',
    );

    // An open motion blocks closing; once withdrawn the meeting closes and its record is final.
    const other = await send('POST', `${url}/motions`, {
      kind: 'adjournment',
      text: { en: 'Adjourn' },
    });
    const otherId = (other.json() as Meeting).motions[1]?.id;
    expect((await send('POST', `${url}/status`, { status: 'closed' })).statusCode).toBe(409);
    await send('POST', `/api/v1/motions/${otherId}/withdraw`, {});
    const minutes = await send('PUT', `${url}/minutes`, {
      html: '<p>Adopted.</p><script>alert(1)</script>',
    });
    expect((minutes.json() as Meeting).minutesHtml).toBe('<p>Adopted.</p>');
    expect((await send('POST', `${url}/status`, { status: 'closed' })).statusCode).toBe(200);
    expect((await send('PATCH', url, { venue: 'Elsewhere' })).statusCode).toBe(409);
    expect((await send('POST', `${url}/status`, { status: 'in-progress' })).statusCode).toBe(409);
  });

  it_('counts only own-right presence when the body says proxies do not count', async () => {
    const patched = await send('PATCH', '/api/v1/bodies/east-asia-rexcom', {
      rules: { quorum: { proxiesCount: false } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    try {
      const demo = (await get('/api/v1/meetings?body=east-asia-rexcom&sort=start')).json() as {
        items: MeetingSummary[];
      };
      const m = (await get(`/api/v1/meetings/${demo.items[0]?.id}`)).json() as Meeting;
      // Kyoto, Changchun and New Taipei attended in their own right; Seoul and Suwon by proxy.
      expect(m.quorum).toMatchObject({ present: 3, required: 3, reached: true });
      expect(m.quorum?.notCounted.filter((n) => n.reason === 'proxy-not-counted')).toHaveLength(2);
    } finally {
      await send('PATCH', '/api/v1/bodies/east-asia-rexcom', {
        rules: { quorum: { proxiesCount: true } },
      });
    }
    const bad = await send('PATCH', '/api/v1/bodies/east-asia-rexcom', {
      rules: { quorum: { numerator: 3, denominator: 2 } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toMatch(/^\/rules\/quorum\//);
  });

  it_('writes .ics that parses, with the join link for invitees only', async () => {
    const m = await newMeeting();
    const url = `/api/v1/meetings/${m.id}`;
    await send('POST', `${url}/status`, { status: 'scheduled' });
    const inv = (await send('POST', `${url}/invitations`, { seats: true })).json()
      .items as Meeting['invitations'];
    const seoulInv = inv.find((i) => i.government?.slug === 'seoul');
    await send(
      'PUT',
      `/api/v1/invitations/${seoulInv?.id}/reply`,
      { reply: 'proxy', proxyName: 'Min Kwon', proxyEmail: 'min.kwon@seoul.example' },
      seoulOfficer,
    );

    const parse = (text: string) => {
      const cal = new ICAL.Component(ICAL.parse(text));
      for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      return cal.getFirstSubcomponent('vevent') as ICAL.Component;
    };
    const invitee = await get(`${url}.ics`, seoulOfficer);
    expect(invitee.statusCode).toBe(200);
    expect(invitee.headers['content-type']).toMatch(/^text\/calendar/);
    const event = parse(invitee.body);
    expect(event.getFirstPropertyValue('uid')).toBe(m.uid);
    expect(new ICAL.Event(event).startDate.toJSDate().toISOString()).toBe(
      '2023-03-14T01:00:00.000Z',
    );
    expect(String(event.getFirstPropertyValue('conference'))).toBe(
      'https://meet.example.org/rexcom-2023',
    );
    // Feeds list no attendees: their cal-addresses are e-mail addresses.
    expect(event.getAllProperties('attendee')).toEqual([]);

    const anonymous = parse((await get(`${url}.ics`)).body);
    expect(anonymous.getFirstPropertyValue('conference')).toBeNull();

    const feed = await get('/api/v1/bodies/east-asia-rexcom/calendar.ics');
    const cal = new ICAL.Component(ICAL.parse(feed.body));
    expect(cal.getAllSubcomponents('vevent').length).toBeGreaterThanOrEqual(2);
  });

  it_('serves .ics feeds with no e-mail address to anyone, invitees included', async () => {
    const m = await newMeeting();
    const url = `/api/v1/meetings/${m.id}`;
    await send('POST', `${url}/status`, { status: 'scheduled' });
    const inv = (
      await send('POST', `${url}/invitations`, {
        seats: true,
        guests: [{ name: 'Grace Guest', email: 'grace.guest@private.example' }],
      })
    ).json().items as Meeting['invitations'];
    const seoulInv = inv.find((i) => i.government?.slug === 'seoul');
    await send(
      'PUT',
      `/api/v1/invitations/${seoulInv?.id}/reply`,
      { reply: 'proxy', proxyName: 'Min Kwon', proxyEmail: 'min.kwon@seoul.example' },
      seoulOfficer,
    );
    const rows = await t.db.kysely
      .selectFrom('invitations')
      .where('meeting_id', '=', m.id)
      .select(['email', 'proxy_email'])
      .execute();
    const addresses = rows
      .flatMap((r) => [r.email, r.proxy_email])
      .filter((a): a is string => !!a)
      .map((a) => a.toLowerCase());
    expect(addresses).toContain('grace.guest@private.example');
    expect(addresses).toContain('min.kwon@seoul.example');

    const viewerEmail = `feed.viewer.${dialect}@accord.example`;
    await send('POST', '/api/v1/users', {
      email: viewerEmail,
      displayName: 'Feed viewer',
      role: 'viewer',
      password: 'viewer-password-123',
    });
    const viewer = await t.signIn(viewerEmail, 'viewer-password-123');
    const callers: [string, Headers | undefined][] = [
      ['anonymous', undefined],
      ['viewer', viewer],
      ['officer', seoulOfficer],
    ];
    for (const [who, headers] of callers) {
      for (const feedUrl of [`${url}.ics`, '/api/v1/bodies/east-asia-rexcom/calendar.ics']) {
        const res = await get(feedUrl, headers);
        expect(res.statusCode, `${who} ${feedUrl}`).toBe(200);
        const text = res.body.replace(/\r\n /g, '').toLowerCase();
        expect(text, `${who} ${feedUrl}`).not.toContain('mailto:');
        for (const a of addresses) expect(text, `${who} ${feedUrl}`).not.toContain(a);
        expect(text, `${who} ${feedUrl}`).not.toContain(t.config.mailFrom.toLowerCase());
        expect(text, `${who} ${feedUrl}`).not.toMatch(/^attendee/m);
      }
    }
    // The invitee still gets the join link.
    const own = (await get(`${url}.ics`, seoulOfficer)).body.replace(/\r\n /g, '');
    expect(own).toContain('https://meet.example.org/rexcom-2023');
  });

  it_(
    'mails a guest an invitation with the meeting as a calendar file, through the outbox',
    async () => {
      const m = await newMeeting();
      const url = `/api/v1/meetings/${m.id}`;
      const res = await send('POST', `${url}/invitations`, {
        seats: false,
        guests: [{ name: 'Ada Observer', email: 'Ada@Example.org' }],
      });
      expect(res.statusCode, res.body).toBe(200);
      const again = await send('POST', `${url}/invitations`, {
        seats: false,
        guests: [{ name: 'Ada', email: 'ada@example.org' }],
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().errors[0].pointer).toBe('/guests/0/email');
      const mail = await t.db.kysely
        .selectFrom('outbox')
        .where('to_email', '=', 'ada@example.org')
        .selectAll()
        .execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]?.subject).toBe('Invitation: Extraordinary RexCom meeting');
      expect(mail[0]?.sent_at).toBeNull();
      const event = new ICAL.Component(
        ICAL.parse(mail[0]?.attachment_text ?? ''),
      ).getFirstSubcomponent('vevent') as ICAL.Component;
      // The letter goes to an invitee, so its calendar file carries the join link.
      expect(String(event.getFirstPropertyValue('conference'))).toBe(
        'https://meet.example.org/rexcom-2023',
      );
      expect(event.getFirstProperty('attendee')?.getParameter('role')).toBe('OPT-PARTICIPANT');
    },
  );

  it_('keeps each seat’s history when its representative changes', async () => {
    const body = (await get('/api/v1/bodies/east-asia-rexcom')).json() as Body;
    const seoulSeat = body.seats.find((s) => s.government.slug === 'seoul');
    const changed = await send('PATCH', `/api/v1/seats/${seoulSeat?.id}`, {
      personId: await personId('Min Kwon'),
      portfolio: 'clean-air',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const history = (await get(`/api/v1/seats/${seoulSeat?.id}/history`)).json() as {
      events: { kind: string; person: { fullName: string } | null; portfolio: string | null }[];
      terms: unknown[];
    };
    expect(history.events.map((e) => [e.kind, e.person?.fullName, e.portfolio])).toEqual([
      ['created', 'Jeong Hyup Seo', null],
      ['changed', 'Min Kwon', 'clean-air'],
    ]);
    expect(history.terms).toHaveLength(1);
    // Only administrators change seats.
    expect(
      (await send('PATCH', `/api/v1/seats/${seoulSeat?.id}`, { portfolio: null }, seoulOfficer))
        .statusCode,
    ).toBe(403);
  });
});
