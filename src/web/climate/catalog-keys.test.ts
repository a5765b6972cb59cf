import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales';
import { GPC_SECTORS, GPC_SUBSECTORS } from '../../core/climate/gpc';
import {
  ACTION_STATUSES,
  ASSESSMENT_STATUSES,
  GWP_SETS,
  NET_ZERO_LABELS,
  NOT_ASSESSABLE_REASONS,
  NOTATION_KEYS,
  TARGET_BOUNDARIES,
  TARGET_STATUSES,
  TARGET_TYPES,
} from '../../core/climate/types';
import { IMPORT_KINDS, IMPORT_ROW_ACTIONS } from './types';

/**
 * The climate pages look their words up by key; a key missing from the catalog would show the
 * key itself. This reads the sources for the literal keys they use, and checks that every value
 * of the climate vocabularies (statuses, types, GPC sectors…) has its name in every language.
 */
const here = dirname(fileURLToPath(import.meta.url));
const catalog = (lang: string, ns: string) =>
  JSON.parse(
    readFileSync(join(here, '..', 'i18n', 'locales', lang, `${ns}.json`), 'utf8'),
  ) as Record<string, unknown>;

function has(tree: Record<string, unknown>, key: string): boolean {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

const sources = readdirSync(here).filter(
  (f) => (f.endsWith('.tsx') || f.endsWith('.ts')) && !f.includes('.test'),
);

describe('keys used by the climate pages', () => {
  for (const file of sources) {
    it(`exist for ${file}`, () => {
      const text = readFileSync(join(here, file), 'utf8');
      const defaultNs = /useTranslation\('common'\)/.test(text) ? 'common' : 'climate';
      const missing: string[] = [];
      for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) {
        const raw = match[1] as string;
        const [ns, key] = raw.includes(':')
          ? (raw.split(':') as [string, string])
          : [defaultNs, raw];
        if (!has(catalog('en', ns), key)) missing.push(`${ns}:${key}`);
      }
      expect(missing).toEqual([]);
    });
  }

  it('name every value of the climate vocabularies in every language', () => {
    const families: [string, readonly string[]][] = [
      ['status', ASSESSMENT_STATUSES],
      ['notAssessable', NOT_ASSESSABLE_REASONS],
      ['targetTypes', TARGET_TYPES],
      ['targetForm.typeHints', TARGET_TYPES],
      ['netZeroLabels', NET_ZERO_LABELS],
      ['targetStatuses', TARGET_STATUSES],
      ['boundaries', TARGET_BOUNDARIES],
      ['actionStatuses', ACTION_STATUSES],
      ['notationKeys', NOTATION_KEYS],
      ['gwpSets', GWP_SETS],
      ['gpc.sectors', GPC_SECTORS.map((s) => s.code)],
      ['gpc.subsectors', GPC_SUBSECTORS.map((s) => s.code.replace(/\./g, '_'))],
      ['imports.kinds', IMPORT_KINDS],
      ['imports.kindHints', IMPORT_KINDS],
      ['imports.actions', IMPORT_ROW_ACTIONS],
      ['history.changes', ['create', 'update', 'delete', 'restore']],
      [
        'notices',
        ['target-saved', 'target-created', 'action-saved', 'action-created', 'inventory-saved'],
      ],
    ];
    const missing: string[] = [];
    for (const lang of LOCALES) {
      const climate = catalog(lang, 'climate');
      for (const [family, values] of families) {
        for (const value of values) {
          if (!has(climate, `${family}.${value}`)) missing.push(`${lang}: ${family}.${value}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
