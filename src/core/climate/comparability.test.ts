import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareObservations, coverageNeedOf } from './comparability';
import type { EmissionsObservation, TargetCoverage, TargetDefinition } from './types';

const coverage = (fields: Partial<TargetCoverage>): TargetCoverage => ({
  scopes: [],
  sectors: [],
  gases: [],
  ...fields,
});

function target(fields: Partial<TargetDefinition>): TargetDefinition {
  return {
    type: 'base-year',
    baseYear: 2010,
    baseEmissions: 1_000_000,
    targetYear: 2030,
    reductionPercent: 50,
    targetEmissions: null,
    bauEmissions: null,
    baseIntensity: null,
    intensityUnit: null,
    boundary: 'unknown',
    netZeroLabel: null,
    ...fields,
  };
}

describe('coverageNeedOf: the total a target compares with', () => {
  it('is BASIC for scopes 1–3 of stationary energy, transport and waste', () => {
    expect(coverageNeedOf(coverage({ scopes: [1, 2, 3], sectors: ['I', 'II', 'III'] }))).toBe(
      'basic',
    );
    expect(coverageNeedOf(coverage({ scopes: [3, 1, 2] }))).toBe('basic');
  });

  it('is BASIC+ when the target also covers IPPU or AFOLU', () => {
    expect(
      coverageNeedOf(coverage({ scopes: [1, 2, 3], sectors: ['I', 'II', 'III', 'IV', 'V'] })),
    ).toBe('basic-plus');
    expect(coverageNeedOf(coverage({ scopes: [1, 2, 3], sectors: ['I', 'II', 'III', 'V'] }))).toBe(
      'basic-plus',
    );
  });

  it('is scope 1 + 2 or scope 1 for targets of those scopes', () => {
    expect(coverageNeedOf(coverage({ scopes: [1, 2] }))).toBe('scope-1-2');
    expect(coverageNeedOf(coverage({ scopes: [2, 1], sectors: ['I', 'II', 'III'] }))).toBe(
      'scope-1-2',
    );
    expect(coverageNeedOf(coverage({ scopes: [1] }))).toBe('scope-1');
  });

  it('is nothing a city-wide total gives for a sector target or odd scopes', () => {
    expect(coverageNeedOf(coverage({ sectors: ['II'] }))).toBe('sectors');
    expect(coverageNeedOf(coverage({ scopes: [1, 2], sectors: ['I', 'II'] }))).toBe('sectors');
    expect(coverageNeedOf(coverage({ scopes: [2] }))).toBe('scopes');
    expect(coverageNeedOf(coverage({ scopes: [1, 3] }))).toBe('scopes');
  });

  it('is unsaid (null) when the target names no scopes', () => {
    expect(coverageNeedOf(undefined)).toBeNull();
    expect(coverageNeedOf(coverage({}))).toBeNull();
    // CDP's "all emissions sources" names sectors but no scopes.
    expect(coverageNeedOf(coverage({ sectors: ['I', 'II', 'III', 'IV', 'V'] }))).toBeNull();
  });
});

