import { describe, expect, it } from 'vitest';
import { GASES } from './types';
import { gasLabel, plainFormulas } from './formulas';

describe('gasLabel', () => {
  it('writes every gas Accord knows with subscripts', () => {
    expect([...GASES, 'CO2e'].map(gasLabel)).toEqual([
      'CO₂',
      'CH₄',
      'N₂O',
      'HFCs',
      'PFCs',
      'SF₆',
      'NF₃',
      'CO₂e',
    ]);
  });

  it('rewrites formulas inside a text, and nothing else', () => {
    expect(gasLabel('t CO2e and non-CO2 sources, 5 tCO2e')).toBe(
      't CO₂e and non-CO₂ sources, 5 tCO₂e',
    );
    expect(gasLabel('CO25 XCO2 co2e')).toBe('CO25 XCO2 co2e');
  });
});

describe('plainFormulas', () => {
  it('finds what a reader should not see', () => {
    expect(plainFormulas('7 Mt CO2e (CH4 28, N2O 265)')).toEqual(['CO2e', 'CH4', 'N2O']);
    expect(plainFormulas('7 Mt CO₂e (CH₄ 28, N₂O 265)')).toEqual([]);
  });
});
