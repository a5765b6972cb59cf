import { describe, expect, it } from 'vitest';
import {
  emptyTargetValues,
  intensityUnitChoice,
  intensityUnitValue,
  FIELDS_BY_TYPE,
  hasCoverage,
  targetBody,
  targetFormValues,
} from './target-form';
import { kyotoTarget } from './fixtures.test-helpers';

describe('targetBody', () => {
  it('sends the fields of the chosen type and nulls the others', () => {
    const values = {
      ...emptyTargetValues(),
      type: 'base-year' as const,
      title: ' 40 % below 2013 by 2030 ',
      baseYear: '2013',
      baseEmissions: '7,840,000',
      targetYear: '2030',
      reductionPercent: '40',
      fuel: 'coal',
      initiatives: 'Race to Zero\n\nRace to Zero\nGCoM',
    };
    const { body, errors } = targetBody(values);
    expect(errors).toEqual([]);
    expect(body).toMatchObject({
      type: 'base-year',
      title: '40 % below 2013 by 2030',
      baseYear: 2013,
      baseEmissions: 7_840_000,
      targetYear: 2030,
      reductionPercent: 40,
      targetEmissions: null,
      fuel: null,
      parentTargetId: null,
      initiatives: ['Race to Zero', 'GCoM'],
      offsetsAllowed: null,
    });
  });

  it('names each field it cannot read, with the validator wording', () => {
    const { errors } = targetBody({
      ...emptyTargetValues(),
      title: '',
      baseYear: '2013.5',
      baseEmissions: 'many',
      targetYear: '2030',
    });
    expect(errors).toEqual([
      { pointer: '/baseYear', detail: 'must be integer' },
      { pointer: '/baseEmissions', detail: 'must be number' },
      { pointer: '/title', detail: 'is required' },
    ]);
  });

  it('asks for a target year after the base year', () => {
    const { errors } = targetBody({
      ...emptyTargetValues(),
      title: 'x',
      baseYear: '2030',
      targetYear: '2020',
    });
    expect(errors).toEqual([{ pointer: '/targetYear', detail: 'must be after the base year' }]);
  });

  it('keeps coverage in a fixed order and reads yes/no/unknown', () => {
    const { body } = targetBody({
      ...emptyTargetValues(),
      title: 'Coal-free by 2023',
      type: 'fuel-phase-out',
      fuel: 'coal',
      targetYear: '2023',
      gases: ['N2O', 'CO2'],
      scopes: [2, 1],
      sectors: ['III', 'I'],
      offsetsAllowed: 'no',
      parentTargetId: '4',
    });
    expect(body.coverage).toEqual({
      gases: ['CO2', 'N2O'],
      scopes: [1, 2],
      sectors: ['I', 'III'],
      boundary: 'city-wide',
    });
    expect(body).toMatchObject({ fuel: 'coal', targetYear: 2023, baseYear: null });
    expect(body.offsetsAllowed).toBe(false);
    expect(body.parentTargetId).toBe(4);
  });

  it('round-trips a saved target', () => {
    const target = kyotoTarget({ offsetsAllowed: true, initiatives: ['Race to Zero'] });
    const { body, errors } = targetBody(targetFormValues(target));
    expect(errors).toEqual([]);
    expect(body).toMatchObject({
      baseYear: 2013,
      baseEmissions: 7_840_000,
      reductionPercent: 40,
      offsetsAllowed: true,
      initiatives: ['Race to Zero'],
      coverage: target.coverage,
    });
  });

  it('keeps the title in other languages through a change of the title', () => {
    const target = kyotoTarget({
      title: '40% below 2013 by 2030',
      titles: { en: '40% below 2013 by 2030', ja: '2030年までに2013年比40%削減' },
    });
    const values = targetFormValues(target);
    expect(values.titles).toEqual(target.titles);
    const { body } = targetBody({
      ...values,
      title: '46% below 2013 by 2030',
      titles: { ...values.titles, ko: '  ', 'zh-Hans': '到2030年比2013年减少40%' },
    });
    expect(body.titles).toEqual({
      en: '46% below 2013 by 2030',
      ja: '2030年までに2013年比40%削減',
      'zh-Hans': '到2030年比2013年减少40%',
    });
  });

  it('lists type fields for every type', () => {
    expect(FIELDS_BY_TYPE['air-quality']).toContain('pollutant');
    expect(FIELDS_BY_TYPE['renewable-share']).toContain('sharePercent');
    expect(FIELDS_BY_TYPE['baseline-scenario']).toContain('bauEmissions');
    expect(FIELDS_BY_TYPE.intensity).toContain('baseIntensity');
  });

  it('asks for coverage for emissions targets and for the tracker\'s "other" targets', () => {
    // "Peak emissions by 2025" covers gases and scopes like any emissions target.
    expect(hasCoverage('other')).toBe(true);
    expect(hasCoverage('base-year')).toBe(true);
    expect(hasCoverage('fuel-phase-out')).toBe(false);
  });
});

describe('the intensity unit', () => {
  const intensity = (unit: string | null) =>
    kyotoTarget({ type: 'intensity', baseIntensity: 5.2, intensityUnit: unit });

  it('chooses a known unit by its name, never showing its code as text', () => {
    expect(intensityUnitChoice('per-gdp')).toEqual({ choice: 'per-gdp', typed: '' });
    const values = targetFormValues(intensity('per-capita'));
    expect(values.intensityUnitChoice).toBe('per-capita');
    expect(values.intensityUnit).toBe('');
    expect(targetBody(values).body.intensityUnit).toBe('per-capita');
  });

  it('keeps a unit typed by hand as typed, as "another unit"', () => {
    expect(intensityUnitChoice('resident')).toEqual({ choice: 'other', typed: 'resident' });
    const values = targetFormValues(intensity('million yen of GDP'));
    expect(values.intensityUnitChoice).toBe('other');
    expect(values.intensityUnit).toBe('million yen of GDP');
    expect(targetBody(values).body.intensityUnit).toBe('million yen of GDP');
    expect(intensityUnitValue('other', '  household ')).toBe('household');
  });

  it('sends none when none is chosen, or another is chosen and left empty', () => {
    expect(intensityUnitChoice(null)).toEqual({ choice: '', typed: '' });
    expect(targetFormValues(intensity(null)).intensityUnitChoice).toBe('');
    expect(intensityUnitValue('', 'left over')).toBeNull();
    expect(intensityUnitValue('other', '  ')).toBeNull();
    // A change of choice from another unit to a known one sends the known one.
    const values = {
      ...targetFormValues(intensity('resident')),
      intensityUnitChoice: 'per-gdp' as const,
    };
    expect(targetBody(values).body.intensityUnit).toBe('per-gdp');
  });

  it('clears the unit when the target is no longer an intensity target', () => {
    const values = { ...targetFormValues(intensity('per-gdp')), type: 'base-year' as const };
    expect(targetBody(values).body.intensityUnit).toBeNull();
  });
});
