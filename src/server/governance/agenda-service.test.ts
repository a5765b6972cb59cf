import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import * as governance from './service';
import { admin, auditOf, draftMeeting, openFixture, type Fixture } from './test-support';

/** The agenda without HTTP, on both databases: replacing it whole, its clock and speakers. */

describe.each(dialectCases())('agenda service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let f: Fixture;

  beforeAll(async () => {
    if (!skip) f = await openFixture(dialect);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it_('replaces the agenda with numbered items, speakers and a running clock', async () => {
    const m = await draftMeeting(f.db);
    const after = await governance.putAgenda(f.db, admin, m.id, [
      {
        kind: 'opening-remark',
        title: { en: 'Welcome', ko: '환영사' },
        durationMinutes: 15,
        speakers: [
          {
            personId: f.person['Gino Van Begin']!,
            role: 'Secretary General',
            roles: { ko: ' 사무총장 ', ja: '' },
          },
        ],
      },
      {
        kind: 'report',
        title: { en: 'Reports' },
        children: [
          { kind: 'report', title: { en: 'Suwon' }, durationMinutes: 60 },
          { kind: 'report', title: { en: 'Guest' }, speakers: [{ name: 'Ada Observer' }] },
        ],
      },
      { kind: 'closing-remark', title: { en: 'Close' }, durationMinutes: 60 },
    ]);
    expect(after.agenda.map((a) => [a.number, a.depth, a.title.en])).toEqual([
      ['1', 1, 'Welcome'],
      ['2', 1, 'Reports'],
      ['2.1', 2, 'Suwon'],
      ['2.2', 2, 'Guest'],
      ['3', 1, 'Close'],
    ]);
    expect(after.agenda[0]?.speakers).toEqual([
      {
        person: expect.objectContaining({ fullName: 'Gino Van Begin' }),
        name: null,
        role: 'Secretary General',
        roles: { ko: '사무총장' },
      },
    ]);
    expect(after.agenda[3]?.speakers).toEqual([
      { person: null, name: 'Ada Observer', role: null, roles: {} },
    ]);
    // 10:00 + 15 + 60 + 60 = 12:15 Seoul, a quarter of an hour past the planned end.
    expect(after.agenda.at(-1)?.plannedEnd).toBe('2023-03-14T03:15:00.000Z');
    expect(after.agendaOverrunMinutes).toBe(15);
    const audit = await auditOf(f.db, 'meeting', m.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'update',
      summary: 'Changed the agenda of Extraordinary RexCom meeting',
    });
    const before = JSON.parse(audit.at(-1)?.before_json ?? '[]') as { en: string }[];
    expect(before.map((t) => t.en).sort()).toEqual([
      'Kyoto',
      'Opening',
      'Reports',
      'Seoul',
      'Work plan 2023',
    ]);
  });

  it_('keeps the old agenda when the new one is refused', async () => {
    const m = await draftMeeting(f.db);
    const titles = m.agenda.map((a) => a.title.en);
    await expect(
      governance.putAgenda(f.db, admin, m.id, [
        { kind: 'report', title: { en: 'Fine' } },
        { kind: 'report', title: { en: 'Nameless speaker' }, speakers: [{ role: 'guest' }] },
      ]),
    ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/items/1/speakers/0/name' }] });
    // The old items were deleted and the first new one written before the refusal: all undone.
    const after = await governance.getMeeting(f.db, m.id, admin);
    expect(after.agenda.map((a) => a.title.en)).toEqual(titles);
    expect((await auditOf(f.db, 'meeting', m.id)).map((a) => a.action)).toEqual(['create']);
  });

  it_(
    'lets only the secretariat change an agenda, and only before the record is final',
    async () => {
      const m = await draftMeeting(f.db);
      await expect(governance.putAgenda(f.db, f.officer('kyoto'), m.id, [])).rejects.toMatchObject({
        status: 403,
      });
      await governance.setMeetingStatus(f.db, admin, m.id, 'cancelled');
      await expect(governance.putAgenda(f.db, admin, m.id, [])).rejects.toMatchObject({
        status: 409,
        detail: 'The meeting is cancelled; its record is final.',
      });
      await expect(governance.putAgenda(f.db, admin, 999_999, [])).rejects.toMatchObject({
        status: 404,
      });
    },
  );
});
