import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales';
import { catalog } from '../i18n/catalog-check';
import { importConfirmation } from './import-new-governments';

async function translator(lang: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: lang,
    ns: ['climate'],
    defaultNS: 'climate',
    resources: { [lang]: { climate: catalog(lang, 'climate') } },
    interpolation: { escapeValue: false },
  });
  return i18n.getFixedT(lang, 'climate');
}

const preview = {
  fileName: 'targets.csv',
  created: 1125,
  updated: 2,
  newGovernments: { count: 312, rows: 640 },
};

describe('the question asked before an import writes', () => {
  it('says what will be created and how many governments will be added', async () => {
    const t = await translator('en');
    expect(importConfirmation(t, 'en', preview, 'create')).toBe(
      'Import targets.csv now?\n' +
        '1,125 records will be created and 2 updated.\n' +
        '312 governments will be added to Accord as prospects.',
    );
  });

  it('says how many rows will be left out when the governments are not added', async () => {
    const t = await translator('en');
    expect(importConfirmation(t, 'en', preview, 'skip')).toBe(
      'Import targets.csv now?\n' +
        '1,125 records will be created and 2 updated.\n' +
        '640 rows about governments Accord does not know will be left out.',
    );
  });

  it('says nothing of governments when the file names none Accord does not know', async () => {
    const t = await translator('en');
    const known = { ...preview, created: 1, newGovernments: { count: 0, rows: 0 } };
    expect(importConfirmation(t, 'en', known, null)).toBe(
      'Import targets.csv now?\n1 record will be created and 2 updated.',
    );
  });

  for (const lang of LOCALES) {
    it(`${lang}: words both choices with their numbers, no key or placeholder left`, async () => {
      const t = await translator(lang);
      for (const choice of ['create', 'skip'] as const) {
        const text = importConfirmation(t, lang, preview, choice);
        expect(text).not.toMatch(/imports\.|\{\{/);
        expect(text).toContain(choice === 'create' ? '312' : '640');
        expect(text).toContain('targets.csv');
      }
    });
  }
});
