import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainFormulas } from '../../core/climate/formulas';
import { GPC_SECTORS, GPC_SUBSECTORS } from '../../core/climate/gpc';
import { LOCALES } from '../../core/locales';
import { CATALOGS, NAMESPACES } from './catalogs';
import {
  englishLeft,
  englishProblems,
  flatten,
  placeholders,
  translationProblems,
} from './test-support';

const LOCALES_DIR = fileURLToPath(new URL('./locales/', import.meta.url));
const OTHERS = LOCALES.filter((l) => l !== 'en');

function fileOf(lang: string, ns: string): unknown {
  return JSON.parse(readFileSync(`${LOCALES_DIR}${lang}/${ns}.json`, 'utf8')) as unknown;
}

describe('the server catalogs', () => {
  it('has a folder per language, each with a file per namespace, all of them loaded', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...LOCALES].sort());
    for (const lang of LOCALES) {
      expect(readdirSync(`${LOCALES_DIR}${lang}`).sort(), lang).toEqual(
        NAMESPACES.map((ns) => `${ns}.json`).sort(),
      );
      // A file on disk that catalogs.ts does not import would never be read.
      for (const ns of NAMESPACES)
        expect(CATALOGS[lang][ns], `${lang}/${ns}`).toEqual(fileOf(lang, ns));
    }
  });

  it('writes chemical formulas with subscripts (CO₂e, CH₄), never CO2e', () => {
    const found: string[] = [];
    for (const lang of LOCALES) {
      for (const ns of NAMESPACES) {
        for (const [key, value] of flatten(CATALOGS[lang][ns])) {
          const plain = typeof value === 'string' ? plainFormulas(value) : [];
          if (plain.length > 0) found.push(`${lang}/${ns} ${key}: ${plain.join(', ')}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  for (const ns of NAMESPACES) {
    const english = flatten(CATALOGS.en[ns]);

    it(`${ns}: English is whole (texts, plural pairs with {{count}})`, () => {
      expect(english.size).toBeGreaterThan(0);
      expect(englishProblems(english)).toEqual([]);
    });

    for (const lang of OTHERS) {
      it(`${ns}: ${lang} has every key English has and no other, translated, same placeholders`, () => {
        expect(translationProblems(english, flatten(CATALOGS[lang][ns]))).toEqual([]);
      });
    }
  }
});

describe('the catalog checks', () => {
  const english = new Map<string, unknown>([
    ['total', 'Total (t CO₂e, {{gwpSet}} GWP100)'],
    ['rows_one', '{{count}} row'],
    ['rows_other', '{{count}} rows'],
  ]);

  it('pass a good translation', () => {
    const korean = new Map<string, unknown>([
      ['total', '합계(톤 CO₂e, {{gwpSet}} GWP100)'],
      ['rows_one', '{{count}}행'],
      ['rows_other', '{{count}}행'],
    ]);
    expect(englishProblems(english)).toEqual([]);
    expect(translationProblems(english, korean)).toEqual([]);
  });

  it('catch a missing key, an extra key, other placeholders and English left in', () => {
    const planted = new Map<string, unknown>([
      ['total', '합계(톤 CO₂e, {{set}} GWP100)'],
      ['rows_one', '{{count}} row'],
      ['rows_few', '{{count}}행'],
    ]);
    expect(translationProblems(english, planted)).toEqual([
      'rows_other: missing',
      'rows_few: not in English',
      'total: {set} instead of {gwpSet}',
      'rows_one: English left ("row")',
    ]);
  });

  it('catch a plural without its pair or its count in English', () => {
    const planted = new Map<string, unknown>([['files_other', 'files']]);
    expect(englishProblems(planted)).toEqual([
      'files: no _one',
      'files_other: a plural without {{count}}',
    ]);
  });

  it('let codes through and nothing else', () => {
    expect(englishLeft('CO₂（トン）, HFCs(톤 CO₂e), BASIC+ 합계, GPC代码, {{gas}}')).toBe('');
    expect(englishLeft('BASIC total')).toBe('total');
    expect(placeholders('{{a}} {{b, number}} {{a}}')).toEqual(['a', 'b']);
  });
});

describe('the exports catalog', () => {
  /** The web's words for the same things, read as text: the server does not import the web. */
  const webClimate = (lang: string) =>
    flatten(
      JSON.parse(
        readFileSync(
          fileURLToPath(new URL(`../../web/i18n/locales/${lang}/climate.json`, import.meta.url)),
          'utf8',
        ),
      ),
    );

  it('names every GPC sector and sub-sector, in English as the GPC does', () => {
    const english = flatten(CATALOGS.en.exports);
    for (const sector of GPC_SECTORS) {
      expect(english.get(`gpc.sectors.${sector.code}`), sector.code).toBe(sector.name);
    }
    for (const subsector of GPC_SUBSECTORS) {
      const key = `gpc.subsectors.${subsector.code.replace('.', '_')}`;
      expect(english.get(key), subsector.code).toBe(subsector.name);
    }
    expect([...english.keys()].filter((k) => k.startsWith('gpc.'))).toHaveLength(
      GPC_SECTORS.length + GPC_SUBSECTORS.length,
    );
  });

  for (const lang of OTHERS) {
    it(`says in ${lang} what the web says: sectors, sub-sectors, sources, boundaries`, () => {
      const web = webClimate(lang);
      const differ = [...flatten(CATALOGS[lang].exports)]
        .filter(([key]) => /^(gpc|sources|boundaries)\./.test(key))
        .filter(([key, value]) => web.get(key) !== value)
        .map(
          ([key, value]) => `${key}: "${String(value)}" but the web says "${String(web.get(key))}"`,
        );
      expect(differ).toEqual([]);
    });
  }
});
