import {
  GPC_BASIC_SUBCATEGORY_CODES,
  GPC_SECTOR_CODES,
  subcategoryByCode,
  type GpcScope,
  type GpcSectorCode,
} from './gpc';
import { toCo2e } from './gwp';
import { GASES, NOTATION_KEYS } from './types';
import type { EntryGas, GwpSet, NotationKey } from './types';

/** One line of a GPC inventory: one gas of one subcategory, as a number or a notation key. */
export interface InventoryEntry {
  code: string;
  gas: EntryGas;
  /** Tonnes of the gas (t CO2e when gas is 'CO2e', 'HFCs' or 'PFCs'). */
  amount: number | null;
  notationKey: NotationKey | null;
}

export const ENTRY_PROBLEM_KINDS = [
  'unknown-code',
  'unknown-gas',
  'not-a-number',
  'negative-amount',
  'unknown-notation-key',
  'amount-and-notation-key',
  'neither-amount-nor-notation-key',
  'duplicate',
] as const;
export type EntryProblemKind = (typeof ENTRY_PROBLEM_KINDS)[number];

export interface EntryProblem {
  /** Position of the entry in the list given. */
  index: number;
  kind: EntryProblemKind;
  message: string;
}

const ENTRY_GASES: ReadonlySet<string> = new Set<string>([...GASES, 'CO2e']);
const NOTATION_KEY_SET: ReadonlySet<string> = new Set<string>(NOTATION_KEYS);

/**
 * Land (V.2) reports net CO2 flux, which is negative where forests and soils take up more
 * carbon than is released (GPC 1.1, chapter 10); everywhere else an amount below zero is an error.
 */
function mayBeNegative(entry: InventoryEntry): boolean {
  return entry.code === 'V.2' && (entry.gas === 'CO2' || entry.gas === 'CO2e');
}

/** Lists what is wrong with each entry; an empty list means every entry can be totalled. */
export function validateEntries(entries: readonly InventoryEntry[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const report = (kind: EntryProblemKind, message: string) =>
      problems.push({ index, kind, message });
    if (!subcategoryByCode(entry.code)) {
      report('unknown-code', `"${entry.code}" is not a GPC subcategory code`);
    }
    if (!ENTRY_GASES.has(entry.gas)) {
      report('unknown-gas', `"${entry.gas}" is not a gas Accord knows`);
    }
    const hasAmount = entry.amount !== null && entry.amount !== undefined;
    const hasKey = entry.notationKey !== null && entry.notationKey !== undefined;
    if (hasAmount && hasKey) {
      report(
        'amount-and-notation-key',
        `${entry.code} ${entry.gas} has both an amount and the notation key ${entry.notationKey}`,
      );
    } else if (!hasAmount && !hasKey) {
      report(
        'neither-amount-nor-notation-key',
        `${entry.code} ${entry.gas} needs an amount or a notation key`,
      );
    }
    if (hasAmount && !Number.isFinite(entry.amount)) {
      report('not-a-number', `${entry.code} ${entry.gas} amount is not a finite number`);
    } else if (hasAmount && (entry.amount as number) < 0 && !mayBeNegative(entry)) {
      report('negative-amount', `${entry.code} ${entry.gas} amount is negative`);
    }
    if (hasKey && !NOTATION_KEY_SET.has(entry.notationKey as string)) {
      report('unknown-notation-key', `"${entry.notationKey}" is not a GPC notation key`);
    }
    const identity = `${entry.code}\u0000${entry.gas}`;
    const first = seen.get(identity);
    if (first === undefined) {
      seen.set(identity, index);
    } else {
      report('duplicate', `${entry.code} ${entry.gas} is also given in entry ${first}`);
    }
  });
  return problems;
}

export interface NotationKeyEntry {
  index: number;
  code: string;
  gas: EntryGas;
  notationKey: NotationKey;
}

export interface BasicCoverage {
  /** BASIC subcategories with a number or NO/IE/NA for every entry given. */
  covered: number;
  total: number;
  /** BASIC subcategories missing, or with an entry marked NE or C. */
  uncoveredCodes: string[];
}

