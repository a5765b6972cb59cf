import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainFormulas } from '../../core/climate/formulas';
import { LOCALES } from '../../core/locales';

/**
 * Every catalog under locales/en is the reference: each other language must have the same
 * keys, non-empty strings, the same {{placeholders}}, and a real translation rather than
 * the English text copied over.
 */
const localesDir = join(dirname(fileURLToPath(import.meta.url)), 'locales');

/**
 * Words that stay the same in every language: the product's name, codes, acronyms and SI
 * unit symbols, which Korean, Japanese and Chinese text also write in Latin letters.
 */
const UNTRANSLATED_TERMS = [
  'Accord',
  'UN/LOCODE',
  'LOCODE',
  'CDP',
  'API',
  'ID',
  'URL',
  'SDG',
  'GHG',
  'km²',
  // The GPC's names of its two reporting levels.
  'BASIC',
  // Names of character encodings, as every language writes them.
  'UTF-16 LE',
  'UTF-16 BE',
  'UTF-8',
];

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof catalog !== 'object' || catalog === null || Array.isArray(catalog)) {
    out.set(prefix, catalog);
    return out;
  }
  for (const [key, value] of Object.entries(catalog as Catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
}

/** True when nothing would need translating: only placeholders, fixed terms and symbols. */
function needsNoTranslation(text: string): boolean {
  let rest = text.replace(/\{\{[^}]*\}\}/g, ' ');
  for (const term of UNTRANSLATED_TERMS) rest = rest.split(term).join(' ');
  return !/\p{L}/u.test(rest);
}

function readCatalog(lang: string, file: string): unknown {
  return JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8')) as unknown;
}

const namespaceFiles = readdirSync(join(localesDir, 'en')).filter((f) => f.endsWith('.json'));
const otherLocales = LOCALES.filter((l) => l !== 'en');

describe('translation catalogs', () => {
  it('has English catalogs to compare against', () => {
    expect(namespaceFiles).toContain('common.json');
  });

  it('writes chemical formulas with subscripts (CO₂e, CH₄), never CO2e', () => {
    const found: string[] = [];
    for (const lang of LOCALES) {
      for (const file of namespaceFiles) {
        for (const [key, value] of flatten(readCatalog(lang, file))) {
          const plain = typeof value === 'string' ? plainFormulas(value) : [];
          if (plain.length > 0) found.push(`${lang}/${file} ${key}: ${plain.join(', ')}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  for (const file of namespaceFiles) {
    describe(file, () => {
      const english = flatten(readCatalog('en', file));

      it('has only non-empty strings in English', () => {
        for (const [key, value] of english) {
          expect(typeof value, `en/${file} ${key}`).toBe('string');
          expect((value as string).trim(), `en/${file} ${key}`).not.toBe('');
        }
      });

      for (const lang of otherLocales) {
        it(`is fully and really translated into ${lang}`, () => {
          const path = join(localesDir, lang, file);
          expect(existsSync(path), `${lang}/${file} exists`).toBe(true);
          const translated = flatten(readCatalog(lang, file));
          const missing = [...english.keys()].filter((k) => !translated.has(k));
          const extra = [...translated.keys()].filter((k) => !english.has(k));
          expect(missing, `keys missing from ${lang}/${file}`).toEqual([]);
          expect(extra, `keys in ${lang}/${file} that English lacks`).toEqual([]);

          const problems: string[] = [];
          for (const [key, source] of english) {
            const value = translated.get(key);
            if (typeof value !== 'string' || value.trim() === '') {
              problems.push(`${key}: not a non-empty string`);
              continue;
            }
            const expected = placeholders(source as string).join(',');
            const actual = placeholders(value).join(',');
            if (expected !== actual) {
              problems.push(`${key}: placeholders {${actual}} instead of {${expected}}`);
            }
            if (value === source && !needsNoTranslation(value)) {
              problems.push(`${key}: same as English ("${value}")`);
            }
          }
          expect(problems, `${lang}/${file}`).toEqual([]);
        });
      }
    });
  }
});
