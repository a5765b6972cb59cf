import { describe, expect, it } from 'vitest';
import { GASES } from '../../core/climate/types';
import {
  cellKey,
  columnsOf,
  entriesToGrid,
  gridToEntries,
  linesWithBothViews,
  linesWithHiddenValues,
  moveInGrid,
  parseCell,
} from './inventory-grid';
import type { InventoryEntry } from './types';

describe('parseCell', () => {
  it('reads amounts, notation keys and nothing', () => {
    expect(parseCell('3,636,204')).toEqual({ kind: 'amount', amount: 3636204 });
    expect(parseCell('0')).toEqual({ kind: 'amount', amount: 0 });
    expect(parseCell('ne')).toEqual({ kind: 'key', notationKey: 'NE' });
    expect(parseCell(' IE ')).toEqual({ kind: 'key', notationKey: 'IE' });
    expect(parseCell('ＮＯ')).toEqual({ kind: 'key', notationKey: 'NO' });
    expect(parseCell('')).toEqual({ kind: 'empty' });
    expect(parseCell('  ')).toEqual({ kind: 'empty' });
  });

  it('says what is wrong with the rest', () => {
    expect(parseCell('XX')).toEqual({ kind: 'invalid', problem: 'not-a-number' });
    expect(parseCell('-5')).toEqual({ kind: 'invalid', problem: 'negative' });
    expect(parseCell('-5', true)).toEqual({ kind: 'amount', amount: -5 });
  });
});

describe('grid ↔ entries', () => {
  const entries: InventoryEntry[] = [
    { code: 'I.1.1', gas: 'CO2', amount: 1200, notationKey: null },
    { code: 'I.1.1', gas: 'CH4', amount: 2.5, notationKey: null, notes: 'survey 2018' },
    { code: 'I.1.2', gas: 'CO2', amount: null, notationKey: 'IE' },
    { code: 'V.2', gas: 'CO2', amount: -300, notationKey: null },
  ];

  it('fills cells from entries and picks the per-gas view', () => {
    const grid = entriesToGrid(entries);
    expect(grid.mode).toBe('gases');
    expect(grid.cells[cellKey('I.1.1', 'CO2')]).toBe('1200');
    expect(grid.cells[cellKey('I.1.1', 'CH4')]).toBe('2.5');
    expect(grid.cells[cellKey('I.1.2', 'CO2')]).toBe('IE');
    expect(grid.notes[cellKey('I.1.1', 'CH4')]).toBe('survey 2018');
  });

  it('picks the CO2e view for an inventory of CO2e lines only', () => {
    const grid = entriesToGrid([{ code: 'II.1.1', gas: 'CO2e', amount: 5, notationKey: null }]);
    expect(grid.mode).toBe('co2e');
    expect(entriesToGrid([]).mode).toBe('gases');
  });

  it('shows per-gas and CO2e columns at once for an inventory with lines of each kind', () => {
    // As the demo's Changchun inventory: scope 1 per gas, scope 2 (3.4 Mt) reported as CO2e.
    const grid = entriesToGrid([
      { code: 'I.1.1', gas: 'CO2', amount: 2_100_000, notationKey: null },
      { code: 'I.1.2', gas: 'CO2e', amount: 3_400_000, notationKey: null },
    ]);
    expect(grid.mode).toBe('both');
    expect(columnsOf(grid.mode)).toEqual([...GASES, 'CO2e']);
    // No line with a value is out of view.
    expect([...linesWithHiddenValues(grid.cells, grid.mode)]).toEqual([]);
  });

  it('gives the same entries back, in GPC order, notes kept', () => {
    const grid = entriesToGrid([...entries].reverse());
    const { entries: out, problems } = gridToEntries(grid.cells, grid.notes);
    expect(problems).toEqual([]);
    expect(out).toEqual(entries);
  });

  it('leaves out empty cells and lists the unreadable ones', () => {
    const { entries: out, problems } = gridToEntries({
      [cellKey('I.1.1', 'CO2')]: '',
      [cellKey('I.2.1', 'CO2')]: 'lots',
      [cellKey('I.3.1', 'N2O')]: '-1',
      [cellKey('III.1.1', 'CO2e')]: '1 000',
      [cellKey('X.9', 'CO2')]: '5',
    });
    expect(out).toEqual([{ code: 'III.1.1', gas: 'CO2e', amount: 1000, notationKey: null }]);
    expect(problems).toEqual([
      { code: 'I.2.1', gas: 'CO2', problem: 'not-a-number' },
      { code: 'I.3.1', gas: 'N2O', problem: 'negative' },
    ]);
  });

  it('finds lines with values hidden by the view and lines with both kinds', () => {
    const cells = {
      [cellKey('I.1.1', 'CO2')]: '1',
      [cellKey('I.1.1', 'CO2e')]: '2',
      [cellKey('I.2.1', 'CO2e')]: '3',
      [cellKey('I.3.1', 'CH4')]: ' ',
    };
    expect([...linesWithHiddenValues(cells, 'gases')].sort()).toEqual(['I.1.1', 'I.2.1']);
    expect([...linesWithHiddenValues(cells, 'co2e')]).toEqual(['I.1.1']);
    expect([...linesWithBothViews(cells)]).toEqual(['I.1.1']);
  });
});

describe('moveInGrid', () => {
  it('moves one cell and stops at the edges', () => {
    expect(moveInGrid(0, 0, 'ArrowDown', 3, 2)).toEqual({ row: 1, column: 0 });
    expect(moveInGrid(1, 0, 'ArrowRight', 3, 2)).toEqual({ row: 1, column: 1 });
    expect(moveInGrid(0, 0, 'ArrowUp', 3, 2)).toBeNull();
    expect(moveInGrid(2, 1, 'ArrowDown', 3, 2)).toBeNull();
    expect(moveInGrid(2, 1, 'ArrowRight', 3, 2)).toBeNull();
    expect(moveInGrid(1, 1, 'Home', 3, 2)).toEqual({ row: 1, column: 0 });
    expect(moveInGrid(1, 0, 'End', 3, 2)).toEqual({ row: 1, column: 1 });
    expect(moveInGrid(1, 1, 'End', 3, 2)).toBeNull();
  });
});
