import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWords, statedPercent, statesSameTarget, type TargetStatement } from './same-target';
import { NET_ZERO_LABELS, TARGET_TYPES } from './types';

const target = (over: Partial<TargetStatement>): TargetStatement => ({
  type: 'base-year',
  netZeroLabel: null,
  title: 'Target',
  baseYear: null,
  baseEmissions: null,
  targetYear: 2030,
  reductionPercent: null,
  targetEmissions: null,
  bauEmissions: null,
  intensityUnit: null,
  fuel: null,
  sharePercent: null,
  pollutant: null,
  levelValue: null,
  levelUnit: null,
  ...over,
});

const same = (a: Partial<TargetStatement>, b: Partial<TargetStatement>) =>
  statesSameTarget(target(a), target(b));

describe('statesSameTarget', () => {
  it('base-year: 40 % below 2005 by 2030, from CDP and from the tracker', () => {
    const cdp = { baseYear: 2005, reductionPercent: 40, baseEmissions: 14_000_000 };
    // The tracker's baseline in Mt (14.0 Mt), its percent the same.
    expect(same(cdp, { baseYear: 2005, reductionPercent: 40, baseEmissions: 14e6 })).toBe(true);
    // Rounded to a whole percent: 40.4 is 40; 40.6 is not.
    expect(same(cdp, { baseYear: 2005, reductionPercent: 40.4 })).toBe(true);
    expect(same(cdp, { baseYear: 2005, reductionPercent: 40.6 })).toBe(false);
    // A base year on one side only does not contradict; two different ones do.
    expect(same(cdp, { reductionPercent: 40 })).toBe(true);
    expect(same(cdp, { baseYear: 2010, reductionPercent: 40 })).toBe(false);
    // Another target year is another target.
    expect(same(cdp, { baseYear: 2005, reductionPercent: 40, targetYear: 2035 })).toBe(false);
  });

  it('base-year: a level given as an amount states a percent with its base emissions', () => {
    // 14,000,000 t less 40 % is 8,400,000 t.
    expect(statedPercent(target({ baseEmissions: 14_000_000, targetEmissions: 8_400_000 }))).toBe(
      40,
    );
    expect(
      same(
        { baseYear: 2005, reductionPercent: 40 },
        { baseYear: 2005, baseEmissions: 14_000_000, targetEmissions: 8_400_000 },
      ),
    ).toBe(true);
    // 8,500,000 of 14,000,000 is 39.29 % below: not 40 within rounding.
    expect(
      same(
        { baseYear: 2005, reductionPercent: 40 },
        { baseYear: 2005, baseEmissions: 14_000_000, targetEmissions: 8_500_000 },
      ),
    ).toBe(false);
    // Two amounts without a base agree to three significant figures: 8.40 Mt is 8,412,000 t
    // (0.14 % apart), 8.5 Mt is not 8,412,000 t (1.04 % apart).
    expect(same({ targetEmissions: 8_400_000 }, { targetEmissions: 8_412_000 })).toBe(true);
    expect(same({ targetEmissions: 8_500_000 }, { targetEmissions: 8_412_000 })).toBe(false);
    // A level on one side only cannot be told the same; no level on either side is no difference.
    expect(same({ reductionPercent: 40 }, {})).toBe(false);
    expect(same({}, {})).toBe(true);
  });

  it('net zero: the same whatever emissions type holds it', () => {
    // CDP's "100 % below 2005 by 2050" and the tracker's "Net zero by 2050" (a level of 0).
    const cdp = {
      type: 'base-year' as const,
      netZeroLabel: 'net-zero' as const,
      baseYear: 2005,
      reductionPercent: 100,
      targetYear: 2050,
    };
    const tracker = {
      type: 'fixed-level' as const,
      netZeroLabel: 'net-zero' as const,
      targetEmissions: 0,
      targetYear: 2050,
    };
    expect(same(cdp, tracker)).toBe(true);
    expect(same(tracker, cdp)).toBe(true);
    // CDP calls any target ending at zero net zero; the tracker's carbon neutrality is that.
    expect(same(cdp, { ...tracker, netZeroLabel: 'carbon-neutral' })).toBe(true);
    // Two specific labels that differ are two claims; climate positive goes beyond zero.
    expect(
      same(
        { ...tracker, netZeroLabel: 'carbon-neutral' },
        { ...tracker, netZeroLabel: 'ghg-neutral' },
      ),
    ).toBe(false);
    expect(same(cdp, { ...tracker, netZeroLabel: 'climate-positive' })).toBe(false);
    // Net zero in 2045 is not net zero in 2050; a target not ending at zero is not net zero.
    expect(same(cdp, { ...tracker, targetYear: 2045 })).toBe(false);
    expect(same(cdp, { ...cdp, netZeroLabel: null, reductionPercent: 90 })).toBe(false);
    // 90 % below and net zero (with offsets) is not 100 % below.
    expect(same(cdp, { ...cdp, reductionPercent: 90 })).toBe(false);
    // An "other" target is never a net-zero emissions target.
    expect(same(cdp, { ...tracker, type: 'other' })).toBe(false);
  });

  it('baseline-scenario: percents below BAU, or an amount with its BAU emissions', () => {
    const a = { type: 'baseline-scenario' as const, reductionPercent: 30 };
    // 1,000,000 t BAU less 30 % is 700,000 t.
    const b = {
      type: 'baseline-scenario' as const,
      bauEmissions: 1_000_000,
      targetEmissions: 700_000,
    };
    expect(same(a, b)).toBe(true);
    expect(same(a, { ...b, targetEmissions: 750_000 })).toBe(false);
    // The same figures as a base-year target are another kind of target.
    expect(same(a, { reductionPercent: 30 })).toBe(false);
  });

  it('fixed-level and intensity', () => {
    const fixed = { type: 'fixed-level' as const, targetEmissions: 2_000_000 };
    expect(same(fixed, { ...fixed, targetEmissions: 2_009_000 })).toBe(true);
    expect(same(fixed, { ...fixed, targetEmissions: 2_020_000 })).toBe(false);
    const intensity = {
      type: 'intensity' as const,
      intensityUnit: 'per-capita',
      reductionPercent: 50,
      baseYear: 2010,
    };
    expect(same(intensity, { ...intensity, intensityUnit: 'Per capita' })).toBe(true);
    expect(same(intensity, { ...intensity, intensityUnit: 'per-gdp' })).toBe(false);
    expect(same(intensity, { ...intensity, reductionPercent: 45 })).toBe(false);
  });

  it('targets not stated in emissions: fuels, shares, air quality and words', () => {
    const coal = { type: 'fuel-phase-out' as const, fuel: 'Coal', targetYear: 2030 };
    expect(same(coal, { ...coal, fuel: ' coal ' })).toBe(true);
    expect(same(coal, { ...coal, fuel: 'oil' })).toBe(false);
    const share = { type: 'renewable-share' as const, sharePercent: 100, targetYear: 2035 };
    expect(same(share, { ...share, sharePercent: 99.6 })).toBe(true);
    expect(same(share, { ...share, sharePercent: 80 })).toBe(false);
    const air = {
      type: 'air-quality' as const,
      pollutant: 'PM2.5',
      levelValue: 15,
      levelUnit: 'µg/m³',
      targetYear: 2030,
    };
    expect(same(air, { ...air, pollutant: 'pm 2.5' })).toBe(true);
    expect(same(air, { ...air, pollutant: 'NO2' })).toBe(false);
    expect(same(air, { ...air, levelValue: 10 })).toBe(false);
    const peak = { type: 'other' as const, title: 'Peak emissions by 2025', targetYear: 2025 };
    expect(same(peak, { ...peak, title: 'Peak emissions by 2025.' })).toBe(true);
    expect(same(peak, { ...peak, title: 'Coal-free by 2025' })).toBe(false);
  });

  it('folds words without case, spacing or punctuation', () => {
    expect(foldWords(' Per-Capita ')).toBe(foldWords('per capita'));
    expect(foldWords('ＰＭ２.５')).toBe('pm25');
  });
});

