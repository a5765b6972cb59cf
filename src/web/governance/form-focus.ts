/**
 * Where the focus goes after a refused submit: the first field of the form, in the form's
 * order, that a problem names, so keyboard and screen-reader users land on what to fix.
 */
import type { FieldError } from '../api';

export interface FocusableField {
  pointer: string;
  id: string;
}

export function firstInvalidField(
  fields: readonly FocusableField[],
  errors: readonly FieldError[],
  /** Pointers to a group ("/caption") and the field that stands for it ("/caption/en"). */
  groupFallbacks: Readonly<Record<string, string>> = {},
): string | null {
  const pointers = errors.map((e) => groupFallbacks[e.pointer] ?? e.pointer);
  const field = fields.find((f) =>
    pointers.some((p) => p === f.pointer || p.startsWith(`${f.pointer}/`)),
  );
  return field?.id ?? null;
}
