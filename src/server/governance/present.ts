import { isVotingPosition, type SeatPosition } from '../../core/governance';
import type { GovernmentRefRow, PersonRefRow, SeatRow, TermRow } from './repository';
import type { GovernmentRef, PersonRef, Seat, TermSummary } from './schemas';
import { parseTexts } from '../db/texts';

export function presentGovernmentRef(row: GovernmentRefRow): GovernmentRef {
  const names: Record<string, string> = {};
  for (const n of row.names) if (n.lang && n.kind === 'name') names[n.lang] = n.name;
  return { id: row.id, slug: row.slug, names, localLang: row.local_lang, country: row.country };
}

export function presentPersonRef(row: PersonRefRow): PersonRef {
  return { id: row.id, fullName: row.full_name, names: parseTexts(row.names) };
}

export function presentTerm(row: TermRow, seatCount: number): TermSummary {
  return {
    id: row.id,
    label: row.label,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    seatCount,
  };
}

export function presentSeat(
  row: SeatRow,
  governments: Map<number, GovernmentRefRow>,
  people: Map<number, PersonRefRow>,
): Seat {
  const government = governments.get(row.government_id);
  const person = row.person_id === null ? undefined : people.get(row.person_id);
  return {
    id: row.id,
    termId: row.term_id,
    government: government
      ? presentGovernmentRef(government)
      : { id: row.government_id, slug: 'unknown', names: {}, localLang: 'en', country: 'ZZ' },
    person: person ? presentPersonRef(person) : null,
    position: row.position as SeatPosition,
    portfolio: row.portfolio,
    voting: isVotingPosition(row.position as SeatPosition),
    sortOrder: row.sort_order,
  };
}

/**
 * The term running on the day; between terms, the one that ended last (its members serve until
 * the next begins); before any term has begun, the first to come.
 */
export function currentTermOf<T extends { starts_on: string; ends_on: string }>(
  terms: T[],
  today: string,
): T | null {
  const running = terms.find((t) => t.starts_on <= today && today <= t.ends_on);
  if (running) return running;
  const past = terms
    .filter((t) => t.starts_on <= today)
    .sort((a, b) => b.starts_on.localeCompare(a.starts_on))[0];
  if (past) return past;
  return [...terms].sort((a, b) => a.starts_on.localeCompare(b.starts_on))[0] ?? null;
}

/**
 * The term a meeting belongs to: the one running on its day; else the next one to start (a
 * newly elected committee often meets before its term begins, as the 2020 East Asia RexCom
 * did for 2021–2024); else the latest.
 */
export function termForMeeting<T extends { starts_on: string; ends_on: string }>(
  terms: T[],
  day: string,
): T | null {
  const running = terms.find((t) => t.starts_on <= day && day <= t.ends_on);
  if (running) return running;
  const upcoming = terms
    .filter((t) => t.starts_on > day)
    .sort((a, b) => a.starts_on.localeCompare(b.starts_on))[0];
  return upcoming ?? currentTermOf(terms, day);
}
