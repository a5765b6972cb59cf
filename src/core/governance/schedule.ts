/**
 * Where and when a meeting sits: the zone a body's meetings default to, whether a move takes a
 * meeting out of its term, and whether starting it now is far ahead of its scheduled time.
 */

/** An office as these rules need it: its region, its kind and its zone (if set). */
export interface ZonedOffice {
  region: string;
  kind: string;
  timeZone: string | null;
}

/**
 * The zone a body's meetings default to: the zone of the secretariat that runs it. A body of a
 * region takes its regional secretariat's, else the first office of the region with a zone (a
 * region served by country offices); a body of the whole network (no region) takes the world
 * secretariat's. Null when no such office has a zone (the form then offers the reader's own).
 */
export function bodyTimeZone(
  offices: readonly ZonedOffice[],
  region: string | null,
): string | null {
  const zoned = offices.filter((o) => o.timeZone);
  const pick =
    region === null
      ? zoned.find((o) => o.kind === 'world-secretariat')
      : (zoned.find((o) => o.region === region && o.kind === 'regional-secretariat') ??
        zoned.find((o) => o.region === region));
  return pick?.timeZone ?? null;
}

/**
 * Where a meeting's new day falls against the term its seats belong to: null when within it (or
 * when the meeting already lay outside it on that side, its term chosen on purpose), 'before'
 * the term's first day or 'after' its last. Days are ISO dates (YYYY-MM-DD).
 */
export function termMove(
  term: { startsOn: string; endsOn: string },
  fromDay: string,
  toDay: string,
): 'before' | 'after' | null {
  const side = (day: string) =>
    day < term.startsOn ? 'before' : day > term.endsOn ? 'after' : null;
  const to = side(toDay);
  if (to === null) return null;
  // A meeting already outside its term (named on purpose, or dated before a term about to
  // begin) may move on that side; it may not cross into the other.
  return side(fromDay) === to ? null : to;
}

/** Starting a meeting more than this many minutes before its scheduled start asks first. */
export const EARLY_START_MINUTES = 24 * 60;

/**
 * How many whole minutes before its scheduled start a meeting would start at `now`, when that
 * is more than `limitMinutes`; null when it is on time, late, or only a little early.
 */
export function earlyStartMinutes(
  startsAt: string,
  now: string,
  limitMinutes = EARLY_START_MINUTES,
): number | null {
  const minutes = Math.floor((Date.parse(startsAt) - Date.parse(now)) / 60_000);
  if (!Number.isFinite(minutes)) return null;
  return minutes > limitMinutes ? minutes : null;
}
