import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GPC_SUBCATEGORIES, subcategoryByCode } from './gpc';
import { inventoryTotals, validateEntries } from './inventory';
import type { InventoryEntry } from './inventory';
import type { EntryGas, NotationKey } from './types';

function amount(code: string, gas: EntryGas, value: number): InventoryEntry {
  return { code, gas, amount: value, notationKey: null };
}
function keyed(code: string, gas: EntryGas, notationKey: NotationKey): InventoryEntry {
  return { code, gas, amount: null, notationKey };
}

/** A small inventory touching every kind of line; totals worked out by hand below. */
const sample: InventoryEntry[] = [
  amount('I.1.1', 'CO2', 1000), // s1 BASIC
  amount('I.1.1', 'CH4', 10), // s1 BASIC: AR5 280, AR6 279
  amount('I.1.2', 'CO2e', 500), // s2 BASIC
  amount('I.1.3', 'CO2e', 50), // s3 BASIC+
  amount('I.4.4', 'CO2', 2000), // s1 territorial only
  amount('II.1.1', 'CO2', 800), // s1 BASIC
  amount('II.1.3', 'CO2', 100), // s3 BASIC+
  amount('III.1.1', 'CH4', 5), // s1 BASIC: AR5 140, AR6 139.5
  amount('III.1.2', 'CO2e', 60), // s3 BASIC
  amount('III.1.3', 'CO2e', 70), // s1 territorial only
  amount('IV.1', 'CO2', 300), // s1 BASIC+
  amount('IV.2', 'HFCs', 25), // s1 BASIC+, already CO2e
  amount('V.1', 'N2O', 1), // s1 BASIC+: AR5 265, AR6 273
  amount('VI.1', 'CO2e', 40), // s3, neither total
  keyed('I.2.1', 'CO2', 'NO'),
  keyed('I.2.2', 'CO2e', 'NE'),
  keyed('II.2.1', 'CO2', 'IE'),
];

describe('inventoryTotals', () => {
  it('totals a hand-computed inventory under AR5', () => {
    const totals = inventoryTotals(sample, 'AR5');
    expect(totals.problems).toEqual([]);
    // BASIC: 1000 + 280 + 500 + 800 + 140 + 60 = 2780
    expect(totals.basic).toBe(2780);
    // BASIC+: 2780 + 50 + 100 + 300 + 25 + 265 = 3520
    expect(totals.basicPlus).toBe(3520);
    // Scope 1: 1280 (I.1.1) + 2000 + 800 + 140 + 70 + 300 + 25 + 265 = 4880
    expect(totals.territorial).toBe(4880);
    expect(totals.byScope).toEqual({ 1: 4880, 2: 500, 3: 250 }); // 3: 50 + 100 + 60 + 40
    // I: 1280 + 500 + 50 + 2000; II: 800 + 100; III: 140 + 60 + 70; IV: 300 + 25
    expect(totals.bySector).toEqual({ I: 3830, II: 900, III: 270, IV: 325, V: 265, VI: 40 });
    expect(totals.bySubsector).toEqual({
      'I.1': 1830,
      'I.2': 0,
      'I.4': 2000,
      'II.1': 900,
      'II.2': 0,
      'III.1': 270,
      'IV.1': 300,
      'IV.2': 25,
      'V.1': 265,
      'VI.1': 40,
    });
    expect(totals.bySubcategory['I.1.1']).toBe(1280);
    expect(totals.bySubcategory['I.2.2']).toBe(0);
    // CO2: 1000 + 2000 + 800 + 100 + 300; CH4: 280 + 140; CO2e: 500 + 50 + 60 + 70 + 40
    expect(totals.byGas).toEqual({
      CO2: 4200,
      CH4: 420,
      N2O: 265,
      HFCs: 25,
      PFCs: 0,
      SF6: 0,
      NF3: 0,
      CO2e: 720,
    });
  });

  it('recomputes every total under AR6', () => {
    const totals = inventoryTotals(sample, 'AR6');
    // 15 t CH4 × (27.9 − 28) = −1.5 in BASIC; N2O 1 t × (273 − 265) = +8 in BASIC+ only.
    expect(totals.basic).toBeCloseTo(2778.5, 9);
    expect(totals.basicPlus).toBeCloseTo(3526.5, 9);
    expect(totals.territorial).toBeCloseTo(4886.5, 9);
    expect(totals.byGas.CH4).toBeCloseTo(418.5, 9);
    expect(totals.gwpSet).toBe('AR6');
  });

  it('counts notation keys as zero, lists them and measures BASIC completeness', () => {
    const totals = inventoryTotals(sample, 'AR5');
    expect(totals.notationKeys).toEqual({ NO: 1, IE: 1, NE: 1, C: 0, NA: 0 });
    expect(totals.notationKeyEntries).toEqual([
      { index: 14, code: 'I.2.1', gas: 'CO2', notationKey: 'NO' },
      { index: 15, code: 'I.2.2', gas: 'CO2e', notationKey: 'NE' },
      { index: 16, code: 'II.2.1', gas: 'CO2', notationKey: 'IE' },
    ]);
    // Accounted BASIC lines: I.1.1, I.1.2, I.2.1 (NO), II.1.1, II.2.1 (IE), III.1.1, III.1.2
    // = 7 of 32; I.2.2 (NE) is a gap.
    expect(totals.basicCoverage.covered).toBe(7);
    expect(totals.basicCoverage.total).toBe(32);
    expect(totals.completeness).toBe(7 / 32);
    expect(totals.basicCoverage.uncoveredCodes).toContain('I.2.2');
    expect(totals.basicCoverage.uncoveredCodes).not.toContain('I.2.1');
  });

  it('treats a line with one gas not estimated as a gap', () => {
    const totals = inventoryTotals(
      [amount('I.1.1', 'CO2', 10), keyed('I.1.1', 'CH4', 'NE'), keyed('I.1.2', 'CO2', 'C')],
      'AR5',
    );
    expect(totals.basicCoverage.covered).toBe(0);
  });

  it('leaves entries with problems out of the totals', () => {
    const totals = inventoryTotals(
      [amount('I.1.1', 'CO2', 10), amount('I.1.1', 'CO2', 99), amount('X.1', 'CO2', 5)],
      'AR5',
    );
    expect(totals.basic).toBe(10);
    expect(totals.problems.map((p) => p.index)).toEqual([1, 2]);
  });

  it('lets land (V.2) report net removals', () => {
    const totals = inventoryTotals([amount('V.1', 'CO2e', 100), amount('V.2', 'CO2', -40)], 'AR5');
    expect(totals.problems).toEqual([]);
    expect(totals.basicPlus).toBe(60); // 100 − 40
  });
});

