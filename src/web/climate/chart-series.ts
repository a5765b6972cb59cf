/**
 * What a target's chart draws, worked out from the API's data alone (no chart library here):
 * the reported emissions of each source, the straight pathway from the base year to the target,
 * the trend line and the target point.
 */
import type { EmissionReport, EmissionsSeries, Target } from './types';

export interface ChartPoint {
  year: number;
  value: number;
}

export interface SourceSeries {
  /**
   * 'inventory' for the member's own inventory, 'inventory-illustrative' for its illustrative
   * years (their own series, so that every point from one is named so, in the legend and the
   * tooltip); otherwise the report's source (cdp, national…).
   */
  key: string;
  /** The report's own label of the source (e.g. "CDP 2021"), for sources Accord has no name for. */
  label: string | null;
  /** True for the series of illustrative inventories (demo figures no member reported). */
  illustrative: boolean;
  points: ChartPoint[];
}

/**
 * The single figure of a report a chart shows: BASIC when given, else scope 1 + scope 2 (what
 * BASIC mostly is, and what CDP targets cover), else the total.
 */
/** The series (and the API's source) of figures from an illustrative inventory. */
const ILLUSTRATIVE = 'inventory-illustrative';

export function reportFigure(report: EmissionReport): number | null {
  if (report.basic !== null) return report.basic;
  if (report.scope1 !== null && report.scope2 !== null) return report.scope1 + report.scope2;
  return report.total ?? report.scope1 ?? null;
}

/** One series per source of emissions, each sorted by year; the own inventory first. */
export function emissionsSources(series: EmissionsSeries): SourceSeries[] {
  const bySource = new Map<string, SourceSeries>();
  const get = (key: string, label: string | null) => {
    let s = bySource.get(key);
    if (!s) {
      s = { key, label, illustrative: key === ILLUSTRATIVE, points: [] };
      bySource.set(key, s);
    }
    return s;
  };
  for (const year of series.years) {
    if (year.inventory) {
      const key = year.inventory.isIllustrative ? ILLUSTRATIVE : 'inventory';
      const s = get(key, null);
      // The figure assessments use, when it is the inventory's; otherwise its BASIC total.
      const value = year.source === key && year.value !== null ? year.value : null;
      s.points.push({ year: year.year, value: value ?? year.inventory.basic });
    }
    const seen = new Set<string>();
    // The report the year uses comes first, then the others in the server's order (newest
    // report first), so a year has one point per source: its newest report's.
    const used = (r: EmissionReport) => (r.id === year.reportId ? 1 : 0);
    const reports = [...year.reports].sort((a, b) => used(b) - used(a));
    for (const report of reports) {
      if (seen.has(report.source)) continue;
      const figure =
        report.id === year.reportId && year.value !== null ? year.value : reportFigure(report);
      if (figure === null) continue;
      seen.add(report.source);
      get(report.source, report.sourceLabel).points.push({ year: year.year, value: figure });
    }
  }
  const out = [...bySource.values()].filter((s) => s.points.length > 0);
  for (const s of out) s.points.sort((a, b) => a.year - b.year);
  const own = (s: SourceSeries) => (s.key === 'inventory' || s.key === ILLUSTRATIVE ? 1 : 0);
  return out.sort((a, b) => own(b) - own(a));
}

export interface TargetChart {
  /** False for targets whose level is not in t CO2e (intensity, fuel, share, air quality). */
  chartable: boolean;
  sources: SourceSeries[];
  /** From (base year, base emissions) to (target year, target level); null without both ends. */
  pathway: [ChartPoint, ChartPoint] | null;
  /** The least-squares trend, drawn from its first year towards the target year. */
  trend: [ChartPoint, ChartPoint] | null;
  target: ChartPoint | null;
  /** The 2019 reference and the 1.5 °C benchmark for 2030 when the target has them. */
  benchmark: ChartPoint | null;
  /** The years the x axis spans. */
  minYear: number;
  maxYear: number;
}

const ABSOLUTE_TYPES: ReadonlySet<string> = new Set([
  'base-year',
  'fixed-level',
  'baseline-scenario',
]);

/** Where the trend line ends: at the target year, or earlier where it would cross zero. */
function trendLine(
  trend: NonNullable<Target['assessment']['trend']>,
  endYear: number,
): [ChartPoint, ChartPoint] {
  const at = (year: number) => trend.intercept + trend.slope * year;
  let end = Math.max(endYear, trend.toYear);
  if (at(end) < 0 && trend.slope < 0) end = -trend.intercept / trend.slope;
  return [
    { year: trend.fromYear, value: at(trend.fromYear) },
    { year: end, value: Math.max(0, at(end)) },
  ];
}

export function targetChart(target: Target, series: EmissionsSeries): TargetChart {
  const sources = emissionsSources(series);
  const a = target.assessment;
  const chartable = ABSOLUTE_TYPES.has(target.type);
  const level = chartable ? a.targetLevel : null;
  const targetPoint =
    level !== null && target.targetYear !== null ? { year: target.targetYear, value: level } : null;
  const pathway: TargetChart['pathway'] =
    targetPoint && target.baseYear !== null && target.baseEmissions !== null
      ? [{ year: target.baseYear, value: target.baseEmissions }, targetPoint]
      : null;
  const trend =
    chartable && a.trend ? trendLine(a.trend, target.targetYear ?? a.trend.toYear) : null;
  const benchmark =
    chartable && a.benchmark ? { year: 2030, value: a.benchmark.benchmark2030 } : null;

  const years = [
    ...sources.flatMap((s) => s.points.map((p) => p.year)),
    ...(pathway ? pathway.map((p) => p.year) : []),
    ...(targetPoint ? [targetPoint.year] : []),
    ...(trend ? [trend[0].year, Math.ceil(trend[1].year)] : []),
    ...(benchmark ? [benchmark.year] : []),
  ];
  const minYear = years.length > 0 ? Math.min(...years) : (target.baseYear ?? 2000);
  const maxYear = years.length > 0 ? Math.max(...years) : (target.targetYear ?? minYear + 1);
  return {
    chartable,
    sources: chartable ? sources : [],
    pathway,
    trend,
    target: targetPoint,
    benchmark,
    minYear,
    maxYear,
  };
}

/** True when the chart would show anything at all. */
export function hasChartData(chart: TargetChart): boolean {
  return chart.chartable && (chart.sources.length > 0 || chart.pathway !== null);
}

/**
 * Years and values of every series side by side, for the table that screen readers read
 * instead of the chart: one row per year, one column per series (null where it has no value).
 */
export function chartTable(
  chart: TargetChart,
): { year: number; values: (number | null)[]; pathway: number | null }[] {
  const years = new Set<number>();
  for (const s of chart.sources) for (const p of s.points) years.add(p.year);
  if (chart.pathway) {
    years.add(chart.pathway[0].year);
    years.add(chart.pathway[1].year);
  }
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      values: chart.sources.map((s) => s.points.find((p) => p.year === year)?.value ?? null),
      pathway: chart.pathway ? pathwayAt(chart.pathway, year) : null,
    }));
}

/** The pathway's level in a year between its ends (null outside them). */
export function pathwayAt(pathway: [ChartPoint, ChartPoint], year: number): number | null {
  const [from, to] = pathway;
  if (year < from.year || year > to.year) return null;
  if (to.year === from.year) return to.value;
  return from.value - ((year - from.year) / (to.year - from.year)) * (from.value - to.value);
}
