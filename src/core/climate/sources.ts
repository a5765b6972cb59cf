import {
  GASES,
  type FigureCoverage,
  type Figures,
  type Gas,
  type TargetBoundary,
  type TotalCoverage,
} from './types';

/**
 * Where a year's emissions figure comes from, and what it covers.
 *
 * A government's year can have several sources: its own inventory in Accord, and reports
 * published elsewhere (CDP's yearly files, national statistics), a later report often restating
 * an earlier one. Exactly one figure counts, chosen by a rule that reads only what the sources
 * say, never the order they were added in:
 *
 * 1. a report staff chose for the year (`pinned`), shown as their choice;
 * 2. else the member's own final inventory in Accord (GPC BASIC);
 * 3. else the newest report: the highest report year (the year it was published, e.g. the CDP
 *    reporting year), then the latest accounting period, then the most complete; reports alike
 *    in all of these are ordered by their content, so that the same reports give the same
 *    figure whatever the order of import.
 *
 * The others stay listed as the year's sources.
 */

/** The figures of a report (t CO2e). */
export interface ReportedTotals {
  scope1: number | null;
  scope2: number | null;
  scope3: number | null;
  basic: number | null;
  basicPlus: number | null;
  total: number | null;
  /** What `total` covers, when the source says. */
  totalCoverage: TotalCoverage | null;
}

/** Everything the choice of a year's figure reads of a report. */
export interface SourceFacts extends ReportedTotals {
  /** Chosen by staff for its year: beats the rule. */
  pinned: boolean;
  /** The year the report was published (the CDP reporting year); null when unknown. */
  reportYear: number | null;
  /** End of the accounting period, ISO date. */
  periodEnd: string | null;
  /** The publisher's key (cdp, national, other) and the report's name. */
  source: string;
  sourceLabel: string;
  /** Methodology (protocol), gases (as stored: "CO2, CH4, N2O") and inventory boundary. */
  protocol: string | null;
  gases: string | null;
  boundary: string | null;
}

/** Each total a report gives, by what it covers; the columns win over a declared total. */
export function figuresOf(r: ReportedTotals): Figures {
  const figures: Figures = {};
  if (r.basic !== null) figures.basic = r.basic;
  if (r.basicPlus !== null) figures['basic-plus'] = r.basicPlus;
  if (r.scope1 !== null && r.scope2 !== null) figures['scope-1-2'] = r.scope1 + r.scope2;
  if (r.scope1 !== null) figures['scope-1'] = r.scope1;
  if (r.total !== null) {
    const coverage = r.totalCoverage ?? 'unstated';
    if (figures[coverage] === undefined) figures[coverage] = r.total;
  }
  return figures;
}

/** The figure a year shows from a report: BASIC, else the total, else scope 1 + scope 2. */
export function headlineOf(r: ReportedTotals): { value: number; coverage: FigureCoverage } | null {
  if (r.basic !== null) return { value: r.basic, coverage: 'basic' };
  if (r.total !== null) return { value: r.total, coverage: r.totalCoverage ?? 'unstated' };
  if (r.scope1 !== null && r.scope2 !== null) {
    return { value: r.scope1 + r.scope2, coverage: 'scope-1-2' };
  }
  return null;
}

/** The gases a stored list names ("CH4, CO2, N2O"), in Accord's order; null if none. */
export function gasesOfText(text: string | null): Gas[] | null {
  if (!text) return null;
  const named = new Set(text.split(/[\s,;]+/).map((t) => t.trim().toUpperCase()));
  const gases = GASES.filter((g) => named.has(g.toUpperCase()));
  return gases.length ? gases : null;
}

const BOUNDARIES: readonly string[] = ['city-wide', 'partial', 'larger'];

/** A report's boundary as a target boundary; null when not one Accord knows. */
export function boundaryOfText(text: string | null): Exclude<TargetBoundary, 'unknown'> | null {
  return text !== null && BOUNDARIES.includes(text)
    ? (text as Exclude<TargetBoundary, 'unknown'>)
    : null;
}

type Key = number | string | null;

