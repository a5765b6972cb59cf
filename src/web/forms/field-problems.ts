import type { FieldError } from '../api';

/**
 * Puts each field error (server or client) beside the form field it names. A pointer
 * belongs to the known field it equals or lies inside ("/names/en/0" → "/names/en"); a
 * pointer to a group ("/names") goes to the group's fallback field when the form names one.
 * Whatever matches no field stays unassigned, for the summary alone.
 */
export function assignFieldErrors(
  errors: readonly FieldError[],
  fieldPointers: readonly string[],
  groupFallbacks: Readonly<Record<string, string>> = {},
): { byField: Map<string, string[]>; unassigned: FieldError[] } {
  const byField = new Map<string, string[]>();
  const unassigned: FieldError[] = [];
  for (const error of errors) {
    const field = owningField(error.pointer, fieldPointers) ?? groupFallbacks[error.pointer];
    if (field === undefined) {
      unassigned.push(error);
      continue;
    }
    const list = byField.get(field) ?? [];
    if (!list.includes(error.detail)) list.push(error.detail);
    byField.set(field, list);
  }
  return { byField, unassigned };
}

function owningField(pointer: string, fieldPointers: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const field of fieldPointers) {
    if (pointer === field || pointer.startsWith(`${field}/`)) {
      if (best === undefined || field.length > best.length) best = field;
    }
  }
  return best;
}

/** A validation message broken into a message key and its values, so it can be translated. */
export interface FieldDetailKey {
  key: string;
  values: Record<string, string | number>;
}

/**
 * Recognises the validator's English messages (Ajv's wording, which the server passes
 * through, and the same wording the forms use for their own checks) so the page can show
 * them in the viewer's language. Returns null for anything else, which is shown as sent.
 */
export function fieldDetailKey(detail: string): FieldDetailKey | null {
  const rules: [RegExp, string, string?][] = [
    [/^is required$/, 'required'],
    [/^is not a known field$/, 'unknownField'],
    [/^must be >= (-?[\d.e+]+)$/, 'min', 'limit'],
    [/^must be <= (-?[\d.e+]+)$/, 'max', 'limit'],
    [/^must be > (-?[\d.e+]+)$/, 'exclusiveMin', 'limit'],
    [/^must be < (-?[\d.e+]+)$/, 'exclusiveMax', 'limit'],
    [/^must be integer$/, 'integer'],
    [/^must be number$/, 'number'],
    [/^must match format "email"$/, 'email'],
    [/^must match format "uri"$/, 'url'],
    [/^must match format "date"$/, 'date'],
    [/^must match pattern /, 'pattern'],
    [/^must NOT have fewer than (\d+) characters?$/, 'minLength', 'limit'],
    [/^must NOT have more than (\d+) characters?$/, 'maxLength', 'limit'],
    [/^must NOT have more than (\d+) items?$/, 'maxItems', 'limit'],
    [/^must be equal to one of the allowed values$/, 'oneOf'],
    [/^is already (taken|in use)$/, 'taken'],
    // The server's own rules (src/server/*/service.ts); unknown wording is shown as sent.
    [/^an English name is required$/, 'englishNameRequired'],
    [/^there is no name in "(.+)"$/, 'noNameIn', 'language'],
    [/^give the year the population was counted$/, 'populationYearNeeded'],
    [/^cannot be in the future$/, 'notInFuture'],
    [/^is already used by another government$/, 'slugTaken'],
    [/^is already used by another user$/, 'emailTaken'],
    [/^already used by (\S+)$/, 'usedBy', 'other'],
    [/^only officers are bound to a government$/, 'onlyOfficersBound'],
    [/^an officer must be bound to a government$/, 'officerNeedsGovernment'],
    [/^no government "(.+)"$/, 'noGovernment', 'slug'],
    [/^no region "(.+)"$/, 'noRegion', 'slug'],
    [/^would leave no administrator$/, 'lastAdmin'],
    [/^must not be before the start date$/, 'endBeforeStart'],
  ];
  for (const [pattern, key, valueName] of rules) {
    const match = pattern.exec(detail.trim());
    if (!match) continue;
    const values: Record<string, string | number> = {};
    if (valueName && match[1] !== undefined) {
      const n = Number(match[1]);
      values[valueName] = valueName === 'limit' && Number.isFinite(n) ? n : match[1];
    }
    return { key, values };
  }
  return null;
}
