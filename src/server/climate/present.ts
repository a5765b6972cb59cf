import { GPC_SECTOR_CODES, type GpcSectorCode } from '../../core/climate/gpc';
import type { TargetTypeField } from '../../core/climate/target-fields';
import { GASES, type Gas, type TargetDefinition } from '../../core/climate/types';
import { parseJsonColumn } from '../db/json';
import { parseTexts } from '../db/texts';
import type {
  ActionRow,
  InventoryEntryRow,
  InventoryRow,
  ReportRow,
  TargetRow,
} from './repository';
import type { Action, Assessment, EmissionReport, Inventory, Target } from './schemas';

/** Climate rows as the API presents them, and the one shape history stores of each record. */

/** Where a JSON value was read from: its row, or the stored version that copied the row. */
export interface JsonSource {
  table: string;
  id: number;
}

// ---------------------------------------------------------------- checks of JSON columns

const oneOf =
  <T extends string | number>(values: readonly T[]) =>
  (v: unknown): v is T =>
    (values as readonly unknown[]).includes(v);
const arrayOf =
  <T>(item: (v: unknown) => v is T) =>
  (v: unknown): v is T[] =>
    Array.isArray(v) && v.every(item);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isGases = arrayOf<Gas>(oneOf(GASES));
const isScopes = arrayOf<number>(isNumber);
const isSectors = arrayOf<GpcSectorCode>(oneOf(GPC_SECTOR_CODES));
const isStrings = arrayOf(isString);
const isNumbers = arrayOf(isNumber);

type Totals = Inventory['totals'];
const isTotals = (v: unknown): v is Totals =>
  isRecord(v) &&
  isNumber(v.basic) &&
  isNumber(v.basicPlus) &&
  isNumber(v.territorial) &&
  isNumber(v.completeness) &&
  ['byScope', 'bySector', 'bySubsector', 'byGas'].every((k) => isRecord(v[k]));

const EMPTY_TOTALS: Totals = {
  basic: 0,
  basicPlus: 0,
  territorial: 0,
  byScope: {},
  bySector: {},
  bySubsector: {},
  byGas: {},
  completeness: 0,
};

/** A JSON list column; a missing value is an empty list, a damaged one an error naming the row. */
function list<T>(source: JsonSource, text: string | null, check: (v: unknown) => v is T[]): T[] {
  return parseJsonColumn(source.table, source.id, text, check) ?? [];
}

// ---------------------------------------------------------------- targets

/** What the assessment reads of a target. */
export function definitionOf(row: TargetRow): TargetDefinition {
  const source = { table: 'climate_targets', id: row.id };
  return {
    type: row.type,
    baseYear: row.base_year,
    baseEmissions: row.base_emissions,
    targetYear: row.target_year,
    reductionPercent: row.reduction_percent,
    targetEmissions: row.target_emissions,
    bauEmissions: row.bau_emissions,
    baseIntensity: row.base_intensity,
    intensityUnit: row.intensity_unit,
    boundary: row.boundary,
    netZeroLabel: row.net_zero_label,
    coverage: {
      scopes: list(source, row.coverage_scopes, isScopes),
      sectors: list(source, row.coverage_sectors, isSectors),
      gases: list(source, row.coverage_gases, isGases),
    },
  };
}

/** A target as history keeps it: the stored fields, without what is computed on reading. */
export type TargetSnapshot = Omit<Target, 'assessment' | 'interimTargetIds'>;

/**
 * The one shape every writer of a target's history stores (services, importer, demo): the
 * target as the API presents it, less the assessment and the interim targets (computed).
 */
