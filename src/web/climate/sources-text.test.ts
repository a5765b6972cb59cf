import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../i18n/catalog-check';
import { LOCALES } from '../../core/locales';
import { comparedText, excludedText, reportOrigin } from './sources-text';
import { kyotoTarget, report } from './fixtures.test-helpers';

/** The sentences the climate page makes from the API's codes, in English and in every catalog. */

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

describe('excludedText and comparedText', () => {
  let t: Awaited<ReturnType<typeof translator>>;
  beforeAll(async () => {
    t = await translator('en');
  });

  it('says why a year is not used', () => {
    expect(
      excludedText({ year: 2018, code: 'coverage', reported: 'scope-1-2', required: 'basic' }, t),
    ).toBe('Not comparable: 2018 reports scope 1+2; the target covers BASIC.');
    expect(
      excludedText({ year: 2019, code: 'boundary', reported: 'partial', required: 'city-wide' }, t),
    ).toBe(
      'Not comparable: the boundary of 2019 is “Part of the city”; the target’s is “City-wide”.',
    );
    expect(
      excludedText(
        { year: 2020, code: 'gases', reported: ['CO2'], required: ['CO2', 'CH4', 'N2O'] },
        t,
      ),
    ).toBe('Not comparable: 2020 reports CO₂; the target covers CO₂, CH₄, N₂O.');
  });

  it('names the total compared, and when it was assumed', () => {
    const a = kyotoTarget().assessment;
    expect(comparedText(a, t)).toBe('Compared with scope 1+2 totals.');
    expect(comparedText({ ...a, compared: 'basic', coverageAssumed: true }, t)).toBe(
      'Compared with BASIC totals: the target does not say what it covers, so BASIC is assumed.',
    );
    expect(comparedText({ ...a, compared: 'sectors' }, t)).toBe(
      'The target covers some sectors only; no city-wide total compares with it.',
    );
    expect(comparedText({ ...a, compared: null }, t)).toBeNull();
  });

  it('has the sentences in every language, with their parameters', async () => {
    for (const lang of LOCALES) {
      const tl = await translator(lang);
      const text = excludedText(
        { year: 2018, code: 'coverage', reported: 'scope-1-2', required: 'basic' },
        tl,
      );
      expect(text, lang).toContain('2018');
      expect(text, lang).not.toContain('{{');
      expect(text, lang).not.toContain('coverages.');
    }
  });
});

describe('reportOrigin', () => {
  it('names the report year, dataset, coverage and methodology of a report', async () => {
    const t = await translator('en');
    expect(
      reportOrigin(
        report({
          reportYear: 2019,
          dataset: 'cdp-emissions',
          basic: 1,
          protocol: 'GPC',
          gases: 'CO2, CH4',
          boundary: 'city-wide',
        }),
        t,
      ),
    ).toEqual([
      'reported in 2019',
      'imported from CDP cities: city-wide emissions',
      'covers BASIC',
      'methodology: GPC',
      'gases: CO₂, CH₄',
      'boundary: City-wide',
    ]);
    expect(reportOrigin(report({ total: 5 }), t)).toEqual(['covers a total of unstated coverage']);
  });
});
