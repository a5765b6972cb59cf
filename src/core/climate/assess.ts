import type {
  Assessment,
  BenchmarkComparison,
  EmissionsObservation,
  NotAssessableReason,
  TargetDefinition,
  Trend,
} from './types';
import { isEmissionsTarget } from './target-fields';

/** Newest data older than this many years makes an assessment stale (PRODUCT.md section 3). */
export const DEFAULT_STALE_AFTER_YEARS = 3;
/** The trend looks at this many most recent years. */
export const TREND_WINDOW_YEARS = 10;
export const TREND_MIN_POINTS = 3;
/**
 * IPCC AR6 WGIII, SPM C.1 and table SPM.2: in pathways limiting warming to 1.5 °C with no or limited overshoot,
 * global GHG emissions fall 43 % from 2019 by 2030.
 */
export const BENCHMARK_REDUCTION_PERCENT_2030 = 43;
export const BENCHMARK_BASE_YEAR = 2019;
export const BENCHMARK_TARGET_YEAR = 2030;

/**
 * Comparisons of emissions allow a relative rounding error, so that a figure computed to lie on
 * the pathway (or at the target level) is not judged above it by one unit in the last place.
 */
const RELATIVE_TOLERANCE = 1e-9;

export interface AssessOptions {
  /** The year the assessment is made in (usually the current year). */
  asOfYear: number;
  /** Default 3: data of a year before asOfYear − 3 is stale. */
  staleAfterYears?: number;
  /** Intensity targets: the denominator (e.g. population) of each year. */
  denominators?: Readonly<Record<number, number>>;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function denominatorOf(
  denominators: Readonly<Record<number, number>> | undefined,
  year: number,
): number | null {
  const value = denominators?.[year];
  return isNumber(value) && value > 0 ? value : null;
}

function reduced(level: number, reductionPercent: number): number {
  return level * (1 - reductionPercent / 100);
}

/**
 * The target level E_T in the target year: t CO2e, or emissions per denominator unit for
 * intensity targets. Null when the definition does not give enough to compute it.
 */
export function targetLevelOf(
  target: TargetDefinition,
  denominators?: Readonly<Record<number, number>>,
): number | null {
  const percent = isNumber(target.reductionPercent) ? target.reductionPercent : null;
  const given = isNumber(target.targetEmissions) ? target.targetEmissions : null;
  // A net-zero pledge without a number means a level of zero.
  const netZero = target.netZeroLabel !== null ? 0 : null;
  switch (target.type) {
    case 'base-year':
      if (percent !== null && isNumber(target.baseEmissions)) {
        return reduced(target.baseEmissions, percent);
      }
      return given ?? netZero;
    case 'fixed-level':
      return given ?? netZero;
    case 'baseline-scenario':
      if (percent !== null && isNumber(target.bauEmissions)) {
        return reduced(target.bauEmissions, percent);
      }
      return given ?? netZero;
    case 'intensity': {
      if (percent !== null && isNumber(target.baseIntensity)) {
        return reduced(target.baseIntensity, percent);
      }
      // An absolute level given for an intensity target becomes an intensity with the
      // target year's denominator (e.g. the projected population).
      const denominator =
        target.targetYear !== null ? denominatorOf(denominators, target.targetYear) : null;
      if (given !== null && denominator !== null) return given / denominator;
      return netZero;
    }
    default:
      return null;
  }
}

/**
 * The straight pathway from (B, E_B) to (T, E_T); after T the level stays at E_T, since the
 * target asks that emissions stay at or below it.
 */
export function pathwayLevel(
  baseYear: number,
  baseLevel: number,
  targetYear: number,
  targetLevel: number,
  year: number,
): number {
  if (year >= targetYear) return targetLevel;
  return baseLevel - ((year - baseYear) / (targetYear - baseYear)) * (baseLevel - targetLevel);
}

/** One figure per year: the member's own inventory first, then the first source given. */
export function preferredByYear(
  observations: readonly EmissionsObservation[],
): EmissionsObservation[] {
  const byYear = new Map<number, EmissionsObservation>();
  for (const observation of observations) {
    const chosen = byYear.get(observation.year);
    if (!chosen || (chosen.source !== 'inventory' && observation.source === 'inventory')) {
      byYear.set(observation.year, observation);
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Ordinary least squares of level on year; null with fewer than 3 distinct years. */
export function fitTrend(points: readonly { year: number; level: number }[]): Trend | null {
  if (points.length < TREND_MIN_POINTS) return null;
  const n = points.length;
  const meanYear = points.reduce((sum, p) => sum + p.year, 0) / n;
  const meanLevel = points.reduce((sum, p) => sum + p.level, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - meanYear) * (p.level - meanLevel);
    sxx += (p.year - meanYear) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return {
    slope,
    // Level at year 0, so that level(year) = intercept + slope × year.
    intercept: meanLevel - slope * meanYear,
    fromYear: Math.min(...points.map((p) => p.year)),
    toYear: Math.max(...points.map((p) => p.year)),
  };
}

/** The first whole year in which a falling trend line is at or below the level; else null. */
export function trendReachYear(trend: Trend, level: number): number | null {
  if (!(trend.slope < 0)) return null;
  const year = (level - trend.intercept) / trend.slope;
  // Rounding error must not push an exact year (e.g. 2025.0000000001) to the next one.
  return Math.ceil(year - 1e-9);
}

function emptyAssessment(): Assessment {
  return {
    status: 'not-assessable',
    reason: null,
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
  };
}

function notAssessable(reason: NotAssessableReason, fields: Partial<Assessment> = {}): Assessment {
  return { ...emptyAssessment(), ...fields, status: 'not-assessable', reason };
}

/**
 * The 1.5 °C comparison for targets in 2030 (absolute targets only: the AR6 benchmark is a
 * reduction of absolute emissions, which an intensity target does not state).
 */
function benchmarkOf(
  target: TargetDefinition,
  targetLevel: number,
  observations: readonly EmissionsObservation[],
): BenchmarkComparison | null {
  if (target.targetYear !== BENCHMARK_TARGET_YEAR || target.type === 'intensity') return null;
  const observed = preferredByYear(
    observations.filter((o) => isNumber(o.emissions) && o.boundaryMatches !== false),
  ).find((o) => o.year === BENCHMARK_BASE_YEAR);
  const emissions2019 =
    observed?.emissions ??
    (target.baseYear === BENCHMARK_BASE_YEAR && isNumber(target.baseEmissions)
      ? target.baseEmissions
      : null);
  if (emissions2019 === null || emissions2019 <= 0) return null;
  // (100 − 43) / 100 rather than 0.57: exact for whole tonnes, so a target of exactly −43 %
  // compares equal.
  const benchmark2030 = (emissions2019 * (100 - BENCHMARK_REDUCTION_PERCENT_2030)) / 100;
  return {
    emissions2019,
    benchmark2030,
    target2030: targetLevel,
    reductionFrom2019Percent: (1 - targetLevel / emissions2019) * 100,
    aligned: targetLevel <= benchmark2030 + RELATIVE_TOLERANCE * emissions2019,
  };
}

/**
 * Computed progress of an emissions target against the straight pathway from the base year to
 * the target year (PRODUCT.md section 3, after the GHG Protocol Mitigation Goal Standard).
 * Intensity targets are assessed in emissions per denominator unit.
 */
export function assessTarget(
  target: TargetDefinition,
  observations: readonly EmissionsObservation[],
  options: AssessOptions,
): Assessment {
  if (target.type === 'other') return notAssessable('not-quantified');
  if (!isEmissionsTarget(target.type)) return notAssessable('not-an-emissions-target');

  const intensity = target.type === 'intensity';
  const baseYear = target.baseYear;
  const baseLevel = intensity ? target.baseIntensity : target.baseEmissions;
  if (!isNumber(baseYear) || !isNumber(baseLevel)) return notAssessable('no-base-emissions');

  const targetYear = target.targetYear;
  const targetLevel = targetLevelOf(target, options.denominators);
  // A pathway needs a target year after the base year.
  if (targetLevel === null || !isNumber(targetYear) || targetYear <= baseYear) {
    return notAssessable('no-target-level');
  }

  const benchmark = benchmarkOf(target, targetLevel, observations);
  const known = { targetLevel, benchmark };

  const usable = observations.filter((o) => isNumber(o.year) && isNumber(o.emissions));
  if (!usable.some((o) => o.year > baseYear)) {
    return notAssessable('no-inventory-after-base-year', known);
  }
  let levels = usable;
  if (intensity) {
    levels = usable.flatMap((o) => {
      const denominator = denominatorOf(options.denominators, o.year);
      return denominator === null ? [] : [{ ...o, emissions: o.emissions / denominator }];
    });
    if (!levels.some((o) => o.year > baseYear)) return notAssessable('no-denominator', known);
  }

  const series = preferredByYear(levels);
  const latest = series[series.length - 1];
  // The guards above leave at least one observation after the base year.
  if (!latest || latest.year <= baseYear) {
    return notAssessable('no-inventory-after-base-year', known);
  }
  const actualFields = {
    actual: latest.emissions,
    actualYear: latest.year,
    actualSource: latest.source,
  };
  if (latest.boundaryMatches === false) {
    return notAssessable('boundary-mismatch', { ...known, ...actualFields });
  }

  const tolerance = RELATIVE_TOLERANCE * Math.max(Math.abs(baseLevel), Math.abs(targetLevel), 1);
  const expected = pathwayLevel(baseYear, baseLevel, targetYear, targetLevel, latest.year);
  const committed = baseLevel - targetLevel;
  const progress = committed === 0 ? null : (baseLevel - latest.emissions) / committed;
  const gap = latest.emissions - expected;
  const onPathway = gap <= tolerance;

  const staleAfterYears = options.staleAfterYears ?? DEFAULT_STALE_AFTER_YEARS;
  const status =
    latest.emissions <= targetLevel + tolerance
      ? 'achieved'
      : latest.year < options.asOfYear - staleAfterYears
        ? 'stale'
        : onPathway
          ? 'on-track'
          : 'off-track';

  const trendPoints = series
    .filter(
      (o) =>
        o.year >= baseYear &&
        o.year > latest.year - TREND_WINDOW_YEARS &&
        o.boundaryMatches !== false,
    )
    .map((o) => ({ year: o.year, level: o.emissions }));
  const trend = fitTrend(trendPoints);

  return {
    status,
    reason: null,
    targetLevel,
    ...actualFields,
    expected,
    progress,
    gap,
    onPathway,
    trend,
    trendYear: trend ? trendReachYear(trend, targetLevel) : null,
    benchmark,
  };
}