export function targetSnapshotOfRow(
  row: TargetRow,
  slug: string,
  source: JsonSource = { table: 'climate_targets', id: row.id },
): TargetSnapshot {
  return {
    id: row.id,
    governmentSlug: slug,
    parentTargetId: row.parent_target_id,
    type: row.type,
    netZeroLabel: row.net_zero_label,
    title: row.title,
    titles: parseTexts(row.titles, source),
    description: row.description,
    baseYear: row.base_year,
    baseEmissions: row.base_emissions,
    targetYear: row.target_year,
    reductionPercent: row.reduction_percent,
    targetEmissions: row.target_emissions,
    bauEmissions: row.bau_emissions,
    baseIntensity: row.base_intensity,
    intensityUnit: row.intensity_unit,
    fuel: row.fuel,
    sharePercent: row.share_percent,
    pollutant: row.pollutant,
    levelValue: row.level_value,
    levelUnit: row.level_unit,
    coverage: {
      gases: list(source, row.coverage_gases, isGases),
      scopes: list(source, row.coverage_scopes, isScopes),
      sectors: list(source, row.coverage_sectors, isSectors),
      boundary: row.boundary,
    },
    status: row.status,
    dateSet: row.date_set,
    sourceUrl: row.source_url,
    sourceDocument: row.source_document,
    initiatives: list(source, row.initiatives, isStrings),
    offsetsAllowed: row.offsets_allowed === null ? null : row.offsets_allowed === 1,
    selfReported:
      row.self_reported_progress !== null
        ? {
            progressPercent: row.self_reported_progress,
            source: row.self_reported_source,
          }
        : null,
    importKey: row.import_key,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A target with its interim targets (among `allRows`, its government's) and its assessment. */
export function presentTarget(
  row: TargetRow,
  slug: string,
  allRows: readonly TargetRow[],
  assessment: Assessment,
): Target {
  return {
    ...targetSnapshotOfRow(row, slug),
    interimTargetIds: allRows.filter((r) => r.parent_target_id === row.id).map((r) => r.id),
    assessment,
  };
}

/** The record as history keeps it, from a presented target. */
export function targetSnapshot(t: Target): TargetSnapshot {
  const { assessment: _a, interimTargetIds: _i, ...rest } = t;
  return rest;
}

// ---------------------------------------------------------------- inventories

export type InventorySummary = Omit<Inventory, 'entries'>;

export function presentInventory(row: InventoryRow, slug: string): InventorySummary;
export function presentInventory(
  row: InventoryRow,
  slug: string,
  entries: readonly InventoryEntryRow[],
): Inventory;
export function presentInventory(
  row: InventoryRow,
  slug: string,
  entries?: readonly InventoryEntryRow[],
): InventorySummary | Inventory {
  const summary: InventorySummary = {
    id: row.id,
    governmentSlug: slug,
    year: row.year,
    gwpSet: row.gwp_set,
    boundary: row.boundary,
    methodology: row.methodology,
    status: row.status,
    notes: row.notes,
    isIllustrative: row.is_illustrative === 1,
    version: row.version,
    updatedAt: row.updated_at,
    totals: parseJsonColumn('inventories', row.id, row.totals, isTotals) ?? EMPTY_TOTALS,
  };
  if (!entries) return summary;
  return {
    ...summary,
    entries: entries.map((e) => ({
      code: e.code,
      gas: e.gas,
      amount: e.amount,
      notationKey: e.notation_key,
      notes: e.notes,
    })),
  };
}

// ---------------------------------------------------------------- emission reports

export function presentReport(
  r: ReportRow,
  slug: string,
  source: JsonSource = { table: 'emission_reports', id: r.id },
): EmissionReport {
  return {
    id: r.id,
    governmentSlug: slug,
    year: r.year,
    source: r.source,
    sourceLabel: r.source_label,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    scope1: r.scope1,
    scope2: r.scope2,
    scope3: r.scope3,
    basic: r.basic,
    basicPlus: r.basic_plus,
    total: r.total,
    totalCoverage: r.total_coverage,
    gases: r.gases,
    protocol: r.protocol,
    boundary: r.boundary,
    reportYear: r.report_year,
    dataset: r.dataset,
    preferred: r.preferred === 1,
    provenance: parseJsonColumn(source.table, source.id, r.provenance, isRecord) ?? {},
    version: r.version,
  };
}

// ---------------------------------------------------------------- actions

export function presentAction(row: ActionRow, slug: string, targetIds: number[]): Action {
  const source = { table: 'climate_actions', id: row.id };
  return {
    id: row.id,
    governmentSlug: slug,
    title: row.title,
    titles: parseTexts(row.titles, source),
    description: row.description,
    sector: row.sector,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
    expectedReduction: row.expected_reduction,
    cost: row.cost,
    costCurrency: row.cost_currency,
    coBenefits: list(source, row.co_benefits, isStrings),
    sdgs: list(source, row.sdgs, isNumbers),
    targetIds,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

// ---------------------------------------------------------------- columns of the type fields

/** The column of each field whose presence depends on the target type (core/climate/target-fields). */
export const TARGET_FIELD_COLUMNS = {
  netZeroLabel: 'net_zero_label',
  baseYear: 'base_year',
  baseEmissions: 'base_emissions',
  targetYear: 'target_year',
  reductionPercent: 'reduction_percent',
  targetEmissions: 'target_emissions',
  bauEmissions: 'bau_emissions',
  baseIntensity: 'base_intensity',
  intensityUnit: 'intensity_unit',
  fuel: 'fuel',
  sharePercent: 'share_percent',
  pollutant: 'pollutant',
  levelValue: 'level_value',
  levelUnit: 'level_unit',
} as const satisfies Record<TargetTypeField, keyof TargetRow>;
