import { describe, expect, it } from 'vitest';
import { sectorScopeMatrix, sectorsWithEmissions } from './inventory-chart';

describe('sectorScopeMatrix', () => {
  it('sums t CO2e by sector and scope with the inventory GWP set', () => {
    const matrix = sectorScopeMatrix(
      [
        { code: 'I.1.1', gas: 'CO2', amount: 100, notationKey: null },
        { code: 'I.1.1', gas: 'CH4', amount: 1, notationKey: null },
        { code: 'I.1.2', gas: 'CO2e', amount: 50, notationKey: null },
        { code: 'II.1.3', gas: 'N2O', amount: 1, notationKey: null },
        { code: 'III.1.1', gas: 'CO2', amount: null, notationKey: 'NO' },
      ],
      'AR5',
    );
    expect(matrix.I).toEqual({ 1: 128, 2: 50, 3: 0 });
    expect(matrix.II).toEqual({ 1: 0, 2: 0, 3: 265 });
    expect(sectorsWithEmissions(matrix)).toEqual(['I', 'II']);
    const ar6 = sectorScopeMatrix(
      [{ code: 'I.1.1', gas: 'CH4', amount: 10, notationKey: null }],
      'AR6',
    );
    expect(ar6.I[1]).toBeCloseTo(279);
  });
});
