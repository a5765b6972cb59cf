/**
 * The inventory editor's state: one text per cell (GPC subcategory × gas), as typed. It is read
 * into entries only when totals are shown or the inventory is saved, so a half-typed number is
 * never lost or rewritten under the cursor.
 */
import { GPC_SUBCATEGORIES } from '../../core/climate/gpc';
import { GASES, NOTATION_KEYS, type EntryGas, type NotationKey } from '../../core/climate/types';
import type { InventoryEntry } from './types';
import { numberInputText, parseNumberInput } from './numbers';

/**
 * Per-gas columns (tonnes of each gas), a single column already in t CO2e, or both: the view of
 * an inventory that has lines of each kind, so that no line with a value looks empty.
 */
export type GridMode = 'gases' | 'co2e' | 'both';
export const GRID_MODES: readonly GridMode[] = ['gases', 'co2e', 'both'];

export const GAS_COLUMNS: readonly EntryGas[] = GASES;
export const CO2E_COLUMNS: readonly EntryGas[] = ['CO2e'];
const BOTH_COLUMNS: readonly EntryGas[] = [...GAS_COLUMNS, ...CO2E_COLUMNS];

export function columnsOf(mode: GridMode): readonly EntryGas[] {
  return mode === 'gases' ? GAS_COLUMNS : mode === 'co2e' ? CO2E_COLUMNS : BOTH_COLUMNS;
}

/** The view that shows every value of these entries in as few columns as it can. */
export function defaultGridMode(entries: readonly InventoryEntry[]): GridMode {
  const co2e = entries.some((e) => e.gas === 'CO2e');
  const gases = entries.some((e) => e.gas !== 'CO2e');
  if (co2e && gases) return 'both';
  return co2e ? 'co2e' : 'gases';
}

/** Cell texts by cellKey(code, gas); a missing key is an empty cell. */
export type Cells = Readonly<Record<string, string>>;

export function cellKey(code: string, gas: EntryGas): string {
  return `${code}|${gas}`;
}

export type ParsedCell =
  | { kind: 'empty' }
  | { kind: 'amount'; amount: number }
  | { kind: 'key'; notationKey: NotationKey }
  | { kind: 'invalid'; problem: 'not-a-number' | 'negative' };

const KEYS: ReadonlySet<string> = new Set<string>(NOTATION_KEYS);

/**
 * Land (V.2) reports the net CO2 flux, which is negative where forests and soils take up
 * more carbon than they release (GPC 1.1, chapter 10); no other line may be negative.
 */
export function mayBeNegative(code: string, gas: EntryGas): boolean {
  return code === 'V.2' && (gas === 'CO2' || gas === 'CO2e');
}

/** Reads what someone typed in a cell: a number of tonnes, a notation key, or nothing. */
export function parseCell(text: string, allowNegative = false): ParsedCell {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return { kind: 'empty' };
  const upper = trimmed.toUpperCase();
  if (KEYS.has(upper)) return { kind: 'key', notationKey: upper as NotationKey };
  const amount = parseNumberInput(trimmed);
  if (amount === null) return { kind: 'empty' };
  if (!Number.isFinite(amount)) return { kind: 'invalid', problem: 'not-a-number' };
  if (amount < 0 && !allowNegative) return { kind: 'invalid', problem: 'negative' };
  return { kind: 'amount', amount };
}

export interface GridState {
  cells: Record<string, string>;
  /** Notes of the entries loaded, kept so that saving (which replaces every entry) keeps them. */
  notes: Record<string, string>;
  mode: GridMode;
}

/** Cells from an inventory's entries, in the view that shows all of them (defaultGridMode). */
export function entriesToGrid(entries: readonly InventoryEntry[]): GridState {
  const cells: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const entry of entries) {
    const key = cellKey(entry.code, entry.gas);
    cells[key] = entry.notationKey ?? numberInputText(entry.amount);
    if (entry.notes) notes[key] = entry.notes;
  }
  return { cells, notes, mode: defaultGridMode(entries) };
}

