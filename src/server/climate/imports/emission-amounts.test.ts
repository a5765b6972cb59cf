import { describe, expect, it } from 'vitest';
import { MEGATONNES, parseEmissionsAmount } from './emission-amounts';

describe('amounts of emissions with their units', () => {
  it('reads a bare number in the unit the column is documented in', () => {
    // The Net Zero Tracker's codebook gives its emissions columns in MtCO2e.
    expect(parseEmissionsAmount('7.84', MEGATONNES)).toEqual({
      kind: 'absolute',
      tonnes: 7_840_000,
      unit: 'MtCO2e',
    });
    expect(parseEmissionsAmount('0', MEGATONNES)).toEqual({
      kind: 'absolute',
      tonnes: 0,
      unit: 'MtCO2e',
    });
  });

  it('converts a unit written in the cell, whatever the column says', () => {
    const tonnes = (text: string) => {
      const read = parseEmissionsAmount(text, MEGATONNES);
      return read !== null && 'kind' in read && read.kind === 'absolute' ? read.tonnes : read;
    };
    expect(tonnes('12.5 MtCO2e')).toBe(12_500_000);
    expect(tonnes('12.5MtCO₂e')).toBe(12_500_000);
    expect(tonnes('12.5 Mt CO2-eq')).toBe(12_500_000);
    expect(tonnes('1.2 million tonnes CO2e')).toBe(1_200_000);
    expect(tonnes('3 MMTCO2e')).toBe(3_000_000);
    expect(tonnes('640 ktCO2e')).toBe(640_000);
    expect(tonnes('640 thousand tonnes')).toBe(640_000);
    expect(tonnes('2,300,000 tCO2e')).toBe(2_300_000);
    expect(tonnes('2 300 000 t')).toBe(2_300_000);
    expect(tonnes('2300000 metric tons CO2e')).toBe(2_300_000);
    expect(tonnes('0.05 GtCO2e')).toBe(50_000_000);
  });

  it('keeps an intensity as tonnes per its denominator', () => {
    expect(parseEmissionsAmount('5.2 tCO2e/capita', MEGATONNES)).toEqual({
      kind: 'intensity',
      perDenominator: 5.2,
      denominator: 'per capita',
    });
    expect(parseEmissionsAmount('2300 kgCO2e per person', MEGATONNES)).toEqual({
      kind: 'intensity',
      perDenominator: 2.3,
      denominator: 'per person',
    });
    expect(parseEmissionsAmount('0.4 tCO2e/million USD GDP', MEGATONNES)).toEqual({
      kind: 'intensity',
      perDenominator: 0.4,
      denominator: 'per million USD GDP',
    });
  });

  it('refuses what it cannot read, with the reason, rather than guessing', () => {
    expect(parseEmissionsAmount(null, MEGATONNES)).toBeNull();
    expect(parseEmissionsAmount('NA', MEGATONNES)).toBeNull();
    // Upper-case MT is metric tonnes in the US and megatonnes elsewhere.
    expect(parseEmissionsAmount('350000 MTCO2e', MEGATONNES)).toEqual({
      problem: 'ambiguous-unit',
      unit: 'MTCO2e',
    });
    expect(parseEmissionsAmount('about 12 Mt', MEGATONNES)).toEqual({ problem: 'not-an-amount' });
    expect(parseEmissionsAmount('12 MWh', MEGATONNES)).toEqual({ problem: 'not-an-amount' });
    expect(parseEmissionsAmount('-3', MEGATONNES)).toEqual({ problem: 'negative-amount' });
    // 7,840,000 MtCO2e would be a hundred times what the world emits.
    expect(parseEmissionsAmount('7840000', MEGATONNES)).toEqual({
      problem: 'more-than-the-world',
      amount: '7840000',
      unit: 'MtCO2e',
    });
  });
});
