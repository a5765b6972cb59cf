import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales';
import { CATALOGS } from '../i18n/catalogs';

/**
 * The members file names categories, statuses and kinds of government as the web does, and its
 * income groups as the membership pages do: a file and the page it came from say the same words.
 */
const webCatalog = (lang: string, ns: string) =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../web/i18n/locales/${lang}/${ns}.json`, import.meta.url)),
      'utf8',
    ),
  ) as Record<string, Record<string, string>>;

describe('the words of the membership exports', () => {
  for (const lang of LOCALES) {
    it(`say in ${lang} what the web says`, () => {
      const words = CATALOGS[lang].exports.membership as Record<string, unknown>;
      const common = webCatalog(lang, 'common');
      expect(words.categories).toEqual(common.categories);
      expect(words.statuses).toEqual(common.statuses);
      expect(words.kinds).toEqual(common.kinds);
      expect(words.incomeGroups).toEqual(webCatalog(lang, 'membership').incomeGroups);
    });
  }
});
