import type { ImportKind } from '../../../core/climate/types';

/**
 * The fields of each kind of imported file and the shape of a layout (layouts.ts holds the
 * layouts themselves).
 */

/** Fields of a CDP "Emissions Reduction Targets" row. */
export const CDP_TARGET_FIELDS = [
  'reportingYear',
  'account',
  'organization',
  'city',
  'country',
  'cdpRegion',
  'cityBoundary',
  'targetType',
  'sector',
  'sourcesDiffering',
  'targetBoundary',
  'baseYear',
  'yearSet',
  'baseEmissions',
  'percent',
  'targetYear',
  'targetEmissions',
  'projectedPopulation',
  'intensityUnit',
  'baseIntensity',
  'bauEmissions',
  'achieved',
  'initiatives',
  'methodology',
  'parisAligned',
  'higherLevelAligned',
  'description',
  'population',
  'populationYear',
  'location',
  'lastUpdate',
  'name',
  'entityType',
  'iso',
] as const;
export type CdpTargetField = (typeof CDP_TARGET_FIELDS)[number];

/** Fields of a CDP "City-wide Emissions" row, across the years' layouts. */
export const CDP_EMISSION_FIELDS = [
  'reportingYear',
  'account',
  'organization',
  'city',
  'country',
  'cdpRegion',
  'inventoryStatus',
  'accountingYear',
  'cityBoundary',
  'inventoryBoundary',
  'protocol',
  'protocolComment',
  'gases',
  'directGeneration',
  'directExcludingGeneration',
  'indirectGeneration',
  'indirectExcludingGeneration',
  'outsideGeneration',
  'outsideExcludingGeneration',
  'scope1Total',
  'scope2Total',
  'scope3Total',
  'basic',
  'basicPlus',
  'citywideTotal',
  /** What a city-wide total covers ("Total Scope 1, Scope 2 and Waste Scope 3 (Total BASIC emissions)"). */
  'totalCoverage',
  'change',
  'changeReason',
  'landArea',
  'population',
  'populationYear',
  'location',
  'lastUpdate',
  /** Long tables (one row per line of a report): the line's name, its column and its figure. */
  'line',
  'lineColumn',
  'lineValue',
  /** Sums of a long table's sector lines by scope, used where no TOTAL line is given. */
  'scope1Lines',
  'scope2Lines',
  'scope3Lines',
] as const;
export type CdpEmissionField = (typeof CDP_EMISSION_FIELDS)[number];

/**
 * Fields of a Net Zero Tracker row (one actor with its end and interim target). The emissions
 * columns (baseline, target, BAU) hold MtCO2e in the tracker's codebook; a cell may also state
 * its unit ("640 ktCO2e") or, for intensity targets, an intensity ("6.1 tCO2e/capita").
 */
export const NZT_FIELDS = [
  'idCode',
  'name',
  'country',
  'actorType',
  'endTarget',
  'endTargetYear',
  'endTargetStatus',
  'endTargetPercent',
  'endTargetBaselineYear',
  'endTargetBaselineEmissions',
  'endTargetTargetEmissions',
  'endTargetBauEmissions',
  'endTargetIntensityUnit',
  'endTargetOther',
  'endTargetText',
  'interimTarget',
  'interimTargetYear',
  'interimTargetPercent',
  'interimTargetBaselineYear',
  'interimTargetBaselineEmissions',
  'interimTargetTargetEmissions',
  'interimTargetBauEmissions',
  'interimTargetIntensityUnit',
  'interimTargetOther',
  'interimTargetText',
  'statusDate',
  'sourceUrl',
  'raceToZero',
  'gases',
  'scope1',
  'scope2',
  'scope3',
  'hasPlan',
  'reportingMechanism',
  'offsets',
] as const;
export type NztField = (typeof NZT_FIELDS)[number];

/**
 * How the rows of a long table become reports: CDP's 2017 GPC export and its 2022–2023
 * questionnaire exports give one row per line (and column) of a city's inventory table.
 */
export interface LongTable<F extends string = string> {
  /** Rows with the same values in these fields are one report. */
  groupBy: readonly F[];
  /** The field naming the line, the one naming its column (if any) and the one with its figure. */
  line: F;
  column?: F;
  value: F;
  /**
   * Accord's field → the lines (and, in tables with columns, the columns) whose figure it is,
   * compared after normaliseHeader. Of several lines giving one field, the first figure counts.
   */
  lines: readonly { field: F; names: readonly string[]; columns?: readonly string[] }[];
  /** Other lines that name a scope ("Transportation – Scope 2 (II.X.2)") are summed into these. */
  scopeSums?: readonly [F, F, F];
}

export interface Layout<F extends string = string> {
  id: string;
  kind: ImportKind;
  label: string;
  /** Accord's field → the header texts of this layout that mean it. */
  columns: Partial<Record<F, readonly string[]>>;
  /** Fields without which a file of this layout cannot be imported. */
  required: readonly F[];
  /** Of each list, one field at least (a report needs one figure, whichever it is). */
  requiredOneOf?: readonly (readonly F[])[];
  /** Headers of this layout Accord reads nothing from on purpose: no warning names them. */
  ignored?: readonly string[];
  /** Set for long tables (one row per line of a report). */
  long?: LongTable<F>;
  /** A layout a person made in the mapping step and saved under this name. */
  saved?: boolean;
  /**
   * How the layout writes dates in numbers only ("10/04/2021"): when not said, CDP's month
   * first (American) and the Net Zero Tracker's day first (layoutDateOrder). Dates that do not
   * fit the order are reported, not guessed.
   */
  dateOrder?: 'day-first' | 'month-first';
}

/** The order a layout writes dates in numbers only: its own, or its source's habit. */
export function layoutDateOrder(
  layout: Pick<Layout, 'kind' | 'dateOrder'> | undefined,
): 'day-first' | 'month-first' {
  return layout?.dateOrder ?? (layout?.kind === 'nzt' ? 'day-first' : 'month-first');
}
