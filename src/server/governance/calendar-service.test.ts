import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import * as governance from './service';
import {
  admin,
  draftMeeting,
  MAIL,
  nobody,
  openFixture,
  REXCOM,
  scheduledMeeting,
  type Fixture,
} from './test-support';
import type { Meeting } from './schemas';

/** Calendar feeds without HTTP, on both databases: what each reader's `.ics` holds. */

function events(text: string): ICAL.Component[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent');
}

const eventOf = (text: string, uid: string) =>
  events(text).find((e) => e.getFirstPropertyValue('uid') === uid);

describe.each(dialectCases())('calendar service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let f: Fixture;
  let meeting: Meeting;
  let draft: Meeting;

  beforeAll(async () => {
    if (skip) return;
    f = await openFixture(dialect);
    meeting = await scheduledMeeting(f.db);
    const seoul = meeting.invitations.find((i) => i.government?.slug === 'seoul')!;
    await governance.reply(f.db, f.officer('seoul'), seoul.id, {
      reply: 'proxy',
      proxyName: 'Min Kwon',
      proxyEmail: 'min.kwon@seoul.example',
    });
    draft = await draftMeeting(f.db, { title: { en: 'Draft only' } });
  });
  afterAll(async () => {
    await f?.drop();
  });

  it_('gives the join link to the secretariat and invited governments only', async () => {
    const conference = async (actor: Parameters<typeof governance.meetingCalendar>[3]) => {
      const ics = await governance.meetingCalendar(f.db, MAIL, meeting.id, actor, 'en');
      return eventOf(ics, meeting.uid)?.getFirstPropertyValue('conference') ?? null;
    };
    const link = 'https://meet.example.org/rexcom-2023';
    expect(String(await conference(admin))).toBe(link);
    expect(String(await conference(f.officer('kyoto')))).toBe(link);
    expect(await conference(f.officer('tokyo'))).toBeNull();
    expect(await conference(nobody)).toBeNull();
  });

  it_('writes the meeting in its zone and language, with no one’s address', async () => {
    const ics = await governance.meetingCalendar(f.db, MAIL, meeting.id, nobody, 'ko');
    const event = eventOf(ics, meeting.uid)!;
    expect(event.getFirstPropertyValue('summary')).toBe('임시 지역집행위원회 회의');
    expect(event.getFirstPropertyValue('url')).toBe(`https://accord.test/meetings/${meeting.id}`);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Seoul');
    expect(String(event.getFirstPropertyValue('description'))).toContain('1. Opening');
    expect(event.getAllProperties('attendee')).toEqual([]);
    expect(event.getFirstPropertyValue('organizer')).toBe('https://accord.test/bodies/' + REXCOM);
    for (const actor of [nobody, f.officer('seoul'), admin]) {
      const feeds = [
        await governance.meetingCalendar(f.db, MAIL, meeting.id, actor, 'en'),
        await governance.bodyCalendar(f.db, MAIL, REXCOM, actor, 'en'),
      ];
      for (const text of feeds) {
        expect(text).not.toMatch(/mailto:/i);
        expect(text).not.toContain('min.kwon@seoul.example');
        expect(text).not.toContain(MAIL.mailFrom);
      }
    }
  });

  it_('delegates a proxy in the attendees that letters to invitees carry', async () => {
    const rows = await f.db.governance.invitationsOf(meeting.id);
    const attendees = governance.calendarAttendees(rows);
    const principal = attendees.find((a) => a.partstat === 'DELEGATED');
    const proxy = attendees.find((a) => a.name === 'Min Kwon');
    expect(principal?.delegatedTo).toBe('mailto:min.kwon@seoul.example');
    expect(proxy?.delegatedFrom).toBeTruthy();
    expect(proxy?.partstat).toBe('ACCEPTED');
  });

  it_('keeps drafts out of every feed but the secretariat’s own request', async () => {
    for (const actor of [nobody, f.officer('seoul')]) {
      await expect(
        governance.meetingCalendar(f.db, MAIL, draft.id, actor, 'en'),
      ).rejects.toMatchObject({ status: 404 });
    }
    const own = await governance.meetingCalendar(f.db, MAIL, draft.id, admin, 'en');
    expect(eventOf(own, draft.uid)?.getFirstPropertyValue('status')).toBe('TENTATIVE');

    const feed = await governance.bodyCalendar(f.db, MAIL, REXCOM, admin, 'en');
    const uids = events(feed).map((e) => e.getFirstPropertyValue('uid'));
    expect(uids).toContain(meeting.uid);
    expect(uids).not.toContain(draft.uid);
    // The demo's 2020 meeting is in the feed too.
    expect(uids.length).toBeGreaterThanOrEqual(2);
  });

  it_('names the body’s feed in the reader’s language and links only their meetings', async () => {
    const feed = await governance.bodyCalendar(f.db, MAIL, REXCOM, f.officer('kyoto'), 'ko');
    const cal = new ICAL.Component(ICAL.parse(feed));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('동아시아 지역집행위원회');
    expect(String(eventOf(feed, meeting.uid)?.getFirstPropertyValue('conference'))).toBe(
      'https://meet.example.org/rexcom-2023',
    );
    const stranger = await governance.bodyCalendar(f.db, MAIL, REXCOM, f.officer('tokyo'), 'en');
    expect(eventOf(stranger, meeting.uid)?.getFirstPropertyValue('conference')).toBeNull();
    await expect(
      governance.bodyCalendar(f.db, MAIL, 'no-such-body', nobody, 'en'),
    ).rejects.toMatchObject({ status: 404 });
  });
});
