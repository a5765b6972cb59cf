/**
 * RFC 5545 calendar writer for governance meetings.
 *
 * Pure: no I/O and no time-zone database of our own. Zone rules come from the runtime's `Intl`
 * (ICU), so a feed always agrees with the local times the rest of the app shows.
 */

export type CalendarRole = 'CHAIR' | 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'NON-PARTICIPANT';
export type PartStat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'DELEGATED';

export interface CalendarAttendee {
  name: string;
  /** e-mail if known; otherwise the writer uses a stable URN given in `uri` */
  email: string | null;
  uri: string; // e.g. 'urn:accord:person:12' — used when email is null
  role: CalendarRole;
  partstat: PartStat;
  /** cal-address (mailto: or urn:) of the person this attendee delegated to (principal sending a proxy) */
  delegatedTo?: string | null;
  /** cal-address of the principal this attendee acts for (the proxy) */
  delegatedFrom?: string | null;
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  title: string;
  description?: string | null;
  startsAt: string; // UTC ISO instant
  endsAt: string; // UTC ISO instant
  timeZone: string; // IANA zone, e.g. 'Asia/Seoul'
  location?: string | null;
  url?: string | null; // the meeting's page
  status: 'draft' | 'scheduled' | 'in-progress' | 'closed' | 'cancelled';
  created: string; // UTC ISO
  lastModified: string; // UTC ISO
  /** `email` only in letters to invitees; feeds give a `uri` (the body's page) instead. */
  organizer: { name: string; email: string | null; uri?: string };
  /** Only letters to invitees list them: a feed must not carry anyone's address. */
  attendees: CalendarAttendee[];
  /** the online join link; the caller passes it only in feeds for invitees */
  conference?: { uri: string; label: string } | null;
}

const CRLF = '\r\n';
const DAY = 86_400; // seconds
/** RFC 5545 3.1: content lines SHOULD NOT exceed 75 octets, excluding the line break. */
const MAX_OCTETS = 75;
/** Zones written as UTC ('Z') times, which need no VTIMEZONE at all. */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC']);

