import { describe, expect, it } from 'vitest';
import { JsonColumnError } from './json';
import { parseTexts, textIn } from './texts';

describe('parseTexts and textIn', () => {
  it('reads texts by language and falls back to English, then any', () => {
    const texts = parseTexts('{"en":"Council","ko":"이사회","n":3}');
    expect(texts).toEqual({ en: 'Council', ko: '이사회' });
    expect(textIn(texts, 'ko')).toBe('이사회');
    expect(textIn(texts, 'ja')).toBe('Council');
    expect(textIn({ ja: '評議会' }, 'ko')).toBe('評議会');
  });

  it('reads no stored text as no text', () => {
    expect(parseTexts(null)).toEqual({});
    expect(parseTexts('')).toEqual({});
  });

  it('names the row of a damaged value instead of showing it as no text', () => {
    expect(() => parseTexts('{oops', { table: 'bodies', id: 7 })).toThrow(
      'bodies 7: the stored JSON does not parse',
    );
    expect(() => parseTexts('[1]', { table: 'meetings', id: 3 })).toThrow(
      'meetings 3: the stored JSON does not parse',
    );
    expect(() => parseTexts('"just text"', { table: 'files', id: 9 })).toThrow(JsonColumnError);
  });
});
