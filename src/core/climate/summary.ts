import { targetLevelOf } from './assess';
import { isEmissionsTarget } from './target-fields';
import { ASSESSMENT_STATUSES } from './types';
import type { Assessment, AssessmentStatus, TargetDefinition } from './types';

export interface AssessedTarget {
  definition: TargetDefinition;
  assessment: Assessment;
}

export interface NetworkEntry {
  governmentId: number;
  country: string;
  isMember: boolean;
  targets: AssessedTarget[];
}

export interface SummaryOptions {
  /** The two milestone years of the committed reductions; default [2030, 2050]. */
  milestoneYears?: [number, number];
}

export type StatusCounts = Record<AssessmentStatus, number>;

export interface CountrySummary {
  governments: number;
  /** Governments with at least one target of any type. */
  withTargets: number;
  withNetZero: number;
  /** Governments by the status of their headline target (those without one are not counted). */
  byStatus: StatusCounts;
}

export interface GroupSummary extends CountrySummary {
  /** withNetZero ÷ governments (0 for an empty group). */
  netZeroShare: number;
  /** t CO2e: per government the largest base emissions of its emissions targets, summed. */
  baseEmissionsCovered: number;
  /** t CO2e a year: per government the largest reduction due by the first milestone, summed. */
  committedReduction2030: number;
  /** The same for targets due by the second milestone (2050 by default). */
  committedReduction2050: number;
  byCountry: Record<string, CountrySummary>;
}

export interface NetworkSummary {
  milestoneYears: [number, number];
  members: GroupSummary;
  prospects: GroupSummary;
}

const DEFAULT_MILESTONES: [number, number] = [2030, 2050];

function hasNetZero(target: TargetDefinition): boolean {
  if (target.netZeroLabel !== null) return true;
  return target.type === 'fixed-level' && targetLevelOf(target) === 0;
}

/**
 * The target that stands for a government in status counts: of its emissions targets, the one
 * with the latest target year up to the first milestone (the interim target that decides what
 * happens this decade); if none, the earliest later one; if no target has a year, the first.
 */
export function headlineTarget(
  targets: readonly AssessedTarget[],
  milestoneYear: number = DEFAULT_MILESTONES[0],
): AssessedTarget | null {
  const emissionsTargets = targets.filter((t) => isEmissionsTarget(t.definition.type));
  let byMilestone: AssessedTarget | null = null;
  let later: AssessedTarget | null = null;
  for (const target of emissionsTargets) {
    const year = target.definition.targetYear;
    if (year === null) continue;
    if (year <= milestoneYear) {
      if (!byMilestone || year > (byMilestone.definition.targetYear as number)) {
        byMilestone = target;
      }
    } else if (!later || year < (later.definition.targetYear as number)) {
      later = target;
    }
  }
  return byMilestone ?? later ?? emissionsTargets[0] ?? null;
}

/**
 * E_B − E_T in t CO2e, never below zero (a baseline-scenario target may allow growth over the
 * base year, which commits no reduction). Intensity targets state no absolute level: none.
 */
function committedReduction(target: TargetDefinition): number | null {
  if (!isEmissionsTarget(target.type) || target.type === 'intensity') return null;
  if (target.baseEmissions === null || !Number.isFinite(target.baseEmissions)) return null;
  const level = targetLevelOf(target);
  if (level === null) return null;
  return Math.max(0, target.baseEmissions - level);
}

function largest(values: readonly (number | null)[]): number | null {
  let result: number | null = null;
  for (const value of values) {
    if (value !== null && (result === null || value > result)) result = value;
  }
  return result;
}

