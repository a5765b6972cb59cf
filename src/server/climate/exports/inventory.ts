import type { Writable } from 'node:stream';
import { GPC_SUBCATEGORIES, subsectorByCode, type GpcSubcategory } from '../../../core/climate/gpc';
import { inventoryTotals, type InventoryEntry } from '../../../core/climate/inventory';
import type { EntryGas, GwpSet } from '../../../core/climate/types';
import { displayName, type NamesByLanguage } from '../../../core/names';
import type { Locale } from '../../../core/locales';
import type { Actor } from '../../../core/roles';
import { translator, type Translate } from '../../i18n/translator';
import { notFound } from '../../http/problem';
import { mayReadInventory } from '../inventory-service';
import type { Store } from '../../store';
import { rankSources } from '../../../core/climate/sources';
import { factsOf } from '../series';
import type { ReportRow } from '../repository';
import { writeTable, type Cell, type TableFormat } from './write-table';
import { gasLabel } from '../../../core/climate/formulas';

/**
 * A GPC inventory as a table in the shape of the GCoM Common Reporting Framework: one row per
 * GPC subcategory with the gases in tonnes and the total in t CO2e under the inventory's GWP
 * set, then the BASIC, BASIC+ and per-scope totals. Totals come from the climate engine
 * (inventoryTotals), so the export and the app never disagree.
 *
 * Headers and words are in the reader's language (src/server/i18n, namespace `exports`);
 * numbers stay numbers, and GPC codes and notation keys (NO, IE, NE, C, NA) stay codes, as
 * practitioners write them in every language.
 */

/** HFCs and PFCs are mixtures, reported in t CO2e; the other gases in tonnes of the gas. */
const GAS_COLUMNS: readonly { gas: EntryGas; unit: 'tonnes' | 'co2e' | 'reported' }[] = [
  { gas: 'CO2', unit: 'tonnes' },
  { gas: 'CH4', unit: 'tonnes' },
  { gas: 'N2O', unit: 'tonnes' },
  { gas: 'HFCs', unit: 'co2e' },
  { gas: 'PFCs', unit: 'co2e' },
  { gas: 'SF6', unit: 'tonnes' },
  { gas: 'NF3', unit: 'tonnes' },
  // Lines reported already converted; without this column the gases would not add up to the total.
  { gas: 'CO2e', unit: 'reported' },
];

function gasHeader(t: Translate, { gas, unit }: (typeof GAS_COLUMNS)[number]): string {
  if (unit === 'reported') return t('exports:gpcTable.reportedAsCo2e');
  return t(unit === 'co2e' ? 'exports:gpcTable.gasTonnesCo2e' : 'exports:gpcTable.gasTonnes', {
    gas: gasLabel(gas),
  });
}

/** Every row names what it is about, so a row copied elsewhere still says so. */
function provenanceHeader(t: Translate): string[] {
  return [
    t('exports:provenance.government'),
    t('exports:provenance.year'),
    t('exports:provenance.source'),
    t('exports:provenance.illustrative'),
  ];
}

export function inventoryHeader(gwpSet: GwpSet, t: Translate): string[] {
  return [
    t('exports:gpcTable.code'),
    t('exports:gpcTable.sector'),
    t('exports:gpcTable.subsector'),
    t('exports:gpcTable.scope'),
    ...GAS_COLUMNS.map((c) => gasHeader(t, c)),
    t('exports:gpcTable.total', { gwpSet }),
    t('exports:gpcTable.notationKey'),
    t('exports:gpcTable.basic'),
    t('exports:gpcTable.basicPlus'),
    ...provenanceHeader(t),
  ];
}

/** A year without a GPC inventory: the totals by scope reported for it, one row per source. */
export function reportedHeader(t: Translate): string[] {
  const [government, year, source, illustrative] = provenanceHeader(t) as [
    string,
    string,
    string,
    string,
  ];
  return [
    government,
    year,
    source,
    t('exports:reportedTable.sourceLabel'),
    // Whether the year's figure comes from this source, by the precedence rule (core/climate/sources).
    t('exports:reportedTable.used'),
    t('exports:reportedTable.periodStart'),
    t('exports:reportedTable.periodEnd'),
    t('exports:reportedTable.scope', { scope: 1 }),
    t('exports:reportedTable.scope', { scope: 2 }),
    t('exports:reportedTable.scope', { scope: 3 }),
    t('exports:reportedTable.basic'),
    t('exports:reportedTable.basicPlus'),
    t('exports:reportedTable.total'),
    t('exports:reportedTable.gases'),
    t('exports:reportedTable.protocol'),
    t('exports:reportedTable.boundary'),
    t('exports:reportedTable.importedFrom'),
    illustrative,
  ];
}

/** The government as a reader of that language sees it (core/names: theirs, else local and English). */
export interface GovernmentNames {
  slug: string;
  names: NamesByLanguage;
  localLang: string;
}

export function governmentName(government: GovernmentNames, locale: Locale): string {
  const { primary, secondary } = displayName(government.names, government.localLang, locale);
  if (!primary) return government.slug;
  return secondary ? `${primary} (${secondary})` : primary;
}

const yesNo = (t: Translate, value: boolean) => (value ? t('exports:yes') : t('exports:no'));

export interface InventoryExport {
  kind: 'gpc';
  government: GovernmentNames;
  year: number;
  gwpSet: GwpSet;
  isIllustrative: boolean;
  entries: InventoryEntry[];
}