describe('compareObservations', () => {
  const basicTarget = target({
    coverage: coverage({ scopes: [1, 2, 3], sectors: ['I', 'II', 'III'] }),
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

  it('keeps the years that give the target’s total, with that total', () => {
    const result = compareObservations(basicTarget, [y2017, y2018], 2010);
    expect(result.compared).toBe('basic');
    expect(result.assumed).toBe(false);
    expect(result.comparable).toEqual([{ ...y2017, emissions: 920_000, coverage: 'basic' }]);
    expect(result.excluded).toEqual([
      { year: 2018, code: 'coverage', reported: 'scope-1-2', required: 'basic' },
    ]);
  });

  it('compares another total of the same report when the target asks for it', () => {
    const scope12 = target({ coverage: coverage({ scopes: [1, 2] }) });
    const result = compareObservations(scope12, [y2017, y2018], 2010);
    expect(result.comparable.map((o) => [o.year, o.emissions, o.coverage])).toEqual([
      [2017, 980_000, 'scope-1-2'],
      [2018, 993_000, 'scope-1-2'],
    ]);
    expect(result.excluded).toEqual([]);
  });

  it('assumes BASIC for a target that does not say, when some year gives it', () => {
    const result = compareObservations(target({}), [y2017, y2018], 2010);
    expect(result).toMatchObject({ compared: 'basic', assumed: true });
    expect(result.comparable.map((o) => o.year)).toEqual([2017]);
  });

  it('assumes the next total in order when no year gives BASIC', () => {
    const result = compareObservations(target({}), [y2018], 2010);
    expect(result).toMatchObject({ compared: 'scope-1-2', assumed: true });
    expect(result.comparable.map((o) => o.emissions)).toEqual([993_000]);
  });

  it('leaves out a year of another boundary, and one of other main gases', () => {
    const cityWide = target({ ...basicTarget, boundary: 'city-wide' });
    const partial = { ...y2017, year: 2019, boundary: 'partial' as const };
    const result = compareObservations(cityWide, [y2017, partial], 2010);
    expect(result.excluded).toEqual([
      { year: 2019, code: 'boundary', reported: 'partial', required: 'city-wide' },
    ]);

    const allGases = target({
      coverage: coverage({ scopes: [1, 2, 3], gases: ['CO2', 'CH4', 'N2O', 'HFCs'] }),
    });
    const co2 = { ...y2017, year: 2020, gases: ['CO2' as const] };
    const threeGases = {
      ...y2017,
      year: 2021,
      gases: ['CO2' as const, 'CH4' as const, 'N2O' as const],
    };
    const gases = compareObservations(allGases, [co2, threeGases], 2010);
    // F-gases do not decide: CO2, CH4 and N2O are what city inventories differ in.
    expect(gases.comparable.map((o) => o.year)).toEqual([2021]);
    expect(gases.excluded).toEqual([
      {
        year: 2020,
        code: 'gases',
        reported: ['CO2'],
        required: ['CO2', 'CH4', 'N2O', 'HFCs'],
      },
    ]);
  });

  it('uses a total of unstated coverage, not known to differ, except for a sector target', () => {
    const unstated: EmissionsObservation = {
      year: 2019,
      emissions: 900_000,
      source: 'national',
      coverage: 'unstated',
      figures: { unstated: 900_000, 'scope-1': 600_000 },
    };
    const result = compareObservations(basicTarget, [y2018, unstated], 2010);
    expect(result.comparable).toEqual([{ ...unstated, coverage: 'unstated' }]);
    expect(result.excluded.map((e) => e.year)).toEqual([2018]);
    // A target of scope 1 takes the scope 1 figure the year gives.
    const scope1 = target({ coverage: coverage({ scopes: [1] }) });
    expect(compareObservations(scope1, [unstated], 2010).comparable[0]?.emissions).toBe(600_000);
    const transport = target({ coverage: coverage({ sectors: ['II'] }) });
    expect(compareObservations(transport, [unstated], 2010).comparable).toEqual([]);
  });

  it('takes figures of unknown coverage as they are', () => {
    const plain = { year: 2018, emissions: 500, source: 'inventory' };
    const result = compareObservations(basicTarget, [plain], 2010);
    expect(result.comparable).toEqual([plain]);
    expect(result.excluded).toEqual([]);
  });

  it('lists only years from the base year on', () => {
    const old = { ...y2018, year: 2005 };
    expect(compareObservations(basicTarget, [old, y2017], 2010).excluded).toEqual([]);
  });

  it('compares nothing with a sector target', () => {
    const transport = target({ coverage: coverage({ sectors: ['II'] }) });
    const result = compareObservations(transport, [y2017], 2010);
    expect(result.comparable).toEqual([]);
    expect(result.excluded).toEqual([
      { year: 2017, code: 'coverage', reported: 'basic', required: 'sectors' },
    ]);
  });

  it('uses only figures of one coverage, whatever the years give', () => {
    const coverages = ['basic', 'basic-plus', 'scope-1-2', 'scope-1', 'unstated'] as const;
    const figuresArb = fc.dictionary(
      fc.constantFrom(...coverages),
      fc.integer({ min: 1, max: 9 }),
      {
        minKeys: 1,
      },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ year: fc.integer({ min: 2011, max: 2025 }), figures: figuresArb }),
          {
            selector: (o) => o.year,
            maxLength: 6,
          },
        ),
        (years) => {
          const observations: EmissionsObservation[] = years.map((y) => ({
            year: y.year,
            emissions: 1,
            source: 'cdp',
            figures: y.figures,
          }));
          const result = compareObservations(target({}), observations, 2010);
          // Every year used gives the compared total, or a total not saying what it covers.
          for (const o of result.comparable) {
            expect([result.compared, 'unstated']).toContain(o.coverage);
            expect(o.emissions).toBe(o.figures?.[o.coverage as (typeof coverages)[number]]);
            if (o.coverage === 'unstated' && result.compared !== 'unstated') {
              expect(o.figures?.[result.compared as (typeof coverages)[number]]).toBeUndefined();
            }
          }
          expect(result.comparable.length + result.excluded.length).toBe(observations.length);
        },
      ),
    );
  });
});
