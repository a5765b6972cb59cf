import { describe, expect, it } from 'vitest';
import { fallbackLanguage, orderLanguages, pickLanguage, pickText, postLanguage } from './language';

describe('pickLanguage', () => {
  it("takes the reader's own language first", () => {
    expect(pickLanguage(['en', 'ko', 'ja'], 'ko')).toBe('ko');
  });

  it('gives a Chinese reader the other Chinese script before English', () => {
    expect(pickLanguage(['en', 'zh-Hant'], 'zh-Hans')).toBe('zh-Hant');
    expect(pickLanguage(['zh-Hans', 'en'], 'zh-Hant')).toBe('zh-Hans');
  });

  it('falls back to English, then to the first language there is', () => {
    expect(pickLanguage(['ja', 'en'], 'ko')).toBe('en');
    expect(pickLanguage(['ja', 'zh-Hans'], 'ko')).toBe('ja');
    expect(pickLanguage([], 'ko')).toBeNull();
  });
});

describe('pickText', () => {
  it('returns the text with the language it is in', () => {
    expect(pickText({ en: 'Kyoto', ja: '京都市' }, 'ja')).toEqual({ text: '京都市', lang: 'ja' });
    expect(pickText({ en: 'Kyoto', ja: '京都市' }, 'ko')).toEqual({ text: 'Kyoto', lang: 'en' });
  });

  it('skips empty texts and says when there is nothing', () => {
    expect(pickText({ ko: '', ja: '京都市' }, 'ko')).toEqual({ text: '京都市', lang: 'ja' });
    expect(pickText({}, 'en')).toBeNull();
  });
});

describe('postLanguage', () => {
  it('honours the switcher when the post has that language', () => {
    expect(postLanguage(['en', 'ko'], 'ko', 'en', 'en')).toBe('ko');
  });

  it("ignores a language the post lacks and picks for the reader's locale", () => {
    expect(postLanguage(['en', 'ko'], 'ja', 'ko', 'en')).toBe('ko');
    expect(postLanguage(['en', 'ko'], null, 'zh-Hant', 'ko')).toBe('en');
  });

  it('keeps the language the API served when the post lists no languages', () => {
    expect(postLanguage([], null, 'ja', 'ko')).toBe('ko');
  });
});

describe('fallbackLanguage', () => {
  it("names the language only when it differs from the reader's", () => {
    expect(fallbackLanguage('en', 'ko')).toBe('en');
    expect(fallbackLanguage('ko', 'ko')).toBeNull();
    expect(fallbackLanguage('zh-Hant', 'zh-Hans')).toBe('zh-Hant');
  });
});

describe('orderLanguages', () => {
  it("lists Accord's languages in the switcher's order and unknown ones after", () => {
    expect(orderLanguages(['zh-Hant', 'fr', 'ko', 'en'])).toEqual(['en', 'ko', 'zh-Hant', 'fr']);
  });
});
