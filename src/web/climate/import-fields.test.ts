import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalog } from '../i18n/catalog-check';
import { LOCALES } from '../../core/locales';
import { importFieldName } from './import-fields';

/** Fields are named in the reader's language, the long tables' too; a key is never shown. */

async function translator(lang: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: lang,
    ns: ['climate'],
    defaultNS: 'climate',
    resources: { [lang]: { climate: catalog(lang, 'climate') } },
    interpolation: { escapeValue: false },
  });
  return i18n.t.bind(i18n);
}

describe('importFieldName', () => {
  it('names a field of each kind in English', async () => {
    const t = await translator('en');
    expect(importFieldName(t, 'cdp-emissions', 'scope1Total')).toBe('Scope 1 total (t CO₂e)');
    expect(importFieldName(t, 'cdp-emissions', 'lineValue')).toBe('Figure of the line (t CO₂e)');
    expect(importFieldName(t, 'nzt', 'idCode')).toBe('Tracker id');
  });

  it.each(LOCALES)('never shows a key in %s, even for a field the catalog lacks', async (lang) => {
    const t = await translator(lang);
    const name = importFieldName(t, 'cdp-emissions', 'scope2Lines');
    expect(name).not.toBe('scope2Lines');
    expect(name).not.toMatch(/^imports\./);
    expect(importFieldName(t, 'nzt', 'noSuchField')).toBe(t('imports.columnMap.field'));
  });
});
