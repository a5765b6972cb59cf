import type { TargetStatement } from '../../core/climate/same-target';
import type { TargetRow } from './repository';

/** The columns of a target that say what it states; an import's values lack the last five. */
export type StatementColumns = Pick<
  TargetRow,
  | 'type'
  | 'net_zero_label'
  | 'title'
  | 'base_year'
  | 'base_emissions'
  | 'target_year'
  | 'reduction_percent'
  | 'target_emissions'
  | 'bau_emissions'
  | 'intensity_unit'
> &
  Partial<Pick<TargetRow, 'fuel' | 'share_percent' | 'pollutant' | 'level_value' | 'level_unit'>>;

/** A stored (or imported) target as the core compares it (core/climate/same-target.ts). */
export function targetStatement(row: StatementColumns): TargetStatement {
  return {
    type: row.type,
    netZeroLabel: row.net_zero_label,
    title: row.title,
    baseYear: row.base_year,
    baseEmissions: row.base_emissions,
    targetYear: row.target_year,
    reductionPercent: row.reduction_percent,
    targetEmissions: row.target_emissions,
    bauEmissions: row.bau_emissions,
    intensityUnit: row.intensity_unit,
    fuel: row.fuel ?? null,
    sharePercent: row.share_percent ?? null,
    pollutant: row.pollutant ?? null,
    levelValue: row.level_value ?? null,
    levelUnit: row.level_unit ?? null,
  };
}

/** Where a target came from, by its import key (the importers' key formats). */
export function targetOrigin(
  importKey: string | null,
): 'cdp' | 'tracker' | 'accord-export' | 'import' | 'entered' {
  if (importKey === null) return 'entered';
  if (importKey.startsWith('nzt|accord:')) return 'accord-export';
  if (importKey.startsWith('nzt|')) return 'tracker';
  if (importKey.startsWith('cdp')) return 'cdp';
  return 'import';
}
