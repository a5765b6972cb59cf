/** Elections to the governing bodies: who may vote, who may stand, and how ballots are counted. */
import type { MembershipCategory, MembershipStatus, PositionTitle } from '../membership';
import type { BodyKind } from './meeting';
import { parseInstant } from './time';

export interface ElectionBallot {
  /** candidate ids */
  choices: number[];
}

export type BallotProblemCode = 'too-many-choices' | 'duplicate-choice' | 'unknown-candidate';

export interface BallotProblem {
  code: BallotProblemCode;
  message: string;
  params?: { limit: number };
}

/** An empty ballot is a valid blank ballot. */
export function checkBallot(
  choices: number[],
  candidateIds: number[],
  seats: number,
): BallotProblem[] {
  const problems: BallotProblem[] = [];
  if (choices.length > seats) {
    problems.push({
      code: 'too-many-choices',
      params: { limit: seats },
      message: `A ballot may mark at most ${seats} candidate${seats === 1 ? '' : 's'}, one per seat.`,
    });
  }
  const known = new Set(candidateIds);
  const seen = new Set<number>();
  const reported = new Set<string>();
  for (const id of choices) {
    if (seen.has(id) && !reported.has(`d${id}`)) {
      reported.add(`d${id}`);
      problems.push({
        code: 'duplicate-choice',
        message: `Candidate ${id} is marked more than once; each candidate may be marked once.`,
      });
    }
    seen.add(id);
    if (!known.has(id) && !reported.has(`u${id}`)) {
      reported.add(`u${id}`);
      problems.push({
        code: 'unknown-candidate',
        message: `Candidate ${id} is not standing in this election.`,
      });
    }
  }
  return problems;
}

export interface CandidateResult {
  candidateId: number;
  votes: number;
  /** competition ranking 1,2,2,4 */
  rank: number;
  elected: boolean;
  /** tied with another candidate across the last seat */
  tied: boolean;
}

export interface ElectionResult {
  seats: number;
  /** every ballot received, invalid ones included */
  ballots: number;
  blankBallots: number;
  /** ballots that fail checkBallot; they are set aside and count for nobody */
  invalidBallots: number;
  /** sorted by votes desc then candidateId */
  candidates: CandidateResult[];
  elected: number[];
  tieAtCutoff: boolean;
  seatsUndecided: number;
}

/**
 * Block vote: each valid ballot gives one vote to each candidate it marks, and the candidates
 * with the most votes fill the seats. A tie across the last seat is not broken here: the tied
 * candidates are left unelected and the seats they compete for stay undecided, for the body's
 * rules (a run-off, lots) to settle.
 */
