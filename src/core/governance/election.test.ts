import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  candidateEligibility,
  checkBallot,
  checkElectionWindows,
  electionPhase,
  POLITICAL_LEADER_TITLES,
  tallyElection,
  voterEligibility,
  type BodyScope,
  type CandidateInput,
  type ElectionBallot,
  type MemberStanding,
} from './election';

const b = (...choices: number[]): ElectionBallot => ({ choices });

describe('checkBallot', () => {
  it('accepts a blank ballot and a ballot within the seats', () => {
    expect(checkBallot([], [1, 2, 3], 2)).toEqual([]);
    expect(checkBallot([3, 1], [1, 2, 3], 2)).toEqual([]);
  });

  it('names each problem once', () => {
    const problems = checkBallot([1, 1, 1, 9, 9], [1, 2], 2);
    expect(problems.map((p) => p.code)).toEqual([
      'too-many-choices',
      'duplicate-choice',
      'unknown-candidate',
      'duplicate-choice',
    ]);
    expect(problems[0]?.message).toMatch(/at most 2 candidates/);
  });
});

describe('tallyElection', () => {
  it('elects the candidates with the most votes and counts blank ballots', () => {
    // Votes: 1 → 3 (three ballots), 2 → 2, 3 → 1; one blank. Two seats: 1 and 2.
    const r = tallyElection([1, 2, 3], [b(1, 2), b(1, 3), b(1), b(2), b()], 2);
    expect(r).toEqual({
      seats: 2,
      ballots: 5,
      blankBallots: 1,
      invalidBallots: 0,
      candidates: [
        { candidateId: 1, votes: 3, rank: 1, elected: true, tied: false },
        { candidateId: 2, votes: 2, rank: 2, elected: true, tied: false },
        { candidateId: 3, votes: 1, rank: 3, elected: false, tied: false },
      ],
      elected: [1, 2],
      tieAtCutoff: false,
      seatsUndecided: 0,
    });
  });

  it('leaves a tie across the last seat undecided', () => {
    // Votes: 1 → 3, 2 → 2, 3 → 2, 4 → 1. Two seats: 1 is in; 2 and 3 tie for the last seat.
    const ballots = [b(1, 2), b(1, 3), b(1, 4), b(2), b(3)];
    const r = tallyElection([1, 2, 3, 4], ballots, 2);
    expect(r.candidates.map((c) => [c.candidateId, c.votes, c.rank, c.elected, c.tied])).toEqual([
      [1, 3, 1, true, false],
      [2, 2, 2, false, true],
      [3, 2, 2, false, true],
      [4, 1, 4, false, false],
    ]);
    expect(r.elected).toEqual([1]);
    expect(r.tieAtCutoff).toBe(true);
    expect(r.seatsUndecided).toBe(1);
    // With three seats the tied pair both fit: 1 + 2 = 3 seats, no tie at the cutoff.
    const three = tallyElection([1, 2, 3, 4], ballots, 3);
    expect(three.elected).toEqual([1, 2, 3]);
    expect(three.tieAtCutoff).toBe(false);
    expect(three.candidates.every((c) => !c.tied)).toBe(true);
  });

  it('fills remaining seats with candidates without votes only when they all fit', () => {
    // Votes: 1 → 1, 2 → 0, 3 → 0. Three seats hold everyone.
    expect(tallyElection([1, 2, 3], [b(1)], 3).elected).toEqual([1, 2, 3]);
    // Two seats: 2 and 3 tie at zero for one seat.
    const two = tallyElection([1, 2, 3], [b(1)], 2);
    expect(two).toMatchObject({ elected: [1], tieAtCutoff: true, seatsUndecided: 1 });
    // More seats than candidates: both are elected and 5 − 2 seats are simply not filled.
    expect(tallyElection([1, 2], [], 5)).toMatchObject({
      elected: [1, 2],
      seatsUndecided: 0,
      tieAtCutoff: false,
    });
  });

  it('sets invalid ballots aside', () => {
    // Two seats: [1,1] duplicates, [9] is unknown, [1,2,3] marks too many; only [2] counts.
    const r = tallyElection([1, 2, 3], [b(1, 1), b(9), b(1, 2, 3), b(2)], 2);
    expect(r).toMatchObject({ ballots: 4, invalidBallots: 3, blankBallots: 0 });
    expect(r.candidates.map((c) => c.votes)).toEqual([1, 0, 0]);
  });

  it('elects nobody for no seats', () => {
    expect(tallyElection([1, 2], [b()], 0)).toMatchObject({ elected: [], seatsUndecided: 0 });
    expect(() => tallyElection([1], [], -1)).toThrow(RangeError);
  });

  const electionArb = fc
    .record({
      candidateIds: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }),
      seats: fc.integer({ min: 0, max: 6 }),
    })
    .chain(({ candidateIds, seats }) =>
      fc.record({
        candidateIds: fc.constant(candidateIds),
        seats: fc.constant(seats),
        ballots: fc.array(
          fc
            .shuffledSubarray(candidateIds, { maxLength: Math.min(seats, candidateIds.length) })
            .map((choices) => ({ choices })),
          { maxLength: 25 },
        ),
      }),
    );

  it('gives every mark on a valid ballot exactly one vote', () => {
    fc.assert(
      fc.property(electionArb, ({ candidateIds, ballots, seats }) => {
        const r = tallyElection(candidateIds, ballots, seats);
        const votes = r.candidates.reduce((sum, c) => sum + c.votes, 0);
        expect(votes).toBe(ballots.reduce((sum, x) => sum + x.choices.length, 0));
        expect(r.invalidBallots).toBe(0);
        expect(r.blankBallots).toBe(ballots.filter((x) => x.choices.length === 0).length);
      }),
    );
  });

  it('accounts for every seat it can fill', () => {
    fc.assert(
      fc.property(electionArb, ({ candidateIds, ballots, seats }) => {
        const r = tallyElection(candidateIds, ballots, seats);
        expect(r.elected.length + r.seatsUndecided).toBe(Math.min(seats, candidateIds.length));
        // Nobody left out has more votes than someone elected.
        const minElected = Math.min(...r.candidates.filter((c) => c.elected).map((c) => c.votes));
        for (const c of r.candidates.filter((x) => !x.elected)) {
          expect(c.votes).toBeLessThanOrEqual(minElected);
        }
        // A tie group shares one vote count, and exists exactly when the flag says so.
        const tied = new Set(r.candidates.filter((c) => c.tied).map((c) => c.votes));
        expect(tied.size).toBe(r.tieAtCutoff ? 1 : 0);
      }),
    );
  });

  it('does not depend on the order of ballots or candidates', () => {
    fc.assert(
      fc.property(
        electionArb.chain((e) =>
          fc.record({
            e: fc.constant(e),
            ballots: fc.shuffledSubarray(e.ballots, { minLength: e.ballots.length }),
            candidateIds: fc.shuffledSubarray(e.candidateIds, { minLength: e.candidateIds.length }),
          }),
        ),
        ({ e, ballots, candidateIds }) => {
          expect(tallyElection(candidateIds, ballots, e.seats)).toEqual(
            tallyElection(e.candidateIds, e.ballots, e.seats),
          );
        },
      ),
    );
  });
});

