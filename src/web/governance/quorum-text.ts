/**
 * The rules of a body and the state of a meeting's quorum, as phrases for the catalog:
 * a key and its values, so every language words them in its own order.
 */
import { requiredForQuorum } from '../../core/governance/quorum';
import type { Quorum, QuorumRule } from './types';

export interface Phrase {
  key: string;
  values?: Record<string, string | number>;
}

/** "more than 1/2 of the voting seats" / "at least 2/3 …" / "all …", then what proxies do. */
export function quorumRulePhrases(rule: QuorumRule): Phrase[] {
  const fraction = `${rule.numerator}/${rule.denominator}`;
  const threshold: Phrase =
    !rule.strict && rule.numerator === rule.denominator
      ? { key: 'rules.quorumAll' }
      : { key: rule.strict ? 'rules.quorumMoreThan' : 'rules.quorumAtLeast', values: { fraction } };
  return [threshold, { key: rule.proxiesCount ? 'rules.proxiesCount' : 'rules.proxiesDoNotCount' }];
}

/** "With 6 voting seats, 4 must be present", or null for a rule that cannot be applied. */
export function quorumExample(rule: QuorumRule, votingSeats: number): Phrase | null {
  if (votingSeats < 1) return null;
  try {
    const required = requiredForQuorum(rule, votingSeats);
    return { key: 'rules.quorumExample', values: { seats: votingSeats, required } };
  } catch {
    return null;
  }
}

export interface QuorumState {
  reached: boolean;
  /** "Quorum reached: 5 of 6 voting seats present, 4 required" */
  phrase: Phrase;
  /** How many more voting seats must come before the meeting may decide; 0 once reached. */
  missing: number;
}

export function quorumState(quorum: Quorum): QuorumState {
  const values = {
    present: quorum.present,
    required: quorum.required,
    seats: quorum.votingSeats,
  };
  return {
    reached: quorum.reached,
    phrase: { key: quorum.reached ? 'quorum.reached' : 'quorum.notReached', values },
    missing: Math.max(0, quorum.required - quorum.present),
  };
}
