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
import { rankSources } from '../../../core/climate/sources';
import { factsOf } from '../series';
import type { ReportRow } from '../repository';
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

/** Every row names what it is about, so a row copied elsewhere still says so. */
const PROVENANCE_HEADER = ['Government', 'Year', 'Source', 'Illustrative'];

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
    ...PROVENANCE_HEADER,
  ];
}

/** A year without a GPC inventory: the totals by scope reported for it, one row per source. */
export const REPORTED_HEADER = [
  'Government',
  'Year',
  'Source',
  'Source label',
  // Whether the year's figure comes from this source, by the precedence rule (core/climate/sources).
  'Used',
  'Period start',
  'Period end',
  'Scope 1 (t CO2e)',
  'Scope 2 (t CO2e)',
  'Scope 3 (t CO2e)',
  'BASIC (t CO2e)',
  'BASIC+ (t CO2e)',
  'Total (t CO2e)',
  'Gases',
  'Protocol',
  'Boundary',
  'Imported from',
  'Illustrative',
];

export interface InventoryExport {
  kind: 'gpc';
  governmentSlug: string;
  governmentName: string;
  year: number;
  gwpSet: GwpSet;
  isIllustrative: boolean;
  entries: InventoryEntry[];
}

export interface ReportedExport {
  kind: 'reported';
  governmentSlug: string;
  governmentName: string;
  year: number;
  reports: ReportRow[];
}

export type YearExport = InventoryExport | ReportedExport;

/** The file a year's export goes to. */
export function yearExportFileName(data: YearExport, format: TableFormat): string {
  const what = data.kind === 'gpc' ? 'gpc-inventory' : 'reported-emissions';
  return `${data.governmentSlug}-${what}-${data.year}.${format}`;
}

/** "file.csv, row 12" from an imported report's provenance, when it has one. */
function importedFrom(report: ReportRow): string | null {
  try {
    const p = JSON.parse(report.provenance) as { file?: unknown; row?: unknown };
    if (typeof p.file !== 'string') return null;
    return typeof p.row === 'number' ? `${p.file}, row ${p.row}` : p.file;
  } catch {
    return null;
  }
}

export function reportedRows(data: ReportedExport): Cell[][] {
  return data.reports.map((r, i) => [
    data.governmentName,
    r.year,
    r.source,
    r.source_label,
    // The reports are ranked, the one the year's figure comes from first.
    i === 0 ? 'yes' : 'no',
    r.period_start,
    r.period_end,
    r.scope1,
    r.scope2,
    r.scope3,
    r.basic,
    r.basic_plus,
    r.total,
    r.gases,
    r.protocol,
    r.boundary,
    importedFrom(r),
    // Reports hold what a member reported; only demo inventories are illustrative.
    'no',
  ]);
}

/**
 * A government's figures of a year: its GPC inventory when there is one the reader may see,
 * otherwise the totals reported for that year (imported from CDP or entered); 404 when neither.
 */
export async function loadInventoryExport(
  store: Store,
  reader: Actor | null,
  slug: string,
  year: number,
): Promise<YearExport> {
  const governmentId = await store.members.findGovernmentIdBySlug(slug);
  if (governmentId === undefined) throw notFound(`No government "${slug}".`);
  const [name] = await store.climate.englishNamesOf([governmentId]);
  const governmentName = name?.name ?? slug;
  const inventory = await store.climate.inventoryOfYear(slug, year);
  if (inventory && mayReadInventory(reader, inventory)) {
    const entries = await store.climate.entriesOf(inventory.id);
    return {
      kind: 'gpc',
      governmentSlug: slug,
      governmentName,
      year,
      gwpSet: inventory.gwp_set,
      isIllustrative: inventory.is_illustrative === 1,
      entries: entries.map((e) => ({
        code: e.code,
        gas: e.gas,
        amount: e.amount,
        notationKey: e.notation_key,
      })),
    };
  }
  const yearReports = (await store.climate.reportsOfGovernments([governmentId])).filter(
    (r) => r.year === year,
  );
  if (yearReports.length === 0) {
    throw notFound(`No ${year} inventory or reported emissions of "${slug}".`);
  }
  // The one the year's figure comes from first, by the same rule as the series.
  const reports = rankSources(yearReports, factsOf);
  return { kind: 'reported', governmentSlug: slug, governmentName, year, reports };
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

  const provenance: Cell[] = [
    data.governmentName,
    data.year,
    `GPC inventory (${data.gwpSet})`,
    data.isIllustrative ? 'yes' : 'no',
  ];
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
      ...provenance,
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
      ...provenance,
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
  data: YearExport,
  format: TableFormat,
  out: Writable,
): Promise<void> {
  if (data.kind === 'reported') {
    await writeTable(format, REPORTED_HEADER, reportedRows(data), out, `Emissions ${data.year}`);
    return;
  }
  await writeTable(
    format,
    inventoryHeader(data.gwpSet),
    inventoryRows(data),
    out,
    `GPC ${data.year}`,
  );
}

/** Writes a government's figures of a year to `out` (and ends it); 404 when there are none. */
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
