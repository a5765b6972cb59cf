import { assessTarget } from '../../core/climate/assess';
import {
  chooseYearFigure,
  headlineOf,
  type FigureBasis,
  type SourceFacts,
} from '../../core/climate/sources';
import type {
  EmissionsObservation,
  FigureCoverage,
  Figures,
  Gas,
  TargetBoundary,
} from '../../core/climate/types';
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
 * Emissions series: one value per year, chosen among the member's own inventory and the
 * reports by the rule of src/core/climate/sources.ts (a staff choice, else the inventory, else
 * the newest report); and the assessment of a target against its government's series.
 */

/** The source of a year's figure taken from an illustrative inventory (demo figures). */
export const ILLUSTRATIVE_SOURCE = 'inventory-illustrative';

export const currentYear = () => new Date().getUTCFullYear();

export interface SeriesYear<R extends ReportFigureRow = ReportRow> {
  year: number;
  value: number | null;
  source: string | null;
  /** Why the value is the one used; the report it comes from; what it covers. */
  basis: FigureBasis | null;
  reportId: number | null;
  coverage: FigureCoverage | null;
  /** Every total the chosen source gives, with its gases and boundary (for comparisons). */
  figures: Figures;
  gases: Gas[] | null;
  boundary: TargetBoundary | null;
  inventory: { id: number; basic: number; basicPlus: number; isIllustrative: boolean } | null;
  /** Stored rows, the one used first; presented only where a page shows them. */
  reports: R[];
}

/** What the precedence rule and the comparisons read of a stored report. */
export function factsOf(r: ReportFigureRow): SourceFacts {
  return {
    pinned: r.preferred === 1,
    reportYear: r.report_year,
    periodEnd: r.period_end,
    source: r.source,
    sourceLabel: r.source_label,
    scope1: r.scope1,
    scope2: r.scope2,
    scope3: r.scope3,
    basic: r.basic,
    basicPlus: r.basic_plus,
    total: r.total,
    totalCoverage: r.total_coverage,
    protocol: r.protocol,
    gases: r.gases,
    boundary: r.boundary,
  };
}

/** What a reported total contributes to a year shown alone: BASIC, else the total, else scope 1 + 2. */
export function reportFigure(r: ReportFigureRow): number | null {
  return headlineOf(factsOf(r))?.value ?? null;
}

/**
 * A government's years, each with its figure, where it comes from, and every source. Never a
 * silent mix: the source and why it was chosen are always named. Reports are expected in id
 * order, so that reports alike in every field rank in the order they were stored.
 */
export function buildSeries<R extends ReportFigureRow>(
  inventories: readonly InventorySeriesRow[],
  reports: readonly R[],
): SeriesYear<R>[] {
  const inventoryOf = new Map(inventories.map((inv) => [inv.year, inv]));
  const reportsOf = groupBy(reports, (r) => r.year);
  const years = [...new Set([...inventoryOf.keys(), ...reportsOf.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const inv = inventoryOf.get(year);
    const inventory = inv
      ? {
          id: inv.id,
          basic: inv.basic_total,
          basicPlus: inv.basic_plus_total,
          isIllustrative: inv.is_illustrative === 1,
        }
      : null;
    const { ranked, chosen } = chooseYearFigure(reportsOf.get(year) ?? [], factsOf, inventory);
    const source = !chosen
      ? null
      : chosen.report
        ? chosen.report.source
        : inventory?.isIllustrative
          ? ILLUSTRATIVE_SOURCE
          : 'inventory';
    return {
      year,
      value: chosen?.value ?? null,
      source,
      basis: chosen?.basis ?? null,
      reportId: chosen?.report?.id ?? null,
      coverage: chosen?.coverage ?? null,
      figures: chosen?.figures ?? {},
      gases: chosen?.gases ?? null,
      boundary: chosen?.boundary ?? null,
      inventory,
      reports: ranked,
    };
  });
}

/** The years with a figure, each with every total its source gives, for comparisons. */
export function observationsOf(
  series: readonly SeriesYear<ReportFigureRow>[],
): EmissionsObservation[] {
  return series.flatMap((y) =>
    y.value === null
      ? []
      : [
          {
            year: y.year,
            emissions: y.value,
            source: y.source ?? 'unknown',
            coverage: y.coverage ?? 'unstated',
            figures: y.figures,
            gases: y.gases,
            boundary: y.boundary,
          },
        ],
  );
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
