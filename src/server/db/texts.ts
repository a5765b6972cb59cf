/**
 * Multilingual texts (titles, names, captions) are stored as JSON objects keyed by language
 * tag. Every area reads them through these two functions.
 */
import { textFor } from '../../core/names';
import { parseJsonColumn } from './json';

/** Where a stored text comes from, so a damaged one names its row. */
export interface TextSource {
  table: string;
  id: number | string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads a JSON object of texts by language (members that are not strings are left out). A
 * stored value that is not such an object is a damaged row: a JsonColumnError naming it.
 */
export function parseTexts(
  json: string | null | undefined,
  source: TextSource = { table: 'a stored text', id: '?' },
): Record<string, string> {
  if (!json) return {};
  const value = parseJsonColumn(source.table, source.id, json, isObject) ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * The text for a reader of `lang` by the one rule (src/core/names.ts): their language, for a
 * Chinese reader the other script, else English, else the first language it has.
 */
export function textIn(texts: Record<string, string>, lang = 'en'): string {
  return textFor(texts, lang);
}
