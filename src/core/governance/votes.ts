/** Motions: who may vote, how the votes are counted, and what it takes to carry. */
import type { SeatForQuorum } from './quorum';

export type VoteChoice = 'for' | 'against' | 'abstain' | 'absent';
export const VOTE_CHOICES = [
  'for',
  'against',
  'abstain',
  'absent',
] as const satisfies readonly VoteChoice[];
export type MajorityRule = 'simple' | 'absolute' | 'two-thirds';
export const MAJORITY_RULES = [
  'simple',
  'absolute',
  'two-thirds',
] as const satisfies readonly MajorityRule[];
export type MotionKind = 'substantive' | 'adjournment';
/** A motion is open until it is decided (carried or failed) or withdrawn. */
export type MotionStatus = 'open' | 'carried' | 'failed' | 'withdrawn';
export const MOTION_STATUSES = [
  'open',
  'carried',
  'failed',
  'withdrawn',
] as const satisfies readonly MotionStatus[];

export interface Vote {
  seatId: number;
  choice: VoteChoice;
}

export interface MotionTally {
  for: number;
  against: number;
  abstain: number;
  absent: number;
  votingSeats: number;
  required: number;
  carried: boolean;
}

/**
 * 'simple': more for than against; 'absolute': more than half of all voting seats are for;
 * 'two-thirds': at least two thirds of the votes cast (for + against) are for, and at least one.
 */
export function tallyMotion(rule: MajorityRule, votes: Vote[], votingSeats: number): MotionTally {
  const counts = { for: 0, against: 0, abstain: 0, absent: 0 };
  for (const vote of votes) counts[vote.choice] += 1;
  let required: number;
  switch (rule) {
    case 'simple':
      required = counts.against + 1;
      break;
    case 'absolute':
      required = Math.floor(votingSeats / 2) + 1;
      break;
    case 'two-thirds':
      // 3f ≥ 2(f + a) ⇔ f ≥ 2a, and a motion nobody supports never carries.
      required = Math.max(1, 2 * counts.against);
      break;
  }
  return { ...counts, votingSeats, required, carried: counts.for >= required };
}

/** Without quorum the only thing a meeting may decide is to adjourn. */
export function canDecide(
  kind: MotionKind,
  quorum: { reached: boolean },
): { allowed: true } | { allowed: false; reason: 'no-quorum' } {
  if (kind === 'adjournment' || quorum.reached) return { allowed: true };
  return { allowed: false, reason: 'no-quorum' };
}

export type VoteProblemCode =
  | 'unknown-seat'
  | 'advisory-seat'
  | 'duplicate-vote'
  | 'absent-seat-voted'
  | 'present-seat-marked-absent';

export interface VoteProblem {
  code: VoteProblemCode;
  seatId: number;
  message: string;
}

/** One problem at most per vote, in the order of the votes; a repeated vote is the one flagged. */
export function checkVotes(
  seats: SeatForQuorum[],
  presentGovernmentIds: number[],
  votes: Vote[],
): VoteProblem[] {
  const seatById = new Map(seats.map((s) => [s.seatId, s]));
  const present = new Set(presentGovernmentIds);
  const seen = new Set<number>();
  const problems: VoteProblem[] = [];
  for (const { seatId, choice } of votes) {
    const report = (code: VoteProblemCode, message: string) =>
      problems.push({ code, seatId, message });
    const seat = seatById.get(seatId);
    if (!seat) {
      report('unknown-seat', `Seat ${seatId} is not a seat of this body.`);
      continue;
    }
    if (!seat.voting) {
      report('advisory-seat', `Seat ${seatId} is an advisory seat, which sits without a vote.`);
      continue;
    }
    if (seen.has(seatId)) {
      report('duplicate-vote', `Seat ${seatId} has already voted; each seat votes once.`);
      continue;
    }
    seen.add(seatId);
    const isPresent = present.has(seat.governmentId);
    if (!isPresent && choice !== 'absent') {
      report('absent-seat-voted', `Seat ${seatId} is absent, so it cannot cast a vote.`);
    } else if (isPresent && choice === 'absent') {
      report(
        'present-seat-marked-absent',
        `Seat ${seatId} is present; a present seat votes for or against, or abstains.`,
      );
    }
  }
  return problems;
}

/** The starting sheet: every voting seat, 'absent' unless its government is present. */
export function defaultVotes(seats: SeatForQuorum[], presentGovernmentIds: number[]): Vote[] {
  const present = new Set(presentGovernmentIds);
  return seats
    .filter((s) => s.voting)
    .map((s) => ({ seatId: s.seatId, choice: present.has(s.governmentId) ? 'abstain' : 'absent' }));
}
