import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayName, searchKey } from './names';

describe('searchKey', () => {
  it('folds case, width and spacing', () => {
    expect(searchKey('Kyoto')).toBe('kyoto');
    expect(searchKey('ＫＹＯＴＯ')).toBe('kyoto');
    expect(searchKey('New  Taipei')).toBe('newtaipei');
    expect(searchKey('Suwon-si')).toBe('suwonsi');
    expect(searchKey('京都市')).toBe('京都市');
    expect(searchKey('서울 특별시')).toBe('서울특별시');
  });

  it('is idempotent and never longer than its input after NFKC', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const k = searchKey(s);
        expect(searchKey(k)).toBe(k);
        expect(k.length).toBeLessThanOrEqual(s.normalize('NFKC').length);
      }),
    );
  });

  it('lets a substring of a name find the name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.nat(), (name, a, b) => {
        const key = searchKey(name);
        const start = Math.min(a, key.length);
        const end = Math.min(start + b, key.length);
        expect(key.includes(key.slice(start, end))).toBe(true);
      }),
    );
  });
});

describe('displayName', () => {
  const kyoto = { en: 'Kyoto', ja: '京都市', ko: '교토시' };
  const changchun = { en: 'Changchun', 'zh-Hans': '长春市' };

  it("shows the viewer's own language when the government has a name in it", () => {
    expect(displayName(kyoto, 'ja', 'ko')).toEqual({ primary: '교토시', secondary: null });
    expect(displayName(kyoto, 'ja', 'en')).toEqual({ primary: 'Kyoto', secondary: null });
  });

  it('falls back to the local script with the English name beside it', () => {
    expect(displayName(kyoto, 'ja', 'zh-Hant')).toEqual({ primary: '京都市', secondary: 'Kyoto' });
  });

  it('lets Traditional Chinese readers see the Simplified name before a transliteration', () => {
    expect(displayName(changchun, 'zh-Hans', 'zh-Hant')).toEqual({
      primary: '长春市',
      secondary: null,
    });
  });

  it('shows English alone when nothing else exists', () => {
    expect(displayName({ en: 'Bonn' }, 'de', 'ja')).toEqual({ primary: 'Bonn', secondary: null });
  });

  it('never returns an empty primary when some name exists', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('en', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'mn'),
          fc.string({ minLength: 1 }),
        ),
        fc.constantFrom('en', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'mn'),
        fc.constantFrom('en', 'ko', 'ja', 'zh-Hans', 'zh-Hant' as const),
        (names, local, viewer) => {
          fc.pre(Object.keys(names).length > 0);
          const d = displayName(names, local, viewer);
          expect(d.primary.length).toBeGreaterThan(0);
          expect(d.secondary).not.toBe(d.primary);
        },
      ),
    );
  });
});