const STATUS: Record<CalendarEvent['status'], string> = {
  draft: 'TENTATIVE',
  scheduled: 'CONFIRMED',
  'in-progress': 'CONFIRMED',
  closed: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

// ---------------------------------------------------------------------------------------------
// Public API

export function buildCalendar(input: { name: string; events: CalendarEvent[]; now: Date }): string {
  const stamp = input.now.getTime();
  if (Number.isNaN(stamp)) throw new RangeError('buildCalendar: `now` is an invalid Date');

  // Parse every instant up front so a bad record fails before any output is assembled.
  const events = input.events.map((event) => ({
    event,
    start: parseInstant(event.startsAt, 'startsAt'),
    end: parseInstant(event.endsAt, 'endsAt'),
    created: parseInstant(event.created, 'created'),
    lastModified: parseInstant(event.lastModified, 'lastModified'),
  }));

  // One VTIMEZONE per zone, covering the years that zone's events touch.
  const years = new Map<string, { from: number; to: number }>();
  for (const { event, start, end } of events) {
    assertTimeZone(event.timeZone);
    if (UTC_ZONES.has(event.timeZone)) continue;
    const from = new Date(Math.min(start, end) * 1000).getUTCFullYear();
    const to = new Date(Math.max(start, end) * 1000).getUTCFullYear();
    const known = years.get(event.timeZone);
    years.set(event.timeZone, {
      from: Math.min(from, known?.from ?? from),
      to: Math.max(to, known?.to ?? to),
    });
  }

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Accord//Governance//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(input.name)}`,
    // Apple and Google read only the older X-WR-CALNAME for a subscribed calendar's title.
    `X-WR-CALNAME:${escapeText(input.name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    // Outlook ignores RFC 7986 REFRESH-INTERVAL and polls on its own X-PUBLISHED-TTL hint instead.
    'X-PUBLISHED-TTL:PT12H',
  ];
  for (const [zone, span] of years) lines.push(...vtimezone(zone, span.from, span.to));
  for (const entry of events) lines.push(...vevent(entry, stamp));
  lines.push('END:VCALENDAR');

  return lines.map(fold).join(CRLF) + CRLF;
}

/** The cal-address of a person: their mailbox when known, else their stable URN. */
export function calAddress(a: { email: string | null; uri: string }): string {
  // An empty string is treated like null: 'mailto:' alone would address nobody.
  const email = a.email?.trim();
  return email ? `mailto:${email}` : a.uri.trim();
}

/**
 * The VTIMEZONE lines (unfolded, without CRLF) describing `tz` for the years fromYear..toYear.
 * Every offset change ICU knows in that span becomes its own dated STANDARD/DAYLIGHT component,
 * preceded by the last change before the span so instants early in the span resolve too.
 * UTC zones get no VTIMEZONE (an empty array) because their times are written with 'Z'.
 */
export function vtimezone(tz: string, fromYear: number, toYear: number): string[] {
  assertTimeZone(tz);
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`vtimezone: invalid year span ${fromYear}..${toYear}`);
  }
  if (UTC_ZONES.has(tz)) return [];
  const key = `${tz}|${fromYear}|${toYear}`;
  const cached = vtimezoneCache.get(key);
  if (cached) return [...cached];

  // Two days of margin either side: an event's local year can differ from its UTC year.
  const windowStart = Date.UTC(fromYear, 0, 1) / 1000 - 2 * DAY;
  const windowEnd = Date.UTC(toYear + 1, 0, 1) / 1000 + 2 * DAY;
  // Zones with DST change twice a year, so a year of look-back finds the change whose
  // offset is in force when the span opens.
  const all = findTransitions(tz, windowStart - 366 * DAY, windowEnd);
  const inWindow = all.filter((t) => t.at >= windowStart);

  const lines = ['BEGIN:VTIMEZONE', `TZID:${escapeText(tz)}`];
  if (inWindow.length === 0) {
    lines.push(...openingObservance(tz, windowStart));
  } else {
    const before = all.filter((t) => t.at < windowStart).at(-1);
    if (before) {
      inWindow.unshift(before);
    } else {
      // No change in the look-back year: state the opening offset as an observance of its own,
      // otherwise readers treat instants before the first change as UTC.
      lines.push(...openingObservance(tz, windowStart));
    }
    for (const t of inWindow) {
      // RFC 5545 3.8.2.4: the onset is given in the local time in force *before* the change.
      lines.push(
        ...observance(
          t.to > t.from ? 'DAYLIGHT' : 'STANDARD',
          formatLocal((t.at + t.from) * 1000),
          t.from,
          t.to,
          zoneName(tz, t.at, t.to),
        ),
      );
    }
  }
  lines.push('END:VTIMEZONE');
  vtimezoneCache.set(key, lines);
  return [...lines];
}

// ---------------------------------------------------------------------------------------------
// VEVENT

function vevent(
  entry: {
    event: CalendarEvent;
    start: number;
    end: number;
    created: number;
    lastModified: number;
  },
  stamp: number,
): string[] {
  const { event } = entry;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(stamp)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `CREATED:${formatUtc(entry.created * 1000)}`,
    `LAST-MODIFIED:${formatUtc(entry.lastModified * 1000)}`,
    dateTimeLine('DTSTART', event.timeZone, entry.start),
  ];
  // RFC 5545 requires DTEND to be later than DTSTART; without it the meeting is read as
  // ending when it starts, which is kinder to subscribers than dropping the whole feed.
  if (entry.end > entry.start) lines.push(dateTimeLine('DTEND', event.timeZone, entry.end));
  lines.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${cleanUri(event.url)}`);
  lines.push(`STATUS:${STATUS[event.status]}`);
  const organizer = cleanUri(
    calAddress({ email: event.organizer.email, uri: event.organizer.uri ?? '' }),
  );
  if (organizer) lines.push(`ORGANIZER${param('CN', event.organizer.name)}:${organizer}`);
  for (const a of event.attendees) lines.push(attendeeLine(a));
  if (event.conference?.uri) {
    lines.push(
      `CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO${param('LABEL', event.conference.label)}:${cleanUri(event.conference.uri)}`,
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

function attendeeLine(a: CalendarAttendee): string {
  let params = `;CUTYPE=INDIVIDUAL;ROLE=${a.role};PARTSTAT=${a.partstat}`;
  // Only people who still owe an answer are asked for one.
  if (a.partstat === 'NEEDS-ACTION') params += ';RSVP=TRUE';
  // RFC 5545 3.2.4/3.2.5: these cal-address parameters are always DQUOTE-delimited.
  if (a.delegatedTo) params += `;DELEGATED-TO=${quoted(cleanUri(a.delegatedTo))}`;
  if (a.delegatedFrom) params += `;DELEGATED-FROM=${quoted(cleanUri(a.delegatedFrom))}`;
  params += param('CN', a.name);
  return `ATTENDEE${params}:${cleanUri(calAddress(a))}`;
}

/**
 * DTSTART/DTEND in the meeting's zone. A wall time that occurs twice (the repeated hour of an
 * autumn change) is written in UTC form instead: RFC 5545 3.3.5 reads it as the first
 * occurrence but ical.js, among others, picks the second, so only UTC means the same to all.
 */
function dateTimeLine(name: string, tz: string, at: number): string {
  if (UTC_ZONES.has(tz)) return `${name}:${formatUtc(at * 1000)}`;
  const offset = offsetAt(tz, at);
  const wall = at + offset;
  const neighbours = [offsetAt(tz, at - DAY), offsetAt(tz, at + DAY)];
  const ambiguous = neighbours.some((o) => o !== offset && offsetAt(tz, wall - o) === o);
  if (ambiguous) return `${name}:${formatUtc(at * 1000)}`;
  return `${name};TZID=${paramValue(tz)}:${formatLocal(wall * 1000)}`;
}

/** The offset in force at `at`, stated as holding since 1970 (the customary epoch onset). */
function openingObservance(tz: string, at: number): string[] {
  const offset = offsetAt(tz, at);
  return observance('STANDARD', '19700101T000000', offset, offset, zoneName(tz, at, offset));
}

function observance(
  kind: 'STANDARD' | 'DAYLIGHT',
  dtstart: string,
  from: number,
  to: number,
  name: string,
): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${dtstart}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `TZNAME:${escapeText(name)}`,
    `END:${kind}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Zone arithmetic on top of Intl

interface Transition {
  /** first second (Unix time) at which `to` applies */
  at: number;
  from: number; // offset seconds east of UTC
  to: number;
}

/**
 * The day-by-day scan costs a few ms per zone-year and ICU's rules cannot change while the
 * process runs, so feeds rebuilt on every request reuse the result.
 */
const vtimezoneCache = new Map<string, string[]>();
const wallFormatters = new Map<string, Intl.DateTimeFormat>();
const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function assertTimeZone(tz: string): void {
  try {
    wallFormatter(tz);
  } catch {
    throw new RangeError(`Unknown time zone: ${tz}`);
  }
}

/** Formatting is the only way Intl exposes wall-clock fields; constructing one is costly, so cache. */
function wallFormatter(tz: string): Intl.DateTimeFormat {
  let f = wallFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormatters.set(tz, f);
  }
  return f;
}

/** Offset from UTC in seconds at Unix second `at`: the zone's wall clock read back as if UTC. */
function offsetAt(tz: string, at: number): number {
  const fields: Record<string, number> = {};
  for (const part of wallFormatter(tz).formatToParts(at * 1000)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return wall / 1000 - at;
}

/**
 * All offset changes in [start, end) (Unix seconds). Steps a day at a time and bisects to the
 * exact second when the offset differs; resuming from the found change keeps a second change on
 * the same day visible.
 */
function findTransitions(tz: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let t = start;
  let offset = offsetAt(tz, t);
  while (t < end) {
    const next = Math.min(t + DAY, end);
    if (offsetAt(tz, next) === offset) {
      t = next;
      continue;
    }
    let lo = t;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(tz, mid) === offset) lo = mid;
      else hi = mid;
    }
    const to = offsetAt(tz, hi);
    found.push({ at: hi, from: offset, to });
    t = hi;
    offset = to;
  }
  return found;
}

/**
 * TZNAME: the customary abbreviation when ICU has one (EST, CET, BST), else the numeric form
 * tzdata itself uses (+09, +0530). ICU prints an abbreviation only in locales where it is in
 * common use, so two English locales are asked: en-US knows EST/PDT, en-GB knows CET/BST.
 */
function zoneName(tz: string, at: number, offset: number): string {
  for (const locale of ['en-US', 'en-GB']) {
    const key = `${locale}|${tz}`;
    let f = nameFormatters.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'short' });
      nameFormatters.set(key, f);
    }
    const name = f.formatToParts(at * 1000).find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,6}$/.test(name) && (name !== 'GMT' || offset === 0)) return name;
  }
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = pad(Math.floor(abs / 3600));
  const mm = Math.floor((abs % 3600) / 60);
  const ss = abs % 60;
  return sign + hh + (mm || ss ? pad(mm) : '') + (ss ? pad(ss) : '');
}

// ---------------------------------------------------------------------------------------------
// Value formatting

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Input instants must carry their offset: a bare local time would be read in the server's zone. */
function parseInstant(iso: string, field: string): number {
  const ms = /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${field}: not a UTC ISO instant: ${iso}`);
  return Math.floor(ms / 1000);
}

function formatLocal(ms: number): string {
  const d = new Date(ms);
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    'T' +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds())
  );
}