export interface CellProblem {
  code: string;
  gas: EntryGas;
  problem: 'not-a-number' | 'negative';
}

const ROW_ORDER: ReadonlyMap<string, number> = new Map(
  GPC_SUBCATEGORIES.map((s, index) => [s.code, index]),
);
const GAS_ORDER: ReadonlyMap<string, number> = new Map(
  [...GAS_COLUMNS, ...CO2E_COLUMNS].map((gas, index) => [gas, index]),
);

/**
 * Entries from the cells of both views (a line may have per-gas values and a CO2e value), in
 * the order of the GPC table; empty cells give no entry, cells that cannot be read are listed.
 */
export function gridToEntries(
  cells: Cells,
  notes: Readonly<Record<string, string>> = {},
): { entries: InventoryEntry[]; problems: CellProblem[] } {
  const entries: InventoryEntry[] = [];
  const problems: CellProblem[] = [];
  const keys = Object.keys(cells)
    .map((key) => {
      const [code = '', gas = ''] = key.split('|');
      return { key, code, gas: gas as EntryGas };
    })
    .filter((k) => ROW_ORDER.has(k.code) && GAS_ORDER.has(k.gas))
    .sort(
      (a, b) =>
        (ROW_ORDER.get(a.code) ?? 0) - (ROW_ORDER.get(b.code) ?? 0) ||
        (GAS_ORDER.get(a.gas) ?? 0) - (GAS_ORDER.get(b.gas) ?? 0),
    );
  for (const { key, code, gas } of keys) {
    const parsed = parseCell(cells[key] ?? '', mayBeNegative(code, gas));
    const note = notes[key];
    const withNote = note ? { notes: note } : {};
    if (parsed.kind === 'amount') {
      entries.push({ code, gas, amount: parsed.amount, notationKey: null, ...withNote });
    } else if (parsed.kind === 'key') {
      entries.push({ code, gas, amount: null, notationKey: parsed.notationKey, ...withNote });
    } else if (parsed.kind === 'invalid') {
      problems.push({ code, gas, problem: parsed.problem });
    }
  }
  return { entries, problems };
}

/** Subcategory codes with values in the view that is not shown (so nobody thinks them gone). */
export function linesWithHiddenValues(cells: Cells, mode: GridMode): Set<string> {
  const hidden = new Set<string>();
  const shown = new Set<string>(columnsOf(mode));
  for (const [key, text] of Object.entries(cells)) {
    if (text.trim() === '') continue;
    const [code = '', gas = ''] = key.split('|');
    if (!shown.has(gas)) hidden.add(code);
  }
  return hidden;
}

/** Subcategory codes that have a CO2e value and per-gas values at once: both are counted. */
export function linesWithBothViews(cells: Cells): Set<string> {
  const co2e = new Set<string>();
  const gases = new Set<string>();
  for (const [key, text] of Object.entries(cells)) {
    if (text.trim() === '') continue;
    const [code = '', gas = ''] = key.split('|');
    if (gas === 'CO2e') co2e.add(code);
    else gases.add(code);
  }
  return new Set([...co2e].filter((code) => gases.has(code)));
}

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

/**
 * Where an arrow key moves from a cell of a grid of rows × columns; null at the edge.
 * Home and End go to the first and last cell of the row.
 */
export function moveInGrid(
  row: number,
  column: number,
  key: ArrowKey,
  rows: number,
  columns: number,
): { row: number; column: number } | null {
  let next = { row, column };
  switch (key) {
    case 'ArrowUp':
      next = { row: row - 1, column };
      break;
    case 'ArrowDown':
      next = { row: row + 1, column };
      break;
    case 'ArrowLeft':
      next = { row, column: column - 1 };
      break;
    case 'ArrowRight':
      next = { row, column: column + 1 };
      break;
    case 'Home':
      next = { row, column: 0 };
      break;
    case 'End':
      next = { row, column: columns - 1 };
      break;
  }
  if (next.row < 0 || next.row >= rows || next.column < 0 || next.column >= columns) return null;
  if (next.row === row && next.column === column) return null;
  return next;
}
