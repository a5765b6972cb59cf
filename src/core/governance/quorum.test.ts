import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_QUORUM,
  quorumOf,
  requiredForQuorum,
  validateQuorumRule,
  type Capacity,
  type Presence,
  type QuorumRule,
  type SeatForQuorum,
} from './quorum';

const majority = DEFAULT_QUORUM;
const twoThirdsAtLeast: QuorumRule = {
  numerator: 2,
  denominator: 3,
  strict: false,
  proxiesCount: true,
};

function votingSeats(...governmentIds: number[]): SeatForQuorum[] {
  return governmentIds.map((governmentId, i) => ({ seatId: 100 + i, governmentId, voting: true }));
}

describe('requiredForQuorum', () => {
  it('needs more than half for the default majority', () => {
    // 10 seats: floor(10·1/2)+1 = 6; 9 seats: floor(4.5)+1 = 5; 1 seat: floor(0.5)+1 = 1.
    expect(requiredForQuorum(majority, 10)).toBe(6);
    expect(requiredForQuorum(majority, 9)).toBe(5);
    expect(requiredForQuorum(majority, 1)).toBe(1);
  });

  it('computes "at least two thirds" exactly, where floating point would drift', () => {
    // 6·2/3 = 4 exactly → 4; 7·2/3 = 14/3 = 4.67 → 5; 3·2/3 = 2 → 2.
    expect(requiredForQuorum(twoThirdsAtLeast, 6)).toBe(4);
    expect(requiredForQuorum(twoThirdsAtLeast, 7)).toBe(5);
    expect(requiredForQuorum(twoThirdsAtLeast, 3)).toBe(2);
    // 77·9/11 = 693/11 = 63 exactly, but 77*(9/11) in floats is 63.00000000000001 and would
    // ceil to 64: the case that integer arithmetic exists for.
    expect(requiredForQuorum({ ...twoThirdsAtLeast, numerator: 9, denominator: 11 }, 77)).toBe(63);
  });

  it('distinguishes "more than" from "at least" on exact fractions', () => {
    // At least 1/2 of 10 = 5; more than 1/2 of 10 = 6.
    expect(requiredForQuorum({ ...majority, strict: false }, 10)).toBe(5);
    expect(requiredForQuorum({ ...majority, strict: true }, 10)).toBe(6);
    // Strict 2/3 of 6: floor(4)+1 = 5.
    expect(requiredForQuorum({ ...twoThirdsAtLeast, strict: true }, 6)).toBe(5);
  });

  it('puts the quorum of a body without voting seats out of reach', () => {
    expect(requiredForQuorum(majority, 0)).toBe(1);
    expect(requiredForQuorum({ ...majority, strict: false }, 0)).toBe(1);
  });

  it('refuses invalid rules and seat counts', () => {
    expect(() => requiredForQuorum({ ...majority, denominator: 0 }, 4)).toThrow(RangeError);
    expect(() => requiredForQuorum(majority, -1)).toThrow(RangeError);
    expect(() => requiredForQuorum(majority, 2.5)).toThrow(RangeError);
  });

  it('agrees with exact rational comparison', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 500 }),
        (a, b, strict, n) => {
          const numerator = Math.min(a, b);
          const denominator = Math.max(a, b);
          fc.pre(!(strict && numerator === denominator));
          const r = requiredForQuorum({ numerator, denominator, strict, proxiesCount: true }, n);
          // r is the smallest k with k·den > n·num (strict) or k·den ≥ n·num (at least).
          const ok = (k: number) =>
            strict ? k * denominator > n * numerator : k * denominator >= n * numerator;
          expect(ok(r)).toBe(true);
          expect(r === 0 || !ok(r - 1)).toBe(true);
          expect(r).toBeLessThanOrEqual(n);
        },
      ),
    );
  });
});

