import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  graceUntil,
  invoiceDueDay,
  membershipStatusOn,
  nextPeriod,
  periodEndFor,
  renewalDay,
  type MembershipPeriod,
} from './membership-status';

const year = (y: number): MembershipPeriod => ({ start: `${y}-01-01`, end: `${y}-12-31` });

describe('calendar arithmetic', () => {
  it('adds months, keeping to the last day of a shorter month, leap years included', () => {
    expect(addMonths('2025-12-31', 1)).toBe('2026-01-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('makes a period a year long, a leap day start ending on 28 February', () => {
    expect(periodEndFor('2026-01-01')).toBe('2026-12-31');
    expect(periodEndFor('2025-07-15')).toBe('2026-07-14');
    expect(periodEndFor('2024-02-29')).toBe('2025-02-28');
    expect(periodEndFor('2027-03-01')).toBe('2028-02-29');
  });

  it('renews the day after the last period ends, whatever order the periods come in', () => {
    expect(nextPeriod([year(2026), year(2025)])).toEqual(year(2027));
    expect(nextPeriod([{ start: '2024-02-29', end: '2025-02-28' }])).toEqual({
      start: '2025-03-01',
      end: '2026-02-28',
    });
    expect(nextPeriod([])).toBeNull();
  });

  it('sends the renewal a month before the end and keeps the grace a month after it', () => {
    expect(renewalDay('2026-12-31')).toBe('2026-11-30');
    expect(renewalDay('2027-03-31')).toBe('2027-02-28');
    expect(graceUntil('2026-12-31')).toBe('2027-01-31');
    expect(graceUntil('2027-01-31')).toBe('2027-02-28');
  });
});

describe('invoiceDueDay', () => {
  it('is the start of the year billed, or thirty days after issue when that is later', () => {
    expect(invoiceDueDay('2026-11-30', '2027-01-01')).toBe('2027-01-01');
    expect(invoiceDueDay('2026-12-15', '2027-01-01')).toBe('2027-01-14');
    expect(invoiceDueDay('2026-03-10', '2026-01-01')).toBe('2026-04-09');
  });
});

describe('membershipStatusOn', () => {
  const two = [year(2025), year(2026)];

  it('is none without periods and before the first one', () => {
    expect(membershipStatusOn([], null, '2026-05-01')).toEqual({
      status: 'none',
      from: null,
      until: null,
    });
    expect(membershipStatusOn(two, null, '2024-12-31')).toEqual({
      status: 'none',
      from: null,
      until: '2024-12-31',
    });
  });

  it('is new through the first period, its first and last days included', () => {
    const newUntil = { status: 'new', from: '2025-01-01', until: '2025-12-31' };
    expect(membershipStatusOn(two, null, '2025-01-01')).toEqual(newUntil);
    expect(membershipStatusOn(two, null, '2025-12-31')).toEqual(newUntil);
  });

  it('is current from the day after the first period, until the unbroken run ends', () => {
    const current = { status: 'current', from: '2026-01-01', until: '2026-12-31' };
    expect(membershipStatusOn(two, null, '2026-01-01')).toEqual(current);
    expect(membershipStatusOn(two, null, '2026-12-31')).toEqual(current);
    expect(membershipStatusOn([...two, year(2027)], null, '2026-06-30')).toEqual({
      ...current,
      until: '2027-12-31',
    });
  });

  it('gives a month of grace after the last period, to the same day of the next month', () => {
    const grace = { status: 'grace', from: '2027-01-01', until: '2027-01-31' };
    expect(membershipStatusOn(two, null, '2027-01-01')).toEqual(grace);
    expect(membershipStatusOn(two, null, '2027-01-31')).toEqual(grace);
    expect(membershipStatusOn(two, null, '2027-02-01')).toEqual({
      status: 'expired',
      from: '2027-02-01',
      until: null,
    });
  });

  it('ends the grace on the last day of a shorter month, 29 February in a leap year', () => {
    const endsInJanuary = [{ start: '2027-02-01', end: '2028-01-31' }];
    expect(membershipStatusOn(endsInJanuary, null, '2028-02-29')).toMatchObject({
      status: 'grace',
      until: '2028-02-29',
    });
    expect(membershipStatusOn(endsInJanuary, null, '2028-03-01').status).toBe('expired');
    const nonLeap = [{ start: '2025-02-01', end: '2026-01-31' }];
    expect(membershipStatusOn(nonLeap, null, '2026-02-28').status).toBe('grace');
    expect(membershipStatusOn(nonLeap, null, '2026-03-01').status).toBe('expired');
  });

  it('is expired between periods after the grace, until the next period begins', () => {
    const gap = [year(2023), year(2024), year(2026)];
    expect(membershipStatusOn(gap, null, '2025-06-01')).toEqual({
      status: 'expired',
      from: '2025-02-01',
      until: '2025-12-31',
    });
    // A member back after a lapse is current, not new.
    expect(membershipStatusOn(gap, null, '2026-03-01')).toEqual({
      status: 'current',
      from: '2026-01-01',
      until: '2026-12-31',
    });
  });

  it('ends the grace early when the next period begins within it', () => {
    const late = [year(2025), { start: '2026-01-20', end: '2027-01-19' }];
    expect(membershipStatusOn(late, null, '2026-01-10')).toEqual({
      status: 'grace',
      from: '2026-01-01',
      until: '2026-01-19',
    });
  });

  it('is suspended while an administrator says so, whatever the periods', () => {
    expect(membershipStatusOn(two, '2026-03-04', '2026-05-01')).toEqual({
      status: 'suspended',
      from: '2026-03-04',
      until: null,
    });
  });

  const day = fc
    .date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  /** Periods as renewals make them: a first start, then each the day after the last, with gaps. */
  const periods = fc
    .tuple(day, fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }))
    .map(([start, gaps]) => {
      const list: MembershipPeriod[] = [{ start, end: periodEndFor(start) }];
      for (const gap of gaps) {
        const s = addDays((list.at(-1) as MembershipPeriod).end, 1 + gap);
        list.push({ start: s, end: periodEndFor(s) });
      }
      return list;
    });

  it('holds on the day asked: from ≤ day ≤ until', () => {
    fc.assert(
      fc.property(periods, day, (list, date) => {
        const { from, until } = membershipStatusOn(list, null, date);
        if (from !== null) expect(from <= date).toBe(true);
        if (until !== null) expect(date <= until).toBe(true);
      }),
    );
  });

  it('moves only forward with one period: none, new, grace, expired', () => {
    const order = { none: 0, new: 1, current: 1, grace: 2, expired: 3, suspended: 9 };
    fc.assert(
      fc.property(day, day, day, (start, a, b) => {
        const list = [{ start, end: periodEndFor(start) }];
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(order[membershipStatusOn(list, null, early).status]).toBeLessThanOrEqual(
          order[membershipStatusOn(list, null, late).status],
        );
      }),
    );
  });

  it('says the same status on every day it says the status holds', () => {
    fc.assert(
      fc.property(periods, day, (list, date) => {
        const standing = membershipStatusOn(list, null, date);
        if (standing.from) {
          expect(membershipStatusOn(list, null, standing.from)).toEqual(standing);
        }
        if (standing.until) {
          expect(membershipStatusOn(list, null, standing.until)).toEqual(standing);
          if (standing.status !== 'none') {
            const after = membershipStatusOn(list, null, addDays(standing.until, 1));
            expect(after.status === standing.status && after.from === standing.from).toBe(false);
          }
        }
      }),
    );
  });
});
