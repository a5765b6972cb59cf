// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';

/**
 * `<html lang>` names the language the page is shown in, from before the first render (screen
 * readers pick their voice by it, and axe's html-has-lang / html-lang-valid check it) and after
 * each change of language.
 */
describe('the page language', () => {
  it('is the reader language before the catalogs come, and follows each change', async () => {
    localStorage.setItem('accord.locale', 'ko');
    document.documentElement.lang = 'en';
    const { default: i18n, changeLocale, i18nReady } = await import('./index');
    expect(document.documentElement.lang).toBe('ko');
    await i18nReady;
    expect([i18n.language, document.documentElement.lang]).toEqual(['ko', 'ko']);
    for (const locale of ['zh-Hant', 'ja', 'en', 'zh-Hans'] as const) {
      await changeLocale(locale);
      expect(document.documentElement.lang).toBe(locale);
    }
    expect(localStorage.getItem('accord.locale')).toBe('zh-Hans');
  });
});
