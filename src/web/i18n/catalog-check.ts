/**
 * Test helpers for the catalogs: pages look their words up by key, and a key missing from the
 * catalog would show the key itself. Used by each area's catalog-keys test (node only).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '../../core/locales';

const localesDir = join(dirname(fileURLToPath(import.meta.url)), 'locales');

export function catalog(lang: string, ns: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(localesDir, lang, `${ns}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Whether a dotted key leads to a string (plural keys exist as key_one / key_other). */
export function hasKey(tree: Record<string, unknown>, key: string): boolean {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    const record = node as Record<string, unknown>;
    node = record[part] ?? record[`${part}_other`];
  }
  return typeof node === 'string';
}

/** Literal t('…') keys of a source file that the English catalog lacks. */
export function missingKeysIn(file: string, defaultNs: (source: string) => string): string[] {
  const text = readFileSync(file, 'utf8');
  const fallback = defaultNs(text);
  const missing: string[] = [];
  for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) {
    const raw = match[1] as string;
    const [ns, key] = raw.includes(':') ? (raw.split(':') as [string, string]) : [fallback, raw];
    if (!hasKey(catalog('en', ns), key)) missing.push(`${ns}:${key}`);
  }
  return missing;
}

/** Values of vocabularies (roles, statuses, …) without a name in some language. */
export function missingVocabulary(
  ns: string,
  families: [string, readonly (string | number)[]][],
): string[] {
  const missing: string[] = [];
  for (const lang of LOCALES) {
    const tree = catalog(lang, ns);
    for (const [family, values] of families) {
      for (const value of values) {
        if (!hasKey(tree, `${family}.${value}`)) missing.push(`${lang}: ${family}.${value}`);
      }
    }
  }
  return missing;
}