describe('statesSameTarget as a relation', () => {
  const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  const amount = nullable(fc.double({ min: 0, max: 1e8, noNaN: true }));
  const percent = nullable(fc.double({ min: -50, max: 150, noNaN: true }));
  const year = nullable(fc.integer({ min: 1990, max: 2060 }));
  const word = nullable(fc.constantFrom('coal', 'Coal', 'oil', 'per capita', 'per-gdp', 'PM2.5'));
  const statement: fc.Arbitrary<TargetStatement> = fc.record({
    type: fc.constantFrom(...TARGET_TYPES),
    netZeroLabel: nullable(fc.constantFrom(...NET_ZERO_LABELS)),
    title: fc.constantFrom('Peak emissions by 2025', 'peak emissions by 2025', 'Coal-free'),
    baseYear: year,
    baseEmissions: amount,
    targetYear: year,
    reductionPercent: percent,
    targetEmissions: amount,
    bauEmissions: amount,
    intensityUnit: word,
    fuel: word,
    sharePercent: percent,
    pollutant: word,
    levelValue: amount,
    levelUnit: word,
  });

  it('a target states the same as itself', () => {
    fc.assert(fc.property(statement, (t) => statesSameTarget(t, t)));
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(
        statement,
        statement,
        (a, b) => statesSameTarget(a, b) === statesSameTarget(b, a),
      ),
    );
    // Pairs near each other, where symmetry is most at risk.
    fc.assert(
      fc.property(statement, fc.double({ min: -0.6, max: 0.6, noNaN: true }), (a, d) => {
        const b = {
          ...a,
          reductionPercent: a.reductionPercent === null ? null : a.reductionPercent + d,
          targetEmissions: a.targetEmissions === null ? null : a.targetEmissions * (1 + d / 100),
        };
        return statesSameTarget(a, b) === statesSameTarget(b, a);
      }),
    );
  });

  it('never joins two target years, two base years or two kinds without zero', () => {
    fc.assert(
      fc.property(statement, statement, (a, b) => {
        if (!statesSameTarget(a, b)) return true;
        const baseYears = a.baseYear === null || b.baseYear === null || a.baseYear === b.baseYear;
        const kinds = a.type === b.type || (a.netZeroLabel !== null && b.netZeroLabel !== null);
        return a.targetYear === b.targetYear && baseYears && kinds;
      }),
    );
  });
});