export function tallyElection(
  candidateIds: number[],
  ballots: ElectionBallot[],
  seats: number,
): ElectionResult {
  if (!Number.isSafeInteger(seats) || seats < 0) {
    throw new RangeError(`Invalid number of seats: ${seats}`);
  }
  const ids = [...new Set(candidateIds)];
  const votes = new Map(ids.map((id) => [id, 0]));
  let blankBallots = 0;
  let invalidBallots = 0;
  for (const ballot of ballots) {
    if (checkBallot(ballot.choices, ids, seats).length > 0) {
      invalidBallots += 1;
      continue;
    }
    if (ballot.choices.length === 0) blankBallots += 1;
    for (const id of ballot.choices) votes.set(id, (votes.get(id) ?? 0) + 1);
  }

  const sorted = ids
    .map((candidateId) => ({ candidateId, votes: votes.get(candidateId) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.candidateId - b.candidateId);

  const fill = Math.min(seats, sorted.length);
  const cutoff = fill > 0 ? (sorted[fill - 1]?.votes ?? 0) : Infinity;
  const above = sorted.filter((c) => c.votes > cutoff).length;
  const atCutoff = sorted.filter((c) => c.votes === cutoff).length;
  const tieAtCutoff = fill > 0 && above + atCutoff > fill;

  const candidates: CandidateResult[] = sorted.map((c) => {
    const rank = 1 + sorted.filter((o) => o.votes > c.votes).length;
    const inTiedGroup = tieAtCutoff && c.votes === cutoff;
    return {
      ...c,
      rank,
      elected: c.votes > cutoff || (c.votes === cutoff && !tieAtCutoff),
      tied: inTiedGroup,
    };
  });
  const elected = candidates.filter((c) => c.elected).map((c) => c.candidateId);

  return {
    seats,
    ballots: ballots.length,
    blankBallots,
    invalidBallots,
    candidates,
    elected,
    tieAtCutoff,
    seatsUndecided: fill - elected.length,
  };
}

export interface MemberStanding {
  governmentId: number;
  category: MembershipCategory;
  status: MembershipStatus;
  regionSlug: string;
}

export interface BodyScope {
  kind: BodyKind;
  regionSlug: string | null;
}

export type VoterIneligibility = 'not-full-member' | 'not-in-good-standing' | 'other-region';

// A new member has paid for its first year: it is in good standing from its first day, as a
// renewed one is (PRODUCT.md: one vote per eligible full member).
const GOOD_STANDING: readonly MembershipStatus[] = ['new', 'current', 'grace'];

/** Every standing rule a member breaks for this body, in a fixed order. */
function standingProblems(member: MemberStanding, body: BodyScope): VoterIneligibility[] {
  const reasons: VoterIneligibility[] = [];
  if (member.category !== 'full-member') reasons.push('not-full-member');
  if (!GOOD_STANDING.includes(member.status)) reasons.push('not-in-good-standing');
  // A regional executive committee answers to its own region; a rexcom without a region has
  // no electorate at all rather than the whole network.
  if (body.kind === 'rexcom' && member.regionSlug !== body.regionSlug) reasons.push('other-region');
  return reasons;
}

export function voterEligibility(
  member: MemberStanding,
  body: BodyScope,
): { eligible: true } | { eligible: false; reason: VoterIneligibility } {
  const [reason] = standingProblems(member, body);
  return reason ? { eligible: false, reason } : { eligible: true };
}

export const POLITICAL_LEADER_TITLES: readonly PositionTitle[] = [
  'mayor',
  'acting-mayor',
  'vice-mayor',
  'deputy-mayor',
];

export type CandidateIneligibility =
  | VoterIneligibility
  | 'no-political-leader'
  | 'leader-not-in-office'
  | 'code-of-honour-not-accepted'
  | 'endorsement-missing';

export interface CandidateInput {
  member: MemberStanding;
  body: BodyScope;
  leader: { title: string; startDate: string | null; endDate: string | null } | null;
  /** YYYY-MM-DD */
  asOf: string;
  codeOfHonourAccepted: boolean;
  hasEndorsement: boolean;
}

/** Dates compare as text once cut to YYYY-MM-DD, which keeps time zones out of it. */
function day(date: string): string {
  return date.slice(0, 10);
}

/**
 * A government stands through its political leader, so the leader must hold a political title
 * on the day. An unknown start date is taken as "in office since before records began".
 * Every reason is listed so the nomination form can show all of them at once.
 */
export function candidateEligibility(input: CandidateInput): {
  eligible: boolean;
  reasons: CandidateIneligibility[];
} {
  const reasons: CandidateIneligibility[] = standingProblems(input.member, input.body);
  const { leader } = input;
  const asOf = day(input.asOf);
  if (!leader || !(POLITICAL_LEADER_TITLES as readonly string[]).includes(leader.title)) {
    reasons.push('no-political-leader');
  } else {
    const started = leader.startDate === null || day(leader.startDate) <= asOf;
    const notEnded = leader.endDate === null || day(leader.endDate) >= asOf;
    if (!started || !notEnded) reasons.push('leader-not-in-office');
  }
  if (!input.codeOfHonourAccepted) reasons.push('code-of-honour-not-accepted');
  if (!input.hasEndorsement) reasons.push('endorsement-missing');
  return { eligible: reasons.length === 0, reasons };
}

export type ElectionPhase = 'upcoming' | 'nominations' | 'between' | 'voting' | 'closed';

export interface ElectionWindows {
  nominationsOpen: string;
  nominationsClose: string;
  votingOpen: string;
  votingClose: string;
}

/** Each window includes its opening instant and excludes its closing one. */
export function electionPhase(windows: ElectionWindows, now: string): ElectionPhase {
  const t = parseInstant(now);
  if (t < parseInstant(windows.nominationsOpen)) return 'upcoming';
  if (t < parseInstant(windows.nominationsClose)) return 'nominations';
  if (t < parseInstant(windows.votingOpen)) return 'between';
  if (t < parseInstant(windows.votingClose)) return 'voting';
  return 'closed';
}

export interface ElectionWindowProblem {
  field: keyof ElectionWindows;
  code:
    | 'not-a-date-time'
    | 'nominations-close-before-open'
    | 'voting-close-before-open'
    | 'voting-before-nominations-close';
  message: string;
}

export function checkElectionWindows(w: ElectionWindows): ElectionWindowProblem[] {
  const problems: ElectionWindowProblem[] = [];
  const fields = ['nominationsOpen', 'nominationsClose', 'votingOpen', 'votingClose'] as const;
  const ms: Partial<Record<keyof ElectionWindows, number>> = {};
  for (const field of fields) {
    try {
      ms[field] = parseInstant(w[field]);
    } catch {
      problems.push({
        field,
        code: 'not-a-date-time',
        message: 'This must be a date and time with its time zone.',
      });
    }
  }
  const { nominationsOpen, nominationsClose, votingOpen, votingClose } = ms;
  if (nominationsOpen !== undefined && nominationsClose !== undefined) {
    if (nominationsClose <= nominationsOpen) {
      problems.push({
        field: 'nominationsClose',
        code: 'nominations-close-before-open',
        message: 'Nominations must close after they open.',
      });
    }
  }
  if (votingOpen !== undefined && votingClose !== undefined && votingClose <= votingOpen) {
    problems.push({
      field: 'votingClose',
      code: 'voting-close-before-open',
      message: 'Voting must close after it opens.',
    });
  }
  if (nominationsClose !== undefined && votingOpen !== undefined && votingOpen < nominationsClose) {
    problems.push({
      field: 'votingOpen',
      code: 'voting-before-nominations-close',
      message: 'Voting may open only once nominations have closed.',
    });
  }
  return problems;
}

/** A candidate stands once nominated, until withdrawn. */
export const CANDIDATE_STATUSES = ['nominated', 'withdrawn'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
