import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingKeysIn, missingVocabulary } from '../i18n/catalog-check';
import {
  GOVERNMENT_KINDS,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
  POSITION_TITLES,
} from '../../core/membership';
import { ROLES } from '../../core/roles';
import { TARGET_ORIGINS } from './merges';

/**
 * The admin pages, the form kit (src/web/forms, whose words stay in the admin catalog), the
 * admin frame and the sign-in page look their words up by key; a key missing from the
 * catalog would show the key itself. This reads the sources for the keys they use and checks
 * each one exists (the shared catalog test checks the other languages against English).
 */
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = [
  ...readdirSync(join(webDir, 'admin'))
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => join(webDir, 'admin', f)),
  ...readdirSync(join(webDir, 'forms'))
    .filter((f) => f.endsWith('.tsx') && !f.includes('.test'))
    .map((f) => join(webDir, 'forms', f)),
  join(webDir, 'app', 'AdminFrame.tsx'),
  join(webDir, 'auth', 'SignIn.tsx'),
  join(webDir, 'auth', 'PasswordPage.tsx'),
];

/**
 * The namespace a file's bare keys belong to: the one it asks useTranslation for when it asks
 * for one only (the editor asks for 'editor'), else 'admin' when it asks for it, else the
 * form kit's 'admin' default.
 */
function defaultNamespace(text: string): string {
  const asked = new Set([...text.matchAll(/useTranslation\('([^']+)'\)/g)].map((m) => m[1]));
  if (asked.size === 1) return [...asked][0] as string;
  if (asked.has('auth')) return 'auth';
  return 'admin';
}

describe('keys used by the admin and sign-in pages', () => {
  for (const file of sources) {
    it(`exist for ${file.slice(webDir.length + 1)}`, () => {
      const missing = missingKeysIn(file, defaultNamespace);
      expect(missing).toEqual([]);
    });
  }

  it('name every role, kind, category, status, title and target origin in every language', () => {
    const families: [string, readonly string[]][] = [
      ['roles', ROLES],
      ['kinds', GOVERNMENT_KINDS],
      ['categories', MEMBERSHIP_CATEGORIES],
      ['statuses', MEMBERSHIP_STATUSES],
      ['titles', POSITION_TITLES],
      ['duplicates.origins', TARGET_ORIGINS],
      ['dismissals.kinds', ['government', 'target']],
    ];
    const missing = missingVocabulary('admin', families);
    expect(missing).toEqual([]);
  });
});
