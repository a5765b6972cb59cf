import { describe, expect, it } from 'vitest';
import { cleanTranslations, retitled } from './translations';

describe('translations of an original text', () => {
  it('keeps every other language when the original changes', () => {
    const texts = { en: 'Coal-free by 2023', ko: '2023년까지 탈석탄', ja: '2023年までに脱石炭' };
    expect(retitled(texts, 'Coal-free by 2023', 'Coal-free by 2025')).toEqual({
      en: 'Coal-free by 2025',
      ko: '2023년까지 탈석탄',
      ja: '2023年までに脱石炭',
    });
  });

  it('leaves the translations alone when no language held the original', () => {
    expect(retitled({ ko: '교토' }, '京都', '京都市')).toEqual({ ko: '교토' });
  });

  it('drops the original language when the original is cleared', () => {
    expect(retitled({ en: 'Chair', ko: '의장' }, 'Chair', null)).toEqual({ ko: '의장' });
  });

  it('trims and drops blank texts', () => {
    expect(cleanTranslations({ en: ' A ', ko: '  ', ja: undefined })).toEqual({ en: 'A' });
  });
});
