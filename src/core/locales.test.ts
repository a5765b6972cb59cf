import { describe, expect, it } from 'vitest';
import { findLocale, matchLocale } from './locales';

describe('matchLocale', () => {
  it.each([
    [['ko-KR', 'en'], 'ko'],
    [['ja'], 'ja'],
    [['zh-TW'], 'zh-Hant'],
    [['zh-HK'], 'zh-Hant'],
    [['zh-Hant-TW'], 'zh-Hant'],
    [['zh-CN'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['fr-FR', 'ja-JP'], 'ja'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ])('%j → %s', (prefs, expected) => {
    expect(matchLocale(prefs)).toBe(expected);
  });
});

describe('findLocale', () => {
  it.each([
    [['KO'], 'ko'],
    [['zh-hant'], 'zh-Hant'],
    [['en-GB'], 'en'],
    [['fr', 'de'], undefined],
    [['*'], undefined],
    [[], undefined],
  ])('%j → %s', (prefs, expected) => {
    expect(findLocale(prefs)).toBe(expected);
  });
});
