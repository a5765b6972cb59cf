import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chooseYearFigure,
  figuresOf,
  gasesOfText,
  headlineOf,
  rankSources,
  type SourceFacts,
} from './sources';
import { TOTAL_COVERAGES } from './types';

interface Report extends SourceFacts {
  id: number;
}

function report(fields: Partial<Report>): Report {
  return {
    id: 0,
    pinned: false,
    reportYear: null,
    periodEnd: null,
    source: 'cdp',
    sourceLabel: 'CDP',
    scope1: null,
    scope2: null,
    scope3: null,
    basic: null,
    basicPlus: null,
    total: null,
    totalCoverage: null,
    protocol: null,
    gases: null,
    boundary: null,
    ...fields,
  };
}

const facts = (r: Report) => r;

describe('figuresOf: what each total of a report covers', () => {
  it('names BASIC, BASIC+, scope 1 + 2 and scope 1 from their columns', () => {
    expect(
      figuresOf(report({ basic: 900, basicPlus: 1000, scope1: 600, scope2: 250, scope3: 80 })),
    ).toEqual({ basic: 900, 'basic-plus': 1000, 'scope-1-2': 850, 'scope-1': 600 });
  });

  it('takes a total as what it is declared to cover, or as unstated', () => {
    expect(figuresOf(report({ total: 700 }))).toEqual({ unstated: 700 });
    expect(figuresOf(report({ total: 700, totalCoverage: 'basic' }))).toEqual({ basic: 700 });
    // The columns win over a total declared to be the same thing.
    expect(
      figuresOf(report({ scope1: 400, scope2: 200, total: 650, totalCoverage: 'scope-1-2' })),
    ).toEqual({ 'scope-1-2': 600, 'scope-1': 400 });
  });

  it('gives nothing for a report without figures', () => {
    expect(figuresOf(report({}))).toEqual({});
  });
});

describe('headlineOf: the figure a year shows', () => {
  it('is BASIC, else the total, else scope 1 + scope 2', () => {
    expect(headlineOf(report({ basic: 900, total: 950 }))).toEqual({
      value: 900,
      coverage: 'basic',
    });
    expect(headlineOf(report({ total: 950, scope1: 1, scope2: 2 }))).toEqual({
      value: 950,
      coverage: 'unstated',
    });
    expect(headlineOf(report({ total: 950, totalCoverage: 'basic-plus' }))).toEqual({
      value: 950,
      coverage: 'basic-plus',
    });
    expect(headlineOf(report({ scope1: 600, scope2: 250 }))).toEqual({
      value: 850,
      coverage: 'scope-1-2',
    });
    expect(headlineOf(report({ scope1: 600 }))).toBeNull();
  });
});

describe('gasesOfText', () => {
  it('reads the gases a report names, in Accord’s order', () => {
    expect(gasesOfText('N2O, CO2, CH4')).toEqual(['CO2', 'CH4', 'N2O']);
    expect(gasesOfText('CO2')).toEqual(['CO2']);
    expect(gasesOfText(null)).toBeNull();
    expect(gasesOfText('')).toBeNull();
  });
});

describe('chooseYearFigure: which figure of a year counts', () => {
  // The restatement case of issue 10: CDP 2019 restates the 2017 figure CDP 2018 reported.
  const first = report({ id: 1, reportYear: 2018, sourceLabel: 'CDP 2018', basic: 1_000_000 });
  const restated = report({ id: 2, reportYear: 2019, sourceLabel: 'CDP 2019', basic: 980_000 });

  it('takes the newest report, whatever the order they came in', () => {
    for (const reports of [
      [first, restated],
      [restated, first],
    ]) {
      const { chosen, ranked } = chooseYearFigure(reports, facts, null);
      expect(chosen).toMatchObject({ basis: 'newest-report', value: 980_000, coverage: 'basic' });
      expect(chosen?.report?.id).toBe(2);
      // The earlier report stays, after the one used.
      expect(ranked.map((r) => r.id)).toEqual([2, 1]);
    }
  });

  it('lets staff choose a figure, which beats the rule and says so', () => {
    const pinned = { ...first, pinned: true };
    const { chosen } = chooseYearFigure([restated, pinned], facts, null);
    expect(chosen).toMatchObject({ basis: 'staff-choice', value: 1_000_000 });
    expect(chosen?.report?.id).toBe(1);
  });

  it('puts the member’s own inventory before reports, but after a staff choice', () => {
    const inventory = { basic: 950_000, basicPlus: 990_000 };
    expect(chooseYearFigure([first, restated], facts, inventory).chosen).toMatchObject({
      basis: 'inventory',
      report: null,
      value: 950_000,
      coverage: 'basic',
      figures: { basic: 950_000, 'basic-plus': 990_000 },
    });
    expect(chooseYearFigure([{ ...first, pinned: true }], facts, inventory).chosen?.basis).toBe(
      'staff-choice',
    );
  });

  it('ranks a report without a report year after those with one', () => {
    const byHand = report({ id: 3, sourceLabel: 'National statistics', total: 500 });
    const { chosen, ranked } = chooseYearFigure([byHand, first], facts, null);
    expect(chosen?.report?.id).toBe(1);
    expect(ranked.map((r) => r.id)).toEqual([1, 3]);
  });

  it('between reports of the same year, takes the later period, then the more complete', () => {
    const early = report({ id: 4, reportYear: 2019, periodEnd: '2017-03-31', basic: 10 });
    const late = report({ id: 5, reportYear: 2019, periodEnd: '2017-12-31', basic: 20 });
    expect(chooseYearFigure([late, early], facts, null).chosen?.value).toBe(20);
    const partial = report({ id: 6, reportYear: 2019, scope1: 5, scope2: 5 });
    const complete = report({ id: 7, reportYear: 2019, scope1: 5, scope2: 6, basic: 12 });
    expect(chooseYearFigure([partial, complete], facts, null).chosen?.value).toBe(12);
  });

  it('passes over a report without a usable figure', () => {
    const empty = report({ id: 8, reportYear: 2020, scope1: 7 });
    const { chosen, ranked } = chooseYearFigure([empty, first], facts, null);
    expect(chosen?.report?.id).toBe(1);
    // It is still listed as a source of the year, after those with a figure.
    expect(ranked.map((r) => r.id)).toEqual([1, 8]);
  });

  it('has no figure for a year with nothing usable', () => {
    expect(chooseYearFigure([report({ scope3: 5 })], facts, null).chosen).toBeNull();
    expect(chooseYearFigure([], facts, null).chosen).toBeNull();
  });

  it('carries the gases and boundary of the chosen report', () => {
    const r = report({ reportYear: 2019, basic: 1, gases: 'CO2, CH4', boundary: 'partial' });
    expect(chooseYearFigure([r], facts, null).chosen).toMatchObject({
      gases: ['CO2', 'CH4'],
      boundary: 'partial',
    });
  });
});