describe('validateEntries', () => {
  it('reports each kind of problem with the entry index', () => {
    const entries: InventoryEntry[] = [
      amount('I.1.1', 'CO2', 1), // 0: fine
      amount('I.9.1', 'CO2', 1), // 1: unknown code
      amount('I.1.2', 'CO2', -1), // 2: negative
      { code: 'I.1.3', gas: 'CO2', amount: 5, notationKey: 'NO' }, // 3: both
      { code: 'I.2.1', gas: 'CO2', amount: null, notationKey: null }, // 4: neither
      amount('I.1.1', 'CO2', 2), // 5: duplicate of 0
      amount('I.2.2', 'CO2', Number.NaN), // 6: not a number
      amount('I.2.3', 'H2O' as EntryGas, 1), // 7: unknown gas
      amount('V.2', 'CH4', -1), // 8: only CO2 removals may be negative
      amount('I.1.1', 'CH4', 1), // 9: same code, other gas: fine
    ];
    const problems = validateEntries(entries);
    expect(problems.map((p) => [p.index, p.kind])).toEqual([
      [1, 'unknown-code'],
      [2, 'negative-amount'],
      [3, 'amount-and-notation-key'],
      [4, 'neither-amount-nor-notation-key'],
      [5, 'duplicate'],
      [6, 'not-a-number'],
      [7, 'unknown-gas'],
      [8, 'negative-amount'],
    ]);
    expect(problems.find((p) => p.index === 5)?.message).toContain('entry 0');
    expect(problems.find((p) => p.index === 1)?.message).toContain('I.9.1');
  });

  it('accepts the sample inventory', () => {
    expect(validateEntries(sample)).toEqual([]);
  });
});

describe('inventoryTotals properties', () => {
  const codes = GPC_SUBCATEGORIES.map((s) => s.code);
  const entriesOf = (gases: EntryGas[]) =>
    fc.uniqueArray(
      fc.record({
        code: fc.constantFrom(...codes),
        gas: fc.constantFrom(...gases),
        amount: fc.integer({ min: 0, max: 10_000_000 }),
        notationKey: fc.constant(null),
      }),
      { selector: (e) => `${e.code} ${e.gas}`, maxLength: 40 },
    );

  it('gives the same totals under AR5 and AR6 for CO2 and CO2e only', () => {
    fc.assert(
      fc.property(entriesOf(['CO2', 'CO2e', 'HFCs']), (entries) => {
        const ar5 = inventoryTotals(entries, 'AR5');
        const ar6 = inventoryTotals(entries, 'AR6');
        expect({ ...ar6, gwpSet: 'AR5' }).toEqual(ar5);
      }),
    );
  });

  it('moves each total by exactly (27.9 − 28) × the methane in it under AR6', () => {
    fc.assert(
      fc.property(entriesOf(['CO2', 'CO2e', 'CH4']), (entries) => {
        const ar5 = inventoryTotals(entries, 'AR5');
        const ar6 = inventoryTotals(entries, 'AR6');
        const methane = (inTotal: (code: string) => boolean) =>
          entries
            .filter((e) => e.gas === 'CH4' && inTotal(e.code))
            .reduce((sum, e) => sum + e.amount, 0);
        const check = (after: number, before: number, tonnes: number) =>
          expect(Math.abs(after - before - (27.9 - 28) * tonnes)).toBeLessThanOrEqual(
            1e-6 * Math.max(1, before),
          );
        check(
          ar6.basic,
          ar5.basic,
          methane((c) => !!subcategoryByCode(c)?.basic),
        );
        check(
          ar6.basicPlus,
          ar5.basicPlus,
          methane((c) => !!subcategoryByCode(c)?.basicPlus),
        );
        check(
          ar6.territorial,
          ar5.territorial,
          methane((c) => subcategoryByCode(c)?.scope === 1),
        );
      }),
    );
  });

  it('splits the same grand total by scope, sector and gas', () => {
    fc.assert(
      fc.property(entriesOf(['CO2', 'CH4', 'N2O', 'SF6', 'CO2e']), (entries) => {
        const totals = inventoryTotals(entries, 'AR6');
        const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
        const grand = sum(totals.byScope);
        const tolerance = 1e-9 * Math.max(1, grand);
        expect(Math.abs(sum(totals.bySector) - grand)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(sum(totals.byGas) - grand)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(sum(totals.bySubcategory) - grand)).toBeLessThanOrEqual(tolerance);
        expect(totals.territorial).toBe(totals.byScope[1]);
        expect(totals.basic).toBeLessThanOrEqual(totals.basicPlus + tolerance);
      }),
    );
  });
});
