/** Sorting, grouping and figures of the network dashboard, kept apart from React for testing. */
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../core/climate/types';
import type { ClimateSummaryRow } from './types';

export const DASHBOARD_SORT_FIELDS = [
  'name',
  'country',
  'status',
  'progress',
  'netZeroYear',
  'latestEmissions',
] as const;
export type DashboardSortField = (typeof DASHBOARD_SORT_FIELDS)[number];
export type DashboardSort = DashboardSortField | `-${DashboardSortField}`;

export const DASHBOARD_GROUPS = ['all', 'members', 'prospects'] as const;
export type DashboardGroup = (typeof DASHBOARD_GROUPS)[number];

export function isDashboardSort(value: string | null): value is DashboardSort {
  if (value === null) return false;
  const field = value.startsWith('-') ? value.slice(1) : value;
  return (DASHBOARD_SORT_FIELDS as readonly string[]).includes(field);
}

export function isDashboardGroup(value: string | null): value is DashboardGroup {
  return value !== null && (DASHBOARD_GROUPS as readonly string[]).includes(value);
}

/** Headline statuses from best to worst, then governments without a headline target. */
const STATUS_RANK: ReadonlyMap<string, number> = new Map(
  ASSESSMENT_STATUSES.map((status, index) => [status, index]),
);

export function inGroup(row: ClimateSummaryRow, group: DashboardGroup): boolean {
  return group === 'all' || (group === 'members') === row.isMember;
}

/**
 * Rows sorted by a field; rows without a value for it come last whichever the direction, and
 * ties fall back to the name so the order is stable.
 */
export function sortRows(
  rows: readonly ClimateSummaryRow[],
  sort: DashboardSort,
  nameOf: (row: ClimateSummaryRow) => string,
  countryOf: (row: ClimateSummaryRow) => string,
  locale: string,
): ClimateSummaryRow[] {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as DashboardSortField;
  const collator = new Intl.Collator(locale);
  const byName = (a: ClimateSummaryRow, b: ClimateSummaryRow) =>
    collator.compare(nameOf(a), nameOf(b));
  const keyOf = (row: ClimateSummaryRow): string | number | null => {
    switch (field) {
      case 'name':
        return nameOf(row);
      case 'country':
        return countryOf(row);
      case 'status':
        return row.headline ? (STATUS_RANK.get(row.headline.status) ?? null) : null;
      case 'progress':
        return row.headline?.progress ?? null;
      case 'netZeroYear':
        return row.netZeroYear;
      case 'latestEmissions':
        return row.latestEmissions;
    }
  };
  return [...rows].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka === null && kb === null) return byName(a, b);
    if (ka === null) return 1;
    if (kb === null) return -1;
    const order =
      typeof ka === 'string' || typeof kb === 'string'
        ? collator.compare(String(ka), String(kb))
        : ka - kb;
    if (order !== 0) return descending ? -order : order;
    return byName(a, b);
  });
}

/** Map and legend key of a row: its headline status, or 'none' without an emissions target. */
export type MapStatus = AssessmentStatus | 'none';

export function mapStatusOf(row: ClimateSummaryRow): MapStatus {
  return row.headline?.status ?? 'none';
}

/** Tonnes to megatonnes. */
export function toMegatonnes(tonnes: number): number {
  return tonnes / 1_000_000;
}

/** Every status with its count (zero when absent), in the fixed order of the legend. */
export function statusCounts(byStatus: Readonly<Record<string, number>>): {
  status: AssessmentStatus;
  count: number;
}[] {
  return ASSESSMENT_STATUSES.map((status) => ({ status, count: byStatus[status] ?? 0 }));
}

/** The smallest axis the status chart draws: a region with one target still reads as a count. */
const MIN_COUNT_AXIS = 5;
const NICE_STEPS = [1, 2, 5];

/**
 * A count axis for the status chart: whole-number ticks (never 0.2 of a government), about
 * five of them, and a top at a tick at least MIN_COUNT_AXIS, so that one target is a short
 * bar on 0–5 rather than a full bar on 0–1.
 */
export function countAxis(largest: number): { max: number; interval: number } {
  const wanted = Math.ceil(Math.max(largest, MIN_COUNT_AXIS) / MIN_COUNT_AXIS);
  let interval = 1;
  for (let magnitude = 1; interval < wanted; magnitude *= 10) {
    interval = NICE_STEPS.map((s) => s * magnitude).find((s) => s >= wanted) ?? interval;
  }
  return { max: Math.max(MIN_COUNT_AXIS, Math.ceil(largest / interval) * interval), interval };
}
