import { describe, expect, it } from 'vitest';
import { parseTexts, textIn } from './texts';

describe('parseTexts and textIn', () => {
  it('reads texts by language and falls back to English, then any', () => {
    const texts = parseTexts('{"en":"Council","ko":"이사회","n":3}');
    expect(texts).toEqual({ en: 'Council', ko: '이사회' });
    expect(textIn(texts, 'ko')).toBe('이사회');
    expect(textIn(texts, 'ja')).toBe('Council');
    expect(textIn({ ja: '評議会' }, 'ko')).toBe('評議会');
  });

  it('shows a damaged value as no text rather than failing', () => {
    expect(parseTexts('{oops')).toEqual({});
    expect(parseTexts('[1]')).toEqual({});
    expect(parseTexts(null)).toEqual({});
  });
});
