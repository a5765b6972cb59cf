import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales';
import { PROBLEM_CODES, PROBLEM_PARAM_VALUES, type ProblemCode } from '../../core/problems';

/**
 * Every problem code the server can give (src/core/problems.ts) has words in all five
 * languages, in the `problems` catalog, using no placeholder the code does not give; and every
 * value of a vocabulary parameter (a kind of record) has its word.
 */
const localesDir = join(dirname(fileURLToPath(import.meta.url)), 'locales');

interface ProblemsCatalog {
  codes: Record<string, string>;
  values: Record<string, Record<string, string>>;
}

const catalogs = Object.fromEntries(
  LOCALES.map((lang) => [
    lang,
    JSON.parse(readFileSync(join(localesDir, lang, 'problems.json'), 'utf8')) as ProblemsCatalog,
  ]),
);

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1] ?? '');

describe('the problems catalog', () => {
  for (const lang of LOCALES) {
    it(`has words for every problem code in ${lang}`, () => {
      const codes = catalogs[lang]?.codes ?? {};
      const missing = (Object.keys(PROBLEM_CODES) as ProblemCode[]).filter(
        (code) => !codes[code]?.trim(),
      );
      expect(missing).toEqual([]);
    });

    it(`uses only the parameters each code gives in ${lang}`, () => {
      const codes = catalogs[lang]?.codes ?? {};
      const wrong = Object.entries(codes).flatMap(([code, text]) => {
        const given: readonly string[] = PROBLEM_CODES[code as ProblemCode] ?? [];
        return placeholders(text)
          .filter((p) => !given.includes(p))
          .map((p) => `${code}: {{${p}}}`);
      });
      expect(wrong).toEqual([]);
    });

    it(`says every value of a vocabulary parameter in ${lang}`, () => {
      const values = catalogs[lang]?.values ?? {};
      const missing = Object.entries(PROBLEM_PARAM_VALUES).flatMap(([param, all]) =>
        all.filter((v) => !values[param]?.[v]?.trim()).map((v) => `${param}.${v}`),
      );
      expect(missing).toEqual([]);
    });
  }

  it('has no words for codes the server does not give', () => {
    const extra = Object.keys(catalogs.en?.codes ?? {}).filter((c) => !(c in PROBLEM_CODES));
    expect(extra).toEqual([]);
  });
});
