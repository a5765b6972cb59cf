import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales';
import {
  GOVERNMENT_KINDS,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
  POSITION_TITLES,
} from '../../core/membership';
import { ROLES } from '../../core/roles';

/**
 * The admin pages and the sign-in page look their words up by key; a key missing from the
 * catalog would show the key itself. This reads the sources for the keys they use and checks
 * each one exists (the shared catalog test checks the other languages against English).
 */
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalog = (lang: string, ns: string) =>
  JSON.parse(readFileSync(join(webDir, 'i18n', 'locales', lang, `${ns}.json`), 'utf8')) as Record<
    string,
    unknown
  >;

function has(tree: Record<string, unknown>, key: string): boolean {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    const record = node as Record<string, unknown>;
    // Plural keys exist as key_one / key_other.
    node = record[part] ?? record[`${part}_other`];
  }
  return typeof node === 'string';
}

const sources = [
  ...readdirSync(join(webDir, 'admin'))
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => join(webDir, 'admin', f)),
  join(webDir, 'auth', 'SignIn.tsx'),
];

describe('keys used by the admin and sign-in pages', () => {
  for (const file of sources) {
    it(`exist for ${file.slice(webDir.length + 1)}`, () => {
      const text = readFileSync(file, 'utf8');
      const defaultNs = /useTranslation\('auth'\)/.test(text) ? 'auth' : 'admin';
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

  it('name every role, kind, category, status and title in every language', () => {
    const families: [string, readonly string[]][] = [
      ['roles', ROLES],
      ['kinds', GOVERNMENT_KINDS],
      ['categories', MEMBERSHIP_CATEGORIES],
      ['statuses', MEMBERSHIP_STATUSES],
      ['titles', POSITION_TITLES],
    ];
    const missing: string[] = [];
    for (const lang of LOCALES) {
      const admin = catalog(lang, 'admin');
      for (const [family, values] of families) {
        for (const value of values) {
          if (!has(admin, `${family}.${value}`)) missing.push(`${lang}: ${family}.${value}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
