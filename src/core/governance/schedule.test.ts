import { describe, expect, it } from 'vitest';
import { bodyTimeZone, earlyStartMinutes, EARLY_START_MINUTES, termMove } from './schedule';

describe('bodyTimeZone', () => {
  const offices = [
    { region: 'global', kind: 'world-secretariat', timeZone: 'Europe/Berlin' },
    { region: 'east-asia', kind: 'country-office', timeZone: 'Asia/Tokyo' },
    { region: 'east-asia', kind: 'regional-secretariat', timeZone: 'Asia/Seoul' },
    { region: 'north-america', kind: 'country-office', timeZone: null },
    { region: 'north-america', kind: 'country-office', timeZone: 'America/Denver' },
    { region: 'europe', kind: 'regional-secretariat', timeZone: null },
  ];

  it('takes the regional secretariat’s zone before any other office of the region', () => {
    expect(bodyTimeZone(offices, 'east-asia')).toBe('Asia/Seoul');
  });

  it('takes the first office of the region with a zone when the secretariat has none', () => {
    expect(bodyTimeZone(offices, 'north-america')).toBe('America/Denver');
  });

  it('gives a body of the whole network the world secretariat’s zone', () => {
    expect(bodyTimeZone(offices, null)).toBe('Europe/Berlin');
  });

  it('has none where no office of the region has a zone', () => {
    expect(bodyTimeZone(offices, 'europe')).toBeNull();
    expect(bodyTimeZone(offices, 'oceania')).toBeNull();
    expect(bodyTimeZone([], null)).toBeNull();
  });
});

describe('termMove', () => {
  const term = { startsOn: '2021-01-01', endsOn: '2024-12-31' };

  it('lets a meeting move anywhere within its term, its first and last days included', () => {
    expect(termMove(term, '2023-03-14', '2021-01-01')).toBeNull();
    expect(termMove(term, '2023-03-14', '2024-12-31')).toBeNull();
  });

  it('refuses a move past the term’s last day or before its first', () => {
    expect(termMove(term, '2023-03-14', '2025-01-01')).toBe('after');
    expect(termMove(term, '2023-03-14', '2020-12-31')).toBe('before');
  });

  it('lets a meeting already outside its term move on that side, not across it', () => {
    // The demo's 2020 meeting belongs to the 2021–2024 term about to begin.
    expect(termMove(term, '2020-11-26', '2020-11-27')).toBeNull();
    expect(termMove(term, '2020-11-26', '2025-02-01')).toBe('after');
    // A meeting of the ended term's members, named on purpose.
    expect(termMove(term, '2026-05-14', '2026-06-01')).toBeNull();
    expect(termMove(term, '2026-05-14', '2020-06-01')).toBe('before');
  });
});

describe('earlyStartMinutes', () => {
  const startsAt = '2026-12-10T05:00:00.000Z';

  it('says how early a start more than a day ahead is', () => {
    expect(earlyStartMinutes(startsAt, '2026-12-03T05:00:00.000Z')).toBe(7 * 24 * 60);
    expect(earlyStartMinutes(startsAt, '2026-12-09T04:59:00.000Z')).toBe(24 * 60 + 1);
  });

  it('says nothing of a start on time, late, or less than a day early', () => {
    expect(EARLY_START_MINUTES).toBe(24 * 60);
    expect(earlyStartMinutes(startsAt, '2026-12-09T05:00:00.000Z')).toBeNull();
    expect(earlyStartMinutes(startsAt, '2026-12-10T04:30:00.000Z')).toBeNull();
    expect(earlyStartMinutes(startsAt, '2026-12-10T05:00:00.000Z')).toBeNull();
    expect(earlyStartMinutes(startsAt, '2026-12-11T09:00:00.000Z')).toBeNull();
  });

  it('takes another limit', () => {
    expect(earlyStartMinutes(startsAt, '2026-12-10T03:00:00.000Z', 60)).toBe(120);
    expect(earlyStartMinutes(startsAt, 'not a time')).toBeNull();
  });
});