const fullCurrent: MemberStanding = {
  governmentId: 7,
  category: 'full-member',
  status: 'current',
  regionSlug: 'east-asia',
};
const eastAsiaRexcom: BodyScope = { kind: 'rexcom', regionSlug: 'east-asia' };
const council: BodyScope = { kind: 'council', regionSlug: null };

describe('voterEligibility', () => {
  it('lets full members in good standing vote', () => {
    expect(voterEligibility(fullCurrent, eastAsiaRexcom)).toEqual({ eligible: true });
    expect(voterEligibility({ ...fullCurrent, status: 'grace' }, council)).toEqual({
      eligible: true,
    });
    // A member in its first, paid year votes like a renewed one.
    expect(voterEligibility({ ...fullCurrent, status: 'new' }, council)).toEqual({
      eligible: true,
    });
  });

  it('gives the first reason that bars a voter', () => {
    expect(voterEligibility({ ...fullCurrent, category: 'associate-member' }, council)).toEqual({
      eligible: false,
      reason: 'not-full-member',
    });
    for (const status of ['expired', 'suspended', 'none'] as const) {
      expect(voterEligibility({ ...fullCurrent, status }, council)).toEqual({
        eligible: false,
        reason: 'not-in-good-standing',
      });
    }
  });

  it('confines a regional committee to its region but not the network-wide bodies', () => {
    const europe = { ...fullCurrent, regionSlug: 'europe' };
    expect(voterEligibility(europe, eastAsiaRexcom)).toEqual({
      eligible: false,
      reason: 'other-region',
    });
    for (const kind of ['gexcom', 'council', 'network'] as const) {
      expect(voterEligibility(europe, { kind, regionSlug: 'east-asia' }).eligible).toBe(true);
    }
  });
});

