/** Hand-made API payloads for the climate helpers' tests (Kyoto's CDP 2021 target). */
import type { EmissionReport, EmissionsSeries, Target } from './types';

export function kyotoTarget(overrides: Partial<Target> = {}): Target {
  return {
    id: 1,
    governmentSlug: 'kyoto',
    parentTargetId: null,
    type: 'base-year',
    netZeroLabel: null,
    title: '40 % below 2013 by 2030',
    titles: {},
    description: null,
    baseYear: 2013,
    baseEmissions: 7_840_000,
    targetYear: 2030,
    reductionPercent: 40,
    targetEmissions: null,
    bauEmissions: null,
    baseIntensity: null,
    intensityUnit: null,
    fuel: null,
    sharePercent: null,
    pollutant: null,
    levelValue: null,
    levelUnit: null,
    coverage: { gases: ['CO2'], scopes: [1, 2], sectors: ['I', 'II'], boundary: 'city-wide' },
    status: 'policy',
    dateSet: null,
    sourceUrl: null,
    sourceDocument: null,
    initiatives: [],
    offsetsAllowed: null,
    selfReported: { progressPercent: 74, source: 'CDP 2021' },
    interimTargetIds: [],
    importKey: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    assessment: {
      status: 'on-track',
      reason: null,
      targetLevel: 4_704_000,
      actual: 6_540_648,
      actualYear: 2018,
      actualSource: 'cdp',
      expected: 6_917_647.06,
      progress: 0.4141,
      gap: -376_999,
      onPathway: true,
      trend: { slope: -150_000, intercept: 309_240_648, fromYear: 2014, toYear: 2018 },
      trendYear: 2030,
      benchmark: null,
      compared: 'scope-1-2',
      coverageAssumed: false,
      excluded: [],
      computed: true,
      asOfYear: 2021,
    },
    ...overrides,
  };
}

export function report(overrides: Partial<EmissionReport>): EmissionReport {
  return {
    id: 1,
    governmentSlug: 'kyoto',
    year: 2018,
    source: 'cdp',
    sourceLabel: 'CDP 2021',
    periodStart: null,
    periodEnd: null,
    scope1: null,
    scope2: null,
    scope3: null,
    basic: null,
    basicPlus: null,
    total: null,
    totalCoverage: null,
    gases: null,
    protocol: null,
    boundary: null,
    reportYear: null,
    dataset: null,
    preferred: false,
    provenance: {},
    version: 1,
    ...overrides,
  };
}

export function kyotoSeries(): EmissionsSeries {
  return {
    governmentSlug: 'kyoto',
    years: [
      {
        year: 2016,
        value: 7_000_000,
        // As the API names a figure from an illustrative inventory.
        source: 'inventory-illustrative',
        basis: 'inventory',
        reportId: null,
        coverage: 'basic',
        inventory: { id: 9, basic: 7_000_000, basicPlus: 7_400_000, isIllustrative: true },
        reports: [
          report({ id: 2, year: 2016, source: 'national', sourceLabel: 'MOE', total: 7_100_000 }),
        ],
      },
      {
        year: 2018,
        value: 6_540_648,
        source: 'cdp',
        basis: 'staff-choice',
        reportId: 3,
        coverage: 'scope-1-2',
        inventory: null,
        reports: [
          report({ id: 3, scope1: 3_636_204, scope2: 2_904_444, preferred: true }),
          report({ id: 4, scope1: 1, scope2: 1, preferred: false, sourceLabel: 'CDP 2020' }),
        ],
      },
    ],
  };
}
