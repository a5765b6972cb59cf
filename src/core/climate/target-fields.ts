/**
 * The fields of each type of target, defined once: which a type has (the web form shows these,
 * in this order, and sends the others as null), which it requires (the server refuses a target
 * without them), and which are emissions targets (with a coverage and an assessment). The
 * importer reads the same table to leave out what a type does not have.
 */
import type { TargetType } from './types';

/** Fields whose presence depends on the target type, by their API names. */
export const TARGET_TYPE_FIELDS = [
  'netZeroLabel',
  'baseYear',
  'baseEmissions',
  'targetYear',
  'reductionPercent',
  'targetEmissions',
  'bauEmissions',
  'baseIntensity',
  'intensityUnit',
  'fuel',
  'sharePercent',
  'pollutant',
  'levelValue',
  'levelUnit',
] as const;
export type TargetTypeField = (typeof TARGET_TYPE_FIELDS)[number];

/** What a field holds: a year, an amount, free text, or a net-zero label. */
export type TargetFieldKind = 'year' | 'number' | 'text' | 'net-zero-label';

export const TARGET_FIELD_KINDS: Readonly<Record<TargetTypeField, TargetFieldKind>> = {
  netZeroLabel: 'net-zero-label',
  baseYear: 'year',
  baseEmissions: 'number',
  targetYear: 'year',
  reductionPercent: 'number',
  targetEmissions: 'number',
  bauEmissions: 'number',
  baseIntensity: 'number',
  intensityUnit: 'text',
  fuel: 'text',
  sharePercent: 'number',
  pollutant: 'text',
  levelValue: 'number',
  levelUnit: 'text',
};

/** The fields each type has, in the order of the form. */
export const FIELDS_BY_TYPE: Readonly<Record<TargetType, readonly TargetTypeField[]>> = {
  'base-year': [
    'baseYear',
    'baseEmissions',
    'targetYear',
    'reductionPercent',
    'targetEmissions',
    'netZeroLabel',
  ],
  'fixed-level': ['targetYear', 'targetEmissions', 'netZeroLabel', 'baseYear', 'baseEmissions'],
  'baseline-scenario': [
    'baseYear',
    'baseEmissions',
    'targetYear',
    'bauEmissions',
    'reductionPercent',
    'targetEmissions',
  ],
  intensity: [
    'baseYear',
    'baseIntensity',
    'intensityUnit',
    'baseEmissions',
    'targetYear',
    'reductionPercent',
    'targetEmissions',
  ],
  'fuel-phase-out': ['fuel', 'targetYear'],
  'renewable-share': ['sharePercent', 'targetYear', 'baseYear'],
  'air-quality': ['pollutant', 'levelValue', 'levelUnit', 'targetYear'],
  // Its words are the title and description; the years and base emissions are kept when given.
  other: ['targetYear', 'baseYear', 'baseEmissions'],
};

/** Whether a target of the type has the field at all. */
export function targetTypeHas(type: TargetType, field: TargetTypeField): boolean {
  return FIELDS_BY_TYPE[type].includes(field);
}

/** A rule a target of one type must meet, checked in the order given. */
export type TargetRequirement =
  /** The field must be given. */
  | { field: TargetTypeField; note?: string }
  /** At least one of the fields must be given; a problem names the first. */
  | { anyOf: readonly [TargetTypeField, ...TargetTypeField[]]; detail: string };

/** What each type needs; the name of the type as messages say it. */
export const TARGET_REQUIREMENTS: Readonly<
  Record<TargetType, { name: string; rules: readonly TargetRequirement[] }>
> = {
  'base-year': {
    name: 'a base-year target',
    rules: [
      { field: 'baseYear' },
      { field: 'targetYear' },
      {
        anyOf: ['reductionPercent', 'targetEmissions'],
        detail: 'give the reduction in percent or the target emissions',
      },
    ],
  },
  'baseline-scenario': {
    name: 'a baseline-scenario target',
    rules: [
      { field: 'targetYear' },
      {
        anyOf: ['bauEmissions', 'targetEmissions'],
        detail: 'give the business-as-usual emissions of the target year',
      },
    ],
  },
  intensity: {
    name: 'an intensity target',
    rules: [{ field: 'intensityUnit' }, { field: 'targetYear' }],
  },
  'fixed-level': {
    name: 'a fixed-level target',
    rules: [{ field: 'targetYear' }, { field: 'targetEmissions', note: '0 for net zero' }],
  },
  'fuel-phase-out': {
    name: 'a phase-out target',
    rules: [{ field: 'fuel' }, { field: 'targetYear' }],
  },
  'renewable-share': {
    name: 'a renewable-share target',
    rules: [{ field: 'sharePercent' }, { field: 'targetYear' }],
  },
  'air-quality': {
    name: 'an air-quality target',
    rules: [{ field: 'pollutant' }, { field: 'levelValue' }],
  },
  other: { name: 'another kind of target', rules: [] },
};

/** The fields a type must be given (each alone; `anyOf` groups are not listed). */
export function requiredTargetFields(type: TargetType): TargetTypeField[] {
  return TARGET_REQUIREMENTS[type].rules.flatMap((r) => ('field' in r ? [r.field] : []));
}

export interface TargetFieldProblem {
  field: TargetTypeField;
  detail: string;
}

const given = (value: unknown) => value !== null && value !== undefined;

/**
 * What a target of the type lacks, in the order of its rules (empty when nothing). `values`
 * holds the fields as the target will be stored; null and absent both count as not given.
 */
export function missingTargetFields(
  type: TargetType,
  values: Partial<Record<TargetTypeField, unknown>>,
): TargetFieldProblem[] {
  const { name, rules } = TARGET_REQUIREMENTS[type];
  const problems: TargetFieldProblem[] = [];
  for (const rule of rules) {
    if ('field' in rule) {
      if (!given(values[rule.field])) {
        const what = rule.note ? `${name} (${rule.note})` : name;
        problems.push({ field: rule.field, detail: `is required for ${what}` });
      }
    } else if (!rule.anyOf.some((field) => given(values[field]))) {
      problems.push({ field: rule.anyOf[0], detail: rule.detail });
    }
  }
  return problems;
}

/** Target types whose level is an amount of emissions (GHG Protocol Mitigation Goal Standard). */
export const EMISSIONS_TARGET_TYPES: readonly TargetType[] = [
  'base-year',
  'fixed-level',
  'baseline-scenario',
  'intensity',
];

/** Emissions targets have a coverage (gases, scopes, sectors) and can be assessed. */
export function isEmissionsTarget(type: TargetType): boolean {
  return EMISSIONS_TARGET_TYPES.includes(type);
}
