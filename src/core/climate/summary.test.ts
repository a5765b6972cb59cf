import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headlineTarget, summarizeNetwork } from './summary';
import type { AssessedTarget, NetworkEntry, NetworkSummary } from './summary';
import { ASSESSMENT_STATUSES, NET_ZERO_LABELS, TARGET_TYPES } from './types';
import type { Assessment, AssessmentStatus, TargetDefinition } from './types';

function definition(fields: Partial<TargetDefinition>): TargetDefinition {
  return {
    type: 'base-year',
    baseYear: null,
    baseEmissions: null,
    targetYear: null,
    reductionPercent: null,
    targetEmissions: null,
    bauEmissions: null,
    baseIntensity: null,
    intensityUnit: null,
    boundary: 'city-wide',
    netZeroLabel: null,
    ...fields,
  };
}

function assessment(status: AssessmentStatus): Assessment {
  return {
    status,
    reason: status === 'not-assessable' ? 'no-base-emissions' : null,
    targetLevel: null,
    actual: null,
    actualYear: null,
    actualSource: null,
    expected: null,
    progress: null,
    gap: null,
    onPathway: null,
    trend: null,
    trendYear: null,
    benchmark: null,
    compared: null,
    coverageAssumed: false,
    excluded: [],
  };
}

function assessed(status: AssessmentStatus, fields: Partial<TargetDefinition>): AssessedTarget {
  return { definition: definition(fields), assessment: assessment(status) };
}

const statuses = (counts: Partial<Record<AssessmentStatus, number>>) => ({
  achieved: 0,
  'on-track': 0,
  'off-track': 0,
  stale: 0,
  'not-assessable': 0,
  ...counts,
});

/** Four members in two countries and two prospects; the sums are worked out in the tests. */
const network: NetworkEntry[] = [
  {
    governmentId: 1,
    country: 'JP',
    isMember: true,
    targets: [
      // E_B − E_T = 7,840,000 − 4,704,000 = 3,136,000
      assessed('on-track', {
        baseYear: 2013,
        baseEmissions: 7_840_000,
        targetYear: 2030,
        reductionPercent: 40,
      }),
      // Net zero without a base: no base emissions, no committed reduction.
      assessed('not-assessable', {
        type: 'fixed-level',
        targetYear: 2050,
        netZeroLabel: 'net-zero',
      }),
    ],
  },
  {
    governmentId: 2,
    country: 'JP',
    isMember: true,
    targets: [
      // E_T = 700,000: 300,000 by 2025
      assessed('off-track', {
        baseYear: 2010,
        baseEmissions: 1_000_000,
        targetYear: 2025,
        reductionPercent: 30,
      }),
      // E_T = 400,000: 600,000 by 2035
      assessed('on-track', {
        baseYear: 2010,
        baseEmissions: 1_000_000,
        targetYear: 2035,
        reductionPercent: 60,
      }),
      assessed('not-assessable', { type: 'fuel-phase-out', targetYear: 2028 }),
    ],
  },
  {
    governmentId: 3,
    country: 'KR',
    isMember: true,
    targets: [
      // Fixed level 0 without a label still counts as net zero; 5,000,000 by 2050.
      assessed('on-track', {
        type: 'fixed-level',
        baseYear: 2018,
        baseEmissions: 5_000_000,
        targetYear: 2050,
        targetEmissions: 0,
      }),
      // Intensity: its base emissions count as covered, but it commits no absolute reduction.
      assessed('achieved', {
        type: 'intensity',
        baseYear: 2018,
        baseEmissions: 4_000_000,
        baseIntensity: 8,
        targetYear: 2030,
        reductionPercent: 30,
      }),
    ],
  },
  { governmentId: 4, country: 'KR', isMember: true, targets: [] },
  {
    governmentId: 5,
    country: 'CN',
    isMember: false,
    targets: [
      // E_T = 1,600,000: 400,000 by 2030
      assessed('stale', {
        baseYear: 2015,
        baseEmissions: 2_000_000,
        targetYear: 2030,
        reductionPercent: 20,
      }),
    ],
  },
  {
    governmentId: 6,
    country: 'CN',
    isMember: false,
    targets: [assessed('not-assessable', { type: 'renewable-share', targetYear: 2030 })],
  },
];

