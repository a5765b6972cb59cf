import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkAttendance,
  DEFAULT_PROXY_RULE,
  voterFor,
  type AttendanceEntry,
  type AttendanceProblemCode,
} from './attendance';
import type { Capacity } from './quorum';

const one = DEFAULT_PROXY_RULE;

function own(governmentId: number, personKey: string, present = true): AttendanceEntry {
  return { governmentId, personKey, capacity: 'own-right', principalKey: null, present };
}
function proxy(
  governmentId: number,
  personKey: string,
  principalKey: string | null,
  present = true,
): AttendanceEntry {
  return { governmentId, personKey, capacity: 'proxy', principalKey, present };
}
function adviser(governmentId: number, personKey: string): AttendanceEntry {
  return { governmentId, personKey, capacity: 'adviser', principalKey: null, present: true };
}
function codes(entries: AttendanceEntry[], max = 1): [AttendanceProblemCode, number][] {
  return checkAttendance(entries, { maxPrincipalsPerProxy: max }).map((p) => [p.code, p.index]);
}

describe('checkAttendance', () => {
  it('accepts a clean register', () => {
    const entries = [own(1, 'p:1'), proxy(2, 'p:20', 'p:2'), adviser(1, 'p:3'), adviser(1, 'p:4')];
    expect(checkAttendance(entries, one)).toEqual([]);
  });

  it('needs a principal other than the proxy', () => {
    expect(codes([proxy(1, 'p:1', null), proxy(2, 'p:2', ''), proxy(3, 'p:3', 'p:3')])).toEqual([
      ['proxy-without-principal', 0],
      ['proxy-without-principal', 1],
      ['self-proxy', 2],
    ]);
  });

  it('refuses a principal on an adviser', () => {
    const entry: AttendanceEntry = { ...adviser(1, 'p:1'), principalKey: 'p:2' };
    expect(codes([entry])).toEqual([['principal-on-adviser', 0]]);
  });

  it('limits the number of principals one person may carry, absent mandates included', () => {
    // p:9 carries p:1 (absent entry, still a mandate), then p:2 → the second distinct principal
    // breaks a limit of 1. Repeating the accepted principal p:1 is not a new mandate.
    const entries = [
      proxy(1, 'p:9', 'p:1', false),
      proxy(2, 'p:9', 'p:2'),
      proxy(1, 'p:9', 'p:1', false),
    ];
    expect(codes(entries)).toEqual([['proxy-limit-exceeded', 1]]);
    // With a limit of 2 both mandates fit.
    expect(codes(entries, 2)).toEqual([]);
    const message = checkAttendance(entries, one)[0]?.message ?? '';
    expect(message).toMatch(/at most 1 principal per meeting/);
  });

  it('does not let a principal take part while represented, flagging the later entry', () => {
    // Proxy registered first: the principal's own entry (index 1) is the offender.
    expect(codes([proxy(1, 'p:9', 'p:1'), own(1, 'p:1')])).toEqual([['principal-also-present', 1]]);
    // Principal registered first: the proxy (index 1) is the offender.
    expect(codes([own(1, 'p:1'), proxy(1, 'p:9', 'p:1')])).toEqual([['principal-also-present', 1]]);
    // An absent principal is no conflict: that is what the proxy is for.
    expect(codes([own(1, 'p:1', false), proxy(1, 'p:9', 'p:1')])).toEqual([]);
  });

  it('allows one voting participant per government but any number of advisers', () => {
    const entries = [own(1, 'p:1'), adviser(1, 'p:5'), own(1, 'p:2'), proxy(1, 'p:9', 'p:3')];
    expect(codes(entries)).toEqual([
      ['government-double-represented', 2],
      ['government-double-represented', 3],
    ]);
    // Absent entries do not occupy the seat.
    expect(codes([own(1, 'p:1', false), own(1, 'p:2')])).toEqual([]);
  });

  it('reports problems in register order, only on entries that exist', () => {
    const capacityArb = fc.constantFrom<Capacity>('own-right', 'proxy', 'adviser');
    const keyArb = fc.constantFrom('p:1', 'p:2', 'p:3', 'n:kim');
    const entryArb = fc.record({
      governmentId: fc.integer({ min: 1, max: 3 }),
      personKey: keyArb,
      capacity: capacityArb,
      principalKey: fc.option(keyArb),
      present: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (entries, max) => {
          const problems = checkAttendance(entries, { maxPrincipalsPerProxy: max });
          const indexes = problems.map((p) => p.index);
          expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
          for (const p of problems) {
            expect(p.index).toBeGreaterThanOrEqual(0);
            expect(p.index).toBeLessThan(entries.length);
          }
          // The first entry can only be wrong in itself, never by comparison with another.
          for (const p of problems.filter((q) => q.index === 0)) {
            expect(['proxy-without-principal', 'self-proxy', 'principal-on-adviser']).toContain(
              p.code,
            );
          }
          // Appending an entry never withdraws a problem already reported.
          const longer = checkAttendance([...entries, own(1, 'p:1')], {
            maxPrincipalsPerProxy: max,
          });
          expect(longer.slice(0, problems.length)).toEqual(problems);
        },
      ),
    );
  });
});

describe('voterFor', () => {
  it('prefers the government itself over its proxy', () => {
    const entries = [proxy(1, 'p:9', 'p:1'), own(1, 'p:1'), own(2, 'p:2')];
    expect(voterFor(1, entries)).toBe(entries[1]);
  });

  it('falls back to a present proxy and ignores absentees and advisers', () => {
    const entries = [own(1, 'p:1', false), adviser(1, 'p:5'), proxy(1, 'p:9', 'p:1')];
    expect(voterFor(1, entries)).toBe(entries[2]);
    expect(voterFor(1, [own(1, 'p:1', false), adviser(1, 'p:5')])).toBeNull();
    expect(voterFor(1, [proxy(1, 'p:9', 'p:1', false)])).toBeNull();
    expect(voterFor(3, entries)).toBeNull();
  });

  it('passes over a proxy without a valid mandate', () => {
    expect(voterFor(1, [proxy(1, 'p:9', null), proxy(1, 'p:8', 'p:8')])).toBeNull();
  });
});
