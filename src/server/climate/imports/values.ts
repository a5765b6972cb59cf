/**
 * Reading the values of published spreadsheets: CDP and the Net Zero Tracker write missing values
 * several ways, numbers with thousands separators, periods as date ranges and places as WKT.
 * Everything here is pure and returns null for "not given" rather than guessing.
 */

const MISSING = new Set(['', 'na', 'n/a', '-', '#n/a']);

/** The text of a cell, or null when the cell says nothing ('NA', '', '-', 'N/A'). */
export function present(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.replace(/[\uFEFF\u200B-\u200D]/g, '').trim();
  return MISSING.has(trimmed.toLowerCase()) ? null : trimmed;
}

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
  // A date cell ("2021-03-15") names its year first.
  const dated = /^(\d{4})-\d{2}-\d{2}/.exec(text);
  const number = dated ? Number(dated[1]) : parseNumber(text);
  if (number === null || !Number.isInteger(number)) return null;
  return number >= MIN_YEAR && number <= MAX_YEAR ? number : null;
}

export interface AccountingPeriod {
  /** The year the period starts: a Japanese fiscal year (April to March) is named by its start. */
  year: number;
  start: string | null;
  end: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * CDP's "Accounting year": "2018-04-01 - 2019-03-31", "2018-01-01 -" or a bare year. A period
 * without a start ("- 2017-12-31", "-") has no year Accord could name, so it is null.
 */
export function parseAccountingPeriod(value: string | null | undefined): AccountingPeriod | null {
  const text = present(value);
  if (text === null) return null;
  const range = /^(\d{4}-\d{2}-\d{2})\s*(?:-\s*(\d{4}-\d{2}-\d{2})?)?$/.exec(text);
  if (range) {
    const start = range[1] as string;
    const year = parseYear(start);
    if (year === null || !isValidDate(start)) return null;
    const end = range[2] && isValidDate(range[2]) ? range[2] : null;
    return { year, start, end };
  }
  const year = parseYear(text);
  return year === null ? null : { year, start: null, end: null };
}

function isValidDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
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
 * A date as YYYY-MM-DD from the ways spreadsheets write one: ISO ("2021-03-15", with or without
 * a time), day first ("15/03/2021", the Net Zero Tracker's habit), "March 2021" or a bare year
 * (the first of January). Null when it is not a date.
 */
export function parseDate(value: string | null | undefined): string | null {
  const text = present(value);
  if (text === null) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  if (iso) {
    const date = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isValidDate(date) && parseYear(date) !== null ? date : null;
  }
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (dayFirst) {
    const date = `${dayFirst[3]}-${pad(Number(dayFirst[2]))}-${pad(Number(dayFirst[1]))}`;
    return isValidDate(date) && parseYear(date) !== null ? date : null;
  }
  const monthYear = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text);
  if (monthYear) {
    const month = MONTHS[(monthYear[1] as string).toLowerCase()];
    const year = parseYear(monthYear[2]);
    return month && year ? `${year}-${pad(month)}-01` : null;
  }
  const year = parseYear(text);
  return year === null ? null : `${year}-01-01`;
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
