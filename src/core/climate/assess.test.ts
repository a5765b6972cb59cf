import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessTarget, fitTrend, targetLevelOf } from './assess';
import type { AssessmentStatus, EmissionsObservation, TargetDefinition } from './types';

function target(fields: Partial<TargetDefinition>): TargetDefinition {
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

function observed(year: number, emissions: number, source = 'inventory'): EmissionsObservation {
  return { year, emissions, source };
}

/** PRODUCT.md section 3: Kyoto, 40 % below FY2013 (7,840,000 t) by 2030. */
const kyoto = target({
  baseYear: 2013,
  baseEmissions: 7_840_000,
  targetYear: 2030,
  reductionPercent: 40,
});
/** FY2018 scope 1 + scope 2 from the CDP city-wide emissions file. */
const kyoto2018 = observed(2018, 3_636_204 + 2_904_444, 'cdp');

describe('assessTarget: the worked example (Kyoto)', () => {
  it('is on track in 2021 with 41.4 % progress', () => {
    const result = assessTarget(kyoto, [kyoto2018], { asOfYear: 2021 });
    // E_T = 7,840,000 × (1 − 0.40) = 4,704,000
    expect(result.targetLevel).toBeCloseTo(4_704_000, 6);
    expect(result.actual).toBe(6_540_648);
    expect(result.actualYear).toBe(2018);
    expect(result.actualSource).toBe('cdp');
    // E(2018) = 7,840,000 − 5/17 × 3,136,000 = 7,840,000 − 922,352.941… = 6,917,647.0588…
    expect(result.expected).toBeCloseTo(6_917_647.0588, 3);
    // progress = (7,840,000 − 6,540,648) / 3,136,000 = 1,299,352 / 3,136,000 = 0.414334…
    expect(result.progress).toBeCloseTo(0.414334, 6);
    // gap = 6,540,648 − 6,917,647.0588 = −376,999.0588
    expect(result.gap).toBeCloseTo(-376_999.0588, 3);
    expect(result.onPathway).toBe(true);
    // 2018 is not before 2021 − 3 = 2018: not stale.
    expect(result.status).toBe('on-track');
    expect(result.reason).toBeNull();
    expect(result.trend).toBeNull(); // one point
    expect(result.benchmark).toBeNull(); // no 2019 figure and base year 2013
  });

  it('is stale in 2026 but still on the pathway', () => {
    const result = assessTarget(kyoto, [kyoto2018], { asOfYear: 2026 });
    // 2018 < 2026 − 3 = 2023
    expect(result.status).toBe('stale');
    expect(result.onPathway).toBe(true);
    expect(result.progress).toBeCloseTo(0.414334, 6);
    expect(result.expected).toBeCloseTo(6_917_647.0588, 3);
  });

  it('honours a different staleness limit', () => {
    // 2018 < 2021 − 2 = 2019
    expect(assessTarget(kyoto, [kyoto2018], { asOfYear: 2021, staleAfterYears: 2 }).status).toBe(
      'stale',
    );
  });

  it("prefers the member's own inventory when two sources give the same year", () => {
    const result = assessTarget(
      kyoto,
      [observed(2018, 6_800_000, 'cdp'), observed(2018, 6_540_648, 'inventory')],
      { asOfYear: 2021 },
    );
    expect(result.actual).toBe(6_540_648);
    expect(result.actualSource).toBe('inventory');
    const firstGiven = assessTarget(
      kyoto,
      [observed(2018, 6_800_000, 'cdp'), observed(2018, 6_540_648, 'national')],
      { asOfYear: 2021 },
    );
    expect(firstGiven.actualSource).toBe('cdp');
  });

  it('uses the latest year after the base year, whatever the order given', () => {
    const result = assessTarget(
      kyoto,
      [observed(2019, 6_400_000), observed(2013, 7_840_000), observed(2017, 7_000_000)],
      { asOfYear: 2021 },
    );
    expect(result.actualYear).toBe(2019);
  });
});

describe('assessTarget: target types', () => {
  it('assesses a baseline-scenario target against BAU (off track)', () => {
    const bau = target({
      type: 'baseline-scenario',
      baseYear: 2015,
      baseEmissions: 1_000_000,
      targetYear: 2025,
      bauEmissions: 1_200_000,
      reductionPercent: 25,
    });
    const result = assessTarget(bau, [observed(2020, 960_000)], { asOfYear: 2021 });
    // E_T = 1,200,000 × 0.75 = 900,000
    expect(result.targetLevel).toBe(900_000);
    // E(2020) = 1,000,000 − 5/10 × 100,000 = 950,000; gap = 960,000 − 950,000 = 10,000
    expect(result.expected).toBe(950_000);
    expect(result.gap).toBe(10_000);
    // progress = 40,000 / 100,000 = 0.4
    expect(result.progress).toBeCloseTo(0.4, 12);
    expect(result.onPathway).toBe(false);
    expect(result.status).toBe('off-track');
  });

  it('assesses an intensity target per capita with the denominators of each year', () => {
    const perCapita = target({
      type: 'intensity',
      baseYear: 2010,
      baseIntensity: 5,
      intensityUnit: 'person',
      targetYear: 2030,
      reductionPercent: 40,
    });
    const result = assessTarget(
      perCapita,
      [observed(2020, 3_800_000), observed(2021, 3_500_000)],
      // 2021 has no population: ignored.
      { asOfYear: 2022, denominators: { 2020: 1_000_000 } },
    );
    // E_T = 5 × 0.6 = 3 t per person; 2020: 3,800,000 / 1,000,000 = 3.8
    expect(result.targetLevel).toBeCloseTo(3, 12);
    expect(result.actual).toBeCloseTo(3.8, 12);
    expect(result.actualYear).toBe(2020);
    // E(2020) = 5 − 10/20 × 2 = 4; gap = −0.2; progress = 1.2 / 2 = 0.6
    expect(result.expected).toBeCloseTo(4, 12);
    expect(result.gap).toBeCloseTo(-0.2, 12);
    expect(result.progress).toBeCloseTo(0.6, 12);
    expect(result.status).toBe('on-track');
    expect(result.benchmark).toBeNull();
  });

  it('turns an absolute level of an intensity target into an intensity', () => {
    const perCapita = target({
      type: 'intensity',
      baseYear: 2010,
      baseIntensity: 5,
      targetYear: 2030,
      targetEmissions: 2_400_000,
    });
    // 2,400,000 t / 1,200,000 people = 2 t per person
    expect(targetLevelOf(perCapita, { 2030: 1_200_000 })).toBe(2);
    expect(targetLevelOf(perCapita)).toBeNull();
  });

  it('assesses a fixed-level net-zero target for 2050', () => {
    const netZero = target({
      type: 'fixed-level',
      baseYear: 2020,
      baseEmissions: 2_000_000,
      targetYear: 2050,
      netZeroLabel: 'net-zero',
    });
    const result = assessTarget(netZero, [observed(2023, 1_700_000)], { asOfYear: 2024 });
    // E_T = 0; E(2023) = 2,000,000 − 3/30 × 2,000,000 = 1,800,000
    expect(result.targetLevel).toBe(0);
    expect(result.expected).toBeCloseTo(1_800_000, 6);
    expect(result.gap).toBeCloseTo(-100_000, 6);
    // progress = 300,000 / 2,000,000 = 0.15
    expect(result.progress).toBeCloseTo(0.15, 12);
    expect(result.status).toBe('on-track');
    const levelZero = target({ ...netZero, netZeroLabel: null, targetEmissions: 0 });
    expect(assessTarget(levelZero, [observed(2023, 1_700_000)], { asOfYear: 2024 })).toEqual(
      result,
    );
  });

  it('says achieved when the latest figure is at or below the target level, even if old', () => {
    const half = target({
      baseYear: 2010,
      baseEmissions: 1000,
      targetYear: 2030,
      reductionPercent: 50,
    });
    const result = assessTarget(half, [observed(2024, 480)], { asOfYear: 2040 });
    // E_T = 500; 480 ≤ 500; progress = 520 / 500 = 1.04
    expect(result.status).toBe('achieved');
    expect(result.progress).toBeCloseTo(1.04, 12);
    expect(assessTarget(half, [observed(2024, 500)], { asOfYear: 2025 }).status).toBe('achieved');
  });

  it('is off track when the target year has passed above the target level', () => {
    const passed = target({
      baseYear: 2010,
      baseEmissions: 1000,
      targetYear: 2020,
      reductionPercent: 20,
    });
    const result = assessTarget(passed, [observed(2022, 850)], { asOfYear: 2023 });
    // After T the pathway stays at E_T = 800: gap = 50.
    expect(result.expected).toBe(800);
    expect(result.gap).toBe(50);
    expect(result.status).toBe('off-track');
  });

  it('prefers the percentage to a given level for base-year targets', () => {
    const both = target({ ...kyoto, targetEmissions: 5_000_000 });
    expect(targetLevelOf(both)).toBeCloseTo(4_704_000, 6);
    const levelOnly = target({ ...kyoto, reductionPercent: null, targetEmissions: 5_000_000 });
    expect(targetLevelOf(levelOnly)).toBe(5_000_000);
  });
});

describe('assessTarget: not assessable', () => {
  const asOf = { asOfYear: 2024 };

  it('names non-emission targets', () => {
    for (const type of ['fuel-phase-out', 'renewable-share', 'air-quality'] as const) {
      const result = assessTarget(target({ ...kyoto, type }), [kyoto2018], asOf);
      expect(result.status).toBe('not-assessable');
      expect(result.reason).toBe('not-an-emissions-target');
      expect(result.targetLevel).toBeNull();
    }
  });

  it('says an "other" target (a peak year, say) is not stated as a level of emissions', () => {
    // The Net Zero Tracker's "Other" targets, e.g. "peak emissions by 2025": even with a base
    // year and base emissions there is no level to draw a pathway to.
    const result = assessTarget(
      target({ type: 'other', baseYear: 2013, baseEmissions: 7_840_000, targetYear: 2025 }),
      [kyoto2018],
      asOf,
    );
    expect(result.status).toBe('not-assessable');
    expect(result.reason).toBe('not-quantified');
    expect(result.targetLevel).toBeNull();
  });

  it('needs base-year emissions (or base intensity)', () => {
    expect(assessTarget(target({ ...kyoto, baseEmissions: null }), [kyoto2018], asOf).reason).toBe(
      'no-base-emissions',
    );
    expect(assessTarget(target({ ...kyoto, baseYear: null }), [kyoto2018], asOf).reason).toBe(
      'no-base-emissions',
    );
    const intensity = target({ ...kyoto, type: 'intensity', baseIntensity: null });
    expect(assessTarget(intensity, [kyoto2018], asOf).reason).toBe('no-base-emissions');
    // Checked before the level: both missing names the base.
    expect(
      assessTarget(target({ baseYear: 2013, targetYear: 2030 }), [kyoto2018], asOf).reason,
    ).toBe('no-base-emissions');
  });

  it('needs a target level and a target year after the base year', () => {
    const noLevel = target({ ...kyoto, reductionPercent: null });
    expect(assessTarget(noLevel, [kyoto2018], asOf).reason).toBe('no-target-level');
    expect(assessTarget(target({ ...kyoto, targetYear: null }), [kyoto2018], asOf).reason).toBe(
      'no-target-level',
    );
    expect(assessTarget(target({ ...kyoto, targetYear: 2013 }), [kyoto2018], asOf).reason).toBe(
      'no-target-level',
    );
    const bauWithoutBau = target({ ...kyoto, type: 'baseline-scenario' });
    expect(assessTarget(bauWithoutBau, [kyoto2018], asOf).reason).toBe('no-target-level');
  });

  it('needs an observation after the base year', () => {
    const result = assessTarget(kyoto, [observed(2013, 7_840_000), observed(2010, 8e6)], asOf);
    expect(result.reason).toBe('no-inventory-after-base-year');
    expect(result.targetLevel).toBeCloseTo(4_704_000, 6);
    expect(assessTarget(kyoto, [], asOf).reason).toBe('no-inventory-after-base-year');
  });

  it('leaves out a latest figure whose boundary differs from the target', () => {
    const cityWide = { ...kyoto, boundary: 'city-wide' as const };
    const partial: EmissionsObservation = {
      ...observed(2018, 6_540_648, 'cdp'),
      figures: { unstated: 6_540_648 },
      boundary: 'partial',
    };
    const result = assessTarget(cityWide, [observed(2016, 7_000_000), partial], asOf);
    // Assessed on 2016: progress = (7,840,000 − 7,000,000) / 3,136,000 = 0.267857…
    expect(result.actualYear).toBe(2016);
    expect(result.progress).toBeCloseTo(0.267857, 6);
    expect(result.excluded).toEqual([
      { year: 2018, code: 'boundary', reported: 'partial', required: 'city-wide' },
    ]);
    const alone = assessTarget(cityWide, [partial], asOf);
    expect(alone.status).toBe('not-assessable');
    expect(alone.reason).toBe('no-comparable-figures');
    expect(alone.progress).toBeNull();
    expect(alone.excluded).toHaveLength(1);
  });

  it('needs a denominator for the years of an intensity target', () => {
    const perCapita = target({
      type: 'intensity',
      baseYear: 2010,
      baseIntensity: 5,
      targetYear: 2030,
      reductionPercent: 40,
    });
    const result = assessTarget(perCapita, [observed(2020, 3_800_000)], {
      asOfYear: 2022,
      denominators: { 2010: 900_000 },
    });
    expect(result.reason).toBe('no-denominator');
  });
});

describe('assessTarget: like with like (issue 10)', () => {
  /**
   * One city's 2017 figure is BASIC, its 2018 figure scope 1 + 2 only. The target: 50 % below
   * 2010 (1,000,000 t) by 2030, covering BASIC (scopes 1–3 of stationary energy, transport
   * and waste). E_T = 500,000; the committed reduction 500,000.
   */
  const basicTarget = target({
    baseYear: 2010,
    baseEmissions: 1_000_000,
    targetYear: 2030,
    reductionPercent: 50,
    coverage: { scopes: [1, 2, 3], sectors: ['I', 'II', 'III'], gases: [] },
  });
  const y2017: EmissionsObservation = {
    year: 2017,
    emissions: 920_000,
    source: 'cdp',
    coverage: 'basic',
    figures: { basic: 920_000, 'scope-1-2': 980_000, 'scope-1': 700_000 },
  };
  const y2018: EmissionsObservation = {
    year: 2018,
    emissions: 993_000,
    source: 'cdp',
    coverage: 'scope-1-2',
    figures: { 'scope-1-2': 993_000, 'scope-1': 700_000 },
  };

  it('uses the comparable 2017 BASIC figure: 16 % progress, not 1.4 %', () => {
    const result = assessTarget(basicTarget, [y2017, y2018], { asOfYear: 2020 });
    // progress = (1,000,000 − 920,000) / 500,000 = 0.16
    expect(result.progress).toBeCloseTo(0.16, 12);
    expect(result.actual).toBe(920_000);
    expect(result.actualYear).toBe(2017);
    // E(2017) = 1,000,000 − 7/20 × 500,000 = 825,000; 920,000 is above it by 95,000.
    expect(result.expected).toBeCloseTo(825_000, 6);
    expect(result.gap).toBeCloseTo(95_000, 6);
    expect(result.status).toBe('off-track');
    expect(result.compared).toBe('basic');
    expect(result.coverageAssumed).toBe(false);
    // 2018 is shown but not used, and the assessment says why.
    expect(result.excluded).toEqual([
      { year: 2018, code: 'coverage', reported: 'scope-1-2', required: 'basic' },
    ]);
    // Mixing the two, as before, gave (1,000,000 − 993,000) / 500,000 = 0.014.
    const mixed = assessTarget(basicTarget, [observed(2017, 920_000), observed(2018, 993_000)], {
      asOfYear: 2020,
    });
    expect(mixed.progress).toBeCloseTo(0.014, 12);
  });

  it('assumes BASIC when the target does not say what it covers, and says so', () => {
    const unsaid = target({ ...basicTarget, coverage: undefined });
    const result = assessTarget(unsaid, [y2017, y2018], { asOfYear: 2020 });
    expect(result.progress).toBeCloseTo(0.16, 12);
    expect(result).toMatchObject({ compared: 'basic', coverageAssumed: true });
  });

  it('compares scope 1 + 2 for a scope 1 + 2 target, using both years', () => {
    const scope12 = target({
      ...basicTarget,
      coverage: { scopes: [1, 2], sectors: [], gases: [] },
    });
    const result = assessTarget(scope12, [y2017, y2018], { asOfYear: 2020 });
    // Latest 2018: (1,000,000 − 993,000) / 500,000 = 0.014, now of like figures.
    expect(result.progress).toBeCloseTo(0.014, 12);
    expect(result.excluded).toEqual([]);
  });

  it('is not assessable when no year after the base year is comparable', () => {
    const result = assessTarget(basicTarget, [y2018], { asOfYear: 2020 });
    expect(result.status).toBe('not-assessable');
    expect(result.reason).toBe('no-comparable-figures');
    expect(result.excluded).toHaveLength(1);
    expect(result.targetLevel).toBeCloseTo(500_000, 6);
  });

  it('measures the 1.5 °C benchmark from a comparable 2019 figure only', () => {
    const for2030 = target({ ...basicTarget, targetYear: 2030 });
    const y2019: EmissionsObservation = {
      year: 2019,
      emissions: 800_000,
      source: 'cdp',
      coverage: 'scope-1-2',
      figures: { 'scope-1-2': 800_000 },
    };
    expect(assessTarget(for2030, [y2017, y2019], { asOfYear: 2020 }).benchmark).toBeNull();
  });
});

describe('assessTarget: trend', () => {
  const base2015 = target({
    baseYear: 2015,
    baseEmissions: 1000,
    targetYear: 2030,
    reductionPercent: 50,
  });

  it('fits a least-squares line and the year it reaches the target level', () => {
    const result = assessTarget(
      base2015,
      [observed(2016, 960), observed(2017, 948), observed(2018, 930)],
      { asOfYear: 2019 },
    );
    // Years −1, 0, +1 around 2017; mean level 946; slope = (930 − 960) / 2 = −15;
    // intercept = 946 + 15 × 2017 = 31,201.
    expect(result.trend?.slope).toBeCloseTo(-15, 9);
    expect(result.trend?.intercept).toBeCloseTo(31_201, 6);
    expect(result.trend).toMatchObject({ fromYear: 2016, toYear: 2018 });
    // 500 = 946 − 15 × (y − 2017) → y = 2017 + 446/15 = 2046.73 → 2047
    expect(result.trendYear).toBe(2047);
  });

  it('uses the base year and later, within the last ten years', () => {
    const base2010 = target({
      baseYear: 2010,
      baseEmissions: 100,
      targetYear: 2030,
      reductionPercent: 50,
    });
    const result = assessTarget(
      base2010,
      // 2009 is before the base year: left out.
      [observed(2009, 500), observed(2010, 100), observed(2014, 80), observed(2018, 72)],
      { asOfYear: 2019 },
    );
    // Years −4, 0, +4 around 2014; mean 84; Σdx·dy = −4×16 + 4×(−12) = −112; Σdx² = 32;
    // slope = −3.5; reaches 50 at 2014 + 34/3.5 = 2023.71 → 2024.
    expect(result.trend?.slope).toBeCloseTo(-3.5, 9);
    expect(result.trend?.fromYear).toBe(2010);
    expect(result.trendYear).toBe(2024);

    const base2000 = target({
      baseYear: 2000,
      baseEmissions: 100,
      targetYear: 2030,
      reductionPercent: 50,
    });
    const windowed = assessTarget(
      base2000,
      // Latest 2015: the window is 2006–2015, so 2005 is left out.
      [observed(2005, 500), observed(2007, 90), observed(2011, 85), observed(2015, 74)],
      { asOfYear: 2016 },
    );
    // Years −4, 0, +4 around 2011; mean 83; Σdx·dy = −4×7 + 4×(−9) = −64; slope = −64/32 = −2
    expect(windowed.trend?.slope).toBeCloseTo(-2, 9);
    expect(windowed.trend?.fromYear).toBe(2007);
  });

  it('has no trend with fewer than three years, and no trend year when rising', () => {
    const two = assessTarget(base2015, [observed(2016, 960), observed(2018, 930)], {
      asOfYear: 2019,
    });
    expect(two.trend).toBeNull();
    expect(two.trendYear).toBeNull();
    const rising = assessTarget(
      base2015,
      [observed(2016, 960), observed(2017, 970), observed(2018, 990)],
      { asOfYear: 2019 },
    );
    expect(rising.trend?.slope).toBeCloseTo(15, 9); // (990 − 960) / 2
    expect(rising.trendYear).toBeNull();
  });

  it('returns null for a single year repeated', () => {
    expect(
      fitTrend([
        { year: 2020, level: 1 },
        { year: 2020, level: 2 },
        { year: 2020, level: 3 },
      ]),
    ).toBeNull();
  });
});

describe('assessTarget: 1.5 °C benchmark for 2030 targets', () => {
  const fromBase2015 = (reductionPercent: number) =>
    target({ baseYear: 2015, baseEmissions: 1_200_000, targetYear: 2030, reductionPercent });
  const observations = [observed(2019, 1_000_000), observed(2022, 900_000)];

  it('is not aligned at 50 % below a higher base', () => {
    const result = assessTarget(fromBase2015(50), observations, { asOfYear: 2023 });
    // E_T = 600,000; benchmark = 0.57 × 1,000,000 = 570,000; 600,000 > 570,000
    expect(result.benchmark).toEqual({
      emissions2019: 1_000_000,
      benchmark2030: 570_000,
      target2030: 600_000,
      reductionFrom2019Percent: 40, // 1 − 600,000 / 1,000,000
      aligned: false,
    });
  });

  it('is aligned at 55 % below the same base', () => {
    const result = assessTarget(fromBase2015(55), observations, { asOfYear: 2023 });
    // E_T = 1,200,000 × 0.45 = 540,000 ≤ 570,000; reduction 46 %
    expect(result.benchmark?.aligned).toBe(true);
    expect(result.benchmark?.target2030).toBeCloseTo(540_000, 6);
    expect(result.benchmark?.reductionFrom2019Percent).toBeCloseTo(46, 9);
  });

  it('uses base emissions of 2019 when there is no 2019 figure, and −43 % is aligned', () => {
    const from2019 = target({
      baseYear: 2019,
      baseEmissions: 1_000_000,
      targetYear: 2030,
      reductionPercent: 43,
    });
    const result = assessTarget(from2019, [observed(2022, 900_000)], { asOfYear: 2023 });
    expect(result.benchmark?.emissions2019).toBe(1_000_000);
    expect(result.benchmark?.aligned).toBe(true);
    const short = target({ ...from2019, reductionPercent: 42 });
    expect(
      assessTarget(short, [observed(2022, 900_000)], { asOfYear: 2023 }).benchmark?.aligned,
    ).toBe(false);
  });

  it('is absent for other target years or without 2019 emissions', () => {
    const for2035 = target({ ...fromBase2015(50), targetYear: 2035 });
    expect(assessTarget(for2035, observations, { asOfYear: 2023 }).benchmark).toBeNull();
    expect(
      assessTarget(fromBase2015(50), [observed(2022, 900_000)], { asOfYear: 2023 }).benchmark,
    ).toBeNull();
  });
});

describe('assessTarget properties', () => {
  const rank: Record<AssessmentStatus, number> = {
    achieved: 0,
    'on-track': 1,
    'off-track': 2,
    stale: 3,
    'not-assessable': 4,
  };
  const reducingTarget = fc
    .record({
      baseYear: fc.integer({ min: 1990, max: 2025 }),
      span: fc.integer({ min: 2, max: 40 }),
      baseEmissions: fc.integer({ min: 1, max: 1_000_000_000 }),
      reductionPercent: fc.double({ min: 1, max: 100, noNaN: true }),
    })
    .map(({ baseYear, span, baseEmissions, reductionPercent }) =>
      target({ baseYear, baseEmissions, targetYear: baseYear + span, reductionPercent }),
    );

  it('puts a figure on the pathway on track, with progress the elapsed share', () => {
    fc.assert(
      fc.property(reducingTarget, fc.double({ min: 0, max: 1, noNaN: true }), (t, share) => {
        const B = t.baseYear as number;
        const T = t.targetYear as number;
        const EB = t.baseEmissions as number;
        const ET = EB * (1 - (t.reductionPercent as number) / 100);
        const y = Math.min(T - 1, B + 1 + Math.floor(share * (T - B - 1)));
        const onLine = EB - ((y - B) / (T - B)) * (EB - ET);
        const result = assessTarget(t, [observed(y, onLine)], { asOfYear: y });
        expect(result.status).toBe('on-track');
        expect(Math.abs((result.progress as number) - (y - B) / (T - B))).toBeLessThanOrEqual(1e-9);
      }),
    );
  });

  it('never judges lower emissions worse', () => {
    fc.assert(
      fc.property(
        reducingTarget,
        fc.integer({ min: 1, max: 45 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (t, after, level, lowering) => {
          const year = (t.baseYear as number) + after;
          const emissions = level * (t.baseEmissions as number);
          const lower = emissions * lowering;
          const options = { asOfYear: year };
          const before = assessTarget(t, [observed(year, emissions)], options);
          const better = assessTarget(t, [observed(year, lower)], options);
          expect(rank[better.status]).toBeLessThanOrEqual(rank[before.status]);
          expect(better.progress as number).toBeGreaterThanOrEqual(before.progress as number);
        },
      ),
    );
  });

  it('keeps a stale figure on the pathway when lowered', () => {
    fc.assert(
      fc.property(reducingTarget, fc.double({ min: 0, max: 1, noNaN: true }), (t, lowering) => {
        const year = (t.baseYear as number) + 1;
        const options = { asOfYear: year + 10 };
        const onLine = assessTarget(t, [observed(year, t.baseEmissions as number)], options);
        const expected = onLine.expected as number;
        const lowered = assessTarget(t, [observed(year, expected * lowering)], options);
        if (lowered.status !== 'achieved') expect(lowered.onPathway).toBe(true);
      }),
    );
  });

  it('gives progress 0 at the base level and 1 at the target level', () => {
    fc.assert(
      fc.property(reducingTarget, fc.integer({ min: 1, max: 45 }), (t, after) => {
        const year = (t.baseYear as number) + after;
        const EB = t.baseEmissions as number;
        const ET = targetLevelOf(t) as number;
        const atBase = assessTarget(t, [observed(year, EB)], { asOfYear: year });
        const atTarget = assessTarget(t, [observed(year, ET)], { asOfYear: year });
        expect(atBase.progress).toBeCloseTo(0, 12);
        expect(atTarget.progress).toBeCloseTo(1, 12);
        expect(atTarget.status).toBe('achieved');
      }),
    );
  });
});
