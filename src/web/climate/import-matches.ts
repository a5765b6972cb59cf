/**
 * The matches an import run was not sure of (GET /imports/{id}/matches) and a person's choice
 * on each, as the preview's select offers it: the run's own outcome, one of the candidates, a
 * new prospect, or leaving the rows out.
 */

export type MatchStatus = 'likely' | 'several' | 'other-key';
export type MatchDecision = 'accept' | 'create' | 'skip';

export interface MatchGovernment {
  slug: string;
  name: string;
  exists: boolean;
}

export interface ImportMatch {
  id: number;
  row: number;
  names: string[];
  country: string | null;
  status: MatchStatus;
  applied: MatchGovernment | null;
  candidates: MatchGovernment[];
  decision: MatchDecision | null;
  government: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** A choice as the select holds it: '' (none), 'create', 'skip' or 'accept:<slug>'. */
export type Choice = '' | 'create' | 'skip' | `accept:${string}`;

export function choiceOf(match: Pick<ImportMatch, 'decision' | 'government'>): Choice {
  if (match.decision === 'accept') return `accept:${match.government ?? ''}`;
  return match.decision ?? '';
}

/** The body of the PUT that records a choice. */
export function decisionFor(choice: Choice): {
  decision: MatchDecision | null;
  government: string | null;
} {
  if (choice.startsWith('accept:')) {
    return { decision: 'accept', government: choice.slice('accept:'.length) };
  }
  return { decision: choice === '' ? null : (choice as 'create' | 'skip'), government: null };
}

/** What a person may choose for a match: each candidate, a new prospect, or no import. */
export function choicesFor(match: Pick<ImportMatch, 'candidates' | 'government'>): Choice[] {
  const slugs = match.candidates.filter((c) => c.exists).map((c) => c.slug);
  // A government chosen before stays offered even if it is not a candidate.
  if (match.government && !slugs.includes(match.government)) slugs.push(match.government);
  return ['', ...slugs.map((slug): Choice => `accept:${slug}`), 'create', 'skip'];
}
