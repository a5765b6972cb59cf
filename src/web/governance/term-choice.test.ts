import { describe, expect, it } from 'vitest';
import {
  defaultTermFor,
  endedTermFor,
  meetingDay,
  termIdFromSelect,
  termsNewestFirst,
} from './term-choice';

const terms = [
  { id: 1, startsOn: '2017-01-01', endsOn: '2020-12-31' },
  { id: 3, startsOn: '2025-01-01', endsOn: '2028-12-31' },
  { id: 2, startsOn: '2021-01-01', endsOn: '2024-06-30' },
];

describe('meetingDay', () => {
  it('is the UTC date of the start, as the server files the meeting', () => {
    // 08:00 in Seoul is 23:00 UTC the day before.
    expect(meetingDay('2024-01-01T08:00', 'Asia/Seoul')).toBe('2023-12-31');
    expect(meetingDay('2024-01-01T10:00', 'Asia/Seoul')).toBe('2024-01-01');
  });

  it('is null until the start and the zone make sense', () => {
    expect(meetingDay('', 'Asia/Seoul')).toBeNull();
    expect(meetingDay('2024-01-01T10:00', 'Asia/Nowhere')).toBeNull();
    expect(meetingDay('2024-01', 'Asia/Seoul')).toBeNull();
  });
});

describe('defaultTermFor', () => {
  it('takes the term running on the day', () => {
    expect(defaultTermFor(terms, '2018-05-05')?.id).toBe(1);
    expect(defaultTermFor(terms, '2024-06-30')?.id).toBe(2);
  });

  it('takes the next term between terms and before the first', () => {
    // A committee elected in 2020 meets before its 2021 term begins.
    expect(defaultTermFor(terms, '2024-09-01')?.id).toBe(3);
    expect(defaultTermFor(terms, '2010-01-01')?.id).toBe(1);
  });

  it('falls back to the latest term after the last one ended, and to none without terms', () => {
    expect(defaultTermFor(terms, '2030-01-01')?.id).toBe(3);
    expect(defaultTermFor([], '2030-01-01')).toBeNull();
  });
});

describe('term options', () => {
  it('lists the newest term first', () => {
    expect(termsNewestFirst(terms).map((t) => t.id)).toEqual([3, 2, 1]);
    expect(terms.map((t) => t.id)).toEqual([1, 3, 2]);
  });

  it('reads the chosen id, or none for the default', () => {
    expect(termIdFromSelect('12')).toBe(12);
    expect(termIdFromSelect('')).toBeNull();
    expect(termIdFromSelect('0')).toBeNull();
    expect(termIdFromSelect('x')).toBeNull();
  });
});

describe('endedTermFor', () => {
  const t2021 = { id: 1, startsOn: '2021-01-01', endsOn: '2024-12-31' };
  const t2025 = { id: 2, startsOn: '2025-01-01', endsOn: '2028-12-31' };
  it('finds the ended term a meeting after the last term would silently fall to', () => {
    expect(endedTermFor([t2021], '2026-03-10')).toBe(t2021);
    expect(endedTermFor([t2021], '2025-01-01')).toBe(t2021);
  });
  it('is null while a term runs or is to begin, and for a body without terms', () => {
    expect(endedTermFor([t2021], '2024-12-31')).toBeNull();
    expect(endedTermFor([t2021, t2025], '2026-03-10')).toBeNull();
    expect(endedTermFor([t2021, t2025], '2024-06-01')).toBeNull();
    expect(endedTermFor([], '2026-03-10')).toBeNull();
  });
});
