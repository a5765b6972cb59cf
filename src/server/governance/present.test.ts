import { describe, expect, it } from 'vitest';
import { currentTermOf, termForMeeting } from './present';

const term = (label: string, starts_on: string, ends_on: string) => ({ label, starts_on, ends_on });
const t2018 = term('2018–2020', '2018-01-01', '2020-12-31');
const t2021 = term('2021–2024', '2021-01-01', '2024-12-31');
const t2027 = term('2027–2029', '2027-01-01', '2029-12-31');

describe('currentTermOf', () => {
  it('takes the term running on the day', () => {
    expect(currentTermOf([t2018, t2021, t2027], '2022-06-01')?.label).toBe('2021–2024');
  });

  it('between terms keeps the one that ended last, not the one elected to come', () => {
    expect(currentTermOf([t2027, t2021, t2018], '2026-11-29')?.label).toBe('2021–2024');
  });

  it('before any term has begun shows the first to come', () => {
    expect(currentTermOf([t2027, t2021], '2020-05-01')?.label).toBe('2021–2024');
    expect(currentTermOf([], '2020-05-01')).toBeNull();
  });
});

describe('termForMeeting', () => {
  it('puts a newly elected committee’s meeting before its term in that term', () => {
    // The seed: the committee elected for 2021–2024 met on 26 November 2020.
    expect(termForMeeting([t2021], '2020-11-26')?.label).toBe('2021–2024');
    expect(termForMeeting([t2018, t2021], '2020-11-26')?.label).toBe('2018–2020');
  });
});
