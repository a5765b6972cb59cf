import { describe, expect, it } from 'vitest';
import {
  chartTable,
  emissionsSources,
  hasChartData,
  pathwayAt,
  reportFigure,
  targetChart,
} from './chart-series';
import { kyotoSeries, kyotoTarget, report } from './fixtures.test-helpers';

describe('reportFigure', () => {
  it('prefers BASIC, then scope 1 + 2, then the total', () => {
    expect(reportFigure(report({ basic: 10, scope1: 1, scope2: 2, total: 99 }))).toBe(10);
    expect(reportFigure(report({ scope1: 3_636_204, scope2: 2_904_444, total: 99 }))).toBe(
      6_540_648,
    );
    expect(reportFigure(report({ scope1: 5, total: 99 }))).toBe(99);
    expect(reportFigure(report({ scope1: 5 }))).toBe(5);
    expect(reportFigure(report({}))).toBeNull();
  });
});

describe('emissionsSources', () => {
  it('makes one series per source, the own inventory first', () => {
    const sources = emissionsSources(kyotoSeries());
    expect(sources.map((s) => s.key)).toEqual(['inventory-illustrative', 'national', 'cdp']);
    expect(sources[0]).toMatchObject({
      illustrative: true,
      points: [{ year: 2016, value: 7_000_000 }],
    });
    expect(sources[1]?.points).toEqual([{ year: 2016, value: 7_100_000 }]);
    // One point per source and year: the CDP report the year uses, not the other one.
    expect(sources[2]).toMatchObject({
      label: 'CDP 2021',
      points: [{ year: 2018, value: 6_540_648 }],
    });
  });

  it('keeps illustrative inventory years apart, so that no illustrative point goes unnamed', () => {
    const series = kyotoSeries();
    const illustrative = series.years[0]!;
    series.years.push({
      ...illustrative,
      year: 2019,
      value: 6_200_000,
      source: 'inventory',
      inventory: { id: 10, basic: 6_200_000, basicPlus: 6_500_000, isIllustrative: false },
      reports: [],
    });
    const sources = emissionsSources(series);
    expect(sources.slice(0, 2)).toEqual([
      {
        key: 'inventory-illustrative',
        label: null,
        illustrative: true,
        points: [{ year: 2016, value: 7_000_000 }],
      },
      {
        key: 'inventory',
        label: null,
        illustrative: false,
        points: [{ year: 2019, value: 6_200_000 }],
      },
    ]);
  });
});

describe('emissionsSources: the report a year uses', () => {
  it('draws the figure the year uses for its source, wherever the report is listed', () => {
    const series = kyotoSeries();
    const y2018 = series.years[1];
    if (!y2018) throw new Error('fixture');
    // The server chose report 4 (say, the newest): its figure is drawn, not report 3's.
    y2018.reports = [...y2018.reports].reverse();
    y2018.reportId = 4;
    y2018.value = 2;
    const cdp = emissionsSources(series).find((s) => s.key === 'cdp');
    expect(cdp?.points).toEqual([{ year: 2018, value: 2 }]);
  });
});

describe('targetChart', () => {
  it('draws Kyoto: pathway 2013 → 2030, target 4.704 Mt, trend to the target year', () => {
    const chart = targetChart(kyotoTarget(), kyotoSeries());
    expect(chart.chartable).toBe(true);
    expect(chart.pathway).toEqual([
      { year: 2013, value: 7_840_000 },
      { year: 2030, value: 4_704_000 },
    ]);
    expect(chart.target).toEqual({ year: 2030, value: 4_704_000 });
    expect(chart.trend?.[0]).toEqual({ year: 2014, value: 309_240_648 - 150_000 * 2014 });
    expect(chart.trend?.[1].year).toBe(2030);
    expect(chart.minYear).toBe(2013);
    expect(chart.maxYear).toBe(2030);
    expect(hasChartData(chart)).toBe(true);
  });

  it('stops the trend where it reaches zero', () => {
    const target = kyotoTarget();
    target.assessment.trend = { slope: -1000, intercept: 2_020_000, fromYear: 2015, toYear: 2018 };
    const chart = targetChart(target, kyotoSeries());
    expect(chart.trend?.[1]).toEqual({ year: 2020, value: 0 });
  });

  it('has no pathway without base emissions, and no chart for intensity targets', () => {
    expect(targetChart(kyotoTarget({ baseEmissions: null }), kyotoSeries()).pathway).toBeNull();
    const intensity = targetChart(kyotoTarget({ type: 'intensity' }), kyotoSeries());
    expect(intensity.chartable).toBe(false);
    expect(intensity.sources).toEqual([]);
    expect(hasChartData(intensity)).toBe(false);
  });

  it('puts the 1.5 °C benchmark at 2030', () => {
    const target = kyotoTarget();
    target.assessment.benchmark = {
      emissions2019: 6_000_000,
      benchmark2030: 3_420_000,
      target2030: 4_704_000,
      reductionFrom2019Percent: 21.6,
      aligned: false,
    };
    expect(targetChart(target, kyotoSeries()).benchmark).toEqual({ year: 2030, value: 3_420_000 });
  });

  it('tabulates every year with every source and the pathway', () => {
    const rows = chartTable(targetChart(kyotoTarget(), kyotoSeries()));
    expect(rows.map((r) => r.year)).toEqual([2013, 2016, 2018, 2030]);
    expect(rows[1]).toEqual({
      year: 2016,
      values: [7_000_000, 7_100_000, null],
      pathway: 7_840_000 - (3 / 17) * 3_136_000,
    });
  });
});

describe('pathwayAt', () => {
  it('interpolates Kyoto 2018 as PRODUCT.md does', () => {
    const value = pathwayAt(
      [
        { year: 2013, value: 7_840_000 },
        { year: 2030, value: 4_704_000 },
      ],
      2018,
    );
    expect(value).toBeCloseTo(6_917_647, 0);
  });
});
