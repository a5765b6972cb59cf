/**
 * Time-zone arithmetic on top of Intl alone: meetings are stored in UTC and shown in the
 * zone of the host city. No Date parsing of zone-less strings, because that would depend on
 * the zone of the machine running the code.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let formatter = formatters.get(tz);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, formatter);
  }
  return formatter;
}

export function isTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

function requireTimeZone(tz: string): void {
  if (!isTimeZone(tz)) throw new RangeError(`Unknown time zone: ${JSON.stringify(tz)}`);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds of an ISO instant. It must carry 'Z' or an offset: a zone-less string would be
 * read in the zone of the server, which is exactly the bug this module exists to prevent.
 */
export function parseInstant(iso: string): number {
  const ms = INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms))
    throw new RangeError(`Not an ISO instant with a zone: ${JSON.stringify(iso)}`);
  return ms;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(ms: number, tz: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(tz).formatToParts(new Date(ms))) parts[part.type] = part.value;
  const yearOfEra = Number(parts.year);
  // Years before 1 CE come back as "BC" years counted downwards; ISO year 0 is 1 BC.
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - yearOfEra : yearOfEra;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function wallClockAsUtc(w: WallClock): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

function offsetAtMs(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClockAsUtc(wallClockAt(whole, tz)) - whole) / MINUTE_MS);
}

export function offsetMinutesAt(utcIso: string, tz: string): number {
  requireTimeZone(tz);
  return offsetAtMs(parseInstant(utcIso), tz);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function parseLocal(local: string): WallClock {
  const m = LOCAL.exec(local);
  if (!m)
    throw new RangeError(`Not a local date-time (YYYY-MM-DDTHH:mm): ${JSON.stringify(local)}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const w = { year, month, day, hour, minute, second };
  const back = new Date(wallClockAsUtc(w));
  const valid =
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day;
  if (!valid) throw new RangeError(`No such local date-time: ${JSON.stringify(local)}`);
  return w;
}

/**
 * The UTC instant of a wall-clock time in a zone. A time skipped by a spring-forward moves on by
 * the length of the gap; a time repeated by a fall-back takes the earlier of its two instants.
 * Assumes at most one offset change within a day either side, which holds for real zones.
 */
export function zonedTimeToUtc(local: string, tz: string): string {
  requireTimeZone(tz);
  const localMs = wallClockAsUtc(parseLocal(local));
  const before = offsetAtMs(localMs - DAY_MS, tz);
  const offsets = new Set([before, offsetAtMs(localMs, tz), offsetAtMs(localMs + DAY_MS, tz)]);
  const instants = [...offsets]
    .map((offset) => localMs - offset * MINUTE_MS)
    .filter((ms) => offsetAtMs(ms, tz) * MINUTE_MS === localMs - ms)
    .sort((a, b) => a - b);
  // In a gap no offset fits; reading the time with the offset from before the change lands the
  // gap's length later on the new clock (02:30 in a 02:00→03:00 gap becomes 03:30).
  const ms = instants[0] ?? localMs - before * MINUTE_MS;
  return new Date(ms).toISOString();
}

function pad(n: number, width = 2): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

export function utcToZoned(
  utcIso: string,
  tz: string,
): { date: string; time: string; offsetMinutes: number } {
  requireTimeZone(tz);
  const ms = parseInstant(utcIso);
  const w = wallClockAt(Math.floor(ms / 1000) * 1000, tz);
  return {
    date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`,
    time: `${pad(w.hour)}:${pad(w.minute)}`,
    offsetMinutes: offsetAtMs(ms, tz),
  };
}
