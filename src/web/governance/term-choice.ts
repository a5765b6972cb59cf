/**
 * Which term of a body a new meeting belongs to. The form lets the secretariat name the term;
 * left to the default, the server picks it from the meeting's day, and the form says which
 * term that will be by reading the day the same way the server does.
 */
import { isTimeZone, zonedTimeToUtc } from '../../core/governance/time';

export interface TermDates {
  id: number;
  startsOn: string;
  endsOn: string;
}

/**
 * The day the server files the meeting under: the UTC date of its start (a morning meeting in
 * Asia can fall on the day before in UTC). Null while the start or the zone is incomplete.
 */
export function meetingDay(localStart: string, timeZone: string): string | null {
  const zone = timeZone.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(localStart.trim()) || !isTimeZone(zone)) return null;
  try {
    return zonedTimeToUtc(localStart.trim(), zone).slice(0, 10);
  } catch {
    return null;
  }
}

/**
 * The term the server chooses for a meeting on `day`: the one running that day; else the next
 * to begin (a newly elected committee often meets before its term starts); else the one that
 * ended last; else none.
 */
export function defaultTermFor<T extends TermDates>(terms: readonly T[], day: string): T | null {
  const running = terms.find((t) => t.startsOn <= day && day <= t.endsOn);
  if (running) return running;
  const byStart = [...terms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const upcoming = byStart.find((t) => t.startsOn > day);
  if (upcoming) return upcoming;
  return byStart.filter((t) => t.startsOn <= day).pop() ?? null;
}

/**
 * The term a meeting on `day` would fall to by default when every term ended before it: the
 * server refuses such a meeting (code 'no-current-term') unless a term is named. Null when a
 * term runs on that day or is still to begin, or when the body has no term at all.
 */
export function endedTermFor<T extends TermDates>(terms: readonly T[], day: string): T | null {
  const term = defaultTermFor(terms, day);
  return term && term.endsOn < day ? term : null;
}

/** Newest first, the order a secretariat looks for the term in. */
export function termsNewestFirst<T extends TermDates>(terms: readonly T[]): T[] {
  return [...terms].sort((a, b) => b.startsOn.localeCompare(a.startsOn) || b.id - a.id);
}

/** The select's value for a term id ('' is the default: chosen from the date). */
export function termIdFromSelect(value: string): number | null {
  return /^[1-9]\d*$/.test(value) ? Number(value) : null;
}
