import { describe, expect, it } from 'vitest';
import { compareRanked, matchTier, nameRank, searchRank } from './search-rank';

describe('search ranking', () => {
  it('tells an exact name from a prefix from a name that merely contains the query', () => {
    expect(matchTier('京都市', '京都市')).toBe(0);
    expect(matchTier('京都市', '京都')).toBe(1);
    expect(matchTier('東京都', '京都')).toBe(2);
    expect(matchTier('大阪市', '京都')).toBeNull();
  });

  it('puts a name in the viewer language before one in another at the same tier', () => {
    // 2 × tier + (not the viewer's language ? 1 : 0)
    expect(nameRank({ lang: 'ja', search_key: '京都市' }, '京都', 'ja')).toBe(2);
    expect(nameRank({ lang: 'zh-Hans', search_key: '京都市' }, '京都', 'ja')).toBe(3);
    expect(nameRank({ lang: 'ja', search_key: '東京都' }, '京都', 'ja')).toBe(4);
    expect(nameRank({ lang: null, search_key: 'kyotocity' }, 'kyoto', 'en')).toBe(3);
    expect(nameRank({ lang: 'en', search_key: 'kyoto' }, 'kyoto', 'en')).toBe(0);
    // A Chinese reader reads both scripts.
    expect(nameRank({ lang: 'zh-Hans', search_key: '北京市' }, '北京', 'zh-Hant')).toBe(2);
  });

  it('ranks a government by its best name', () => {
    const kyoto = [
      { lang: 'ja', search_key: '京都市' },
      { lang: 'en', search_key: 'kyoto' },
      { lang: null, search_key: 'kyōtocity' },
    ];
    expect(searchRank(kyoto, '京都', 'ja')).toBe(2);
    expect(searchRank(kyoto, '京都', 'en')).toBe(3);
    expect(searchRank(kyoto, 'kyoto', 'en')).toBe(0);
    expect(searchRank(kyoto, 'kyoto', 'ja')).toBe(1);
    expect(searchRank(kyoto, 'city', 'en')).toBe(5);
    expect(searchRank(kyoto, 'osaka', 'en')).toBeNull();
  });

  it('lists 京都市 before 東京都 for 京都, then by name, then by id', () => {
    const found = [
      { id: 1, rank: 4, sortKey: '東京都' },
      { id: 3, rank: 2, sortKey: '京都府' },
      { id: 2, rank: 2, sortKey: '京都市' },
      { id: 4, rank: 2, sortKey: '京都市' },
    ].sort(compareRanked);
    expect(found.map((g) => g.id)).toEqual([2, 4, 3, 1]);
  });

  it('compares keys by code point, as the databases do', () => {
    // UTF-16 order would put U+1F600 (a surrogate pair, 0xD83D…) before U+FF21 (Ａ).
    const found = [
      { id: 1, rank: 0, sortKey: '\u{1F600}' },
      { id: 2, rank: 0, sortKey: '\uFF21' },
    ].sort(compareRanked);
    expect(found.map((g) => g.id)).toEqual([2, 1]);
  });
});
