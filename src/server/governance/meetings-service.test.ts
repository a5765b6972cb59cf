import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import * as governance from './service';
import {
  admin,
  anonymous,
  auditOf,
  countRows,
  draftMeeting,
  nobody,
  openFixture,
  REXCOM,
  viewer,
  type Fixture,
} from './test-support';

/** Meetings without HTTP, on both databases: creating, reading, changing, their states. */

describe.each(dialectCases())('meetings service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let f: Fixture;

  beforeAll(async () => {
    if (!skip) f = await openFixture(dialect);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const base = {
    title: { en: 'x' },
    format: 'online' as const,
    start: '2023-01-01T10:00',
    end: '2023-01-01T11:00',
    timeZone: 'Asia/Tokyo',
  };

  it_('lets only the secretariat create and run meetings', async () => {
    const before = await countRows(f.db, 'meetings');
    for (const actor of [f.officer('seoul'), viewer]) {
      await expect(governance.createMeeting(f.db, actor, base)).rejects.toMatchObject({
        status: 403,
        detail: 'Only administrators may do this.',
      });
    }
    await expect(governance.createMeeting(f.db, anonymous, base)).rejects.toMatchObject({
      status: 401,
    });
    const m = await draftMeeting(f.db);
    await expect(
      governance.updateMeeting(f.db, f.officer('seoul'), m.id, { venue: 'Elsewhere' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      governance.setMeetingStatus(f.db, f.officer('seoul'), m.id, 'scheduled'),
    ).rejects.toMatchObject({ status: 403 });
    expect(await countRows(f.db, 'meetings')).toBe(before + 1);
  });

  it_(
    'schedules in the meeting’s zone, in the term of its day, and logs the creation',
    async () => {
      const m = await draftMeeting(f.db);
      expect(m).toMatchObject({
        status: 'draft',
        startsAt: '2023-03-14T01:00:00.000Z',
        localStart: '2023-03-14T10:00',
        timeZone: 'Asia/Seoul',
        term: { label: '2021–2024', seatCount: 5 },
        body: { slug: REXCOM, kind: 'rexcom' },
        viewer: { canManage: true, invitationId: null },
      });
      expect(m.agenda.map((a) => [a.number, a.plannedStart.slice(11, 16)])).toEqual([
        ['1', '01:00'],
        ['2', '01:10'],
        ['2.1', '01:10'],
        ['2.2', '01:25'],
        ['3', '01:45'],
      ]);
      expect(await auditOf(f.db, 'meeting', m.id)).toMatchObject([
        { action: 'create', summary: 'Created meeting Extraordinary RexCom meeting' },
      ]);
      await expect(
        governance.createMeeting(f.db, admin, { ...base, timeZone: 'Mars/Olympus' }),
      ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/timeZone' }] });
      await expect(
        governance.createMeeting(f.db, admin, { ...base, end: '2023-01-01T09:00' }),
      ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/end' }] });
      await expect(
        governance.createMeeting(f.db, admin, { ...base, termId: m.term!.id }),
      ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/termId' }] });
    },
  );

  it_(
    'refuses a meeting after the last term ended unless its term is named, saying which term ended',
    async () => {
      const before = await countRows(f.db, 'meetings');
      const late = {
        ...base,
        body: REXCOM,
        start: '2026-03-10T10:00',
        end: '2026-03-10T12:00',
        timeZone: 'Asia/Seoul',
      };
      await expect(governance.createMeeting(f.db, admin, late)).rejects.toMatchObject({
        status: 422,
        code: 'no-current-term',
        params: { body: REXCOM, term: '2021–2024', endedOn: '2024-12-31', day: '2026-03-10' },
        errors: [{ pointer: '/termId' }],
      });
      expect(await countRows(f.db, 'meetings')).toBe(before);
      // Named on purpose, the serving members of the ended term may still meet.
      const m = await draftMeeting(f.db);
      const named = await governance.createMeeting(f.db, admin, { ...late, termId: m.term!.id });
      expect(named.term).toMatchObject({ label: '2021–2024' });
    },
  );

  it_('writes nothing when the agenda of a new meeting is refused', async () => {
    const meetings = await countRows(f.db, 'meetings');
    const items = await countRows(f.db, 'agenda_items');
    await expect(
      draftMeeting(f.db, {
        agenda: [
          { kind: 'opening-remark', title: { en: 'Opening' } },
          { kind: 'report', title: { en: 'Report' }, speakers: [{ personId: 999_999 }] },
        ],
      }),
    ).rejects.toMatchObject({
      status: 422,
      errors: [{ pointer: '/agenda/1/speakers/0/personId' }],
    });
    // The meeting and its first item were written before the speaker was checked: both undone.
    expect(await countRows(f.db, 'meetings')).toBe(meetings);
    expect(await countRows(f.db, 'agenda_items')).toBe(items);
  });

  it_('hides drafts from everyone but the secretariat', async () => {
    const m = await draftMeeting(f.db, { title: { en: 'Hidden draft' } });
    for (const actor of [nobody, viewer, f.officer('seoul')]) {
      await expect(governance.getMeeting(f.db, m.id, actor)).rejects.toMatchObject({
        status: 404,
      });
      const list = await governance.listMeetings(f.db, { body: REXCOM }, actor);
      expect(list.items.map((i) => i.id)).not.toContain(m.id);
    }
    await expect(
      governance.listMeetings(f.db, { status: 'draft' }, f.officer('seoul')),
    ).rejects.toMatchObject({ status: 403, detail: 'Only administrators see draft meetings.' });
    // The public is asked to sign in, as everywhere the policy refuses it.
    await expect(governance.listMeetings(f.db, { status: 'draft' }, nobody)).rejects.toMatchObject({
      status: 401,
    });
    const drafts = await governance.listMeetings(f.db, { status: 'draft' }, admin);
    expect(drafts.items.map((i) => i.id)).toContain(m.id);
    expect(drafts.items.every((i) => i.status === 'draft')).toBe(true);
    await expect(
      governance.listMeetings(f.db, { body: 'no-such-body' }, admin),
    ).rejects.toMatchObject({ status: 404 });
  });

  it_('counts a change of time or place for calendars, not a change of title', async () => {
    const m = await draftMeeting(f.db);
    const sequence = async () =>
      (
        await f.db.kysely
          .selectFrom('meetings')
          .where('id', '=', m.id)
          .select('sequence')
          .executeTakeFirstOrThrow()
      ).sequence;
    const renamed = await governance.updateMeeting(f.db, admin, m.id, { title: { en: 'Renamed' } });
    expect(renamed.title).toEqual({ en: 'Renamed' });
    expect(await sequence()).toBe(0);
    const moved = await governance.updateMeeting(f.db, admin, m.id, {
      start: '2023-03-14T11:00',
      end: '2023-03-14T13:00',
    });
    expect(moved.startsAt).toBe('2023-03-14T02:00:00.000Z');
    expect(await sequence()).toBe(1);
    const audit = await auditOf(f.db, 'meeting', m.id);
    expect(audit.map((a) => a.summary)).toEqual([
      'Created meeting Extraordinary RexCom meeting',
      'Changed meeting Extraordinary RexCom meeting',
      'Changed meeting Renamed',
    ]);
  });

  it_('moves a meeting only along its lifecycle; a closed meeting is final', async () => {
    const m = await draftMeeting(f.db);
    await expect(
      governance.setMeetingStatus(f.db, admin, m.id, 'in-progress'),
    ).rejects.toMatchObject({ status: 409, errors: [{ pointer: '/status' }] });
    await governance.setMeetingStatus(f.db, admin, m.id, 'scheduled');
    await governance.setMeetingStatus(f.db, admin, m.id, 'in-progress');
    await governance.addMotion(f.db, admin, m.id, { kind: 'adjournment', text: { en: 'Adjourn' } });
    await expect(governance.setMeetingStatus(f.db, admin, m.id, 'closed')).rejects.toMatchObject({
      status: 409,
      detail: 'Decide or withdraw the open motion before closing the meeting.',
    });
    const motion = (await governance.getMeeting(f.db, m.id, admin)).motions[0]!;
    await governance.withdrawMotion(f.db, admin, motion.id);
    const closed = await governance.setMeetingStatus(f.db, admin, m.id, 'closed');
    expect(closed.status).toBe('closed');
    await expect(
      governance.updateMeeting(f.db, admin, m.id, { venue: 'Elsewhere' }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      governance.setMeetingStatus(f.db, admin, m.id, 'in-progress'),
    ).rejects.toMatchObject({ status: 409 });
    const statuses = (await auditOf(f.db, 'meeting', m.id))
      .filter((a) => a.summary.includes('→'))
      .map((a) => JSON.parse(a.after_json ?? 'null').status);
    expect(statuses).toEqual(['scheduled', 'in-progress', 'closed']);
  });
});
