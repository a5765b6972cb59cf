import {
  FIGURE_COVERAGES,
  type CoverageNeed,
  type EmissionsObservation,
  type ExcludedYear,
  type FigureCoverage,
  type Gas,
  type TargetCoverage,
  type TargetDefinition,
} from './types';

/**
 * Like with like: which of a year's reported totals a target is compared with, and which years
 * give none that compares.
 *
 * A target's coverage decides the total: scopes 1–3 of stationary energy, transport and waste
 * (GPC BASIC) compare with BASIC, the same with IPPU or AFOLU with BASIC+, scope 1 + 2 with
 * scope 1 + scope 2, scope 1 with scope 1; a total whose source does not say what it covers is
 * not known to differ, and is used (the year's sources show it). A target that names no scopes is taken to cover
 * BASIC, GPC's and CDP's city-wide standard; if no year gives BASIC, the first total in the order
 * of FIGURE_COVERAGES that some year gives, so every year used is alike (the assessment says it
 * assumed). A year is also left out when its boundary, or the main gases it covers (CO2, CH4,
 * N2O: the F-gases are a small share, and many inventories leave them out), are known to differ
 * from the target's.
 */

const BASIC_SECTORS = ['I', 'II', 'III'];
const PLUS_SECTORS = ['IV', 'V'];
const MAIN_GASES: readonly Gas[] = ['CO2', 'CH4', 'N2O'];

/** The total a target's coverage compares with; null when it names no scopes (assumed). */
export function coverageNeedOf(coverage: TargetCoverage | undefined): CoverageNeed | null {
  if (!coverage) return null;
  const sectors = new Set(coverage.sectors);
  if (sectors.size > 0 && !BASIC_SECTORS.every((s) => sectors.has(s))) return 'sectors';
  const scopes = [...new Set(coverage.scopes)].sort((a, b) => a - b).join(',');
  switch (scopes) {
    case '':
      return null;
    case '1':
      return 'scope-1';
    case '1,2':
      return 'scope-1-2';
    case '1,2,3':
      return PLUS_SECTORS.some((s) => sectors.has(s)) ? 'basic-plus' : 'basic';
    default:
      return 'scopes';
  }
}

export interface Comparison {
  /** The total compared; null when no observation says what its figures cover. */
  compared: CoverageNeed | null;
  /** True when the target does not say what it covers. */
  assumed: boolean;
  /** The observations used, each with the compared total as its emissions. */
  comparable: EmissionsObservation[];
  /** Years from `fromYear` on that are shown but not used, and why. */
  excluded: ExcludedYear[];
}

/** What a year reports, as a not-comparable reason names it. */
function reportedCoverage(o: EmissionsObservation): FigureCoverage {
  if (o.coverage) return o.coverage;
  return FIGURE_COVERAGES.find((c) => o.figures?.[c] !== undefined) ?? 'unstated';
}

const main = (gases: readonly Gas[]) => MAIN_GASES.filter((g) => gases.includes(g)).join(',');

/**
 * The observations a target can be compared with, each carrying the total its coverage asks
 * for; the others (from `fromYear` on, usually the base year) with the reason.
 */
export function compareObservations(
  target: TargetDefinition,
  observations: readonly EmissionsObservation[],
  fromYear: number | null,
): Comparison {
  let compared: CoverageNeed | null = coverageNeedOf(target.coverage);
  const assumed = compared === null;
  if (assumed) {
    const withFigures = observations.filter((o) => o.figures !== undefined);
    const recent = withFigures.filter((o) => fromYear === null || o.year >= fromYear);
    const pool = recent.length ? recent : withFigures;
    compared = FIGURE_COVERAGES.find((c) => pool.some((o) => o.figures?.[c] !== undefined)) ?? null;
  }
  const requiredGases = target.coverage?.gases ?? [];
  const comparable: EmissionsObservation[] = [];
  const excluded: ExcludedYear[] = [];
  /**
   * The total of a year compared: the one the target covers; else a total whose source does
   * not say what it covers (not known to differ), unless the target covers only some sectors
   * or scopes, which no city-wide total does.
   */
  const figureOf = (
    o: EmissionsObservation,
  ): { value: number; coverage: FigureCoverage } | null => {
    if (o.figures === undefined || compared === null) return null;
    if (compared === 'sectors' || compared === 'scopes') return null;
    const exact = o.figures[compared];
    if (exact !== undefined) return { value: exact, coverage: compared };
    const unstated = o.figures.unstated;
    return unstated === undefined ? null : { value: unstated, coverage: 'unstated' };
  };
  for (const o of observations) {
    const figure = figureOf(o);
    const why = ((): ExcludedYear | null => {
      if (o.figures !== undefined && compared !== null) {
        if (figure === null) {
          return {
            year: o.year,
            code: 'coverage',
            reported: reportedCoverage(o),
            required: compared,
          };
        }
      }
      if (target.boundary !== 'unknown' && o.boundary && o.boundary !== 'unknown') {
        if (o.boundary !== target.boundary) {
          return {
            year: o.year,
            code: 'boundary',
            reported: o.boundary,
            required: target.boundary,
          };
        }
      }
      if (requiredGases.length > 0 && o.gases && o.gases.length > 0) {
        if (main(o.gases) !== main(requiredGases)) {
          return {
            year: o.year,
            code: 'gases',
            reported: [...o.gases],
            required: [...requiredGases],
          };
        }
      }
      return null;
    })();
    if (why) {
      if (fromYear === null || o.year >= fromYear) excluded.push(why);
      continue;
    }
    if (figure !== null) {
      comparable.push({ ...o, emissions: figure.value, coverage: figure.coverage });
    } else {
      comparable.push(o);
    }
  }
  excluded.sort((a, b) => a.year - b.year);
  return { compared, assumed, comparable, excluded };
}
