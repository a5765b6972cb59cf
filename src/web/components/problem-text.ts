import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from './format';
import i18n from '../i18n';

/**
 * The one place the web says a server's problem in its reader's language: every problem and
 * every field problem carries a stable `code` with its `params` (src/core/problems.ts), and
 * the `problems` catalog has words for each code, `codes.<code>`. A parameter from a closed
 * vocabulary (a kind of record, a status) is said by `values.<param>.<value>`; numbers and days
 * are formatted for the reader; anything else (a name, a label) is shown as it is.
 */
export interface CodedProblem {
  code?: string | undefined;
  params?: Readonly<Record<string, unknown>> | undefined;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function paramText(t: TFunction, language: string, name: string, value: unknown): string {
  if (typeof value === 'number') return formatNumber(value, language);
  if (typeof value !== 'string') return String(value ?? '');
  const key = `problems:values.${name}.${value}`;
  if (i18n.exists(key, { lng: language })) return t(key);
  if (ISO_DAY.test(value) || ISO_INSTANT.test(value)) return formatDate(value, language);
  return value;
}

/** The problem in the reader's words, or null when the catalog has none for its code. */
export function problemText(
  problem: CodedProblem,
  t: TFunction = i18n.t.bind(i18n) as TFunction,
  language: string = i18n.language,
): string | null {
  const { code, params } = problem;
  if (!code) return null;
  const key = `problems:codes.${code}`;
  if (!i18n.exists(key)) return null;
  const values = Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [
      name,
      paramText(t, language, name, value),
    ]),
  );
  return t(key, values);
}
