import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, calAddress, vtimezone, type CalendarEvent } from './ics';

const NOW = new Date('2020-11-20T08:30:15.900Z');

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'meeting-42@accord.example',
    sequence: 3,
    title: 'Regional council plenary',
    startsAt: '2020-11-26T05:00:00.000Z',
    endsAt: '2020-11-26T07:00:00.000Z',
    timeZone: 'Asia/Seoul',
    status: 'scheduled',
    created: '2020-10-01T00:00:00.000Z',
    lastModified: '2020-11-02T03:04:05.000Z',
    organizer: { name: 'Secretariat', email: 'secretariat@accord.example' },
    attendees: [],
    ...overrides,
  };
}

function build(events: CalendarEvent[], name = 'Accord meetings'): string {
  return buildCalendar({ name, events, now: NOW });
}

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

function events(ics: string): ICAL.Event[] {
  return parse(ics)
    .getAllSubcomponents('vevent')
    .map((c) => new ICAL.Event(c));
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

/** Physical lines, without the terminating empty string after the final CRLF. */
function physicalLines(ics: string): string[] {
  return ics.split('\r\n').slice(0, -1);
}

/** Content lines after RFC 5545 unfolding. */
function contentLines(ics: string): string[] {
  return physicalLines(ics.replace(/\r\n /g, ''));
}

function params(prop: ICAL.Property, name: string): string[] {
  return [prop.getParameter(name)].flat().filter((v): v is string => typeof v === 'string');
}

describe('buildCalendar', () => {
  it('writes the calendar header and CRLF line ends', () => {
    const ics = build([event()], 'Seoul; Busan, Incheon');
    const lines = contentLines(ics);
    expect(lines.slice(0, 10)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Accord//Governance//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'NAME:Seoul\\; Busan\\, Incheon',
      'X-WR-CALNAME:Seoul\\; Busan\\, Incheon',
      'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
      'X-PUBLISHED-TTL:PT12H',
      'BEGIN:VTIMEZONE',
    ]);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
  });

  it('writes UID, DTSTAMP from now, SEQUENCE, CREATED and LAST-MODIFIED', () => {
    const ics = build([event()]);
    const vevent = only(parse(ics).getAllSubcomponents('vevent'));
    const ev = new ICAL.Event(vevent);
    expect(ev.uid).toBe('meeting-42@accord.example');
    expect(ev.sequence).toBe(3);
    expect(contentLines(ics)).toContain('DTSTAMP:20201120T083015Z');
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2020-11-20T08:30:15Z');
    expect(String(vevent.getFirstPropertyValue('created'))).toBe('2020-10-01T00:00:00Z');
    expect(String(vevent.getFirstPropertyValue('last-modified'))).toBe('2020-11-02T03:04:05Z');
  });

  it('writes Seoul local times that resolve through the emitted VTIMEZONE', () => {
    const ics = build([event()]);
    const lines = contentLines(ics);
    expect(lines).toContain('DTSTART;TZID=Asia/Seoul:20201126T140000');
    expect(lines).toContain('DTEND;TZID=Asia/Seoul:20201126T160000');

    const vtz = only(parse(ics).getAllSubcomponents('vtimezone'));
    const standard = only(vtz.getAllSubcomponents('standard'));
    expect(vtz.getAllSubcomponents('daylight')).toHaveLength(0);
    expect(standard.getFirstProperty('dtstart')?.toICALString()).toBe('DTSTART:19700101T000000');
    expect(standard.getFirstProperty('tzoffsetto')?.toICALString()).toBe('TZOFFSETTO:+0900');

    // ical.js ships no zone rules but UTC, so a correct instant can only come from our VTIMEZONE.
    expect(ICAL.TimezoneService.has('Asia/Seoul')).toBe(false);
    const ev = only(events(ics));
    expect(ev.startDate.zone.tzid).toBe('Asia/Seoul');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2020-11-26T05:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2020-11-26T07:00:00.000Z');
  });

  it('resolves Berlin winter, summer and DST-spanning meetings to the right instants', () => {
    const winter = event({
      uid: 'winter',
      timeZone: 'Europe/Berlin',
      startsAt: '2024-01-15T09:00:00Z',
      endsAt: '2024-01-15T10:30:00Z',
    });
    const summer = event({
      uid: 'summer',
      timeZone: 'Europe/Berlin',
      startsAt: '2024-07-15T08:00:00Z',
      endsAt: '2024-07-15T09:30:00Z',
    });
    // Starts in CET on Saturday evening, ends in CEST on Sunday morning.
    const overnight = event({
      uid: 'overnight',
      timeZone: 'Europe/Berlin',
      startsAt: '2024-03-30T20:00:00Z',
      endsAt: '2024-03-31T06:00:00Z',
    });
    const ics = build([winter, summer, overnight]);
    const lines = contentLines(ics);
    expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20240115T100000');
    expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20240715T100000');
    expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20240330T210000');
    expect(lines).toContain('DTEND;TZID=Europe/Berlin:20240331T080000');

    expect(ICAL.TimezoneService.has('Europe/Berlin')).toBe(false);
    expect(parse(ics).getAllSubcomponents('vtimezone')).toHaveLength(1);
    const byUid = new Map(events(ics).map((e) => [e.uid, e]));
    const iso = (t: ICAL.Time | undefined) => t?.toJSDate().toISOString();
    expect(iso(byUid.get('winter')?.startDate)).toBe('2024-01-15T09:00:00.000Z');
    expect(iso(byUid.get('summer')?.startDate)).toBe('2024-07-15T08:00:00.000Z');
    expect(iso(byUid.get('summer')?.endDate)).toBe('2024-07-15T09:30:00.000Z');
    expect(iso(byUid.get('overnight')?.startDate)).toBe('2024-03-30T20:00:00.000Z');
    expect(iso(byUid.get('overnight')?.endDate)).toBe('2024-03-31T06:00:00.000Z');
  });

  it('writes both occurrences of a repeated autumn hour in UTC, where readers cannot disagree', () => {
    const first = event({
      uid: 'first',
      timeZone: 'Europe/Berlin',
      startsAt: '2024-10-27T00:30:00Z', // 02:30 CEST
      endsAt: '2024-10-27T03:00:00Z', // 04:00 CET, unambiguous
    });
    const second = event({
      uid: 'second',
      timeZone: 'Europe/Berlin',
      startsAt: '2024-10-27T01:30:00Z', // 02:30 CET, an hour later
      endsAt: '2024-10-27T03:00:00Z',
    });
    const ics = build([first, second]);
    const lines = contentLines(ics);
    expect(lines).toContain('DTSTART:20241027T003000Z');
    expect(lines).toContain('DTSTART:20241027T013000Z');
    expect(lines).toContain('DTEND;TZID=Europe/Berlin:20241027T040000');
    expect(lines.some((l) => l.includes('TZID=Europe/Berlin:20241027T023000'))).toBe(false);
    const byUid = new Map(events(ics).map((e) => [e.uid, e]));
    expect(byUid.get('first')?.startDate.toJSDate().toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(byUid.get('second')?.startDate.toJSDate().toISOString()).toBe(
      '2024-10-27T01:30:00.000Z',
    );
    expect(byUid.get('first')?.endDate.toJSDate().toISOString()).toBe('2024-10-27T03:00:00.000Z');
  });

  it('emits one VTIMEZONE per distinct zone', () => {
    const ics = build([
      event({ uid: 'a' }),
      event({ uid: 'b', startsAt: '2021-03-01T01:00:00Z', endsAt: '2021-03-01T02:00:00Z' }),
      event({ uid: 'c', timeZone: 'America/New_York' }),
    ]);
    const tzids = parse(ics)
      .getAllSubcomponents('vtimezone')
      .map((z) => z.getFirstPropertyValue('tzid'));
    expect(tzids).toEqual(['Asia/Seoul', 'America/New_York']);
    const nyc = events(ics).find((e) => e.uid === 'c');
    expect(nyc?.startDate.toJSDate().toISOString()).toBe('2020-11-26T05:00:00.000Z');
    expect(contentLines(ics)).toContain('DTSTART;TZID=America/New_York:20201126T000000');
  });

  it('writes attendees with CN, ROLE, PARTSTAT, CUTYPE, RSVP and delegation', () => {
    const chair = {
      name: 'Kim, Min-ji "Chair"',
      email: 'minji@seoul.example',
      uri: 'urn:accord:person:1',
      role: 'CHAIR' as const,
      partstat: 'ACCEPTED' as const,
    };
    const principal = {
      name: 'Tanaka Hiroshi',
      email: 'tanaka@osaka.example',
      uri: 'urn:accord:person:2',
      role: 'REQ-PARTICIPANT' as const,
      partstat: 'DELEGATED' as const,
      delegatedTo: 'urn:accord:person:3',
    };
    const proxy = {
      name: 'Sato Yuki',
      email: null,
      uri: 'urn:accord:person:3',
      role: 'REQ-PARTICIPANT' as const,
      partstat: 'NEEDS-ACTION' as const,
      delegatedFrom: 'mailto:tanaka@osaka.example',
    };
    const ics = build([event({ attendees: [chair, principal, proxy] })]);
    const [a, b, c] = only(events(ics)).attendees;
    if (!a || !b || !c) throw new Error('expected three attendees');

    expect(a.getFirstValue()).toBe('mailto:minji@seoul.example');
    expect(a.getParameter('cn')).toBe('Kim, Min-ji Chair');
    expect(a.getParameter('role')).toBe('CHAIR');
    expect(a.getParameter('partstat')).toBe('ACCEPTED');
    expect(a.getParameter('cutype')).toBe('INDIVIDUAL');
    expect(a.getParameter('rsvp')).toBeUndefined();

    expect(b.getParameter('partstat')).toBe('DELEGATED');
    expect(params(b, 'delegated-to')).toEqual(['urn:accord:person:3']);

    expect(c.getFirstValue()).toBe('urn:accord:person:3');
    expect(c.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(c.getParameter('rsvp')).toBe('TRUE');
    expect(params(c, 'delegated-from')).toEqual(['mailto:tanaka@osaka.example']);

    const raw = contentLines(ics);
    expect(raw).toContain(
      'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DELEGATED;DELEGATED-TO="urn:accord:person:3";CN=Tanaka Hiroshi:mailto:tanaka@osaka.example',
    );
    expect(raw).toContain('ORGANIZER;CN=Secretariat:mailto:secretariat@accord.example');
  });

  it('names an organizer without a mailbox by its URI, and writes no address it was not given', () => {
    const ics = build([
      event({
        organizer: { name: 'Secretariat', email: null, uri: 'https://accord.test/bodies/x' },
        attendees: [],
      }),
    ]);
    const raw = contentLines(ics);
    expect(raw).toContain('ORGANIZER;CN=Secretariat:https://accord.test/bodies/x');
    expect(ics).not.toMatch(/mailto:|ATTENDEE/);
    const none = build([event({ organizer: { name: 'Secretariat', email: null }, attendees: [] })]);
    expect(none).not.toMatch(/ORGANIZER|mailto:/);
  });

  it('keeps RFC 6868 caret sequences in a name literal', () => {
    const ics = build([
      event({
        attendees: [
          {
            name: "A^nB^'C",
            email: 'a@b.example',
            uri: 'urn:accord:person:9',
            role: 'OPT-PARTICIPANT',
            partstat: 'ACCEPTED',
          },
        ],
      }),
    ]);
    expect(only(only(events(ics)).attendees).getParameter('cn')).toBe("A^nB^'C");
  });

  it('writes CONFERENCE only when a join link is given', () => {
    const withLink = build([
      event({ conference: { uri: 'https://meet.example/abc?pwd=1', label: 'Join: video, audio' } }),
    ]);
    const conf = only(events(withLink)).component.getFirstProperty('conference');
    expect(conf?.getFirstValue()).toBe('https://meet.example/abc?pwd=1');
    expect(conf?.getParameter('label')).toBe('Join: video, audio');
    expect(params(conf as ICAL.Property, 'feature').join(',')).toBe('AUDIO,VIDEO');
    expect(contentLines(withLink)).toContain(
      'CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL="Join: video, audio":https://meet.example/abc?pwd=1',
    );

    const without = build([event({ conference: null })]);
    expect(without).not.toContain('CONFERENCE');
    expect(only(events(without)).component.hasProperty('conference')).toBe(false);
  });

  it('folds long multi-byte lines at 75 octets without splitting characters', () => {
    const title =
      '2020년 제4차 지방정부 협의회 정기총회: 탄소중립 공동선언 이행 점검 및 내년도 예산안 심의 🌏 東京・北京 参加';
    expect(Buffer.byteLength(`SUMMARY:${title}`)).toBeGreaterThan(75 * 2);
    const ics = build([event({ title, description: title.repeat(3) })]);

    const lines = physicalLines(ics);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // A split surrogate pair would show up as a lone surrogate in one of the pieces.
    for (const line of lines) expect(line).not.toMatch(/[\uD800-\uDFFF]/u);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);

    const ev = only(events(ics));
    expect(Buffer.from(ev.summary).equals(Buffer.from(title))).toBe(true);
    expect(ev.description).toBe(title.repeat(3));
  });

  it('escapes backslash, semicolon, comma and newlines in text', () => {
    const title = 'Budget; roads, parks \\ more';
    const description = 'Line one\r\nLine two\nLine three\rend; a,b \\n literal';
    const location = 'City Hall, Room 3; 2F';
    const ics = build([event({ title, description, location })]);
    const lines = contentLines(ics);
    expect(lines).toContain('SUMMARY:Budget\\; roads\\, parks \\\\ more');
    expect(lines).toContain('LOCATION:City Hall\\, Room 3\\; 2F');
    const ev = only(events(ics));
    expect(ev.summary).toBe(title);
    expect(ev.description).toBe('Line one\nLine two\nLine three\nend; a,b \\n literal');
    expect(ev.location).toBe(location);
  });

  it('drops control characters that would corrupt a content line', () => {
    const ics = build([event({ title: 'A\u0000B\u0007C\tD' })]);
    expect(only(events(ics)).summary).toBe('ABC\tD');
  });

  it('writes URL and DESCRIPTION only when given', () => {
    const bare = contentLines(build([event()]));
    expect(bare.some((l) => l.startsWith('URL') || l.startsWith('DESCRIPTION'))).toBe(false);
    const full = build([event({ url: 'https://accord.example/meetings/42', description: 'x' })]);
    expect(contentLines(full)).toContain('URL:https://accord.example/meetings/42');
    expect(only(events(full)).description).toBe('x');
  });

  it.each(['UTC', 'Etc/UTC'])('writes %s meetings as Z times without VTIMEZONE', (zone) => {
    const ics = build([event({ timeZone: zone })]);
    const lines = contentLines(ics);
    expect(lines).toContain('DTSTART:20201126T050000Z');
    expect(lines).toContain('DTEND:20201126T070000Z');
    expect(ics).not.toContain('VTIMEZONE');
    expect(only(events(ics)).startDate.toJSDate().toISOString()).toBe('2020-11-26T05:00:00.000Z');
  });

  it.each([
    ['draft', 'TENTATIVE'],
    ['scheduled', 'CONFIRMED'],
    ['in-progress', 'CONFIRMED'],
    ['closed', 'CONFIRMED'],
    ['cancelled', 'CANCELLED'],
  ] as const)('maps status %s to STATUS:%s', (status, expected) => {
    const ics = build([event({ status })]);
    expect(only(events(ics)).component.getFirstPropertyValue('status')).toBe(expected);
  });

  it('omits DTEND when the end is not after the start', () => {
    const ics = build([event({ endsAt: '2020-11-26T05:00:00.000Z' })]);
    expect(ics).not.toContain('DTEND');
    expect(ics).toContain('DTSTART;TZID=Asia/Seoul:20201126T140000');
  });

  it('rejects unknown zones and instants without an offset', () => {
    expect(() => build([event({ timeZone: 'Mars/Olympus_Mons' })])).toThrow(RangeError);
    expect(() => build([event({ startsAt: '2020-11-26T05:00:00' })])).toThrow(/startsAt/);
  });

  it('writes an empty calendar', () => {
    const ics = build([]);
    expect(parse(ics).getAllSubcomponents()).toHaveLength(0);
    expect(ics).toContain('METHOD:PUBLISH');
  });
});

describe('calAddress', () => {
  it('prefers mailto and falls back to the URN', () => {
    expect(calAddress({ email: 'a@b.example', uri: 'urn:accord:person:1' })).toBe(
      'mailto:a@b.example',
    );
    expect(calAddress({ email: null, uri: 'urn:accord:person:1' })).toBe('urn:accord:person:1');
    expect(calAddress({ email: '', uri: 'urn:accord:person:1' })).toBe('urn:accord:person:1');
  });
});

describe('vtimezone', () => {
  it('lists each New York change in the span after the one in force when it opens', () => {
    const lines = vtimezone('America/New_York', 2024, 2024);
    const onsets = lines.filter((l) => l.startsWith('DTSTART:'));
    expect(onsets).toEqual([
      'DTSTART:20231105T020000',
      'DTSTART:20240310T020000',
      'DTSTART:20241103T020000',
    ]);
    expect(lines.slice(lines.indexOf('BEGIN:DAYLIGHT'), lines.indexOf('END:DAYLIGHT') + 1)).toEqual(
      [
        'BEGIN:DAYLIGHT',
        'DTSTART:20240310T020000',
        'TZOFFSETFROM:-0500',
        'TZOFFSETTO:-0400',
        'TZNAME:EDT',
        'END:DAYLIGHT',
      ],
    );
  });

  it('gives ical.js the right offsets on both sides of each Berlin change', () => {
    const text = ['BEGIN:VCALENDAR', ...vtimezone('Europe/Berlin', 2024, 2024), 'END:VCALENDAR'];
    const vtz = parse(text.join('\r\n')).getFirstSubcomponent('vtimezone');
    if (!vtz) throw new Error('no VTIMEZONE');
    const zone = new ICAL.Timezone({ component: vtz, tzid: 'Europe/Berlin' });
    const utc = (y: number, mo: number, d: number, h: number, mi: number) =>
      ICAL.Time.fromData({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, zone)
        .toJSDate()
        .toISOString();
    expect(utc(2024, 1, 1, 0, 30)).toBe('2023-12-31T23:30:00.000Z');
    expect(utc(2024, 3, 31, 1, 59)).toBe('2024-03-31T00:59:00.000Z');
    expect(utc(2024, 3, 31, 3, 0)).toBe('2024-03-31T01:00:00.000Z');
    expect(utc(2024, 10, 27, 3, 30)).toBe('2024-10-27T02:30:00.000Z');
    expect(utc(2024, 12, 31, 23, 0)).toBe('2024-12-31T22:00:00.000Z');
  });

  it('writes a fixed-offset zone as one STANDARD observance', () => {
    expect(vtimezone('Asia/Kolkata', 2020, 2030)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Kolkata',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0530',
      'TZOFFSETTO:+0530',
      'TZNAME:+0530',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('returns nothing for UTC and rejects a reversed span', () => {
    expect(vtimezone('UTC', 2020, 2021)).toEqual([]);
    expect(() => vtimezone('Asia/Seoul', 2021, 2020)).toThrow(RangeError);
  });
});
