/**
 * Nominating a member's government: a government stands through its political leader, so the
 * person list puts the people holding a political title there today first. The form's own
 * checks mirror the server's (a leader chosen, the code of honour accepted).
 */
import { POLITICAL_LEADER_TITLES } from '../../core/governance/election';
import type { Person } from '../types';
import type { CandidateCreate } from './types';

export interface LeaderOption {
  person: Person;
  /** Titles held at the government on the day, political ones first. */
  titles: string[];
  political: boolean;
}

const STATEMENT_MAX = 200;

function heldOn(position: Person['positions'][number], today: string): boolean {
  const started = position.startDate === null || position.startDate.slice(0, 10) <= today;
  const notEnded = position.endDate === null || position.endDate.slice(0, 10) >= today;
  return started && notEnded;
}

function titleOrder(title: string): number {
  const index = (POLITICAL_LEADER_TITLES as readonly string[]).indexOf(title);
  return index === -1 ? POLITICAL_LEADER_TITLES.length : index;
}

/** The people who hold a position at the government today, political leaders first. */
export function leaderOptions(
  people: readonly Person[],
  governmentId: number,
  today: string,
): LeaderOption[] {
  const options: LeaderOption[] = [];
  for (const person of people) {
    const titles = person.positions
      .filter((p) => p.government?.id === governmentId && heldOn(p, today))
      .map((p) => p.title as string)
      .sort((a, b) => titleOrder(a) - titleOrder(b));
    if (titles.length === 0) continue;
    const political = titles.some((t) =>
      (POLITICAL_LEADER_TITLES as readonly string[]).includes(t),
    );
    options.push({ person, titles, political });
  }
  return options.sort(
    (a, b) =>
      Number(b.political) - Number(a.political) ||
      titleOrder(a.titles[0] ?? '') - titleOrder(b.titles[0] ?? '') ||
      a.person.fullName.localeCompare(b.person.fullName),
  );
}

export const NOMINATION_PROBLEM_CODES = [
  'chooseGovernment',
  'chooseLeader',
  'codeOfHonour',
  'statementTooLong',
] as const;
export type NominationProblemCode = (typeof NOMINATION_PROBLEM_CODES)[number];

export interface NominationValues {
  governmentId: number | null;
  personId: string;
  statement: string;
  /** The language the statement is written in. */
  lang: string;
  codeOfHonour: boolean;
}

export function nominationBody(values: NominationValues): {
  body: CandidateCreate;
  problems: { pointer: string; code: NominationProblemCode }[];
} {
  const problems: { pointer: string; code: NominationProblemCode }[] = [];
  if (values.governmentId === null)
    problems.push({ pointer: '/governmentId', code: 'chooseGovernment' });
  const personId = Number(values.personId);
  if (values.personId === '' || !Number.isSafeInteger(personId) || personId < 1) {
    problems.push({ pointer: '/personId', code: 'chooseLeader' });
  }
  const statement = values.statement.trim();
  if (statement.length > STATEMENT_MAX)
    problems.push({ pointer: '/statement', code: 'statementTooLong' });
  if (!values.codeOfHonour)
    problems.push({ pointer: '/codeOfHonourAccepted', code: 'codeOfHonour' });
  return {
    body: {
      governmentId: values.governmentId ?? 0,
      personId: Number.isSafeInteger(personId) ? personId : 0,
      ...(statement !== '' ? { statement: { [values.lang]: statement } } : {}),
      codeOfHonourAccepted: values.codeOfHonour,
    },
    problems,
  };
}

/** The government's candidacy still standing in the election, if it has one. */
export function standingCandidacy<C extends { government: { id: number }; status: string }>(
  candidates: readonly C[],
  governmentId: number,
): C | null {
  return (
    candidates.find((c) => c.government.id === governmentId && c.status === 'nominated') ?? null
  );
}
