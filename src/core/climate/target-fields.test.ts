import { describe, expect, it } from 'vitest';
import {
  FIELDS_BY_TYPE,
  isEmissionsTarget,
  missingTargetFields,
  requiredTargetFields,
  TARGET_REQUIREMENTS,
  TARGET_TYPE_FIELDS,
  targetTypeHas,
} from './target-fields';
import { TARGET_TYPES } from './types';

describe('target fields', () => {
  it('requires of each type only fields the type has', () => {
    for (const type of TARGET_TYPES) {
      for (const rule of TARGET_REQUIREMENTS[type].rules) {
        const fields = 'field' in rule ? [rule.field] : rule.anyOf;
        for (const field of fields)
          expect(targetTypeHas(type, field), `${type} ${field}`).toBe(true);
      }
      for (const field of FIELDS_BY_TYPE[type]) expect(TARGET_TYPE_FIELDS).toContain(field);
    }
  });

  it('names what a target lacks, in the order of its rules', () => {
    expect(missingTargetFields('base-year', {})).toEqual([
      { field: 'baseYear', detail: 'is required for a base-year target' },
      { field: 'targetYear', detail: 'is required for a base-year target' },
      {
        field: 'reductionPercent',
        detail: 'give the reduction in percent or the target emissions',
      },
    ]);
    // One of a group is enough; null counts as not given.
    expect(
      missingTargetFields('base-year', {
        baseYear: 2013,
        targetYear: 2030,
        reductionPercent: null,
        targetEmissions: 0,
      }),
    ).toEqual([]);
    expect(missingTargetFields('fixed-level', { targetYear: 2050, targetEmissions: null })).toEqual(
      [
        {
          field: 'targetEmissions',
          detail: 'is required for a fixed-level target (0 for net zero)',
        },
      ],
    );
    expect(missingTargetFields('air-quality', { pollutant: 'NO2' })).toEqual([
      { field: 'levelValue', detail: 'is required for an air-quality target' },
    ]);
  });

  it('lists the fields a type requires alone, and which types are emissions targets', () => {
    expect(requiredTargetFields('intensity')).toEqual(['intensityUnit', 'targetYear']);
    expect(requiredTargetFields('baseline-scenario')).toEqual(['targetYear']);
    expect(TARGET_TYPES.filter(isEmissionsTarget)).toEqual([
      'base-year',
      'fixed-level',
      'baseline-scenario',
      'intensity',
    ]);
    expect(targetTypeHas('fuel-phase-out', 'baseYear')).toBe(false);
    // An "other" target (the tracker's "peak emissions by 2025") keeps its years and base
    // emissions but states no level, and needs nothing beyond its title.
    expect(FIELDS_BY_TYPE.other).toEqual(['targetYear', 'baseYear', 'baseEmissions']);
    expect(missingTargetFields('other', {})).toEqual([]);
    expect(isEmissionsTarget('other')).toBe(false);
    expect(targetTypeHas('intensity', 'baseIntensity')).toBe(true);
  });
});
