import { describe, expect, it } from 'vitest';
import { acceptedLanguages, negotiateLocale } from './negotiate';

describe('acceptedLanguages', () => {
  it('ranks by weight, keeps the order of equal weights, leaves out q=0 and *', () => {
    expect(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual([
      'fr-CH',
      'fr',
      'en',
      'de',
    ]);
    expect(acceptedLanguages('ja;q=0.5, ko;q=0.8, en')).toEqual(['en', 'ko', 'ja']);
    expect(acceptedLanguages('ko;q=0, ja')).toEqual(['ja']);
    expect(acceptedLanguages(['zh-TW', 'en;q=0.1'])).toEqual(['zh-TW', 'en']);
  });

  it('reads nothing from nothing or nonsense', () => {
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('')).toEqual([]);
    expect(acceptedLanguages(' , ;q=1')).toEqual([]);
    expect(acceptedLanguages('ko;q=2, ja;q=abc')).toEqual([]);
  });
});

describe('negotiateLocale', () => {
  it.each([
    [{ lang: 'ko', acceptLanguage: 'ja' }, 'ko'],
    [{ lang: 'ko-KR' }, 'ko'],
    [{ lang: 'zh-TW' }, 'zh-Hant'],
    [{ lang: 'ZH-HANS' }, 'zh-Hans'],
    // A language Accord lacks in `lang` leaves the choice to the header.
    [{ lang: 'fr', acceptLanguage: 'ja-JP,ja;q=0.9' }, 'ja'],
    [{ acceptLanguage: 'fr-FR, zh-HK;q=0.8, en;q=0.5' }, 'zh-Hant'],
    [{ acceptLanguage: 'ja;q=0.3, ko;q=0.6' }, 'ko'],
    [{ acceptLanguage: 'fr, de' }, 'en'],
    [{ lang: 'fr' }, 'en'],
    [{}, 'en'],
  ])('%j → %s', (request, expected) => {
    expect(negotiateLocale(request)).toBe(expected);
  });
});