describe('chooseYearFigure properties', () => {
  const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const amount = nullable(fc.integer({ min: 0, max: 5 }).map((n) => n * 1000));
  const reportArb = fc.record({
    pinned: fc.boolean(),
    reportYear: nullable(fc.integer({ min: 2016, max: 2019 })),
    periodEnd: nullable(fc.constantFrom('2017-03-31', '2017-12-31')),
    source: fc.constantFrom('cdp', 'national'),
    sourceLabel: fc.constantFrom('CDP 2018', 'CDP 2019', 'Statistics'),
    scope1: amount,
    scope2: amount,
    scope3: amount,
    basic: amount,
    basicPlus: amount,
    total: amount,
    totalCoverage: nullable(fc.constantFrom(...TOTAL_COVERAGES)),
    protocol: nullable(fc.constantFrom('GPC', 'IPCC')),
    gases: nullable(fc.constantFrom('CO2', 'CO2, CH4, N2O')),
    boundary: nullable(fc.constantFrom('city-wide', 'partial')),
  });
  const inventoryArb = fc.option(
    fc.record({ basic: fc.integer({ min: 0, max: 9 }), basicPlus: fc.integer({ min: 0, max: 9 }) }),
    { nil: null },
  );
  /** The reports as added in some order: ids count up in the order they came. */
  const added = (reports: readonly SourceFacts[]): Report[] =>
    reports.map((r, i) => ({ ...r, id: i + 1 }));
  const figureOf = (
    reports: readonly Report[],
    inventory: Parameters<typeof chooseYearFigure>[2],
  ) => {
    const { chosen } = chooseYearFigure(reports, facts, inventory);
    if (!chosen) return null;
    const { report: r, ...figure } = chosen;
    // What the figure is and where it comes from, without the id the order gave it.
    return { ...figure, from: r === null ? null : { ...r, id: undefined } };
  };

  it('does not depend on the order the reports were added', () => {
    fc.assert(
      fc.property(
        fc
          .array(reportArb, { maxLength: 6 })
          .chain((reports) =>
            fc.tuple(
              fc.constant(reports),
              fc.shuffledSubarray(reports, { minLength: reports.length }),
              inventoryArb,
            ),
          ),
        ([reports, shuffled, inventory]) => {
          expect(figureOf(added(shuffled), inventory)).toEqual(figureOf(added(reports), inventory));
        },
      ),
    );
  });

  it('keeps every report as a source, the chosen one first', () => {
    fc.assert(
      fc.property(fc.array(reportArb, { maxLength: 6 }), (reports) => {
        const all = added(reports);
        const { chosen, ranked } = chooseYearFigure(all, facts, null);
        expect([...ranked].sort((a, b) => a.id - b.id)).toEqual(all);
        if (chosen?.report) expect(ranked[0]).toBe(chosen.report);
      }),
    );
  });

  it('never lets a report of an earlier year beat a newer one, unless staff chose it', () => {
    fc.assert(
      fc.property(fc.array(reportArb, { maxLength: 6 }), (reports) => {
        const all = added(reports).map((r) => ({ ...r, pinned: false }));
        const { chosen } = chooseYearFigure(all, facts, null);
        if (!chosen?.report) return;
        const newest = Math.max(
          ...all.filter((r) => headlineOf(r) !== null).map((r) => r.reportYear ?? -Infinity),
        );
        expect(chosen.report.reportYear ?? -Infinity).toBe(newest);
      }),
    );
  });

  it('ranks alike however given', () => {
    fc.assert(
      fc.property(
        fc
          .array(reportArb, { maxLength: 6 })
          .chain((reports) =>
            fc.tuple(
              fc.constant(reports),
              fc.shuffledSubarray(reports, { minLength: reports.length }),
            ),
          ),
        ([reports, shuffled]) => {
          const strip = (rs: readonly Report[]) => rs.map((r) => ({ ...r, id: undefined }));
          expect(strip(rankSources(added(shuffled), facts))).toEqual(
            strip(rankSources(added(reports), facts)),
          );
        },
      ),
    );
  });
});
