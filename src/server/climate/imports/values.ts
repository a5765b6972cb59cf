import type { DateProblem, PeriodProblem } from '../../../core/climate/import-reasons';

/**
 * Reading the values of published spreadsheets: CDP and the Net Zero Tracker write missing values
 * several ways, numbers with thousands separators, periods as date ranges and places as WKT.
 * Everything here is pure and returns null for "not given" rather than guessing.
 */

const MISSING = new Set(['', 'na', 'n/a', '-', '#n/a']);

/** The text of a cell, or null when the cell says nothing ('NA', '', '-', 'N/A'). */
export function present(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // Called for every cell of every row: the replace and the lower-casing only when they matter.
  const trimmed = (INVISIBLE.test(value) ? value.replace(INVISIBLE_ALL, '') : value).trim();
  if (trimmed.length > LONGEST_MISSING) return trimmed;
  return MISSING.has(trimmed.toLowerCase()) ? null : trimmed;
}
const INVISIBLE = /[\uFEFF\u200B-\u200D]/;
const INVISIBLE_ALL = /[\uFEFF\u200B-\u200D]/g;
const LONGEST_MISSING = Math.max(...[...MISSING].map((m) => m.length));

/** Cells CDP fills with words where a figure or answer does not apply; they say nothing. */
export const NOT_APPLICABLE = /^(not applicable|question not applicable)$/i;

