/**
 * The checks catalogs.test.ts runs on the server's catalogs, as functions of two catalogs so
 * the test can also show each one catching a planted fault.
 */

/**
 * Words that stay as they are in every language: codes of gases and standards, the GPC's
 * reporting levels, CDP's name, Accord's, units and the names of scopes and initiatives, the
 * code a blank cell holds (NA). Korean, Japanese and Chinese tables write them in Latin letters.
 * Longer terms first: "t CO₂e" goes before "CO₂e" is taken out. Formulas are
 * written with subscripts, as readers see them (core/climate/formulas).
 */
export const UNTRANSLATED_TERMS = [
  't CO₂e',
  'Race to Zero',
  'Accord',
  'Scope',
  'BAU',
  'ISO',
  'ID',
  'NA',
  'km²',
  'GWP100',
  'GWP',
  'BASIC',
  'GPC',
  'CDP',
  'CO₂e',
  'CO₂',
  'CH₄',
  'N₂O',
  'HFCs',
  'PFCs',
  'SF₆',
  'NF₃',
];

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Dotted key → value of every leaf. */
export function flatten(catalog: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof catalog !== 'object' || catalog === null || Array.isArray(catalog)) {
    out.set(prefix, catalog);
    return out;
  }
  for (const [key, value] of Object.entries(catalog)) {
    for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

/** The {{placeholders}} of a text, sorted, each once ({{count}} of a plural included). */
export function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].sort();
}

/** Latin letters left once placeholders and the untranslated terms are taken out. */
export function englishLeft(text: string): string {
  let rest = text.replace(/\{\{[^}]*\}\}/g, ' ');
  for (const term of UNTRANSLATED_TERMS) rest = rest.split(term).join(' ');
  return (rest.match(/[A-Za-z]+/g) ?? []).join(' ');
}

/** What is wrong with the English reference itself: empty texts, a plural without its pair. */
export function englishProblems(english: Map<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of english) {
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${key}: not a text`);
    if (PLURAL_SUFFIX.test(key)) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const needed of ['one', 'other']) {
        if (!english.has(`${base}_${needed}`)) problems.push(`${base}: no _${needed}`);
      }
      if (typeof value === 'string' && !placeholders(value).includes('count')) {
        problems.push(`${key}: a plural without {{count}}`);
      }
    }
  }
  return problems;
}

/**
 * What is wrong with a translation against English: a key missing or extra, an empty text,
 * other placeholders than English's, a text left in English (other than the fixed terms).
 */
export function translationProblems(
  english: Map<string, unknown>,
  translated: Map<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const key of english.keys()) if (!translated.has(key)) problems.push(`${key}: missing`);
  for (const key of translated.keys()) {
    if (!english.has(key)) problems.push(`${key}: not in English`);
  }
  for (const [key, source] of english) {
    const value = translated.get(key);
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${key}: not a text`);
      continue;
    }
    const expected = placeholders(String(source)).join(',');
    const actual = placeholders(value).join(',');
    if (expected !== actual) problems.push(`${key}: {${actual}} instead of {${expected}}`);
    const left = englishLeft(value);
    if (left) problems.push(`${key}: English left ("${left}")`);
  }
  return problems;
}
