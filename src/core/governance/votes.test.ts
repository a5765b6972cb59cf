import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SeatForQuorum } from './quorum';
import {
  canDecide,
  checkVotes,
  defaultVotes,
  MAJORITY_RULES,
  tallyMotion,
  VOTE_CHOICES,
  type Vote,
  type VoteChoice,
} from './votes';

function votes(...choices: VoteChoice[]): Vote[] {
  return choices.map((choice, i) => ({ seatId: i + 1, choice }));
}

describe('tallyMotion', () => {
  it('carries a simple majority on more for than against, ignoring abstentions', () => {
    // 3 for, 2 against, 4 abstain, 1 absent: required = 2+1 = 3, 3 ≥ 3 → carried.
    const v = votes(
      'for',
      'for',
      'for',
      'against',
      'against',
      'abstain',
      'abstain',
      'abstain',
      'abstain',
      'absent',
    );
    expect(tallyMotion('simple', v, 10)).toEqual({
      for: 3,
      against: 2,
      abstain: 4,
      absent: 1,
      votingSeats: 10,
      required: 3,
      carried: true,
    });
    // A tie fails: 2 for, 2 against → required 3.
    expect(tallyMotion('simple', votes('for', 'for', 'against', 'against'), 4).carried).toBe(false);
    // Nobody votes: 0 for, 0 against → required 1, fails.
    expect(tallyMotion('simple', votes('abstain'), 1)).toMatchObject({
      required: 1,
      carried: false,
    });
  });

  it('needs more than half of all voting seats for an absolute majority', () => {
    // 10 seats → floor(10/2)+1 = 6; 5 for is not enough even with nobody against.
    expect(tallyMotion('absolute', votes('for', 'for', 'for', 'for', 'for'), 10)).toMatchObject({
      required: 6,
      carried: false,
    });
    // 9 seats → floor(4.5)+1 = 5; 5 for carries.
    expect(tallyMotion('absolute', votes('for', 'for', 'for', 'for', 'for'), 9)).toMatchObject({
      required: 5,
      carried: true,
    });
  });

  it('needs two thirds of the votes cast for a qualified majority', () => {
    // 4 for, 2 against: 3·4 = 12 ≥ 2·6 = 12 → carried; required = 2·2 = 4.
    const exact = votes('for', 'for', 'for', 'for', 'against', 'against', 'abstain');
    expect(tallyMotion('two-thirds', exact, 7)).toMatchObject({ required: 4, carried: true });
    // 3 for, 2 against: 9 < 10 → fails; required 4.
    const short = votes('for', 'for', 'for', 'against', 'against');
    expect(tallyMotion('two-thirds', short, 5)).toMatchObject({ required: 4, carried: false });
    // Unanimous single vote: 1 for, 0 against → required max(1, 0) = 1, carried.
    expect(tallyMotion('two-thirds', votes('for', 'abstain'), 2)).toMatchObject({
      required: 1,
      carried: true,
    });
    // Abstentions only: 0 for would satisfy 3·0 ≥ 0, but a motion needs at least one for.
    expect(tallyMotion('two-thirds', votes('abstain', 'abstain'), 2).carried).toBe(false);
  });

  const choicesArb = fc.array(fc.constantFrom(...VOTE_CHOICES), { maxLength: 30 });
  const ruleArb = fc.constantFrom(...MAJORITY_RULES);

  it('accounts for every vote exactly once', () => {
    fc.assert(
      fc.property(ruleArb, choicesArb, (rule, choices) => {
        const t = tallyMotion(rule, votes(...choices), choices.length);
        expect(t.for + t.against + t.abstain + t.absent).toBe(choices.length);
        expect(t.carried).toBe(t.for >= t.required);
      }),
    );
  });

  it('agrees with the written two-thirds rule', () => {
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const t = tallyMotion('two-thirds', votes(...choices), choices.length);
        expect(t.carried).toBe(3 * t.for >= 2 * (t.for + t.against) && t.for >= 1);
      }),
    );
  });

  it('never loses a carried motion when someone changes from against to for', () => {
    fc.assert(
      fc.property(ruleArb, choicesArb, fc.nat(), (rule, choices, pick) => {
        const againstAt = choices.flatMap((c, i) => (c === 'against' ? [i] : []));
        fc.pre(againstAt.length > 0);
        const i = againstAt[pick % againstAt.length] as number;
        const changed = choices.map((c, j) => (j === i ? 'for' : c));
        const before = tallyMotion(rule, votes(...choices), choices.length);
        const after = tallyMotion(rule, votes(...changed), choices.length);
        if (before.carried) expect(after.carried).toBe(true);
      }),
    );
  });
});

describe('canDecide', () => {
  it('lets a meeting without quorum only adjourn', () => {
    expect(canDecide('adjournment', { reached: false })).toEqual({ allowed: true });
    expect(canDecide('substantive', { reached: false })).toEqual({
      allowed: false,
      reason: 'no-quorum',
    });
    expect(canDecide('substantive', { reached: true })).toEqual({ allowed: true });
  });
});

describe('checkVotes and defaultVotes', () => {
  const seats: SeatForQuorum[] = [
    { seatId: 1, governmentId: 10, voting: true },
    { seatId: 2, governmentId: 20, voting: true },
    { seatId: 3, governmentId: 30, voting: true },
    { seatId: 4, governmentId: 40, voting: false },
  ];
  const present = [10, 20, 40];

  it('starts every voting seat as abstaining or absent', () => {
    expect(defaultVotes(seats, present)).toEqual([
      { seatId: 1, choice: 'abstain' },
      { seatId: 2, choice: 'abstain' },
      { seatId: 3, choice: 'absent' },
    ]);
  });

  it('accepts the default sheet as it stands', () => {
    expect(checkVotes(seats, present, defaultVotes(seats, present))).toEqual([]);
  });

  it('finds each kind of problem once, on the offending vote', () => {
    const sheet: Vote[] = [
      { seatId: 1, choice: 'for' },
      { seatId: 1, choice: 'against' },
      { seatId: 2, choice: 'absent' },
      { seatId: 3, choice: 'for' },
      { seatId: 4, choice: 'for' },
      { seatId: 9, choice: 'for' },
    ];
    expect(checkVotes(seats, present, sheet).map((p) => [p.code, p.seatId])).toEqual([
      ['duplicate-vote', 1],
      ['present-seat-marked-absent', 2],
      ['absent-seat-voted', 3],
      ['advisory-seat', 4],
      ['unknown-seat', 9],
    ]);
  });

  it('accepts any sheet that keeps the default absences and changes only present seats', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
        fc.array(fc.constantFrom<VoteChoice>('for', 'against', 'abstain'), { minLength: 10 }),
        (presence, choices) => {
          const s = presence.map((_, i) => ({
            seatId: i + 1,
            governmentId: i + 100,
            voting: true,
          }));
          const here = s.filter((_, i) => presence[i]).map((x) => x.governmentId);
          const sheet = defaultVotes(s, here).map((v, i) =>
            v.choice === 'absent' ? v : { ...v, choice: choices[i] ?? 'abstain' },
          );
          expect(checkVotes(s, here, sheet)).toEqual([]);
          expect(sheet).toHaveLength(s.length);
        },
      ),
    );
  });
});