describe('summarizeNetwork', () => {
  const summary = summarizeNetwork(network);

  it('counts members and their targets', () => {
    const { members } = summary;
    expect(members.governments).toBe(4);
    expect(members.withTargets).toBe(3); // 1, 2, 3
    expect(members.withNetZero).toBe(2); // 1 (label), 3 (level 0)
    expect(members.netZeroShare).toBe(0.5);
    // Headlines: 1 → 2030 on track; 2 → 2025 off track; 3 → 2030 intensity achieved.
    expect(members.byStatus).toEqual(statuses({ 'on-track': 1, 'off-track': 1, achieved: 1 }));
  });

  it('sums base emissions and committed reductions once per government', () => {
    const { members } = summary;
    // 7,840,000 (1) + 1,000,000 (2: the same base in two targets) + 5,000,000 (3: the larger)
    expect(members.baseEmissionsCovered).toBe(13_840_000);
    // By 2030: 3,136,000 (1) + 300,000 (2) + 0 (3: only intensity) = 3,436,000
    expect(members.committedReduction2030).toBeCloseTo(3_436_000, 6);
    // By 2050: 3,136,000 (1) + max(300,000, 600,000) (2) + 5,000,000 (3) = 8,736,000
    expect(members.committedReduction2050).toBeCloseTo(8_736_000, 6);
  });

  it('breaks members down by country', () => {
    expect(summary.members.byCountry).toEqual({
      JP: {
        governments: 2,
        withTargets: 2,
        withNetZero: 1,
        byStatus: statuses({ 'on-track': 1, 'off-track': 1 }),
      },
      KR: { governments: 2, withTargets: 1, withNetZero: 1, byStatus: statuses({ achieved: 1 }) },
    });
  });

  it('keeps prospects apart', () => {
    const { prospects } = summary;
    expect(prospects.governments).toBe(2);
    expect(prospects.withTargets).toBe(2);
    expect(prospects.withNetZero).toBe(0);
    expect(prospects.netZeroShare).toBe(0);
    expect(prospects.baseEmissionsCovered).toBe(2_000_000);
    expect(prospects.committedReduction2030).toBeCloseTo(400_000, 6);
    expect(prospects.committedReduction2050).toBeCloseTo(400_000, 6);
    // Government 6 has no emissions target: no headline, not in byStatus.
    expect(prospects.byStatus).toEqual(statuses({ stale: 1 }));
    expect(Object.keys(prospects.byCountry)).toEqual(['CN']);
  });

  it('merges a government given twice', () => {
    const government2 = network[1] as NetworkEntry;
    const split: NetworkEntry[] = [
      ...network.filter((e) => e.governmentId !== 2),
      { ...government2, targets: government2.targets.slice(0, 1) },
      { ...government2, targets: government2.targets.slice(1) },
    ];
    const merged = summarizeNetwork(split);
    expect(merged.members.governments).toBe(4);
    expect(merged.members.baseEmissionsCovered).toBe(13_840_000);
    expect(merged.members.byStatus).toEqual(summary.members.byStatus);
  });

  it('follows other milestone years', () => {
    const later = summarizeNetwork(network, { milestoneYears: [2035, 2040] });
    expect(later.milestoneYears).toEqual([2035, 2040]);
    // By 2035: 3,136,000 (1) + 600,000 (2) + 0 (3) = 3,736,000
    expect(later.members.committedReduction2030).toBeCloseTo(3_736_000, 6);
    // Government 2's headline is now its 2035 target (on track).
    expect(later.members.byStatus).toEqual(statuses({ 'on-track': 2, achieved: 1 }));
  });
});