export interface InventoryTotals {
  gwpSet: GwpSet;
  /** t CO2e. */
  basic: number;
  basicPlus: number;
  /** All scope-1 emissions, including lines reported only in the territorial total. */
  territorial: number;
  byScope: Record<GpcScope, number>;
  bySector: Record<GpcSectorCode, number>;
  /** Sub-sectors and subcategories that have at least one valid entry. */
  bySubsector: Record<string, number>;
  bySubcategory: Record<string, number>;
  /** Each gas converted to t CO2e; 'CO2e' holds entries given already converted. */
  byGas: Record<EntryGas, number>;
  notationKeys: Record<NotationKey, number>;
  /** Entries carrying a notation key; they count as zero. */
  notationKeyEntries: NotationKeyEntry[];
  /** Share (0–1) of BASIC subcategories reported with a number or NO, IE or NA. */
  completeness: number;
  basicCoverage: BasicCoverage;
  /** What validateEntries found; entries with a problem are left out of every total. */
  problems: EntryProblem[];
}

/** Keys that account for a line; NE and C leave it a gap (GPC 1.1, notation keys). */
const ACCOUNTED_KEYS: ReadonlySet<NotationKey> = new Set<NotationKey>(['NO', 'IE', 'NA']);

function zeroes<K extends string | number>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function add(record: Record<string, number>, key: string, value: number): void {
  record[key] = (record[key] ?? 0) + value;
}

/**
 * Totals of a GPC inventory in t CO2e under one GWP set. Entries with a problem (see
 * validateEntries) are left out, so a total never double-counts a duplicated line.
 */
export function inventoryTotals(
  entries: readonly InventoryEntry[],
  gwpSet: GwpSet,
): InventoryTotals {
  const problems = validateEntries(entries);
  const rejected = new Set(problems.map((problem) => problem.index));

  const totals: InventoryTotals = {
    gwpSet,
    basic: 0,
    basicPlus: 0,
    territorial: 0,
    byScope: zeroes<GpcScope>([1, 2, 3]),
    bySector: zeroes(GPC_SECTOR_CODES),
    bySubsector: {},
    bySubcategory: {},
    byGas: zeroes<EntryGas>([...GASES, 'CO2e']),
    notationKeys: zeroes(NOTATION_KEYS),
    notationKeyEntries: [],
    completeness: 0,
    basicCoverage: { covered: 0, total: 0, uncoveredCodes: [] },
    problems,
  };

  /** Per subcategory: whether every entry given accounts for the line. */
  const accounted = new Map<string, boolean>();

  entries.forEach((entry, index) => {
    if (rejected.has(index)) return;
    const subcategory = subcategoryByCode(entry.code);
    if (!subcategory) return;
    let co2e = 0;
    if (entry.notationKey !== null) {
      totals.notationKeys[entry.notationKey] += 1;
      totals.notationKeyEntries.push({
        index,
        code: entry.code,
        gas: entry.gas,
        notationKey: entry.notationKey,
      });
      accounted.set(
        entry.code,
        (accounted.get(entry.code) ?? true) && ACCOUNTED_KEYS.has(entry.notationKey),
      );
    } else {
      co2e = toCo2e(entry.amount as number, entry.gas, gwpSet);
      accounted.set(entry.code, accounted.get(entry.code) ?? true);
    }
    if (subcategory.basic) totals.basic += co2e;
    if (subcategory.basicPlus) totals.basicPlus += co2e;
    if (subcategory.scope === 1) totals.territorial += co2e;
    totals.byScope[subcategory.scope] += co2e;
    totals.bySector[subcategory.sector] += co2e;
    add(totals.bySubsector, subcategory.subsector, co2e);
    add(totals.bySubcategory, subcategory.code, co2e);
    totals.byGas[entry.gas] += co2e;
  });

  const uncoveredCodes = GPC_BASIC_SUBCATEGORY_CODES.filter((code) => accounted.get(code) !== true);
  const total = GPC_BASIC_SUBCATEGORY_CODES.length;
  const covered = total - uncoveredCodes.length;
  totals.basicCoverage = { covered, total, uncoveredCodes };
  totals.completeness = covered / total;
  return totals;
}
