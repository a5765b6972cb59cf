/**
 * The target form's values (text as typed) and the request body made from them. Which fields
 * a target has depends on its type; fields of other types are sent as null so that changing a
 * target's type clears what no longer applies.
 */
import type { FieldError } from '../api';
import {
  GASES,
  INTENSITY_UNITS,
  type Gas,
  type IntensityUnit,
  type NetZeroLabel,
  type TargetBoundary,
  type TargetStatus,
  type TargetType,
} from '../../core/climate/types';
import { GPC_SECTOR_CODES, type GpcSectorCode } from '../../core/climate/gpc';
import {
  FIELDS_BY_TYPE,
  isEmissionsTarget,
  TARGET_FIELD_KINDS,
  TARGET_TYPE_FIELDS,
  type TargetTypeField,
} from '../../core/climate/target-fields';
import { cleanTranslations, retitled } from '../../core/translations';
import type { Target, TargetCreate } from './types';
import { numberInputText, parseNumberInput, parseYearInput } from './numbers';

/**
 * Which fields each type has, what they hold and which it requires: one definition, in the
 * core (src/core/climate/target-fields.ts), that the server checks and the importer reads.
 */
export {
  FIELDS_BY_TYPE,
  requiredTargetFields,
  TARGET_FIELD_KINDS,
} from '../../core/climate/target-fields';
export const TYPE_FIELDS = TARGET_TYPE_FIELDS;
export type TypeField = TargetTypeField;

/**
 * Emissions targets have a coverage (gases, scopes, sectors), and so does an "other" target
 * (such as peak emissions by a year); the non-emission targets do not show it.
 */
export function hasCoverage(type: TargetType): boolean {
  return isEmissionsTarget(type) || type === 'other';
}

/**
 * An intensity target's unit as the form asks for it: none, one of the units Accord knows
 * (chosen by its name, never shown as its code), or another, typed.
 */
export type IntensityUnitChoice = '' | IntensityUnit | 'other';
export const INTENSITY_UNIT_CHOICES: readonly IntensityUnitChoice[] = [
  '',
  ...INTENSITY_UNITS,
  'other',
];

const KNOWN_UNITS: ReadonlySet<string> = new Set(INTENSITY_UNITS);
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The choice a stored unit makes: a known code is chosen by name; any other text is typed. */
export function intensityUnitChoice(unit: string | null): {
  choice: IntensityUnitChoice;
  typed: string;
} {
  if (unit === null || unit.trim() === '') return { choice: '', typed: '' };
  if (KNOWN_UNITS.has(unit)) return { choice: unit as IntensityUnit, typed: '' };
  return { choice: 'other', typed: unit };
}

/** The unit the form sends: the chosen unit's code, or the text typed for another (trimmed). */
export function intensityUnitValue(choice: IntensityUnitChoice, typed: string): string | null {
  if (choice === 'other') return orNull(typed);
  return choice === '' ? null : choice;
}

export interface TargetFormValues extends Record<TypeField, string> {
  /** Which unit an intensity target is per; `intensityUnit` holds the text of another. */
  intensityUnitChoice: IntensityUnitChoice;
  type: TargetType;
  title: string;
  /** The title's translations by language tag, as typed. */
  titles: Record<string, string>;
  /** The title as saved, so that a translation that was the title itself follows its change. */
  savedTitle: string;
  description: string;
  /** '' for an end target; otherwise the id of the end target this interim target leads to. */
  parentTargetId: string;
  gases: Gas[];
  scopes: number[];
  sectors: GpcSectorCode[];
  boundary: TargetBoundary;
  status: TargetStatus;
  dateSet: string;
  sourceUrl: string;
  sourceDocument: string;
  /** One initiative per line. */
  initiatives: string;
  offsetsAllowed: '' | 'yes' | 'no';
}

export function emptyTargetValues(): TargetFormValues {
  return {
    type: 'base-year',
    title: '',
    titles: {},
    savedTitle: '',
    description: '',
    parentTargetId: '',
    netZeroLabel: '',
    baseYear: '',
    baseEmissions: '',
    targetYear: '',
    reductionPercent: '',
    targetEmissions: '',
    bauEmissions: '',
    baseIntensity: '',
    intensityUnitChoice: '',
    intensityUnit: '',
    fuel: '',
    sharePercent: '',
    pollutant: '',
    levelValue: '',
    levelUnit: '',
    gases: [...GASES],
    scopes: [1, 2],
    sectors: [...GPC_SECTOR_CODES.filter((s) => s !== 'VI')],
    boundary: 'city-wide',
    status: 'policy',
    dateSet: '',
    sourceUrl: '',
    sourceDocument: '',
    initiatives: '',
    offsetsAllowed: '',
  };
}