describe('headlineTarget', () => {
  it('takes the latest target up to 2030, else the earliest later one', () => {
    const t2025 = assessed('off-track', { targetYear: 2025 });
    const t2030 = assessed('on-track', { targetYear: 2030 });
    const t2040 = assessed('stale', { targetYear: 2040 });
    const t2050 = assessed('achieved', { targetYear: 2050 });
    expect(headlineTarget([t2050, t2025, t2040, t2030])).toBe(t2030);
    expect(headlineTarget([t2050, t2040])).toBe(t2040);
    const phaseOut = assessed('not-assessable', { type: 'fuel-phase-out', targetYear: 2025 });
    expect(headlineTarget([phaseOut])).toBeNull();
    const undated = assessed('not-assessable', { targetYear: null });
    expect(headlineTarget([undated, phaseOut])).toBe(undated);
  });
});

describe('summarizeNetwork properties', () => {
  const targetArb: fc.Arbitrary<AssessedTarget> = fc
    .record({
      type: fc.constantFrom(...TARGET_TYPES),
      baseEmissions: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
      targetYear: fc.option(fc.integer({ min: 2020, max: 2060 })),
      reductionPercent: fc.option(fc.integer({ min: 0, max: 100 })),
      targetEmissions: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
      netZeroLabel: fc.option(fc.constantFrom(...NET_ZERO_LABELS)),
      status: fc.constantFrom(...ASSESSMENT_STATUSES),
    })
    .map(({ status, ...fields }) => assessed(status, { baseYear: 2015, ...fields }));
  const entryArb = (governmentId: number): fc.Arbitrary<NetworkEntry> =>
    fc.record({
      governmentId: fc.constant(governmentId),
      country: fc.constantFrom('JP', 'KR', 'CN', 'TW'),
      isMember: fc.boolean(),
      targets: fc.array(targetArb, { maxLength: 4 }),
    });
  const networkArb = fc
    .integer({ min: 0, max: 8 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entryArb(i + 1))));

  /** The summary with the counts that a government without targets may change taken out. */
  function withoutGovernmentCounts(summary: NetworkSummary) {
    const strip = (group: NetworkSummary['members']) => ({
      ...group,
      governments: 0,
      netZeroShare: 0,
      byCountry: Object.fromEntries(
        Object.entries(group.byCountry)
          .map(([country, counts]) => [country, { ...counts, governments: 0 }] as const)
          .filter(
            ([, c]) =>
              c.withTargets > 0 ||
              c.withNetZero > 0 ||
              Object.values(c.byStatus).some((n) => n > 0),
          ),
      ),
    });
    return { ...summary, members: strip(summary.members), prospects: strip(summary.prospects) };
  }

  it('changes only the governments count when a government without targets joins', () => {
    fc.assert(
      fc.property(
        networkArb,
        fc.constantFrom('JP', 'KR', 'MN'),
        fc.boolean(),
        (entries, country, isMember) => {
          const before = summarizeNetwork(entries);
          const newcomer = { governmentId: 1000, country, isMember, targets: [] };
          const after = summarizeNetwork([...entries, newcomer]);
          const group = isMember ? 'members' : 'prospects';
          expect(after[group].governments).toBe(before[group].governments + 1);
          expect(after[group].byCountry[country]?.governments).toBe(
            (before[group].byCountry[country]?.governments ?? 0) + 1,
          );
          expect(after[group].netZeroShare).toBeCloseTo(
            after[group].withNetZero / after[group].governments,
            12,
          );
          expect(withoutGovernmentCounts(after)).toEqual(withoutGovernmentCounts(before));
        },
      ),
    );
  });

  it('never counts more governments with targets than governments', () => {
    fc.assert(
      fc.property(networkArb, (entries) => {
        const summary = summarizeNetwork(entries);
        for (const group of [summary.members, summary.prospects]) {
          const byStatus = Object.values(group.byStatus).reduce((a, b) => a + b, 0);
          expect(byStatus).toBeLessThanOrEqual(group.withTargets);
          expect(group.withNetZero).toBeLessThanOrEqual(group.withTargets);
          expect(group.withTargets).toBeLessThanOrEqual(group.governments);
          expect(group.committedReduction2030).toBeLessThanOrEqual(group.committedReduction2050);
        }
        expect(summary.members.governments + summary.prospects.governments).toBe(entries.length);
      }),
    );
  });
});
