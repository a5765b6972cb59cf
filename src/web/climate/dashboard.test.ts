import { describe, expect, it } from 'vitest';
import {
  countAxis,
  inGroup,
  isDashboardSort,
  mapStatusOf,
  sortRows,
  statusCounts,
  toMegatonnes,
} from './dashboard';
import type { ClimateSummaryRow } from './types';

function row(slug: string, overrides: Partial<ClimateSummaryRow> = {}): ClimateSummaryRow {
  return {
    slug,
    names: { en: slug },
    localLang: 'en',
    country: 'JP',
    region: 'east-asia',
    isMember: true,
    latitude: null,
    longitude: null,
    targets: 0,
    netZeroYear: null,
    headline: null,
    baseEmissions: null,
    latestEmissions: null,
    latestYear: null,
    latestIllustrative: false,
    ...overrides,
  };
}

const headline = (status: 'on-track' | 'off-track' | 'achieved', progress: number | null) => ({
  targetId: 1,
  title: 't',
  titles: {},
  targetYear: 2030,
  status,
  progress,
  illustrative: false,
});

const rows = [
  row('seoul', { country: 'KR', headline: headline('off-track', 0.1), netZeroYear: 2050 }),
  row('kyoto', {
    headline: headline('on-track', 0.414),
    netZeroYear: 2050,
    latestEmissions: 6.5e6,
  }),
  row('suwon', { country: 'KR', isMember: false }),
  row('changchun', { country: 'CN', headline: headline('achieved', 1.2), latestEmissions: 2e7 }),
];
const name = (r: ClimateSummaryRow) => r.names.en ?? r.slug;
const country = (r: ClimateSummaryRow) => r.country;
const slugs = (list: ClimateSummaryRow[]) => list.map((r) => r.slug);

describe('sortRows', () => {
  it('sorts by name both ways', () => {
    expect(slugs(sortRows(rows, 'name', name, country, 'en'))).toEqual([
      'changchun',
      'kyoto',
      'seoul',
      'suwon',
    ]);
    expect(slugs(sortRows(rows, '-name', name, country, 'en'))).toEqual([
      'suwon',
      'seoul',
      'kyoto',
      'changchun',
    ]);
  });

  it('puts rows without a value last in either direction', () => {
    expect(slugs(sortRows(rows, 'progress', name, country, 'en'))).toEqual([
      'seoul',
      'kyoto',
      'changchun',
      'suwon',
    ]);
    expect(slugs(sortRows(rows, '-progress', name, country, 'en'))).toEqual([
      'changchun',
      'kyoto',
      'seoul',
      'suwon',
    ]);
    expect(slugs(sortRows(rows, '-latestEmissions', name, country, 'en'))).toEqual([
      'changchun',
      'kyoto',
      'seoul',
      'suwon',
    ]);
  });

  it('orders statuses from achieved to off track, ties by name', () => {
    expect(slugs(sortRows(rows, 'status', name, country, 'en'))).toEqual([
      'changchun',
      'kyoto',
      'seoul',
      'suwon',
    ]);
    expect(slugs(sortRows(rows, 'country', name, country, 'en'))).toEqual([
      'changchun',
      'kyoto',
      'seoul',
      'suwon',
    ]);
  });
});

describe('dashboard figures', () => {
  it('groups, keys the map and counts statuses', () => {
    expect(rows.filter((r) => inGroup(r, 'prospects')).map((r) => r.slug)).toEqual(['suwon']);
    expect(rows.filter((r) => inGroup(r, 'all'))).toHaveLength(4);
    expect(mapStatusOf(rows[2] as ClimateSummaryRow)).toBe('none');
    expect(mapStatusOf(rows[0] as ClimateSummaryRow)).toBe('off-track');
    expect(toMegatonnes(7_840_000)).toBeCloseTo(7.84);
    expect(statusCounts({ 'on-track': 2, stale: 1 })).toEqual([
      { status: 'achieved', count: 0 },
      { status: 'on-track', count: 2 },
      { status: 'off-track', count: 0 },
      { status: 'stale', count: 1 },
      { status: 'not-assessable', count: 0 },
    ]);
    expect(isDashboardSort('-progress')).toBe(true);
    expect(isDashboardSort('-nonsense')).toBe(false);
    expect(isDashboardSort(null)).toBe(false);
  });
});

describe('countAxis', () => {
  it('draws at least 0–5 in whole steps, with the largest count on or below the top', () => {
    expect(countAxis(0)).toEqual({ max: 5, interval: 1 });
    expect(countAxis(1)).toEqual({ max: 5, interval: 1 });
    expect(countAxis(7)).toEqual({ max: 8, interval: 2 });
    expect(countAxis(23)).toEqual({ max: 25, interval: 5 });
    expect(countAxis(120)).toEqual({ max: 150, interval: 50 });
    for (let n = 0; n <= 1000; n += 7) {
      const { max, interval } = countAxis(n);
      expect(Number.isInteger(interval) && interval >= 1).toBe(true);
      expect(max % interval).toBe(0);
      expect(max).toBeGreaterThanOrEqual(Math.max(n, 5));
      expect(max / interval).toBeLessThanOrEqual(6);
    }
  });
});