const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const COMMA_THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const SPACE_THOUSANDS = /^[-+]?\d{1,3}([ \u00a0\u202f']\d{3})+(\.\d+)?$/;

/**
 * A number written as CDP and members write it: "7840000", "7,840,000", "7 840 000",
 * "1.5e6", "40%". Anything else (free text, two numbers, a range) is null, not a guess.
 */
export function parseNumber(value: string | null | undefined): number | null {
  const text = present(value);
  if (text === null) return null;
  const bare = text.replace(/\s*%$/, '');
  let digits: string | null = null;
  if (PLAIN_NUMBER.test(bare)) digits = bare;
  else if (COMMA_THOUSANDS.test(bare)) digits = bare.replace(/,/g, '');
  else if (SPACE_THOUSANDS.test(bare)) digits = bare.replace(/[ \u00a0\u202f']/g, '');
  if (digits === null) return null;
  const number = Number(digits);
  return Number.isFinite(number) ? number : null;
}

/** A non-negative number (tonnes, populations); negative or absurd values are left out. */
export function parseAmount(value: string | null | undefined, max = 1e12): number | null {
  const number = parseNumber(value);
  return number !== null && number >= 0 && number <= max ? number : null;
}

/** Years Accord's API accepts; anything outside is a typo or a placeholder. */
export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;

export function parseYear(value: string | null | undefined): number | null {
  const text = present(value);
  if (text === null) return null;
  // A date cell ("2021-03-15", "03/15/2021 12:00:00 AM", "15 March 2021") names its year.
  if (!PLAIN_NUMBER.test(text) && !COMMA_THOUSANDS.test(text)) {
    const read = readDate(text, 'day-first');
    const other = 'problem' in (read ?? {}) ? readDate(text, 'month-first') : read;
    if (other && 'date' in other) return Number(other.date.slice(0, 4));
  }
  const number = parseNumber(text);
  if (number === null || !Number.isInteger(number)) return null;
  return number >= MIN_YEAR && number <= MAX_YEAR ? number : null;
}

/** Which comes first in a date written with numbers only ("03/04/2021"): a layout's option. */
export type DateOrder = 'day-first' | 'month-first';

/** A date read (YYYY-MM-DD), or why it could not be (a code for the row report). */
export type DateReading = { date: string } | DateProblem;

export interface AccountingPeriod {
  /** The year the period starts: a Japanese fiscal year (April to March) is named by its start. */
  year: number;
  start: string | null;
  end: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time of day after a date, as spreadsheets and databases write it: "00:00", "12:00:00 AM",
 * "T00:00:00Z", "T09:23:47.123+09:00". The date is kept as written; the time is dropped.
 */
const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(AM|PM|a\.m\.|p\.m\.)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?`;
const ISO_FORM = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const NUMERIC_FORM = new RegExp(
  String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})${TIME}$`,
  'i',
);
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z]{3,})\.?[\s\-/.,]+(\d{4})${TIME}$`,
  'i',
);
const MONTH_NAME_DAY = new RegExp(
  String.raw`^([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`,
  'i',
);
const MONTH_NAME_YEAR = /^([A-Za-z]{3,})\.?[\s\-/]+(\d{4})$/;

function monthNamed(name: string): number | null {
  const key = name.slice(0, 3).toLowerCase();
  const month = MONTHS[key];
  // "Mar", "March", "Sept": the name is the month's, not any word that starts the same way.
  if (!month) return null;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][month - 1] as string;
  const lower = name.toLowerCase();
  return full.startsWith(lower) || (lower === 'sept' && month === 9) ? month : null;
}

/** Checks a time of day the forms above matched: 24-hour, or 1–12 with AM/PM. */
function timeProblem(match: RegExpExecArray, from: number): DateProblem | null {
  const hour = match[from];
  if (hour === undefined) return null;
  const h = Number(hour);
  const m = Number(match[from + 1]);
  const sec = match[from + 2] === undefined ? 0 : Number(match[from + 2]);
  const half = match[from + 3];
  const okHour = half ? h >= 1 && h <= 12 : h <= 23 || (h === 24 && m === 0 && sec === 0);
  return okHour && m <= 59 && sec <= 60 ? null : { problem: 'impossible-time' };
}

function dateOf(year: number, month: number, day: number): DateReading {
  if (month < 1 || month > 12) return { problem: 'no-such-month', month };
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!isValidDate(date)) return { problem: 'not-a-calendar-day' };
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { problem: 'year-out-of-range', min: MIN_YEAR, max: MAX_YEAR };
  }
  return { date };
}

/**
 * A date as YYYY-MM-DD from the ways spreadsheets write one, with or without a time of day:
 * ISO ("2017-01-01", "2017-01-01 00:00:00", "2017-01-01T00:00:00Z", "2017/01/01"), numbers in
 * the layout's order ("01/31/2017 12:00:00 AM" month first, "31/01/2017" day first), a month
 * by name ("31 January 2017", "Jan 31, 2017", "March 2021", the first of the month) or a bare
 * year (the first of January). Null when the cell says nothing; otherwise the date or why it
 * is not one: a date that does not fit the order ("13/31/2017" month first), an impossible day,
 * a two-digit year (which century?). Nothing is guessed.
 */
export function readDate(value: string | null | undefined, order: DateOrder): DateReading | null {
  const text = present(value);
  if (text === null) return null;
  const iso = ISO_FORM.exec(text);
  if (iso) {
    return timeProblem(iso, 4) ?? dateOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  const numeric = NUMERIC_FORM.exec(text);
  if (numeric) {
    if ((numeric[3] as string).length === 2) return { problem: 'two-digit-year' };
    const problem = timeProblem(numeric, 4);
    if (problem) return problem;
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    const [day, month] = order === 'day-first' ? [first, second] : [second, first];
    const read = dateOf(Number(numeric[3]), month, day);
    if ('problem' in read && month > 12 && day <= 12) {
      // Are its day and month the other way round?
      return { problem: order === 'day-first' ? 'not-day-first' : 'not-month-first' };
    }
    return read;
  }
  const dayName = DAY_MONTH_NAME.exec(text);
  if (dayName) {
    const month = monthNamed(dayName[2] as string);
    if (month === null) return { problem: 'not-a-month', word: dayName[2] as string };
    return timeProblem(dayName, 4) ?? dateOf(Number(dayName[3]), month, Number(dayName[1]));
  }
  const nameDay = MONTH_NAME_DAY.exec(text);
  if (nameDay) {
    const month = monthNamed(nameDay[1] as string);
    if (month === null) return { problem: 'not-a-month', word: nameDay[1] as string };
    return timeProblem(nameDay, 4) ?? dateOf(Number(nameDay[3]), month, Number(nameDay[2]));
  }
  const monthYear = MONTH_NAME_YEAR.exec(text);
  if (monthYear) {
    const month = monthNamed(monthYear[1] as string);
    if (month === null) return { problem: 'not-a-month', word: monthYear[1] as string };
    return dateOf(Number(monthYear[2]), month, 1);
  }
  if (/^\d{4}$/.test(text)) return dateOf(Number(text), 1, 1);
  return { problem: 'not-a-date' };
}

/**
 * A date as YYYY-MM-DD, or null when the cell says nothing or is not a date (readDate says
 * why). Numbers alone are read day first unless the layout says otherwise (the Net Zero
 * Tracker's habit).
 */
export function parseDate(
  value: string | null | undefined,
  order: DateOrder = 'day-first',
): string | null {
  const read = readDate(value, order);
  return read && 'date' in read ? read.date : null;
}

/** What separates the two ends of a period: a dash or "to" with spaces around it. */
const PERIOD_SEPARATOR = /\s+(?:-|–|—|to)\s+/i;

/**
 * CDP's "Accounting year": "2018-04-01 - 2019-03-31", the same with times of day
 * ("2018-04-01 00:00:00 - 2019-03-31 00:00:00"), in numbers in the layout's order
 * ("04/01/2018 - 03/31/2019"), "2018-01-01 -" (no end) or a bare year. Null when the cell says
 * nothing; otherwise the period or why it could not be read. A period without a start
 * ("- 2017-12-31") names no year Accord could use, and says so.
 */
export function readAccountingPeriod(
  value: string | null | undefined,
  order: DateOrder,
): { period: AccountingPeriod } | PeriodProblem | null {
  // A file names the same few periods over and over (a reporting year's): each is read once.
  if (value === null || value === undefined) return null;
  const key = `${order}|${value}`;
  let read = periodsRead.get(key);
  if (read === undefined) {
    read = readPeriod(value, order);
    if (periodsRead.size >= 10_000) periodsRead.clear();
    periodsRead.set(key, read);
  }
  // A copy: callers may add to what they are given.
  if (read === null) return null;
  return 'period' in read ? { period: { ...read.period } } : { ...read };
}
const periodsRead = new Map<string, { period: AccountingPeriod } | PeriodProblem | null>();

function readPeriod(
  value: string,
  order: DateOrder,
): { period: AccountingPeriod } | PeriodProblem | null {
  const text = present(value);
  if (text === null) return null;
  let startText: string | null;
  let endText: string | null = null;
  const parts = text.split(PERIOD_SEPARATOR);
  if (parts.length === 2) [startText, endText] = parts as [string, string];
  else if (parts.length > 2) return { problem: 'not-one-period' };
  else if (/^[-–—]\s*\S/.test(text)) startText = null;
  else startText = text.replace(/\s*[-–—]$/, '');
  const start = startText === null ? null : readDate(startText, order);
  if (startText === null || start === null) return { problem: 'period-without-start' };
  if ('problem' in start) return { ...start, part: 'start' };
  const end = endText === null ? null : readDate(endText, order);
  if (end && 'problem' in end) return { ...end, part: 'end' };
  if (end && end.date < start.date) return { problem: 'period-ends-before-start' };
  // A bare year names the year, not a day: the period's days stay unknown.
  const bare = /^\d{4}$/.test(startText.trim());
  return {
    period: {
      year: Number(start.date.slice(0, 4)),
      start: bare ? null : start.date,
      end: bare ? null : (end?.date ?? null),
    },
  };
}

/** readAccountingPeriod's period, or null when there is none (for callers without a report). */
export function parseAccountingPeriod(
  value: string | null | undefined,
  order: DateOrder = 'month-first',
): AccountingPeriod | null {
  const read = readAccountingPeriod(value, order);
  return read && 'period' in read ? read.period : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is this month's last day (years before 100 too: setUTCFullYear).
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return day <= last.getUTCDate();
}

/** "POINT (126.978 37.5665)" (longitude first, as WKT writes it) → coordinates. */
export function parseWktPoint(
  value: string | null | undefined,
): { latitude: number; longitude: number } | null {
  const text = present(value);
  if (text === null) return null;
  const match =
    /^POINT\s*\(\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s+([-+]?[\d.]+(?:e[-+]?\d+)?)\s*\)$/i.exec(text);
  if (!match) return null;
  const longitude = Number(match[1]);
  const latitude = Number(match[2]);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/** CDP's free-text answers start with this when the respondent picked "Other". */
export function withoutOtherPrefix(text: string): string {
  return text.replace(/^other,?\s*please specify:?\s*/i, '').trim();
}

/** Yes / No / unknown, as trackers write it ("Yes", "TRUE", "1", "No", "Not specified"). */
export function parseYesNo(value: string | null | undefined): boolean | null {
  const text = present(value)?.toLowerCase();
  if (!text) return null;
  if (/^(yes|y|true|1)\b/.test(text)) return true;
  if (/^(no|n|false|0)\b/.test(text)) return false;
  return null;
}

/** Cuts free text to what the API accepts, on a character (not UTF-16 unit) boundary. */
export function clip(text: string | null, max: number): string | null {
  if (text === null) return null;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
