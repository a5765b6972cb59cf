import { assessTarget } from '../../core/climate/assess';
import type { EmissionsObservation } from '../../core/climate/types';
import type { Store } from '../store';
import { definitionOf } from './present';
import type {
  GovernmentRef,
  InventorySeriesRow,
  ReportFigureRow,
  ReportRow,
  TargetRow,
} from './repository';
import type { Assessment } from './schemas';

/**
 * Emissions series: one value per year, from the member's own inventory or a reported source;
 * and the assessment of a target against its government's series.
 */

export const currentYear = () => new Date().getUTCFullYear();

export interface SeriesYear<R extends ReportFigureRow = ReportRow> {
  year: number;
  value: number | null;
  source: string | null;
  inventory: { id: number; basic: number; basicPlus: number; isIllustrative: boolean } | null;
  /** Stored rows; presented only where a page shows them (dashboards need just the value). */
  reports: R[];
}

/** What a reported total contributes: BASIC if given, else the total, else scope 1 + scope 2. */
export function reportFigure(
  r: Pick<ReportRow, 'basic' | 'total' | 'scope1' | 'scope2'>,
): number | null {
  if (r.basic !== null) return r.basic;
  if (r.total !== null) return r.total;
  if (r.scope1 !== null && r.scope2 !== null) return r.scope1 + r.scope2;
  return null;
}

/**
 * The year's figure: a report marked preferred wins; else the member's own inventory (BASIC);
 * else the first report with a figure. Never a silent mix: the source is always named.
 */
export function buildSeries<R extends ReportFigureRow>(
  inventories: readonly InventorySeriesRow[],
  reports: readonly R[],
): SeriesYear<R>[] {
  const years = new Map<number, SeriesYear<R>>();
  const yearOf = (y: number) => {
    let entry = years.get(y);
    if (!entry) {
      entry = { year: y, value: null, source: null, inventory: null, reports: [] };
      years.set(y, entry);
    }
    return entry;
  };
  for (const inv of inventories) {
    yearOf(inv.year).inventory = {
      id: inv.id,
      basic: inv.basic_total,
      basicPlus: inv.basic_plus_total,
      isIllustrative: inv.is_illustrative === 1,
    };
  }
  for (const r of reports) yearOf(r.year).reports.push(r);
  for (const y of years.values()) {
    const preferred = y.reports.find((r) => r.preferred === 1 && reportFigure(r) !== null);
    if (preferred) {
      y.value = reportFigure(preferred);
      y.source = preferred.source;
    } else if (y.inventory) {
      y.value = y.inventory.basic;
      y.source = y.inventory.isIllustrative ? 'inventory-illustrative' : 'inventory';
    } else {
      const first = y.reports.find((r) => reportFigure(r) !== null);
      if (first) {
        y.value = reportFigure(first);
        y.source = first.source;
      }
    }
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

function observationsOf(series: readonly SeriesYear<ReportFigureRow>[]): EmissionsObservation[] {
  return series
    .filter((y) => y.value !== null)
    .map((y) => ({ year: y.year, emissions: y.value as number, source: y.source ?? 'unknown' }));
}

/** Groups rows by a key in one pass. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export function seriesByGovernment<R extends ReportFigureRow>(
  governments: readonly { id: number }[],
  inventories: readonly InventorySeriesRow[],
  reports: readonly R[],
): Map<number, SeriesYear<R>[]> {
  const inventoriesBy = groupBy(inventories, (i) => i.government_id);
  const reportsBy = groupBy(reports, (r) => r.government_id);
  return new Map(
    governments.map((g) => [
      g.id,
      buildSeries(inventoriesBy.get(g.id) ?? [], reportsBy.get(g.id) ?? []),
    ]),
  );
}

/** Series of a few governments (a page, a record) in two queries. */
export async function seriesOfGovernments(
  store: Store,
  governments: readonly { id: number }[],
): Promise<Map<number, SeriesYear[]>> {
  const ids = governments.map((g) => g.id);
  const [inventories, reports] = await Promise.all([
    store.climate.inventorySeriesOfGovernments(ids),
    store.climate.reportsOfGovernments(ids),
  ]);
  return seriesByGovernment(governments, inventories, reports);
}

/** A target assessed against its government's series, as of a year. */
export function assess(
  row: TargetRow,
  series: readonly SeriesYear<ReportFigureRow>[],
  gov: Pick<GovernmentRef, 'population' | 'population_year'>,
  asOfYear: number,
): Assessment {
  const denominators: Record<number, number> = {};
  // Per-capita intensity: the population Accord knows, in the year it was counted.
  if (gov.population && gov.population_year) denominators[gov.population_year] = gov.population;
  const a = assessTarget(definitionOf(row), observationsOf(series), { asOfYear, denominators });
  return { ...a, computed: true, asOfYear };
}
