/**
 * A membership's status on a day, by rule, from its periods: each period is one year (its
 * first and last day both included) and a renewal adds the next one, never changing one.
 *
 * - none: no period yet, or the first one has not begun;
 * - new: within the first period;
 * - current: within a later period;
 * - grace: within one month after the last period ended (the day of the month of its end,
 *   one month on, or the month's last day when that month is shorter);
 * - expired: after the grace month, until a later period begins;
 * - suspended: set by an administrator, whatever the periods say, until lifted.
 *
 * Dates are ISO 8601 calendar dates (YYYY-MM-DD), compared as text; arithmetic is on UTC days,
 * so the machine's time zone never moves a date.
 */
import type { MembershipStatus } from './membership';

export interface MembershipPeriod {
  /** First day. */
  start: string;
  /** Last day (included). */
  end: string;
}

/** A status and the days it holds: from its first day until its last (null: no end known). */
export interface MembershipStanding {
  status: MembershipStatus;
  from: string | null;
  until: string | null;
}

const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return format(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/** The same day of the month `months` later (or earlier), or that month's last day if shorter. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(Date.UTC(year, month - 1, Math.min(d, daysInMonth(year, month))));
}

/**
 * The last day of a one-year period that starts on `start`: the day before the same date a year
 * on (a period from 29 February runs to 28 February, and the next one starts on 1 March).
 */
export function periodEndFor(start: string): string {
  const [y, m, d] = parts(start);
  return format(Date.UTC(y + 1, m - 1, d) - DAY_MS);
}

/** The last day of the grace month after a period that ended on `end`. */
export function graceUntil(end: string): string {
  return addMonths(end, 1);
}

/** The day a renewal invoice is due to go out: one month before the period ends. */
export function renewalDay(end: string): string {
  return addMonths(end, -1);
}

/** The period a renewal adds after these: it starts the day after the last one ends. */
export function nextPeriod(periods: readonly MembershipPeriod[]): MembershipPeriod | null {
  const last = sortPeriods(periods).at(-1);
  if (!last) return null;
  const start = addDays(last.end, 1);
  return { start, end: periodEndFor(start) };
}

export function sortPeriods<P extends MembershipPeriod>(periods: readonly P[]): P[] {
  return [...periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** The index of the last period of the unbroken run (each the day after the one before) from i. */
function runEnd(periods: readonly MembershipPeriod[], i: number): number {
  let j = i;
  while (
    j + 1 < periods.length &&
    (periods[j + 1] as MembershipPeriod).start <= addDays((periods[j] as MembershipPeriod).end, 1)
  ) {
    j += 1;
  }
  return j;
}

/** The index of the first period of the unbroken run that holds period i. */
function runStart(periods: readonly MembershipPeriod[], i: number): number {
  let j = i;
  while (
    j > 0 &&
    (periods[j] as MembershipPeriod).start <= addDays((periods[j - 1] as MembershipPeriod).end, 1)
  ) {
    j -= 1;
  }
  return j;
}

/**
 * The status of a membership on `date`, with the days it holds. `suspendedSince` is the day an
 * administrator suspended it (null when not suspended).
 */
export function membershipStatusOn(
  periods: readonly MembershipPeriod[],
  suspendedSince: string | null,
  date: string,
): MembershipStanding {
  if (suspendedSince !== null) return { status: 'suspended', from: suspendedSince, until: null };
  const sorted = sortPeriods(periods);
  const first = sorted[0];
  if (!first) return { status: 'none', from: null, until: null };
  if (date < first.start) return { status: 'none', from: null, until: addDays(first.start, -1) };

  const holding = sorted.findLastIndex((p) => p.start <= date && date <= p.end);
  if (holding === 0 || (holding > 0 && date <= first.end)) {
    return { status: 'new', from: first.start, until: first.end };
  }
  if (holding > 0) {
    const start = runStart(sorted, holding);
    const end = (sorted[runEnd(sorted, holding)] as MembershipPeriod).end;
    // A run that began with the first period is current from the day the first one ended.
    const from = start === 0 ? addDays(first.end, 1) : (sorted[start] as MembershipPeriod).start;
    return { status: 'current', from, until: end };
  }

  const lastIndex = sorted.findLastIndex((p) => p.end < date);
  const last = sorted[lastIndex] as MembershipPeriod;
  const next = sorted[lastIndex + 1];
  const dayBeforeNext = next ? addDays(next.start, -1) : null;
  const graceEnd = graceUntil(last.end);
  if (date <= graceEnd) {
    const until = dayBeforeNext !== null && dayBeforeNext < graceEnd ? dayBeforeNext : graceEnd;
    return { status: 'grace', from: addDays(last.end, 1), until };
  }
  return { status: 'expired', from: addDays(graceEnd, 1), until: dayBeforeNext };
}

/** Days an invoice gives to pay, at the least. */
export const PAYMENT_DAYS = 30;

/**
 * When an invoice is due: when the year it bills begins, but never sooner than thirty days after
 * it was issued (a renewal issued a month ahead is due when the new period starts; a first or
 * late invoice gets thirty days).
 */
export function invoiceDueDay(issuedOn: string, periodStart: string): string {
  const earliest = addDays(issuedOn, PAYMENT_DAYS);
  return periodStart > earliest ? periodStart : earliest;
}