function formatUtc(ms: number): string {
  return `${formatLocal(Math.floor(ms / 1000) * 1000)}Z`;
}

/** UTC-OFFSET value (RFC 5545 3.3.14); seconds only when non-zero, as the grammar allows. */
function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const ss = abs % 60;
  return (
    sign + pad(Math.floor(abs / 3600)) + pad(Math.floor((abs % 3600) / 60)) + (ss ? pad(ss) : '')
  );
}

/** TEXT value (RFC 5545 3.3.11). Control characters other than tab are not allowed in content. */
function escapeText(value: string): string {
  return dropControls(value.replace(/\r\n?/g, '\n'), '\t\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** URI / CAL-ADDRESS values are not escaped, so nothing may be left that breaks the line. */
function cleanUri(value: string): string {
  return dropControls(value).trim();
}

/** Removes C0 controls and DEL except those in `keep` (a scan, as lint forbids them in regexps). */
function dropControls(value: string, keep = ''): string {
  let out = '';
  for (const char of value) {
    const cp = char.codePointAt(0) ?? 0;
    if ((cp < 0x20 || cp === 0x7f) && !keep.includes(char)) continue;
    out += char;
  }
  return out;
}

/**
 * A parameter value (RFC 5545 3.1): DQUOTE cannot appear even quoted, so it is dropped; line
 * breaks become spaces. A caret that RFC 6868 readers would decode (^n, ^', ^^) is doubled so
 * names survive those readers unchanged.
 */
function paramValue(value: string): string {
  const clean = dropControls(value.replace(/[\t\r\n]+/g, ' '))
    .replace(/"/g, '')
    .replace(/\^(?=[n'^])/g, '^^')
    .trim();
  return /[:;,]/.test(clean) ? quoted(clean) : clean;
}

function quoted(value: string): string {
  return `"${value.replace(/"/g, '')}"`;
}

/** `;NAME=value`, or nothing when the value is empty. */
function param(name: string, value: string): string {
  const v = paramValue(value);
  return v ? `;${name}=${v}` : '';
}

function utf8Length(char: string): number {
  const cp = char.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1). Iterating by code point keeps every UTF-8
 * sequence whole; the leading space of a continuation counts towards its 75.
 */
function fold(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const n = utf8Length(char);
    if (octets + n > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    piece += char;
    octets += n;
  }
  pieces.push(piece);
  return pieces.join(`${CRLF} `);
}
