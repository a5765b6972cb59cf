/** The action form's values (text as typed) and the request body made from them. */
import type { FieldError } from '../api';
import type { ActionStatus } from '../../core/climate/types';
import type { GpcSectorCode } from '../../core/climate/gpc';
import { cleanTranslations, retitled } from '../../core/translations';
import type { Action, ActionCreate } from './types';
import { numberInputText, parseNumberInput } from './numbers';

export const SDGS: readonly number[] = Array.from({ length: 17 }, (_, i) => i + 1);

export interface ActionFormValues {
  title: string;
  /** The title's translations by language tag, as typed. */
  titles: Record<string, string>;
  /** The title as saved, so that a translation that was the title itself follows its change. */
  savedTitle: string;
  description: string;
  sector: '' | GpcSectorCode;
  status: ActionStatus;
  startDate: string;
  endDate: string;
  expectedReduction: string;
  cost: string;
  costCurrency: string;
  /** One co-benefit per line. */
  coBenefits: string;
  sdgs: number[];
  targetIds: number[];
}

export function emptyActionValues(): ActionFormValues {
  return {
    title: '',
    titles: {},
    savedTitle: '',
    description: '',
    sector: '',
    status: 'planned',
    startDate: '',
    endDate: '',
    expectedReduction: '',
    cost: '',
    costCurrency: '',
    coBenefits: '',
    sdgs: [],
    targetIds: [],
  };
}

export function actionFormValues(action: Action): ActionFormValues {
  return {
    title: action.title,
    titles: cleanTranslations(action.titles),
    savedTitle: action.title,
    description: action.description ?? '',
    sector: action.sector ?? '',
    status: action.status,
    startDate: action.startDate ?? '',
    endDate: action.endDate ?? '',
    expectedReduction: numberInputText(action.expectedReduction),
    cost: numberInputText(action.cost),
    costCurrency: action.costCurrency ?? '',
    coBenefits: action.coBenefits.join('\n'),
    sdgs: [...action.sdgs],
    targetIds: [...action.targetIds],
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The body of POST …/actions and PATCH /actions/:id (every field), or what cannot be read. */
export function actionBody(values: ActionFormValues): {
  body: ActionCreate;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const number = (field: 'expectedReduction' | 'cost') => {
    const value = parseNumberInput(values[field]);
    if (value !== null && Number.isNaN(value)) {
      errors.push({ pointer: `/${field}`, detail: 'must be number' });
      return null;
    }
    if (value !== null && value < 0) {
      errors.push({ pointer: `/${field}`, detail: 'must be >= 0' });
      return null;
    }
    return value;
  };
  if (values.title.trim() === '') errors.push({ pointer: '/title', detail: 'is required' });
  const expectedReduction = number('expectedReduction');
  const cost = number('cost');
  const currency = values.costCurrency.trim().toUpperCase();
  if (currency !== '' && !/^[A-Z]{3}$/.test(currency)) {
    errors.push({ pointer: '/costCurrency', detail: 'must match pattern "^[A-Z]{3}$"' });
  }
  if (values.startDate && values.endDate && values.endDate < values.startDate) {
    errors.push({ pointer: '/endDate', detail: 'must not be before the start date' });
  }
  const body: ActionCreate = {
    title: values.title.trim(),
    titles: retitled(values.titles, values.savedTitle || null, values.title),
    description: orNull(values.description),
    sector: values.sector === '' ? null : values.sector,
    status: values.status,
    startDate: orNull(values.startDate),
    endDate: orNull(values.endDate),
    expectedReduction,
    cost,
    costCurrency: currency === '' ? null : currency,
    coBenefits: values.coBenefits
      .split('\n')
      .map((line) => line.trim())
      .filter((line, index, all) => line !== '' && all.indexOf(line) === index),
    sdgs: [...new Set(values.sdgs)].sort((a, b) => a - b),
    targetIds: [...new Set(values.targetIds)].sort((a, b) => a - b),
  };
  return { body, errors };
}
