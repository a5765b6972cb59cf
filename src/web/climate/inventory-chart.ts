/** An inventory broken down by GPC sector and scope, for the stacked bar chart and its table. */
import {
  GPC_SECTOR_CODES,
  subcategoryByCode,
  type GpcScope,
  type GpcSectorCode,
} from '../../core/climate/gpc';
import { inventoryTotals } from '../../core/climate/inventory';
import type { GwpSet } from '../../core/climate/types';
import type { InventoryEntry } from './types';

export type SectorScopeMatrix = Record<GpcSectorCode, Record<GpcScope, number>>;

/**
 * t CO2e per sector and scope under the inventory's GWP set. Notation keys count as zero and
 * entries the engine rejects (duplicates, unknown codes) are left out, as in the totals.
 */
export function sectorScopeMatrix(
  entries: readonly InventoryEntry[],
  gwpSet: GwpSet,
): SectorScopeMatrix {
  const matrix = Object.fromEntries(
    GPC_SECTOR_CODES.map((sector) => [sector, { 1: 0, 2: 0, 3: 0 }]),
  ) as SectorScopeMatrix;
  const totals = inventoryTotals(entries, gwpSet);
  for (const [code, value] of Object.entries(totals.bySubcategory)) {
    const subcategory = subcategoryByCode(code);
    if (!subcategory) continue;
    matrix[subcategory.sector][subcategory.scope] += value;
  }
  return matrix;
}

/** The sectors that have any emissions, in GPC order (empty sectors would only add noise). */
export function sectorsWithEmissions(matrix: SectorScopeMatrix): GpcSectorCode[] {
  return GPC_SECTOR_CODES.filter((sector) =>
    ([1, 2, 3] as const).some((scope) => matrix[sector][scope] !== 0),
  );
}