/** The form as a saved target fills it. */
export function targetFormValues(target: Target): TargetFormValues {
  const num = (v: number | null) => numberInputText(v);
  return {
    type: target.type,
    title: target.title,
    titles: cleanTranslations(target.titles),
    savedTitle: target.title,
    description: target.description ?? '',
    parentTargetId: target.parentTargetId === null ? '' : String(target.parentTargetId),
    netZeroLabel: target.netZeroLabel ?? '',
    baseYear: num(target.baseYear),
    baseEmissions: num(target.baseEmissions),
    targetYear: num(target.targetYear),
    reductionPercent: num(target.reductionPercent),
    targetEmissions: num(target.targetEmissions),
    bauEmissions: num(target.bauEmissions),
    baseIntensity: num(target.baseIntensity),
    intensityUnitChoice: intensityUnitChoice(target.intensityUnit).choice,
    intensityUnit: intensityUnitChoice(target.intensityUnit).typed,
    fuel: target.fuel ?? '',
    sharePercent: num(target.sharePercent),
    pollutant: target.pollutant ?? '',
    levelValue: num(target.levelValue),
    levelUnit: target.levelUnit ?? '',
    gases: [...target.coverage.gases],
    scopes: [...target.coverage.scopes],
    sectors: [...target.coverage.sectors],
    boundary: target.coverage.boundary,
    status: target.status,
    dateSet: target.dateSet ?? '',
    sourceUrl: target.sourceUrl ?? '',
    sourceDocument: target.sourceDocument ?? '',
    initiatives: target.initiatives.join('\n'),
    offsetsAllowed: target.offsetsAllowed === null ? '' : target.offsetsAllowed ? 'yes' : 'no',
  };
}

/**
 * The body of POST /governments/:slug/targets (and of PATCH /targets/:id: every field, so
 * that a cleared field is cleared on the server too), or the fields that cannot be read.
 * Messages use the validator's English wording, which the forms translate.
 */
export function targetBody(values: TargetFormValues): {
  body: TargetCreate;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const shown = new Set<TypeField>(FIELDS_BY_TYPE[values.type]);
  const typed: Partial<Record<TypeField, string | number | null>> = {};
  for (const field of TYPE_FIELDS) {
    const text = values[field];
    if (!shown.has(field)) {
      typed[field] = null;
      continue;
    }
    const kind = TARGET_FIELD_KINDS[field];
    if (field === 'intensityUnit') {
      typed[field] = intensityUnitValue(values.intensityUnitChoice, text);
      continue;
    }
    if (kind === 'text' || kind === 'net-zero-label') {
      typed[field] = orNull(text);
      continue;
    }
    const value = kind === 'year' ? parseYearInput(text) : parseNumberInput(text);
    if (value !== null && Number.isNaN(value)) {
      errors.push({
        pointer: `/${field}`,
        detail: kind === 'year' ? 'must be integer' : 'must be number',
      });
      typed[field] = null;
    } else {
      typed[field] = value;
    }
  }
  if (values.title.trim() === '') errors.push({ pointer: '/title', detail: 'is required' });
  const baseYear = typed.baseYear as number | null;
  const targetYear = typed.targetYear as number | null;
  if (baseYear !== null && targetYear !== null && targetYear <= baseYear) {
    errors.push({ pointer: '/targetYear', detail: 'must be after the base year' });
  }
  const parent = values.parentTargetId === '' ? null : Number(values.parentTargetId);
  const body: TargetCreate = {
    type: values.type,
    title: values.title.trim(),
    titles: retitled(values.titles, values.savedTitle || null, values.title),
    description: orNull(values.description),
    parentTargetId: parent !== null && Number.isInteger(parent) ? parent : null,
    netZeroLabel: (typed.netZeroLabel as NetZeroLabel | null) ?? null,
    baseYear,
    baseEmissions: typed.baseEmissions as number | null,
    targetYear,
    reductionPercent: typed.reductionPercent as number | null,
    targetEmissions: typed.targetEmissions as number | null,
    bauEmissions: typed.bauEmissions as number | null,
    baseIntensity: typed.baseIntensity as number | null,
    intensityUnit: typed.intensityUnit as string | null,
    fuel: typed.fuel as string | null,
    sharePercent: typed.sharePercent as number | null,
    pollutant: typed.pollutant as string | null,
    levelValue: typed.levelValue as number | null,
    levelUnit: typed.levelUnit as string | null,
    coverage: {
      gases: GASES.filter((g) => values.gases.includes(g)),
      scopes: [1, 2, 3].filter((s) => values.scopes.includes(s)),
      sectors: GPC_SECTOR_CODES.filter((s) => values.sectors.includes(s)),
      boundary: values.boundary,
    },
    status: values.status,
    dateSet: orNull(values.dateSet),
    sourceUrl: orNull(values.sourceUrl),
    sourceDocument: orNull(values.sourceDocument),
    initiatives: values.initiatives
      .split('\n')
      .map((line) => line.trim())
      .filter((line, index, all) => line !== '' && all.indexOf(line) === index),
    offsetsAllowed: values.offsetsAllowed === '' ? null : values.offsetsAllowed === 'yes',
  };
  return { body, errors };
}