export interface ReportedExport {
  kind: 'reported';
  government: GovernmentNames;
  year: number;
  reports: ReportRow[];
}

export type YearExport = InventoryExport | ReportedExport;

/** The file a year's export goes to. */
export function yearExportFileName(data: YearExport, format: TableFormat): string {
  const what = data.kind === 'gpc' ? 'gpc-inventory' : 'reported-emissions';
  return `${data.government.slug}-${what}-${data.year}.${format}`;
}

/** "file.csv, row 12" from an imported report's provenance, when it has one. */
function importedFrom(report: ReportRow, t: Translate): string | null {
  try {
    const p = JSON.parse(report.provenance) as { file?: unknown; row?: unknown };
    if (typeof p.file !== 'string') return null;
    return typeof p.row === 'number'
      ? t('exports:reportedTable.fileRow', { file: p.file, row: p.row })
      : p.file;
  } catch {
    return null;
  }
}

export function reportedRows(data: ReportedExport, t: Translate): Cell[][] {
  const government = governmentName(data.government, t.locale);
  return data.reports.map((r, i) => [
    government,
    r.year,
    // A known source by its name; one someone typed as they typed it.
    t.or(`exports:sources.${r.source}`, r.source),
    r.source_label,
    // The reports are ranked, the one the year's figure comes from first.
    yesNo(t, i === 0),
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
    r.boundary === null ? null : t.or(`exports:boundaries.${r.boundary}`, r.boundary),
    importedFrom(r, t),
    // Reports hold what a member reported; only demo inventories are illustrative.
    yesNo(t, false),
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
  if (governmentId === undefined) throw notFound('government', `No government "${slug}".`);
  const [row, nameRows] = await Promise.all([
    store.members.governmentRow(governmentId),
    store.members.namesOf([governmentId]),
  ]);
  const government: GovernmentNames = {
    slug,
    names: Object.fromEntries(
      (nameRows.get(governmentId) ?? []).flatMap((n) =>
        n.kind === 'name' && n.lang ? [[n.lang, n.name]] : [],
      ),
    ),
    localLang: row?.local_lang ?? 'en',
  };
  const inventory = await store.climate.inventoryOfYear(slug, year);
  if (inventory && mayReadInventory(reader, inventory)) {
    const entries = await store.climate.entriesOf(inventory.id);
    return {
      kind: 'gpc',
      government,
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
    throw notFound('inventory', `No ${year} inventory or reported emissions of "${slug}".`);
  }
  // The one the year's figure comes from first, by the same rule as the series.
  const reports = rankSources(yearReports, factsOf);
  return { kind: 'reported', government, year, reports };
}

type Sums = Map<EntryGas, number>;

/** The table's rows: every subcategory, then the totals. */
export function inventoryRows(data: InventoryExport, t: Translate): Cell[][] {
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
    governmentName(data.government, t.locale),
    data.year,
    t('exports:gpcTable.source', { gwpSet: data.gwpSet }),
    yesNo(t, data.isIllustrative),
  ];
  const rows: Cell[][] = GPC_SUBCATEGORIES.map((sub) => {
    const line = byCode.get(sub.code);
    return [
      sub.code,
      t(`exports:gpc.sectors.${sub.sector}`),
      // Keys cannot hold dots: I.1 is I_1 in the catalogs, as in the web's.
      t.or(
        `exports:gpc.subsectors.${sub.subsector.replace('.', '_')}`,
        subsectorByCode(sub.subsector)?.name ?? sub.subsector,
      ),
      // The scope as a number, so the column sorts and filters.
      sub.scope,
      ...GAS_COLUMNS.map((c) => line?.sums.get(c.gas) ?? null),
      line?.numeric ? (totals.bySubcategory[sub.code] ?? 0) : null,
      line && line.keys.size ? [...line.keys].sort().join(' ') : null,
      sub.basic ? t('exports:yes') : null,
      sub.basicPlus ? t('exports:yes') : null,
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
  rows.push(totalRow(t('exports:gpcTable.totalBasic'), totals.basic, (s) => s.basic));
  rows.push(totalRow(t('exports:gpcTable.totalBasicPlus'), totals.basicPlus, (s) => s.basicPlus));
  for (const scope of [1, 2, 3] as const) {
    const label = t('exports:gpcTable.totalScope', { scope });
    rows.push(totalRow(label, totals.byScope[scope], (s) => s.scope === scope));
  }
  return rows;
}

/** Writes a year's export in the reader's language to `out` (and ends it). */
export async function writeInventoryExport(
  data: YearExport,
  format: TableFormat,
  out: Writable,
  locale: Locale,
): Promise<void> {
  const t = translator(locale);
  if (data.kind === 'reported') {
    const sheet = t('exports:reportedTable.sheet', { year: data.year });
    await writeTable(format, reportedHeader(t), reportedRows(data, t), out, sheet);
    return;
  }
  const sheet = t('exports:gpcTable.sheet', { year: data.year });
  await writeTable(format, inventoryHeader(data.gwpSet, t), inventoryRows(data, t), out, sheet);
}

/** Writes a government's figures of a year to `out` (and ends it); 404 when there are none. */
export async function exportInventory(
  store: Store,
  reader: Actor | null,
  slug: string,
  year: number,
  format: TableFormat,
  out: Writable,
  locale: Locale = 'en',
): Promise<void> {
  const data = await loadInventoryExport(store, reader, slug, year);
  await writeInventoryExport(data, format, out, locale);
}
