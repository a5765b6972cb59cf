/** How long a term lasts, and how long ago an office holder was last confirmed. */

function parseDay(day: string): { y: number; m: number; d: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** The day after an ISO day (YYYY-MM-DD), by the calendar. */
function dayAfter(day: string): string {
  const { y, m, d } = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The length of a term in years, its first and last days both counted: 2021-01-01 to
 * 2024-12-31 is four years. Counted in whole calendar months (a month begun on the same day of
 * the month), to one decimal place; a term shorter than a day's worth of months is 0.
 */
export function termLengthYears(startsOn: string, endsOn: string): number {
  if (endsOn < startsOn) return 0;
  const a = parseDay(startsOn);
  const b = parseDay(dayAfter(endsOn));
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  return Math.round((Math.max(0, months) / 12) * 10) / 10;
}

/** After this many years in office with no recorded confirmation, a holder is not shown as plainly current. */
export const OFFICE_CONFIRMATION_YEARS = 5;

/** Whether an office holder's record can be read as current, or is old and unconfirmed. */
export type OfficeStanding =
  | { kind: 'current' }
  | { kind: 'ended' }
  /** Started long ago, no end date and no later confirmation: last known in `sinceYear`. */
  | { kind: 'unconfirmed'; sinceYear: number };

/**
 * The rule: a position with no end date whose last recorded date (its confirmation, else its
 * start) is more than OFFICE_CONFIRMATION_YEARS years before `today` is "not confirmed since"
 * that year rather than current. A position without any date is unconfirmed with no year and is
 * reported as current only when nothing says otherwise (no start date: nothing to count from).
 */
export function officeStanding(
  position: { startDate: string | null; endDate: string | null; confirmedOn?: string | null },
  today: string,
  years = OFFICE_CONFIRMATION_YEARS,
): OfficeStanding {
  if (position.endDate && position.endDate < today) return { kind: 'ended' };
  if (position.endDate) return { kind: 'current' };
  const last = [position.confirmedOn ?? null, position.startDate]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  if (!last) return { kind: 'current' };
  const t = parseDay(today);
  const cutoff = `${String(t.y - years).padStart(4, '0')}-${today.slice(5)}`;
  return last < cutoff ? { kind: 'unconfirmed', sinceYear: parseDay(last).y } : { kind: 'current' };
}

/**
 * The dates and label proposed for the term after one that ends on `lastEndsOn`: it starts the
 * next day and lasts `years` years (its last day the day before the anniversary).
 */
export function nextTermDates(
  lastEndsOn: string,
  years: number,
): { label: string; startsOn: string; endsOn: string } {
  const startsOn = dayAfter(lastEndsOn);
  const s = parseDay(startsOn);
  const endsOn = new Date(Date.UTC(s.y + years, s.m - 1, s.d - 1)).toISOString().slice(0, 10);
  const startYear = s.y;
  const endYear = parseDay(endsOn).y;
  return {
    label: startYear === endYear ? String(startYear) : `${startYear}–${endYear}`,
    startsOn,
    endsOn,
  };
}
