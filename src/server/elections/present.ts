import type { ElectionResult as Tally, ElectionWindows } from '../../core/governance';
import { textFor } from '../../core/names';
import { parseTexts } from '../db/texts';
import type { CandidateRow, ElectionRow, GovernmentRow, TermRow } from './repository';
import type { Candidate, ElectionResult, ElectionSummary } from './schemas';

type Names = Record<string, string>;
export type GovernmentRef = Candidate['government'];

/** The name or title in English (for the audit log), by the one rule; else the fallback. */
export const englishOr = (names: Names, fallback: string) => textFor(names, 'en') || fallback;

export const electionName = (row: ElectionRow) =>
  englishOr(parseTexts(row.title, { table: 'elections', id: row.id }), `election ${row.id}`);

export function windowsOf(row: ElectionRow): ElectionWindows {
  return {
    nominationsOpen: row.nominations_open,
    nominationsClose: row.nominations_close,
    votingOpen: row.voting_open,
    votingClose: row.voting_close,
  };
}

export function presentGovernmentRef(g: GovernmentRow, names: Names | undefined): GovernmentRef {
  return {
    id: g.id,
    slug: g.slug,
    names: names ?? {},
    localLang: g.local_lang,
    country: g.country,
  };
}

/** An election in lists: its settings, windows, phase and the term it filled. */
export function presentSummary(
  r: ElectionRow,
  phase: ElectionSummary['phase'],
  term: TermRow | undefined,
): ElectionSummary {
  return {
    id: r.id,
    body: {
      slug: r.body_slug,
      names: parseTexts(r.body_names, { table: 'bodies', id: r.body_id }),
    },
    title: parseTexts(r.title, { table: 'elections', id: r.id }),
    seats: r.seats,
    termLabel: r.term_label,
    termStartsOn: r.term_starts_on,
    termEndsOn: r.term_ends_on,
    ...windowsOf(r),
    phase,
    filledTerm: term
      ? {
          id: term.id,
          label: term.label,
          startsOn: term.starts_on,
          endsOn: term.ends_on,
          seatCount: term.seat_count,
        }
      : null,
    version: r.version,
  };
}

/** A candidacy; the endorsement's address only for those who may read it. */
export function presentCandidate(
  row: CandidateRow,
  government: GovernmentRef,
  assessment: { title: string | null; reasons: Candidate['ineligibility'] },
  mayReadEndorsement: boolean,
): Candidate {
  const hasEndorsement = row.endorsement_key !== null;
  return {
    id: row.id,
    government,
    person: {
      id: row.person_id,
      fullName: row.person_full_name,
      names: parseTexts(row.person_names, { table: 'people', id: row.person_id }),
    },
    title: assessment.title,
    statement: parseTexts(row.statement, { table: 'candidates', id: row.id }),
    hasEndorsement,
    endorsementUrl:
      hasEndorsement && mayReadEndorsement ? `/api/v1/candidates/${row.id}/endorsement` : null,
    codeOfHonourAcceptedAt: row.code_of_honour_accepted_at,
    status: row.status,
    ineligibility: assessment.reasons,
  };
}

export function presentResult(result: Tally, countedAt: string): ElectionResult {
  return {
    seats: result.seats,
    ballots: result.ballots,
    blankBallots: result.blankBallots,
    invalidBallots: result.invalidBallots,
    candidates: result.candidates,
    elected: result.elected,
    tieAtCutoff: result.tieAtCutoff,
    seatsUndecided: result.seatsUndecided,
    countedAt,
  };
}

/** What the audit log keeps of an election: its settings, never anything about the votes. */
export function auditView(row: ElectionRow) {
  return {
    body: row.body_slug,
    title: parseTexts(row.title, { table: 'elections', id: row.id }),
    seats: row.seats,
    termLabel: row.term_label,
    termStartsOn: row.term_starts_on,
    termEndsOn: row.term_ends_on,
    ...windowsOf(row),
  };
}
