/**
 * The climate domain's shared vocabulary: targets, inventories, emissions observations and
 * assessments. Pure types; the calculations live beside them in this folder.
 */

/**
 * GHG Protocol Mitigation Goal Standard types plus the non-emission targets members set, and
 * `other`: a target not stated as a level of emissions (the Net Zero Tracker's "Other", such as
 * "peak emissions by 2025"), kept with its words and never assessed.
 */
export const TARGET_TYPES = [
  'base-year',
  'fixed-level',
  'baseline-scenario',
  'intensity',
  'fuel-phase-out',
  'renewable-share',
  'air-quality',
  'other',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/**
 * The denominators an importer writes for an intensity target's unit (mapping.ts); a unit typed
 * by hand is kept as typed. Shown by name in the reader's language, never as these codes.
 */
export const INTENSITY_UNITS = ['per-capita', 'per-gdp'] as const;
export type IntensityUnit = (typeof INTENSITY_UNITS)[number];

/** What members and trackers call a target of (net) zero. */
export const NET_ZERO_LABELS = [
  'net-zero',
  'zero-emissions',
  'zero-carbon',
  'carbon-neutral',
  'climate-neutral',
  'ghg-neutral',
  'climate-positive',
  'net-negative',
] as const;
export type NetZeroLabel = (typeof NET_ZERO_LABELS)[number];

/** How firmly a target is set, from an idea to a validated achievement. */
export const TARGET_STATUSES = [
  'proposed',
  'declaration',
  'policy',
  'law',
  'achieved-self-declared',
  'achieved-validated',
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const TARGET_BOUNDARIES = ['city-wide', 'partial', 'larger', 'unknown'] as const;
export type TargetBoundary = (typeof TARGET_BOUNDARIES)[number];

export const GASES = ['CO2', 'CH4', 'N2O', 'HFCs', 'PFCs', 'SF6', 'NF3'] as const;
export type Gas = (typeof GASES)[number];
/** An inventory entry is either one gas in tonnes of that gas, or already in tonnes CO2e. */
export type EntryGas = Gas | 'CO2e';

export const GWP_SETS = ['AR5', 'AR6'] as const;
export type GwpSet = (typeof GWP_SETS)[number];

/** GPC notation keys, used instead of a number. */
export const NOTATION_KEYS = ['NO', 'IE', 'NE', 'C', 'NA'] as const;
export type NotationKey = (typeof NOTATION_KEYS)[number];

export const ACTION_STATUSES = ['planned', 'in-progress', 'completed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An inventory is a draft until its government calls it final. */
export const INVENTORY_STATUSES = ['draft', 'final'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];

/** The climate records whose every version is kept (history and restore). */
export const VERSIONED_RECORDS = ['target', 'inventory', 'emission-report', 'action'] as const;
export type VersionedRecord = (typeof VERSIONED_RECORDS)[number];

/** What made a version: a restore writes an earlier version's fields as a new one. */
export const VERSION_CHANGES = ['create', 'update', 'delete', 'restore'] as const;
export type VersionChange = (typeof VERSION_CHANGES)[number];

/** The files Accord imports: CDP's targets and city-wide emissions, the Net Zero Tracker. */
export const IMPORT_KINDS = ['cdp-targets', 'cdp-emissions', 'nzt'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** `interrupted`: the process working on the run stopped (or was killed) before it ended. */
export const IMPORT_RUN_STATUSES = ['running', 'done', 'failed', 'interrupted'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/** What an import did with one row of its file. */
export const IMPORT_ROW_ACTIONS = ['create', 'update', 'unchanged', 'skip'] as const;
export type ImportRowAction = (typeof IMPORT_ROW_ACTIONS)[number];

/** The character encodings an imported CSV file can be read in (detected, or chosen). */
export const IMPORT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'shift_jis',
  'euc-kr',
  'big5',
  'gb18030',
] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** The fields of a target that the assessment reads. Emissions in tonnes CO2e a year. */
export interface TargetDefinition {
  type: TargetType;
  baseYear: number | null;
  baseEmissions: number | null;
  targetYear: number | null;
  /** Reduction in percent (40 means 40 % below base, or below BAU for baseline-scenario). */
  reductionPercent: number | null;
  /** Absolute target level in t CO2e (fixed-level targets; or given instead of a percentage). */
  targetEmissions: number | null;
  /** Business-as-usual emissions in the target year (baseline-scenario targets). */
  bauEmissions: number | null;
  /** Intensity targets: emissions per denominator unit in the base year (e.g. t CO2e per person). */
  baseIntensity: number | null;
  intensityUnit: string | null;
  boundary: TargetBoundary;
  netZeroLabel: NetZeroLabel | null;
  /** What the target covers; absent or empty when it does not say (BASIC is then assumed). */
  coverage?: TargetCoverage;
}

/** A target's coverage as its assessment reads it (sectors are GPC sector codes). */
export interface TargetCoverage {
  scopes: readonly number[];
  sectors: readonly string[];
  gases: readonly Gas[];
}

/**
 * What a reported total covers: GPC BASIC, BASIC+, scope 1 + scope 2 (all sectors), scope 1
 * (territorial), or a total whose source does not say what it covers.
 */
export const FIGURE_COVERAGES = [
  'basic',
  'basic-plus',
  'scope-1-2',
  'scope-1',
  'unstated',
] as const;
export type FigureCoverage = (typeof FIGURE_COVERAGES)[number];

/** What a stored total can be declared to cover (null: not stated). */
export const TOTAL_COVERAGES = ['basic', 'basic-plus', 'scope-1-2', 'scope-1'] as const;
export type TotalCoverage = (typeof TOTAL_COVERAGES)[number];

/** Every total a source gives for its year, by what it covers. */
export type Figures = Partial<Record<FigureCoverage, number>>;

/**
 * The total a target is compared with, from its coverage: one of the reported totals; or
 * `sectors` (the target covers some sectors only) or `scopes` (a set of scopes no reported
 * total has), with which no city-wide total compares.
 */
export const COVERAGE_NEEDS = [...FIGURE_COVERAGES, 'sectors', 'scopes'] as const;
export type CoverageNeed = (typeof COVERAGE_NEEDS)[number];

/** Why a year's figure is shown but not used by an assessment. */
export const NOT_COMPARABLE_CODES = ['coverage', 'boundary', 'gases'] as const;
export type NotComparableCode = (typeof NOT_COMPARABLE_CODES)[number];

/** A year left out of an assessment, with what the year reports and what the target covers. */
export type ExcludedYear =
  | { year: number; code: 'coverage'; reported: FigureCoverage; required: CoverageNeed }
  | { year: number; code: 'boundary'; reported: TargetBoundary; required: TargetBoundary }
  | { year: number; code: 'gases'; reported: Gas[]; required: Gas[] };

/** One year's emissions as Accord will compare them with a target. */
export interface EmissionsObservation {
  year: number;
  /** t CO2e */
  emissions: number;
  /** Where the figure comes from: 'inventory' (the member's own) or a source key (e.g. 'cdp'). */
  source: string;
  /** What `emissions` covers. */
  coverage?: FigureCoverage;
  /**
   * Every total the year's source gives, by coverage. Absent when the caller does not know:
   * `emissions` is then taken as comparable with any target.
   */
  figures?: Figures;
  /** The gases the source covers; null or absent when it does not say. */
  gases?: readonly Gas[] | null;
  /** The source's inventory boundary; null or absent when it does not say. */
  boundary?: TargetBoundary | null;
}

export const ASSESSMENT_STATUSES = [
  'achieved',
  'on-track',
  'off-track',
  'stale',
  'not-assessable',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const NOT_ASSESSABLE_REASONS = [
  'not-an-emissions-target',
  /** An `other` target: no level of emissions to draw a pathway to. */
  'not-quantified',
  'no-base-emissions',
  'no-target-level',
  'no-inventory-after-base-year',
  /** There are figures after the base year, but none covers what the target covers. */
  'no-comparable-figures',
  'no-denominator',
] as const;
export type NotAssessableReason = (typeof NOT_ASSESSABLE_REASONS)[number];

export interface Trend {
  /** t CO2e per year (negative when falling). */
  slope: number;
  intercept: number;
  /** The years the fit used. */
  fromYear: number;
  toYear: number;
}

export interface BenchmarkComparison {
  /** 2019 emissions the benchmark is measured from. */
  emissions2019: number;
  /** 2019 emissions × (1 − 0.43). */
  benchmark2030: number;
  /** The target's implied 2030 level. */
  target2030: number;
  /** The target's reduction from 2019, in percent. */
  reductionFrom2019Percent: number;
  aligned: boolean;
}

export interface Assessment {
  status: AssessmentStatus;
  reason: NotAssessableReason | null;
  /** Target level in the target year, t CO2e (or intensity units for intensity targets). */
  targetLevel: number | null;
  /** Latest observation used. */
  actual: number | null;
  actualYear: number | null;
  actualSource: string | null;
  /** Pathway value in actualYear. */
  expected: number | null;
  /** Share of the committed reduction achieved, 0.414 = 41.4 %; may be < 0 or > 1. */
  progress: number | null;
  /** actual − expected: positive when above the pathway. */
  gap: number | null;
  /** Whether the latest data is on or below the pathway (also set when stale). */
  onPathway: boolean | null;
  trend: Trend | null;
  /** The year the trend line reaches the target level, when it falls towards it. */
  trendYear: number | null;
  /** For targets in 2030: comparison with the IPCC AR6 1.5 °C benchmark (−43 % from 2019). */
  benchmark: BenchmarkComparison | null;
  /** The total compared (e.g. BASIC); null when the figures do not say what they cover. */
  compared: CoverageNeed | null;
  /** True when the target does not say what it covers, and `compared` was assumed. */
  coverageAssumed: boolean;
  /** Years from the base year on whose figure is shown but not used, and why. */
  excluded: ExcludedYear[];
}
