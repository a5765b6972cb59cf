import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gwpFactor, toCo2e } from './gwp';
import { GWP_SETS } from './types';
import type { EntryGas } from './types';

describe('toCo2e', () => {
  it('uses the AR5 values', () => {
    expect(toCo2e(10, 'CH4', 'AR5')).toBe(280); // 10 × 28
    expect(toCo2e(2, 'N2O', 'AR5')).toBe(530); // 2 × 265
    expect(toCo2e(2, 'SF6', 'AR5')).toBe(47_000); // 2 × 23,500
    expect(toCo2e(3, 'NF3', 'AR5')).toBe(48_300); // 3 × 16,100
  });

  it('uses the AR6 values, with fossil methane on request', () => {
    expect(toCo2e(10, 'CH4', 'AR6')).toBe(279); // 10 × 27.9
    expect(toCo2e(10, 'CH4', 'AR6', { fossilMethane: true })).toBe(298); // 10 × 29.8
    expect(toCo2e(2, 'N2O', 'AR6')).toBe(546); // 2 × 273
    expect(toCo2e(2, 'SF6', 'AR6')).toBe(50_400); // 2 × 25,200
    expect(toCo2e(3, 'NF3', 'AR6')).toBe(52_200); // 3 × 17,400
  });

  it('keeps 28 for all methane under AR5', () => {
    expect(toCo2e(10, 'CH4', 'AR5', { fossilMethane: true })).toBe(280);
  });

  it('takes HFCs, PFCs and CO2e as already converted, and CO2 as itself', () => {
    for (const set of GWP_SETS) {
      for (const gas of ['HFCs', 'PFCs', 'CO2e', 'CO2'] as EntryGas[]) {
        expect(toCo2e(1234.5, gas, set)).toBe(1234.5);
      }
    }
  });

  it('is linear in the amount', () => {
    const gas = fc.constantFrom<EntryGas>(
      'CO2',
      'CH4',
      'N2O',
      'HFCs',
      'PFCs',
      'SF6',
      'NF3',
      'CO2e',
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        gas,
        fc.constantFrom(...GWP_SETS),
        (a, b, g, set) => {
          const sum = toCo2e(a + b, g, set);
          const parts = toCo2e(a, g, set) + toCo2e(b, g, set);
          expect(Math.abs(sum - parts)).toBeLessThanOrEqual(1e-12 * Math.max(1, sum));
          expect(gwpFactor(g, set)).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});