describe('candidateEligibility', () => {
  const good: CandidateInput = {
    member: fullCurrent,
    body: eastAsiaRexcom,
    leader: { title: 'mayor', startDate: '2022-07-01', endDate: '2026-06-30' },
    asOf: '2024-03-15',
    codeOfHonourAccepted: true,
    hasEndorsement: true,
  };

  it('accepts a member led by a sitting mayor who signed and was endorsed', () => {
    expect(candidateEligibility(good)).toEqual({ eligible: true, reasons: [] });
    expect(POLITICAL_LEADER_TITLES).toEqual([
      'mayor',
      'acting-mayor',
      'vice-mayor',
      'deputy-mayor',
    ]);
  });

  it('needs a political leader in office on the day, both ends inclusive', () => {
    const leader = (title: string, startDate: string | null, endDate: string | null) =>
      candidateEligibility({ ...good, leader: { title, startDate, endDate } }).reasons;
    expect(leader('director-general', null, null)).toEqual(['no-political-leader']);
    expect(candidateEligibility({ ...good, leader: null }).reasons).toEqual([
      'no-political-leader',
    ]);
    expect(leader('vice-mayor', '2024-03-15', null)).toEqual([]);
    expect(leader('mayor', '2018-07-01', '2024-03-15')).toEqual([]);
    expect(leader('mayor', '2018-07-01', '2024-03-14')).toEqual(['leader-not-in-office']);
    expect(leader('acting-mayor', '2024-03-16', null)).toEqual(['leader-not-in-office']);
    // An unknown start date does not bar a leader whose term has not ended.
    expect(leader('deputy-mayor', null, null)).toEqual([]);
  });

  it('lists every reason at once', () => {
    const r = candidateEligibility({
      ...good,
      member: { ...fullCurrent, category: 'non-member', status: 'expired', regionSlug: 'africa' },
      leader: null,
      codeOfHonourAccepted: false,
      hasEndorsement: false,
    });
    expect(r).toEqual({
      eligible: false,
      reasons: [
        'not-full-member',
        'not-in-good-standing',
        'other-region',
        'no-political-leader',
        'code-of-honour-not-accepted',
        'endorsement-missing',
      ],
    });
  });

  it('is eligible exactly when no reason is given', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('mayor', 'staff-liaison'),
        (codeOfHonourAccepted, hasEndorsement, title) => {
          const r = candidateEligibility({
            ...good,
            codeOfHonourAccepted,
            hasEndorsement,
            leader: { title, startDate: null, endDate: null },
          });
          expect(r.eligible).toBe(r.reasons.length === 0);
          expect(r.eligible).toBe(codeOfHonourAccepted && hasEndorsement && title === 'mayor');
        },
      ),
    );
  });
});

describe('election windows', () => {
  const w = {
    nominationsOpen: '2024-01-01T00:00:00.000Z',
    nominationsClose: '2024-02-01T00:00:00.000Z',
    votingOpen: '2024-02-15T00:00:00.000Z',
    votingClose: '2024-03-01T00:00:00.000Z',
  };

  it('finds the phase, each window including its opening instant', () => {
    expect(electionPhase(w, '2023-12-31T23:59:59.000Z')).toBe('upcoming');
    expect(electionPhase(w, '2024-01-01T00:00:00.000Z')).toBe('nominations');
    expect(electionPhase(w, '2024-02-01T00:00:00.000Z')).toBe('between');
    expect(electionPhase(w, '2024-02-15T00:00:00.000Z')).toBe('voting');
    expect(electionPhase(w, '2024-02-29T23:59:59.000Z')).toBe('voting');
    expect(electionPhase(w, '2024-03-01T00:00:00.000Z')).toBe('closed');
    // 09:00 in Seoul on 1 January is midnight UTC: nominations have just opened.
    expect(electionPhase(w, '2024-01-01T09:00:00+09:00')).toBe('nominations');
  });

  it('accepts well-ordered windows, voting straight after nominations included', () => {
    expect(checkElectionWindows(w)).toEqual([]);
    expect(checkElectionWindows({ ...w, votingOpen: w.nominationsClose })).toEqual([]);
  });

  it('names the field that breaks the order', () => {
    const fields = (x: typeof w) => checkElectionWindows(x).map((p) => p.field);
    expect(fields({ ...w, nominationsClose: w.nominationsOpen })).toEqual(['nominationsClose']);
    expect(fields({ ...w, votingClose: '2024-02-10T00:00:00.000Z' })).toEqual(['votingClose']);
    expect(fields({ ...w, votingOpen: '2024-01-20T00:00:00.000Z' })).toEqual(['votingOpen']);
    expect(fields({ ...w, votingOpen: 'soon' })).toEqual(['votingOpen']);
  });

  it('moves forward through the phases as time passes', () => {
    const order = ['upcoming', 'nominations', 'between', 'voting', 'closed'];
    const start = Date.parse('2023-12-01T00:00:00.000Z');
    const end = Date.parse('2024-04-01T00:00:00.000Z');
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }),
        fc.integer({ min: start, max: end }),
        (x, y) => {
          const [a, c] = x <= y ? [x, y] : [y, x];
          const pa = order.indexOf(electionPhase(w, new Date(a).toISOString()));
          const pc = order.indexOf(electionPhase(w, new Date(c).toISOString()));
          expect(pa).toBeLessThanOrEqual(pc);
        },
      ),
    );
  });
});
