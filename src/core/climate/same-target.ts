/**
 * Whether two targets of one government state the same thing (issue 10, "one government,
 * once"): CDP's targets file and the Net Zero Tracker, or two records merged into one
 * government, can give a government one target twice. What a target states is its kind, its
 * years and its level; who reported it, its status, coverage and words of description are how
 * it was reported, not what it says, and do not count.
 *
 * - The kind: the same type. Targets that end at zero (a net-zero label) are the same kind
 *   whatever emissions type holds them (CDP gives "100 % below 2005" as a base-year target, the
 *   tracker "Net zero" as a fixed level of 0), when their labels agree or one is the plain
 *   "net zero" (what CDP calls any target that ends at zero); climate positive and net negative
 *   go beyond zero and only match themselves.
 * - The years: the same target year (both without one counts as the same); the same base year
 *   where both have one.
 * - The level, by type, where the type has one: a reduction in percent agrees within half a
 *   percentage point (one file rounds to whole percents); an amount agrees to three significant
 *   figures (the tracker gives Mt). A base-year or baseline-scenario target given as an amount
 *   with its base (or BAU) emissions states a percent too. A level stated on one side and not
 *   the other cannot be told the same. Targets ending at zero compare only percents both state.
 * - Fuels, pollutants, units and an "other" target's words compare without case, spacing or
 *   punctuation.
 *
 * The relation is symmetric and reflexive (same-target.test.ts checks both as properties); it is
 * not transitive (40.0 ≈ 40.4 ≈ 40.8), so it is asked of pairs, never used to build groups.
 */
import { isEmissionsTarget } from './target-fields';
import type { NetZeroLabel, TargetType } from './types';

/** The fields of a target that say what it states, by their API names. */
export interface TargetStatement {
  type: TargetType;
  netZeroLabel: NetZeroLabel | null;
  title: string;
  baseYear: number | null;
  baseEmissions: number | null;
  targetYear: number | null;
  reductionPercent: number | null;
  targetEmissions: number | null;
  bauEmissions: number | null;
  intensityUnit: string | null;
  fuel: string | null;
  sharePercent: number | null;
  pollutant: string | null;
  levelValue: number | null;
  levelUnit: string | null;
}

/** Percentage points within which two percents are one (rounded to whole percents). */
export const PERCENT_TOLERANCE = 0.5;
/** Relative difference within which two amounts are one (three significant figures). */
export const AMOUNT_TOLERANCE = 0.005;

export const samePercent = (a: number, b: number): boolean =>
  Math.abs(a - b) <= PERCENT_TOLERANCE + 1e-9;

export const sameAmount = (a: number, b: number): boolean =>
  Math.abs(a - b) <= AMOUNT_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) + 1e-9;

/** Words compared without case, spacing or punctuation ("Per capita" is "per-capita"). */
export function foldWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** An intensity's denominator without a leading "per" ("per capita" is "capita"). */
const unitKey = (unit: string) => foldWords(unit.replace(/^\s*per\b/i, ''));

/** Labels that go beyond zero: they match only themselves. */
const BEYOND_ZERO: readonly NetZeroLabel[] = ['climate-positive', 'net-negative'];

function sameZeroLabel(a: NetZeroLabel, b: NetZeroLabel): boolean {
  if (a === b) return true;
  if (BEYOND_ZERO.includes(a) || BEYOND_ZERO.includes(b)) return false;
  return a === 'net-zero' || b === 'net-zero';
}

/** Both without a value, or both with values that agree; one without is not the same. */
function both<T>(a: T | null, b: T | null, same: (x: T, y: T) => boolean): boolean {
  if (a === null || b === null) return a === null && b === null;
  return same(a, b);
}

/** Agree where both give a value; a value on one side only says nothing against it. */
function whereBoth<T>(a: T | null, b: T | null, same: (x: T, y: T) => boolean): boolean {
  return a === null || b === null || same(a, b);
}

/** The reduction a target states, in percent below its reference (base or BAU emissions). */
export function statedPercent(t: TargetStatement): number | null {
  if (t.reductionPercent !== null) return t.reductionPercent;
  const reference =
    t.type === 'base-year'
      ? t.baseEmissions
      : t.type === 'baseline-scenario'
        ? t.bauEmissions
        : null;
  if (t.targetEmissions === null || reference === null || reference <= 0) return null;
  return (1 - t.targetEmissions / reference) * 100;
}

/**
 * The level of an emissions target: the percents when both state one, else the amounts when
 * both give one, else neither may state a level.
 */
function sameEmissionsLevel(a: TargetStatement, b: TargetStatement): boolean {
  const pa = statedPercent(a);
  const pb = statedPercent(b);
  if (pa !== null && pb !== null) return samePercent(pa, pb);
  if (a.targetEmissions !== null && b.targetEmissions !== null) {
    return sameAmount(a.targetEmissions, b.targetEmissions);
  }
  return pa === null && pb === null && a.targetEmissions === null && b.targetEmissions === null;
}

/** Whether two targets state the same thing (see the top of this file). */
export function statesSameTarget(a: TargetStatement, b: TargetStatement): boolean {
  if (a.targetYear !== b.targetYear) return false;
  if (!whereBoth(a.baseYear, b.baseYear, (x, y) => x === y)) return false;

  const zero = a.netZeroLabel !== null || b.netZeroLabel !== null;
  if (zero) {
    if (a.netZeroLabel === null || b.netZeroLabel === null) return false;
    if (!sameZeroLabel(a.netZeroLabel, b.netZeroLabel)) return false;
    if (a.type !== b.type && !(isEmissionsTarget(a.type) && isEmissionsTarget(b.type))) {
      return false;
    }
    // Zero is the level; a percent both state explicitly must still agree (90 % and offsets
    // is not 100 %).
    return whereBoth(a.reductionPercent, b.reductionPercent, samePercent);
  }
  if (a.type !== b.type) return false;

  switch (a.type) {
    case 'base-year':
    case 'baseline-scenario':
    case 'fixed-level':
      return sameEmissionsLevel(a, b);
    case 'intensity':
      return (
        whereBoth(a.intensityUnit, b.intensityUnit, (x, y) => unitKey(x) === unitKey(y)) &&
        sameEmissionsLevel(a, b)
      );
    case 'fuel-phase-out':
      return both(a.fuel, b.fuel, (x, y) => foldWords(x) === foldWords(y));
    case 'renewable-share':
      return both(a.sharePercent, b.sharePercent, samePercent);
    case 'air-quality':
      return (
        both(a.pollutant, b.pollutant, (x, y) => foldWords(x) === foldWords(y)) &&
        both(a.levelValue, b.levelValue, sameAmount) &&
        whereBoth(a.levelUnit, b.levelUnit, (x, y) => foldWords(x) === foldWords(y))
      );
    case 'other':
      // Its words are what it states ("Peak emissions by 2025").
      return foldWords(a.title) === foldWords(b.title);
  }
}
