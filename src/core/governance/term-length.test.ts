import { describe, expect, it } from 'vitest';
import { nextTermDates, officeStanding, termLengthYears } from './term';

describe('termLengthYears (first and last days counted)', () => {
  it('reads 2021-01-01 to 2024-12-31 as four years, as East Asia’s RexCom term is', () => {
    expect(termLengthYears('2021-01-01', '2024-12-31')).toBe(4);
  });
  it('counts hand-computed terms', () => {
    expect(termLengthYears('2021-07-01', '2024-06-30')).toBe(3);
    expect(termLengthYears('2020-03-15', '2023-03-14')).toBe(3);
    expect(termLengthYears('2024-01-01', '2024-12-31')).toBe(1);
    // 18 months
    expect(termLengthYears('2023-01-01', '2024-06-30')).toBe(1.5);
    // Ends on 29 February of a leap year: the day after is 1 March.
    expect(termLengthYears('2020-03-01', '2024-02-29')).toBe(4);
    expect(termLengthYears('2024-12-31', '2024-01-01')).toBe(0);
  });
});

describe('officeStanding', () => {
  const today = '2026-12-07';
  it('calls a holder since 2008 with no end and no confirmation not confirmed since 2008', () => {
    expect(officeStanding({ startDate: '2008-07-01', endDate: null }, today)).toEqual({
      kind: 'unconfirmed',
      sinceYear: 2008,
    });
  });
  it('takes a later confirmation as the last known date', () => {
    expect(
      officeStanding({ startDate: '2008-07-01', endDate: null, confirmedOn: '2025-01-10' }, today),
    ).toEqual({ kind: 'current' });
    expect(
      officeStanding({ startDate: '2008-07-01', endDate: null, confirmedOn: '2019-01-10' }, today),
    ).toEqual({ kind: 'unconfirmed', sinceYear: 2019 });
  });
  it('keeps recent holders, holders with an end date to come, and those without dates current', () => {
    expect(officeStanding({ startDate: '2022-07-01', endDate: null }, today).kind).toBe('current');
    // Exactly five years ago to the day is still within the rule.
    expect(officeStanding({ startDate: '2021-12-07', endDate: null }, today).kind).toBe('current');
    expect(officeStanding({ startDate: '2021-12-06', endDate: null }, today).kind).toBe(
      'unconfirmed',
    );
    expect(officeStanding({ startDate: '2008-07-01', endDate: '2028-06-30' }, today).kind).toBe(
      'current',
    );
    expect(officeStanding({ startDate: null, endDate: null }, today).kind).toBe('current');
    expect(officeStanding({ startDate: '2008-07-01', endDate: '2012-06-30' }, today).kind).toBe(
      'ended',
    );
  });
});

describe('nextTermDates', () => {
  it('proposes the term after 2021–2024 as 2025–2028 for four-year terms', () => {
    expect(nextTermDates('2024-12-31', 4)).toEqual({
      label: '2025–2028',
      startsOn: '2025-01-01',
      endsOn: '2028-12-31',
    });
    expect(nextTermDates('2024-06-30', 3)).toEqual({
      label: '2024–2027',
      startsOn: '2024-07-01',
      endsOn: '2027-06-30',
    });
    expect(termLengthYears('2025-01-01', nextTermDates('2024-12-31', 4).endsOn)).toBe(4);
  });
});
