import type { Writable } from 'node:stream';
import {
  GPC_SUBCATEGORIES,
  sectorByCode,
  subsectorByCode,
  type GpcSubcategory,
} from '../../../core/climate/gpc';
import { inventoryTotals, type InventoryEntry } from '../../../core/climate/inventory';
import type { EntryGas, GwpSet } from '../../../core/climate/types';
import type { Actor } from '../../../core/roles';
import { notFound } from '../../http/problem';
import { mayReadInventory } from '../inventory-service';
import type { Store } from '../../store';
import { writeTable, type Cell, type TableFormat } from './write-table';

/**
 * A GPC inventory as a table in the shape of the GCoM Common Reporting Framework: one row per
 * GPC subcategory with the gases in tonnes and the total in t CO2e under the inventory's GWP
 * set, then the BASIC, BASIC+ and per-scope totals. Totals come from the climate engine
 * (inventoryTotals), so the export and the app never disagree.
 */

const GAS_COLUMNS: readonly { gas: EntryGas; header: string }[] = [
  { gas: 'CO2', header: 'CO2 (t)' },
  { gas: 'CH4', header: 'CH4 (t)' },
  { gas: 'N2O', header: 'N2O (t)' },
  { gas: 'HFCs', header: 'HFCs (t CO2e)' },
  { gas: 'PFCs', header: 'PFCs (t CO2e)' },
  { gas: 'SF6', header: 'SF6 (t)' },
  { gas: 'NF3', header: 'NF3 (t)' },
  // Lines reported already converted; without this column the gases would not add up to the total.
  { gas: 'CO2e', header: 'Reported as CO2e (t CO2e)' },
];

export function inventoryHeader(gwpSet: GwpSet): string[] {
  return [
    'GPC code',
    'Sector',
    'Sub-sector',
    'Scope',
    ...GAS_COLUMNS.map((c) => c.header),
    `Total (t CO2e, ${gwpSet} GWP100)`,
    'Notation key',
    'BASIC',
    'BASIC+',
  ];
}

export interface InventoryExport {
  governmentSlug: string;
  year: number;
  gwpSet: GwpSet;
  entries: InventoryEntry[];
}

export async function loadInventoryExport(
  store: Store,
  reader: Actor | null,
  slug: string,
  year: number,
): Promise<InventoryExport> {
  const inventory = await store.climate.inventoryOfYear(slug, year);
  if (!inventory || !mayReadInventory(reader, inventory)) {
    throw notFound(`No ${year} inventory of "${slug}".`);
  }
  const entries = await store.climate.entriesOf(inventory.id);
  return {
    governmentSlug: slug,
    year,
    gwpSet: inventory.gwp_set,
    entries: entries.map((e) => ({
      code: e.code,
      gas: e.gas,
      amount: e.amount,
      notationKey: e.notation_key,
    })),
  };
}

type Sums = Map<EntryGas, number>;

/** The table's rows: every subcategory, then the totals. */
export function inventoryRows(data: InventoryExport): Cell[][] {
  const totals = inventoryTotals(data.entries, data.gwpSet);
  // Entries the engine rejects (unknown code, duplicates…) are left out here as well.
  const rejected = new Set(totals.problems.map((p) => p.index));
  const byCode = new Map<string, { sums: Sums; keys: Set<string>; numeric: boolean }>();
  data.entries.forEach((entry, index) => {
    if (rejected.has(index)) return;
    let line = byCode.get(entry.code);
    if (!line)
      byCode.set(entry.code, (line = { sums: new Map(), keys: new Set(), numeric: false }));
    if (entry.notationKey !== null) line.keys.add(entry.notationKey);
    if (entry.amount !== null) {
      line.sums.set(entry.gas, (line.sums.get(entry.gas) ?? 0) + entry.amount);
      line.numeric = true;
    }
  });

  const rows: Cell[][] = GPC_SUBCATEGORIES.map((sub) => {
    const line = byCode.get(sub.code);
    return [
      sub.code,
      sectorByCode(sub.sector)?.name ?? sub.sector,
      subsectorByCode(sub.subsector)?.name ?? sub.subsector,
      sub.scope,
      ...GAS_COLUMNS.map((c) => line?.sums.get(c.gas) ?? null),
      line?.numeric ? (totals.bySubcategory[sub.code] ?? 0) : null,
      line && line.keys.size ? [...line.keys].sort().join(' ') : null,
      sub.basic ? 'yes' : null,
      sub.basicPlus ? 'yes' : null,
    ];
  });

  const totalRow = (label: string, total: number, member: (s: GpcSubcategory) => boolean) => {
    const sums: Sums = new Map();
    for (const sub of GPC_SUBCATEGORIES) {
      if (!member(sub)) continue;
      for (const [gas, amount] of byCode.get(sub.code)?.sums ?? []) {
        sums.set(gas, (sums.get(gas) ?? 0) + amount);
      }
    }
    return [
      label,
      null,
      null,
      null,
      ...GAS_COLUMNS.map((c) => sums.get(c.gas) ?? null),
      total,
      null,
      null,
      null,
    ];
  };
  rows.push(totalRow('Total BASIC', totals.basic, (s) => s.basic));
  rows.push(totalRow('Total BASIC+', totals.basicPlus, (s) => s.basicPlus));
  for (const scope of [1, 2, 3] as const) {
    rows.push(totalRow(`Total scope ${scope}`, totals.byScope[scope], (s) => s.scope === scope));
  }
  return rows;
}

export async function writeInventoryExport(
  data: InventoryExport,
  format: TableFormat,
  out: Writable,
): Promise<void> {
  await writeTable(
    format,
    inventoryHeader(data.gwpSet),
    inventoryRows(data),
    out,
    `GPC ${data.year}`,
  );
}

/** Writes a government's inventory of a year to `out` (and ends it); 404 when there is none. */
export async function exportInventory(
  store: Store,
  reader: Actor | null,
  slug: string,
  year: number,
  format: TableFormat,
  out: Writable,
): Promise<void> {
  await writeInventoryExport(await loadInventoryExport(store, reader, slug, year), format, out);
}
