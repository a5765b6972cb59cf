import { describe, expect, it } from 'vitest';
import {
  ballotBody,
  ballotCandidates,
  chosenCandidates,
  isChoiceDisabled,
  remainingChoices,
  toggleChoice,
} from './ballot';
import { candidate } from './fixtures.test-helpers';

describe('ballotCandidates', () => {
  it('keeps nominated, eligible candidates in their order', () => {
    const list = [
      candidate(1),
      candidate(2, { status: 'withdrawn' }),
      candidate(3, { ineligibility: ['endorsement-missing'] }),
      candidate(4),
    ];
    expect(ballotCandidates(list).map((c) => c.id)).toEqual([1, 4]);
  });
});

describe('toggleChoice', () => {
  it('ticks a candidate while seats remain', () => {
    expect(toggleChoice([], 5, 2)).toEqual([5]);
    expect(toggleChoice([5], 7, 2)).toEqual([5, 7]);
  });

  it('refuses a tick beyond the number of seats', () => {
    expect(toggleChoice([5, 7], 9, 2)).toEqual([5, 7]);
  });

  it('unticks a ticked candidate, even when the ballot is full', () => {
    expect(toggleChoice([5, 7], 5, 2)).toEqual([7]);
  });
});

describe('remainingChoices and isChoiceDisabled', () => {
  it('count down to zero and then lock the unticked boxes only', () => {
    expect(remainingChoices([], 3)).toBe(3);
    expect(remainingChoices([1, 2], 3)).toBe(1);
    expect(remainingChoices([1, 2, 3], 3)).toBe(0);
    expect(isChoiceDisabled([1, 2, 3], 4, 3)).toBe(true);
    expect(isChoiceDisabled([1, 2, 3], 2, 3)).toBe(false);
    expect(isChoiceDisabled([1], 4, 3)).toBe(false);
  });
});

describe('ballotBody', () => {
  it('sends the choices in ballot order whatever order they were ticked in', () => {
    const list = [candidate(1), candidate(2), candidate(3)];
    expect(ballotBody([3, 1], list)).toEqual({ choices: [1, 3] });
    expect(chosenCandidates([3, 1], list).map((c) => c.id)).toEqual([1, 3]);
  });

  it('sends an empty list for a blank ballot', () => {
    expect(ballotBody([], [candidate(1)])).toEqual({ choices: [] });
  });
});
