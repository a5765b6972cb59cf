/**
 * Quorum: how many voting seats must be present before a body may decide anything.
 * All arithmetic is on integers so that "two thirds of six" is exactly four.
 */

export interface QuorumRule {
  numerator: number;
  denominator: number;
  /** true: more than the fraction ("majority" = more than 1/2); false: at least */
  strict: boolean;
  /** whether a government present only through a proxy counts */
  proxiesCount: boolean;
}

export const DEFAULT_QUORUM: QuorumRule = {
  numerator: 1,
  denominator: 2,
  strict: true,
  proxiesCount: true,
};

export interface SeatForQuorum {
  seatId: number;
  governmentId: number;
  /** false for advisory seats */
  voting: boolean;
}

export type Capacity = 'own-right' | 'proxy' | 'adviser';

export interface Presence {
  governmentId: number;
  capacity: Capacity;
  present: boolean;
}

export type NotCountedReason = 'absent' | 'proxy-not-counted' | 'advisory' | 'adviser-only';

export interface QuorumResult {
  votingSeats: number;
  required: number;
  present: number;
  reached: boolean;
  /** governmentIds counted, sorted */
  counted: number[];
  notCounted: { governmentId: number; reason: NotCountedReason }[];
}

export interface QuorumRuleProblem {
  field: 'numerator' | 'denominator';
  code: 'quorum-not-whole' | 'quorum-above-all' | 'quorum-unreachable';
  message: string;
}

export function validateQuorumRule(rule: QuorumRule): QuorumRuleProblem[] {
  const problems: QuorumRuleProblem[] = [];
  const { numerator, denominator } = rule;
  const numeratorOk = Number.isSafeInteger(numerator) && numerator >= 1;
  const denominatorOk = Number.isSafeInteger(denominator) && denominator >= 1;
  if (!numeratorOk) {
    problems.push({
      field: 'numerator',
      code: 'quorum-not-whole',
      message: 'The numerator must be a whole number of 1 or more.',
    });
  }
  if (!denominatorOk) {
    problems.push({
      field: 'denominator',
      code: 'quorum-not-whole',
      message: 'The denominator must be a whole number of 1 or more.',
    });
  }
  if (numeratorOk && denominatorOk) {
    if (numerator > denominator) {
      problems.push({
        field: 'numerator',
        code: 'quorum-above-all',
        message: 'A quorum cannot be more than all of the voting seats.',
      });
    } else if (rule.strict && numerator === denominator) {
      // "More than all of the seats" can never be reached, so it is a mistake, not a rule.
      problems.push({
        field: 'numerator',
        code: 'quorum-unreachable',
        message: 'A quorum of more than all of the voting seats can never be reached.',
      });
    }
  }
  return problems;
}

/** floor(a / b) for a ≥ 0 and b ≥ 1 without trusting floating-point division. */
function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

function ceilDiv(a: number, b: number): number {
  return a % b === 0 ? a / b : floorDiv(a, b) + 1;
}

/**
 * Seats that must be present. Throws RangeError for a rule that validateQuorumRule rejects or
 * a seat count that is not a whole number, because a wrong quorum silently validates decisions.
 */
export function requiredForQuorum(rule: QuorumRule, votingSeats: number): number {
  const problems = validateQuorumRule(rule);
  if (problems.length > 0) {
    throw new RangeError(`Invalid quorum rule: ${problems.map((p) => p.message).join(' ')}`);
  }
  if (!Number.isSafeInteger(votingSeats) || votingSeats < 0) {
    throw new RangeError(`Invalid number of voting seats: ${votingSeats}`);
  }
  // A body without voting seats can never decide, so its quorum is out of reach.
  if (votingSeats === 0) return 1;
  const product = votingSeats * rule.numerator;
  return rule.strict ? floorDiv(product, rule.denominator) + 1 : ceilDiv(product, rule.denominator);
}

/**
 * A voting seat is present when its government attends in its own right, or through a present
 * proxy when the rule lets proxies count. Seats, not governments, are the unit of the count, so
 * a government holding two voting seats fills both.
 */
export function quorumOf(
  rule: QuorumRule,
  seats: SeatForQuorum[],
  presence: Presence[],
): QuorumResult {
  const votingGovernments = new Set<number>();
  const advisoryGovernments = new Set<number>();
  for (const seat of seats) {
    if (seat.voting) votingGovernments.add(seat.governmentId);
    else advisoryGovernments.add(seat.governmentId);
  }

  const capacities = new Map<number, Set<Capacity>>();
  for (const record of presence) {
    // "A proxy counts only when present": an absent record of any kind proves nothing.
    if (!record.present) continue;
    const set = capacities.get(record.governmentId) ?? new Set<Capacity>();
    set.add(record.capacity);
    capacities.set(record.governmentId, set);
  }

  const counts = (governmentId: number): boolean => {
    const set = capacities.get(governmentId);
    if (!set) return false;
    return set.has('own-right') || (rule.proxiesCount && set.has('proxy'));
  };

  const votingSeatList = seats.filter((s) => s.voting);
  const present = votingSeatList.filter((s) => counts(s.governmentId)).length;
  const required = requiredForQuorum(rule, votingSeatList.length);

  const counted: number[] = [];
  const notCounted: QuorumResult['notCounted'] = [];
  for (const governmentId of [...votingGovernments].sort((a, b) => a - b)) {
    if (counts(governmentId)) {
      counted.push(governmentId);
      continue;
    }
    const set = capacities.get(governmentId);
    if (!set) notCounted.push({ governmentId, reason: 'absent' });
    else if (set.has('proxy')) notCounted.push({ governmentId, reason: 'proxy-not-counted' });
    else notCounted.push({ governmentId, reason: 'adviser-only' });
  }
  for (const governmentId of advisoryGovernments) {
    if (votingGovernments.has(governmentId)) continue;
    if (capacities.has(governmentId)) notCounted.push({ governmentId, reason: 'advisory' });
  }
  notCounted.sort((a, b) => a.governmentId - b.governmentId);

  return {
    votingSeats: votingSeatList.length,
    required,
    present,
    reached: present >= required,
    counted,
    notCounted,
  };
}