describe('validateQuorumRule', () => {
  it('accepts the default rule', () => {
    // The default is a plain majority of seats, proxies included.
    expect(DEFAULT_QUORUM).toEqual({
      numerator: 1,
      denominator: 2,
      strict: true,
      proxiesCount: true,
    });
    expect(validateQuorumRule(DEFAULT_QUORUM)).toEqual([]);
    expect(
      validateQuorumRule({ ...DEFAULT_QUORUM, numerator: 1, denominator: 1, strict: false }),
    ).toEqual([]);
  });

  it('names the field that is wrong', () => {
    expect(validateQuorumRule({ ...majority, numerator: 0 }).map((p) => p.field)).toEqual([
      'numerator',
    ]);
    expect(validateQuorumRule({ ...majority, denominator: 1.5 }).map((p) => p.field)).toEqual([
      'denominator',
    ]);
    expect(
      validateQuorumRule({ ...majority, numerator: 3, denominator: 2 }).map((p) => p.field),
    ).toEqual(['numerator']);
    // "More than all" is unreachable.
    expect(validateQuorumRule({ ...majority, numerator: 2, denominator: 2 })).toHaveLength(1);
  });
});

describe('quorumOf', () => {
  it('counts own-right and proxy attendance and reports who is missing', () => {
    // 5 voting seats, majority → floor(2.5)+1 = 3 required. Present: 1 own right, 2 by proxy,
    // 3 only as an adviser, 4 absent, 5 a proxy who did not turn up → 2 present, not reached.
    const seats = votingSeats(1, 2, 3, 4, 5);
    const presence: Presence[] = [
      { governmentId: 1, capacity: 'own-right', present: true },
      { governmentId: 2, capacity: 'proxy', present: true },
      { governmentId: 3, capacity: 'adviser', present: true },
      { governmentId: 4, capacity: 'own-right', present: false },
      { governmentId: 5, capacity: 'proxy', present: false },
    ];
    expect(quorumOf(majority, seats, presence)).toEqual({
      votingSeats: 5,
      required: 3,
      present: 2,
      reached: false,
      counted: [1, 2],
      notCounted: [
        { governmentId: 3, reason: 'adviser-only' },
        { governmentId: 4, reason: 'absent' },
        { governmentId: 5, reason: 'absent' },
      ],
    });
  });

  it('counts a proxy only when present', () => {
    // 3 seats → 2 required. Seoul's proxy is registered but has not arrived: 1 present.
    const seats = votingSeats(1, 2, 3);
    const registered: Presence[] = [
      { governmentId: 1, capacity: 'own-right', present: true },
      { governmentId: 2, capacity: 'proxy', present: false },
    ];
    expect(quorumOf(majority, seats, registered)).toMatchObject({ present: 1, reached: false });
    // The proxy arrives: 2 present, quorum reached.
    const arrived = registered.map((p) => (p.governmentId === 2 ? { ...p, present: true } : p));
    expect(quorumOf(majority, seats, arrived)).toMatchObject({ present: 2, reached: true });
  });

  it('leaves proxies out when the rule says so', () => {
    // 3 seats, majority → 2 required; without proxies only government 1 counts.
    const seats = votingSeats(1, 2, 3);
    const presence: Presence[] = [
      { governmentId: 1, capacity: 'own-right', present: true },
      { governmentId: 2, capacity: 'proxy', present: true },
    ];
    const result = quorumOf({ ...majority, proxiesCount: false }, seats, presence);
    expect(result.present).toBe(1);
    expect(result.reached).toBe(false);
    expect(result.notCounted).toEqual([
      { governmentId: 2, reason: 'proxy-not-counted' },
      { governmentId: 3, reason: 'absent' },
    ]);
    // The same attendance reaches quorum when proxies count: 2 ≥ 2.
    expect(quorumOf(majority, seats, presence).reached).toBe(true);
  });

  it('counts a government once however many records it has', () => {
    const seats = votingSeats(1, 2);
    const presence: Presence[] = [
      { governmentId: 1, capacity: 'own-right', present: true },
      { governmentId: 1, capacity: 'own-right', present: true },
      { governmentId: 1, capacity: 'proxy', present: true },
    ];
    const result = quorumOf(majority, seats, presence);
    expect(result.present).toBe(1);
    expect(result.counted).toEqual([1]);
  });

  it('lists advisory seats only when they turn up, and ignores strangers', () => {
    const seats: SeatForQuorum[] = [
      { seatId: 1, governmentId: 10, voting: true },
      { seatId: 2, governmentId: 20, voting: false },
      { seatId: 3, governmentId: 30, voting: false },
    ];
    const presence: Presence[] = [
      { governmentId: 10, capacity: 'own-right', present: true },
      { governmentId: 20, capacity: 'own-right', present: true },
      { governmentId: 99, capacity: 'own-right', present: true },
    ];
    // 1 voting seat → 1 required; advisory 20 came, 30 did not, 99 holds no seat.
    expect(quorumOf(majority, seats, presence)).toEqual({
      votingSeats: 1,
      required: 1,
      present: 1,
      reached: true,
      counted: [10],
      notCounted: [{ governmentId: 20, reason: 'advisory' }],
    });
  });

  it('never reaches quorum without voting seats', () => {
    const result = quorumOf(
      majority,
      [],
      [{ governmentId: 1, capacity: 'own-right', present: true }],
    );
    expect(result).toMatchObject({ votingSeats: 0, required: 1, present: 0, reached: false });
  });

  const capacityArb = fc.constantFrom<Capacity>('own-right', 'proxy', 'adviser');
  const seatsArb = fc
    .uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 10 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((governmentId) => fc.boolean().map((voting) => ({ governmentId, voting }))),
      ),
    )
    .map((list) => list.map((s, i) => ({ seatId: i + 1, ...s })));
  const presenceArb = fc.array(
    fc.record({
      governmentId: fc.integer({ min: 1, max: 14 }),
      capacity: capacityArb,
      present: fc.boolean(),
    }),
    { maxLength: 20 },
  );
  const ruleArb = fc
    .tuple(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
      fc.boolean(),
      fc.boolean(),
    )
    .filter(([a, b, strict]) => !(strict && a === b))
    .map(([a, b, strict, proxiesCount]) => ({
      numerator: Math.min(a, b),
      denominator: Math.max(a, b),
      strict,
      proxiesCount,
    }));

  it('never lowers the count when someone else turns up', () => {
    fc.assert(
      fc.property(
        ruleArb,
        seatsArb,
        presenceArb,
        fc.integer({ min: 1, max: 14 }),
        capacityArb,
        (rule, seats, presence, governmentId, capacity) => {
          const before = quorumOf(rule, seats, presence);
          const after = quorumOf(rule, seats, [
            ...presence,
            { governmentId, capacity, present: true },
          ]);
          expect(after.present).toBeGreaterThanOrEqual(before.present);
        },
      ),
    );
  });

  it('keeps its totals consistent', () => {
    fc.assert(
      fc.property(ruleArb, seatsArb, presenceArb, (rule, seats, presence) => {
        const r = quorumOf(rule, seats, presence);
        expect(r.present).toBeLessThanOrEqual(r.votingSeats);
        expect(r.reached).toBe(r.present >= r.required);
        expect(r.counted).toEqual([...r.counted].sort((a, b) => a - b));
        // Every government is reported at most once across the two lists.
        const all = [...r.counted, ...r.notCounted.map((n) => n.governmentId)];
        expect(new Set(all).size).toBe(all.length);
      }),
    );
  });

  it('counts exactly the own-right attendance when proxies do not count', () => {
    fc.assert(
      fc.property(ruleArb, seatsArb, presenceArb, (rule, seats, presence) => {
        const r = quorumOf({ ...rule, proxiesCount: false }, seats, presence);
        const ownRight = new Set(
          presence
            .filter((p) => p.present && p.capacity === 'own-right')
            .map((p) => p.governmentId),
        );
        const expected = seats.filter((s) => s.voting && ownRight.has(s.governmentId)).length;
        expect(r.present).toBe(expected);
      }),
    );
  });
});
