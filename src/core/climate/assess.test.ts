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

function observed(
  year: number,
  emissions: number,
  source = 'inventory',
  boundaryMatches?: boolean,
): EmissionsObservation {
  return boundaryMatches === undefined
    ? { year, emissions, source }
    : { year, emissions, source, boundaryMatches };
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

  it('refuses a latest figure whose boundary differs from the target', () => {
    const result = assessTarget(
      kyoto,
      [observed(2016, 7_000_000), observed(2018, 6_540_648, 'cdp', false)],
      asOf,
    );
    expect(result.status).toBe('not-assessable');
    expect(result.reason).toBe('boundary-mismatch');
    expect(result.actual).toBe(6_540_648);
    expect(result.progress).toBeNull();
    expect(result.onPathway).toBeNull();
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
