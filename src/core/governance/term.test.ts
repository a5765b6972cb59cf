import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { termStanding } from './meeting';

describe('termStanding', () => {
  const term = { startsOn: '2021-01-01', endsOn: '2024-12-31' };

  it('reads the first and last days as part of the term', () => {
    expect(termStanding(term, '2020-12-31')).toBe('upcoming');
    expect(termStanding(term, '2021-01-01')).toBe('running');
    expect(termStanding(term, '2024-12-31')).toBe('running');
    expect(termStanding(term, '2025-01-01')).toBe('ended');
    // The demo's East Asia RexCom, seen from December 2026.
    expect(termStanding(term, '2026-12-06')).toBe('ended');
  });

  it('moves only forward: upcoming, then running, then ended', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const order = { upcoming: 0, running: 1, ended: 2 };
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(order[termStanding(term, early)]).toBeLessThanOrEqual(
          order[termStanding(term, late)],
        );
      }),
    );
  });
});