function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(ASSESSMENT_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

function emptyCountrySummary(): CountrySummary {
  return { governments: 0, withTargets: 0, withNetZero: 0, byStatus: emptyStatusCounts() };
}

interface Government {
  country: string;
  isMember: boolean;
  targets: AssessedTarget[];
}

/**
 * One record per government: an id given twice (e.g. by two sources) is merged, keeping the
 * first country and membership and all targets, so no government is counted twice.
 */
function governmentsOf(entries: readonly NetworkEntry[]): Government[] {
  const byId = new Map<number, Government>();
  for (const entry of entries) {
    const known = byId.get(entry.governmentId);
    if (known) {
      known.targets.push(...entry.targets);
    } else {
      byId.set(entry.governmentId, {
        country: entry.country,
        isMember: entry.isMember,
        targets: [...entry.targets],
      });
    }
  }
  return [...byId.values()];
}

/**
 * What one government adds to its group's roll-up: computed once per government (and kept by
 * the server between changes), then summed by summarizeContributions.
 */
export interface GovernmentContribution {
  /** At least one target of any type. */
  withTargets: boolean;
  withNetZero: boolean;
  /** The status of its headline target; null without one. */
  headlineStatus: AssessmentStatus | null;
  /** The largest base emissions of its emissions targets (0 without one). */
  baseEmissions: number;
  /** The largest reduction due by each milestone year (0 without one). */
  committedReductions: [number, number];
}

/** A government's part of the roll-up, from its assessed targets. */
export function contributionOf(
  targets: readonly AssessedTarget[],
  milestoneYears: [number, number] = DEFAULT_MILESTONES,
): GovernmentContribution {
  const definitions = targets.map((t) => t.definition);
  const emissionsTargets = definitions.filter((d) => isEmissionsTarget(d.type));
  const reductionBy = (milestone: number) =>
    largest(
      emissionsTargets
        .filter((d) => d.targetYear !== null && d.targetYear <= milestone)
        .map(committedReduction),
    ) ?? 0;
  return {
    withTargets: definitions.length > 0,
    withNetZero: definitions.some(hasNetZero),
    headlineStatus: headlineTarget(targets, milestoneYears[0])?.assessment.status ?? null,
    baseEmissions:
      largest(
        emissionsTargets.map((d) =>
          d.baseEmissions !== null && Number.isFinite(d.baseEmissions) ? d.baseEmissions : null,
        ),
      ) ?? 0,
    committedReductions: [reductionBy(milestoneYears[0]), reductionBy(milestoneYears[1])],
  };
}

/** A government as the roll-up counts it. */
export interface ContributingGovernment {
  country: string;
  isMember: boolean;
  contribution: GovernmentContribution;
}

function summarizeGroup(governments: Iterable<ContributingGovernment>): GroupSummary {
  const summary: GroupSummary = {
    ...emptyCountrySummary(),
    netZeroShare: 0,
    baseEmissionsCovered: 0,
    committedReduction2030: 0,
    committedReduction2050: 0,
    byCountry: {},
  };
  const countries = new Map<string, CountrySummary>();

  for (const { country: code, contribution: c } of governments) {
    const country = countries.get(code) ?? emptyCountrySummary();
    countries.set(code, country);
    const counted = [summary, country];
    for (const counts of counted) counts.governments += 1;
    if (c.withTargets) for (const counts of counted) counts.withTargets += 1;
    if (c.withNetZero) for (const counts of counted) counts.withNetZero += 1;
    if (c.headlineStatus) for (const counts of counted) counts.byStatus[c.headlineStatus] += 1;
    summary.baseEmissionsCovered += c.baseEmissions;
    summary.committedReduction2030 += c.committedReductions[0];
    summary.committedReduction2050 += c.committedReductions[1];
  }

  summary.netZeroShare = summary.governments === 0 ? 0 : summary.withNetZero / summary.governments;
  summary.byCountry = Object.fromEntries(countries);
  return summary;
}

/**
 * The roll-up of governments' contributions, members and prospects apart, each government once
 * and in the order given (sums of figures depend on their order in the last digits).
 */
export function summarizeContributions(
  governments: readonly ContributingGovernment[],
  milestoneYears: [number, number] = DEFAULT_MILESTONES,
): NetworkSummary {
  return {
    milestoneYears,
    members: summarizeGroup(governments.filter((g) => g.isMember)),
    prospects: summarizeGroup(governments.filter((g) => !g.isMember)),
  };
}

/** The network dashboard's roll-up, members and prospects apart (PRODUCT.md section 3). */
export function summarizeNetwork(
  entries: readonly NetworkEntry[],
  options: SummaryOptions = {},
): NetworkSummary {
  const milestoneYears = options.milestoneYears ?? DEFAULT_MILESTONES;
  return summarizeContributions(
    governmentsOf(entries).map((g) => ({
      country: g.country,
      isMember: g.isMember,
      contribution: contributionOf(g.targets, milestoneYears),
    })),
    milestoneYears,
  );
}
