import { describe, expect, it } from 'vitest';
import { translated } from './translated';

describe('a text by language as the reader sees it', () => {
  const titles = {
    en: 'Coal-free by 2023',
    ko: '2023년까지 탈석탄',
    'zh-Hans': '到2023年实现无煤',
  };

  it('gives the reader their language', () => {
    expect(translated(titles, 'Coal-free by 2023', 'ko')).toBe('2023년까지 탈석탄');
  });

  it('gives a Chinese reader the other script before the text as entered', () => {
    expect(translated(titles, 'Coal-free by 2023', 'zh-Hant')).toBe('到2023年实现无煤');
  });

  it('falls back to the text as entered, not to a translation', () => {
    expect(translated({ ko: '교토 목표' }, '京都の目標', 'ja')).toBe('京都の目標');
    expect(translated({}, 'Eco-mobility programme', 'ko')).toBe('Eco-mobility programme');
  });
});
