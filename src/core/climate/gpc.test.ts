import { describe, expect, it } from 'vitest';
import {
  GPC_BASIC_SUBCATEGORY_CODES,
  GPC_SECTORS,
  GPC_SUBCATEGORIES,
  GPC_SUBSECTORS,
  isSubcategoryCode,
  sectorByCode,
  subcategoryByCode,
  subsectorByCode,
} from './gpc';

const codes = (filter: (s: (typeof GPC_SUBCATEGORIES)[number]) => boolean) =>
  GPC_SUBCATEGORIES.filter(filter).map((s) => s.code);

describe('GPC 1.1 reference data', () => {
  it('has the six sectors and 23 sub-sectors in order', () => {
    expect(GPC_SECTORS.map((s) => s.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(GPC_SUBSECTORS.map((s) => s.code)).toEqual([
      ...['I.1', 'I.2', 'I.3', 'I.4', 'I.5', 'I.6', 'I.7', 'I.8'],
      ...['II.1', 'II.2', 'II.3', 'II.4', 'II.5'],
      ...['III.1', 'III.2', 'III.3', 'III.4'],
      ...['IV.1', 'IV.2', 'V.1', 'V.2', 'V.3', 'VI.1'],
    ]);
    expect(sectorByCode('II')?.name).toBe('Transportation');
    expect(subsectorByCode('III.4')?.name).toBe('Wastewater treatment and discharge');
  });

  it('lists every subcategory once, in table order', () => {
    // I: 6 sub-sectors × 3 lines + I.4.4 + I.7.1 + I.8.1 = 21; II: 4 × 3 + 2 = 14;
    // III: 4 × 3 = 12; IV: 2; V: 3; VI: 1 → 53.
    expect(GPC_SUBCATEGORIES).toHaveLength(53);
    expect(new Set(GPC_SUBCATEGORIES.map((s) => s.code)).size).toBe(53);
    expect(codes((s) => s.subsector === 'I.4')).toEqual(['I.4.1', 'I.4.2', 'I.4.3', 'I.4.4']);
    expect(GPC_SUBCATEGORIES[0]?.code).toBe('I.1.1');
    expect(GPC_SUBCATEGORIES[GPC_SUBCATEGORIES.length - 1]?.code).toBe('VI.1');
  });

  it('gives fugitive emissions only scope 1 and off-road transport no scope 3', () => {
    expect(codes((s) => s.subsector === 'I.7')).toEqual(['I.7.1']);
    expect(codes((s) => s.subsector === 'I.8')).toEqual(['I.8.1']);
    expect(codes((s) => s.subsector === 'II.5')).toEqual(['II.5.1', 'II.5.2']);
    expect(isSubcategoryCode('II.5.3')).toBe(false);
    expect(isSubcategoryCode('I.7.2')).toBe(false);
  });

  it('puts scopes 1 and 2 of I and II and scopes 1 and 3 of III in BASIC', () => {
    // 6 × 2 (I.1–I.6) + I.7.1 + I.8.1 = 14; II: 5 × 2 = 10; III: 4 × 2 = 8 → 32.
    expect(GPC_BASIC_SUBCATEGORY_CODES).toHaveLength(32);
    expect(codes((s) => s.basic && s.sector === 'III')).toEqual([
      ...['III.1.1', 'III.1.2', 'III.2.1', 'III.2.2'],
      ...['III.3.1', 'III.3.2', 'III.4.1', 'III.4.2'],
    ]);
    expect(subcategoryByCode('III.1.2')).toEqual({
      code: 'III.1.2',
      sector: 'III',
      subsector: 'III.1',
      scope: 3,
      basic: true,
      basicPlus: true,
      territorialOnly: false,
    });
  });

  it('adds IV, V and the scope-3 lines of I and II in BASIC+', () => {
    // 32 BASIC + I.1.3–I.6.3 (6) + II.1.3–II.4.3 (4) + IV (2) + V (3) = 47.
    expect(codes((s) => s.basicPlus)).toHaveLength(47);
    expect(codes((s) => s.basicPlus && !s.basic)).toEqual([
      ...['I.1.3', 'I.2.3', 'I.3.3', 'I.4.3', 'I.5.3', 'I.6.3'],
      ...['II.1.3', 'II.2.3', 'II.3.3', 'II.4.3'],
      ...['IV.1', 'IV.2', 'V.1', 'V.2', 'V.3'],
    ]);
  });

  it('keeps grid supply and imported waste in the territorial total only', () => {
    expect(codes((s) => s.territorialOnly)).toEqual([
      'I.4.4',
      'III.1.3',
      'III.2.3',
      'III.3.3',
      'III.4.3',
    ]);
    for (const code of ['I.4.4', 'III.2.3']) {
      expect(subcategoryByCode(code)).toMatchObject({ scope: 1, basic: false, basicPlus: false });
    }
    expect(subcategoryByCode('VI.1')).toMatchObject({
      scope: 3,
      basic: false,
      basicPlus: false,
      territorialOnly: false,
    });
  });

  it('is internally consistent', () => {
    for (const s of GPC_SUBCATEGORIES) {
      if (s.basic) expect(s.basicPlus).toBe(true);
      if (s.territorialOnly) expect(s.scope).toBe(1);
      expect(s.code.startsWith(s.subsector)).toBe(true);
      expect(subsectorByCode(s.subsector)?.sector).toBe(s.sector);
      expect(subcategoryByCode(s.code)).toBe(s);
    }
    expect(subcategoryByCode('I.9.1')).toBeUndefined();
  });
});