/** Orders keys: known before unknown; numbers and strings higher first when `desc`. */
function compareKey(a: Key, b: Key, desc: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a < b ? -1 : 1;
  return desc ? -order : order;
}

function completeness(r: ReportedTotals): number {
  return [r.basic, r.basicPlus, r.scope1, r.scope2, r.scope3, r.total].filter((v) => v !== null)
    .length;
}

/** Negative when `a` ranks before `b`: the precedence rule above, then content only. */
export function compareSources(a: SourceFacts, b: SourceFacts): number {
  const keys: [Key, Key, boolean][] = [
    [headlineOf(a) === null ? 0 : 1, headlineOf(b) === null ? 0 : 1, true],
    [a.pinned ? 1 : 0, b.pinned ? 1 : 0, true],
    [a.reportYear, b.reportYear, true],
    [a.periodEnd, b.periodEnd, true],
    [completeness(a), completeness(b), true],
    // Alike so far: an order by content alone, so no import order can show through.
    [a.source, b.source, false],
    [a.sourceLabel, b.sourceLabel, false],
    [a.basic, b.basic, true],
    [a.basicPlus, b.basicPlus, true],
    [a.total, b.total, true],
    [a.totalCoverage, b.totalCoverage, false],
    [a.scope1, b.scope1, true],
    [a.scope2, b.scope2, true],
    [a.scope3, b.scope3, true],
    [a.protocol, b.protocol, false],
    [a.gases, b.gases, false],
    [a.boundary, b.boundary, false],
  ];
  for (const [x, y, desc] of keys) {
    const c = compareKey(x, y, desc);
    if (c !== 0) return c;
  }
  return 0;
}

/** The sources of a year, the one that counts first (see the rule at the top). */
export function rankSources<R>(items: readonly R[], facts: (item: R) => SourceFacts): R[] {
  return items
    .map((item) => ({ item, facts: facts(item) }))
    .sort((a, b) => compareSources(a.facts, b.facts))
    .map((x) => x.item);
}

/** Why a year's figure is the one used. */
export const FIGURE_BASES = ['staff-choice', 'inventory', 'newest-report'] as const;
export type FigureBasis = (typeof FIGURE_BASES)[number];

/** The member's own inventory totals of a year. */
export interface InventoryFigures {
  basic: number;
  basicPlus: number;
}

/** The figure a year uses, where it comes from, and what it covers. */
export interface YearFigure<R> {
  basis: FigureBasis;
  /** The report used; null when the inventory is. */
  report: R | null;
  value: number;
  coverage: FigureCoverage;
  /** Every total the chosen source gives (an assessment may compare another one). */
  figures: Figures;
  gases: Gas[] | null;
  boundary: Exclude<TargetBoundary, 'unknown'> | null;
}

/**
 * The year's figure by the rule above, and every report of the year, the one used first.
 * `facts` reads a report (rows of any shape).
 */
export function chooseYearFigure<R>(
  reports: readonly R[],
  facts: (report: R) => SourceFacts,
  inventory: InventoryFigures | null,
): { ranked: R[]; chosen: YearFigure<R> | null } {
  const ranked = rankSources(reports, facts);
  const fromReport = (report: R, basis: FigureBasis): YearFigure<R> | null => {
    const f = facts(report);
    const headline = headlineOf(f);
    if (headline === null) return null;
    return {
      basis,
      report,
      value: headline.value,
      coverage: headline.coverage,
      figures: figuresOf(f),
      gases: gasesOfText(f.gases),
      boundary: boundaryOfText(f.boundary),
    };
  };
  const first = ranked[0];
  if (first !== undefined && facts(first).pinned) {
    const chosen = fromReport(first, 'staff-choice');
    if (chosen) return { ranked, chosen };
  }
  if (inventory) {
    return {
      ranked,
      chosen: {
        basis: 'inventory',
        report: null,
        value: inventory.basic,
        coverage: 'basic',
        figures: { basic: inventory.basic, 'basic-plus': inventory.basicPlus },
        gases: null,
        boundary: null,
      },
    };
  }
  return { ranked, chosen: first === undefined ? null : fromReport(first, 'newest-report') };
}
