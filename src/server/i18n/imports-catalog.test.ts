import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  IMPORT_ENTITY_KINDS,
  IMPORT_REASON_CODES,
  NOT_KEPT_BECAUSE,
  PERIOD_PARTS,
  TARGET_ORIGINS,
  TARGET_RECORD_FIELDS,
  VALUE_PROBLEM_CODES,
} from '../../core/climate/import-reasons';
import { IMPORT_KINDS, IMPORT_ROW_ACTIONS, TARGET_TYPES } from '../../core/climate/types';
import { LOCALES } from '../../core/locales';
import {
  CDP_EMISSION_FIELDS,
  CDP_TARGET_FIELDS,
  NZT_FIELDS,
} from '../climate/imports/layout-fields';
import { CATALOGS } from './catalogs';
import { flatten } from './test-support';

/**
 * The imports catalog says an import's outcomes in the CSV report and the API's English
 * `reason`; the web says the same from its own (`importReasons`, and the climate catalog's
 * field names). Every code the core defines has its words in every language, and the server's
 * words are the web's, so a reader sees one wording on the page and in the file.
 */

const webCatalog = (lang: string, ns: string) =>
  flatten(
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL(`../../web/i18n/locales/${lang}/${ns}.json`, import.meta.url)),
        'utf8',
      ),
    ),
  );

/** Whether a key leads to a text, as itself or as a plural (key_one / key_other). */
const has = (catalog: Map<string, unknown>, key: string) =>
  typeof catalog.get(key) === 'string' ||
  (typeof catalog.get(`${key}_one`) === 'string' &&
    typeof catalog.get(`${key}_other`) === 'string');

const FIELDS = {
  'cdp-targets': CDP_TARGET_FIELDS,
  'cdp-emissions': CDP_EMISSION_FIELDS,
  nzt: NZT_FIELDS,
} as const;

describe('the imports catalog', () => {
  for (const lang of LOCALES) {
    const server = flatten(CATALOGS[lang].imports);

    it(`${lang}: words every code of the core, every field and every column of the report`, () => {
      const families: [string, readonly string[]][] = [
        ['reasons', [...IMPORT_REASON_CODES, 'states-target-of-other-source-filling']],
        ['problems', VALUE_PROBLEM_CODES],
        ['periodParts', PERIOD_PARTS],
        ['notKeptBecause', NOT_KEPT_BECAUSE],
        ['origins', TARGET_ORIGINS],
        ['trackerTargets', ['end', 'interim']],
        ['entities', [...IMPORT_ENTITY_KINDS, 'emission-report-rows', 'noYear']],
        ['target', ['withYear', 'withoutYear']],
        ['record', ['report']],
        ['targetFields', TARGET_RECORD_FIELDS],
        ['targetTypes', TARGET_TYPES],
        ['report.actions', IMPORT_ROW_ACTIONS],
        ['report.headers', ['row', 'action', 'government', 'entity', 'reason', 'fields']],
        ...IMPORT_KINDS.map((kind): [string, readonly string[]] => [
          `fields.${kind}`,
          FIELDS[kind],
        ]),
      ];
      const missing = families.flatMap(([family, keys]) =>
        keys.map((key) => `${family}.${key}`).filter((key) => !has(server, key)),
      );
      expect(missing).toEqual([]);
      expect(has(server, 'rowNumber') && has(server, 'fieldUnknown')).toBe(true);
    });

    it(`${lang}: says what the web says, word for word`, () => {
      const reasons = webCatalog(lang, 'importReasons');
      const climate = webCatalog(lang, 'climate');
      const differ: string[] = [];
      for (const [key, value] of server) {
        const [family] = key.split('.');
        const web =
          family === 'fields'
            ? climate.get(`imports.${key}`)
            : family === 'targetFields'
              ? climate.get(`fields.${key.slice('targetFields.'.length)}`)
              : family === 'targetTypes'
                ? climate.get(key)
                : family === 'report' || key === 'fieldUnknown'
                  ? value
                  : reasons.get(key);
        if (web !== value)
          differ.push(`${key}: "${String(value)}" but the web says "${String(web)}"`);
      }
      expect(differ).toEqual([]);
    });
  }

  it('has no code the core does not define', () => {
    const english = flatten(CATALOGS.en.imports);
    const keysOf = (family: string) =>
      [...english.keys()]
        .filter((k) => k.startsWith(`${family}.`))
        .map((k) => k.slice(family.length + 1).replace(/_(one|other)$/, ''));
    expect(new Set(keysOf('reasons'))).toEqual(
      new Set([...IMPORT_REASON_CODES, 'states-target-of-other-source-filling']),
    );
    expect(new Set(keysOf('problems'))).toEqual(new Set(VALUE_PROBLEM_CODES));
    expect(new Set(keysOf('notKeptBecause'))).toEqual(new Set(NOT_KEPT_BECAUSE));
  });
});
