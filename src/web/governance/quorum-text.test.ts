import { describe, expect, it } from 'vitest';
import { quorumExample, quorumRulePhrases, quorumState } from './quorum-text';
import type { Quorum } from './types';

const majority = { numerator: 1, denominator: 2, strict: true, proxiesCount: true };

describe('quorumRulePhrases', () => {
  it('words the default rule as more than half, proxies counting', () => {
    expect(quorumRulePhrases(majority)).toEqual([
      { key: 'rules.quorumMoreThan', values: { fraction: '1/2' } },
      { key: 'rules.proxiesCount' },
    ]);
  });

  it('words an "at least" rule and proxies that do not count', () => {
    expect(
      quorumRulePhrases({ numerator: 2, denominator: 3, strict: false, proxiesCount: false }),
    ).toEqual([
      { key: 'rules.quorumAtLeast', values: { fraction: '2/3' } },
      { key: 'rules.proxiesDoNotCount' },
    ]);
  });

  it('says "all" rather than "at least 1/1"', () => {
    expect(
      quorumRulePhrases({ numerator: 1, denominator: 1, strict: false, proxiesCount: true })[0],
    ).toEqual({ key: 'rules.quorumAll' });
  });
});

describe('quorumExample', () => {
  it('counts the seats that must be present', () => {
    expect(quorumExample(majority, 6)).toEqual({
      key: 'rules.quorumExample',
      values: { seats: 6, required: 4 },
    });
    expect(quorumExample(majority, 7)?.values?.required).toBe(4);
    expect(
      quorumExample({ ...majority, numerator: 2, denominator: 3, strict: false }, 6)?.values
        ?.required,
    ).toBe(4);
  });

  it('has nothing to say without voting seats or for an impossible rule', () => {
    expect(quorumExample(majority, 0)).toBeNull();
    expect(quorumExample({ ...majority, numerator: 2, denominator: 2 }, 6)).toBeNull();
  });
});

describe('quorumState', () => {
  const base: Quorum = {
    votingSeats: 6,
    required: 4,
    present: 3,
    reached: false,
    counted: [1, 2, 3],
    notCounted: [],
    rule: majority,
  };

  it('says how many are missing while quorum is not reached', () => {
    expect(quorumState(base)).toEqual({
      reached: false,
      phrase: { key: 'quorum.notReached', values: { present: 3, required: 4, seats: 6 } },
      missing: 1,
    });
  });

  it('reports a reached quorum with nothing missing', () => {
    const state = quorumState({ ...base, present: 5, reached: true });
    expect(state.reached).toBe(true);
    expect(state.phrase.key).toBe('quorum.reached');
    expect(state.missing).toBe(0);
  });
});
