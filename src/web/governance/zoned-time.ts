/**
 * Meeting times: a meeting happens at UTC instants in the zone of its host city. People read
 * it in that zone (the clock on the wall of the venue) and, when their own clock differs, in
 * their own zone too.
 */
import { isTimeZone, offsetMinutesAt } from '../../core/governance/time';

/** The viewer's IANA zone as the browser reports it; UTC when it reports none. */
export function viewerTimeZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

/** Zones offered in the meeting form; any other IANA name may be typed. */
export const COMMON_TIME_ZONES = [
  'Asia/Seoul',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Taipei',
  'Asia/Hong_Kong',
  'Asia/Ulaanbaatar',
  'Asia/Singapore',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Africa/Johannesburg',
  'Africa/Nairobi',
  'America/New_York',
  'America/Chicago',
  'America/Mexico_City',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'America/Bogota',
  'UTC',
] as const;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/*
 * dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelt out:
 * weekday and date, hours and minutes, and the zone's short name ("GMT+9", "KST").
 */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** One instant as a date and time in a zone, with the zone's name. */
export function formatInZone(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, { ...DATE_TIME, timeZone }).format(date);
}

/** A start and end in a zone, the shared parts written once ("Tue, Mar 4, 10:00 – 12:00 GMT+9"). */
export function formatRangeInZone(
  startIso: string,
  endIso: string,
  timeZone: string,
  locale: string,
): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
    return `${startIso} – ${endIso}`;
  const format = formatter(locale, { ...DATE_TIME, timeZone });
  return end.getTime() >= start.getTime()
    ? format.formatRange(start, end)
    : `${format.format(start)} – ${format.format(end)}`;
}

/** Hours and minutes only, two digits each so the running clock of an agenda lines up. */
export function formatClock(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

/**
 * Whether two zones read the same clock at the given instants. Seoul and Tokyo do, so a
 * viewer in Tokyo needs no second line for a meeting in Seoul.
 */
export function sameClock(instants: readonly string[], zoneA: string, zoneB: string): boolean {
  if (zoneA === zoneB) return true;
  if (!isTimeZone(zoneA) || !isTimeZone(zoneB)) return false;
  try {
    return instants.every((iso) => offsetMinutesAt(iso, zoneA) === offsetMinutesAt(iso, zoneB));
  } catch {
    return false;
  }
}

export interface MeetingTimeLines {
  /** In the meeting's own zone. */
  meeting: string;
  /** In the viewer's zone; null when it reads the same clock as the meeting's zone. */
  viewer: string | null;
}

export function meetingTimeLines(
  meeting: { startsAt: string; endsAt: string; timeZone: string },
  viewerZone: string,
  locale: string,
): MeetingTimeLines {
  const zone = isTimeZone(meeting.timeZone) ? meeting.timeZone : 'UTC';
  const shown = formatRangeInZone(meeting.startsAt, meeting.endsAt, zone, locale);
  const differs = !sameClock([meeting.startsAt, meeting.endsAt], zone, viewerZone);
  return {
    meeting: shown,
    viewer: differs
      ? formatRangeInZone(meeting.startsAt, meeting.endsAt, viewerZone, locale)
      : null,
  };
}
