import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalog } from '../i18n/catalog-check';
import { LOCALES } from '../../core/locales';
import { INTENSITY_UNITS } from '../../core/climate/types';
import { intensityUnitText } from './intensity-unit';

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

describe('intensityUnitText', () => {
  it('names the units an importer writes in words, never by their codes', async () => {
    const t = await translator('en');
    expect(intensityUnitText(t, 'per-capita')).toBe('person');
    expect(intensityUnitText(t, 'per-gdp')).toBe('unit of GDP');
    expect(
      t('summary.intensity', {
        percent: '65%',
        unit: intensityUnitText(t, 'per-gdp'),
        baseYear: '2005',
        year: '2030',
      }),
    ).toBe('65% lower emissions per unit of GDP than in 2005 by 2030');
  });

  it('keeps a unit typed by hand as typed, and says none with a dash', async () => {
    const t = await translator('ko');
    expect(intensityUnitText(t, 'resident')).toBe('resident');
    expect(intensityUnitText(t, null)).toBe('—');
    expect(intensityUnitText(t, '  ')).toBe('—');
  });

  it.each(LOCALES)('has a word for every unit code in %s', async (lang) => {
    const t = await translator(lang);
    for (const unit of INTENSITY_UNITS) {
      const text = intensityUnitText(t, unit);
      expect(text).not.toBe(unit);
      expect(text).not.toMatch(/intensityUnits|per-/);
    }
  });
});
