/**
 * The rules of the ballot form. A member may tick at most one candidate per seat, and may
 * tick none (a blank ballot); the form stops the extra tick instead of refusing the ballot.
 */
import type { Candidate } from './types';

/** The candidates on the ballot: nominated and eligible, in the order the election lists them. */
export function ballotCandidates(candidates: readonly Candidate[]): Candidate[] {
  return candidates.filter((c) => c.status === 'nominated' && c.ineligibility.length === 0);
}

/** The choices after ticking or unticking a candidate; a tick beyond the seats changes nothing. */
export function toggleChoice(selected: readonly number[], id: number, seats: number): number[] {
  if (selected.includes(id)) return selected.filter((other) => other !== id);
  if (selected.length >= seats) return [...selected];
  return [...selected, id];
}

export function remainingChoices(selected: readonly number[], seats: number): number {
  return Math.max(0, seats - selected.length);
}

/** A box that cannot be ticked any more because every seat already has a choice. */
export function isChoiceDisabled(selected: readonly number[], id: number, seats: number): boolean {
  return !selected.includes(id) && selected.length >= seats;
}

/** The ticked candidates in ballot order, for the confirmation step. */
export function chosenCandidates(
  selected: readonly number[],
  candidates: readonly Candidate[],
): Candidate[] {
  return candidates.filter((c) => selected.includes(c.id));
}

/** The request body: the choices in ballot order, each once. */
export function ballotBody(
  selected: readonly number[],
  candidates: readonly Candidate[],
): { choices: number[] } {
  return { choices: chosenCandidates(selected, candidates).map((c) => c.id) };
}
