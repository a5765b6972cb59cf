import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chooseLanguage,
  chooseText,
  displayName,
  displayNameText,
  personDisplayName,
  personNameText,
  searchKey,
  textFor,
  translatedText,
} from './names';

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
    expect(displayName(kyoto, 'ja', 'ko')).toEqual({
      primary: '교토시',
      lang: 'ko',
      secondary: null,
    });
    expect(displayName(kyoto, 'ja', 'en')).toEqual({
      primary: 'Kyoto',
      lang: 'en',
      secondary: null,
    });
  });

  it('falls back to the local script with the English name beside it', () => {
    expect(displayName(kyoto, 'ja', 'zh-Hant')).toEqual({
      primary: '京都市',
      lang: 'ja',
      secondary: 'Kyoto',
    });
  });

  it('lets Traditional Chinese readers see the Simplified name before a transliteration', () => {
    expect(displayName(changchun, 'zh-Hans', 'zh-Hant')).toEqual({
      primary: '长春市',
      lang: 'zh-Hans',
      secondary: null,
    });
  });

  it('shows English alone when nothing else exists', () => {
    expect(displayName({ en: 'Bonn' }, 'de', 'ja')).toEqual({
      primary: 'Bonn',
      lang: 'en',
      secondary: null,
    });
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
          fc.pre(Object.values(names).some((n) => n.trim() !== ''));
          const d = displayName(names, local, viewer);
          expect(d.primary.length).toBeGreaterThan(0);
          expect(d.secondary).not.toBe(d.primary);
        },
      ),
    );
  });
});

const LANGS = ['en', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'mn'] as const;
const anyTexts = fc.dictionary(
  fc.constantFrom(...LANGS),
  fc.string({ minLength: 0, maxLength: 6 }),
);
const reader = fc.constantFrom('en', 'ko', 'ja', 'zh-Hans', 'zh-Hant');

describe('chooseText', () => {
  const title = { en: 'Executive Committee', ja: '執行委員会', 'zh-Hant': '執行委員會' };

  it("gives the reader's own language, with the language", () => {
    expect(chooseText(title, 'ja')).toEqual({ text: '執行委員会', lang: 'ja' });
  });

  it('gives a Simplified Chinese reader the Traditional text before the English one', () => {
    expect(chooseText(title, 'zh-Hans')).toEqual({ text: '執行委員會', lang: 'zh-Hant' });
  });

  it('gives a Korean reader English when there is no Korean, and never a local script first', () => {
    expect(chooseText(title, 'ko')).toEqual({ text: 'Executive Committee', lang: 'en' });
  });

  it('gives whatever exists when neither the reader’s language nor English does', () => {
    expect(chooseText({ mn: 'Зөвлөл' }, 'ko')).toEqual({ text: 'Зөвлөл', lang: 'mn' });
  });

  it('counts blank texts as missing, and answers null when all are', () => {
    expect(chooseText({ ja: ' ', en: 'Council' }, 'ja')).toEqual({ text: 'Council', lang: 'en' });
    expect(chooseText({ ja: '' }, 'ja')).toBeNull();
    expect(textFor({}, 'ja')).toBe('');
  });

  it('chooses among languages by the same rule', () => {
    expect(chooseLanguage(['en', 'zh-Hans'], 'zh-Hant')).toBe('zh-Hans');
    expect(chooseLanguage(['ko', 'en'], 'ja')).toBe('en');
    expect(chooseLanguage(['ko', 'ja'], 'en')).toBe('ko');
    expect(chooseLanguage([], 'en')).toBeNull();
  });

  it('always answers one of the given texts, and the reader’s own whenever it exists', () => {
    fc.assert(
      fc.property(anyTexts, reader, (texts, r) => {
        const chosen = chooseText(texts, r);
        const written = Object.entries(texts).filter(([, v]) => v.trim() !== '');
        if (written.length === 0) {
          expect(chosen).toBeNull();
          return;
        }
        expect(chosen).not.toBeNull();
        expect(texts[chosen!.lang]).toBe(chosen!.text);
        const own = texts[r];
        if (own !== undefined && own.trim() !== '') expect(chosen).toEqual({ text: own, lang: r });
      }),
    );
  });
});

describe('displayName, by property', () => {
  it('answers one of the names, the English one beside only, and the reader’s own alone', () => {
    fc.assert(
      fc.property(
        anyTexts,
        fc.option(fc.constantFrom(...LANGS), { nil: undefined }),
        reader,
        (names, local, r) => {
          const d = displayName(names, local, r);
          const values = Object.values(names).filter((v) => v.trim() !== '');
          if (values.length === 0) {
            expect(d.primary).toBe('');
            return;
          }
          expect(names[d.lang]).toBe(d.primary);
          if (d.secondary !== null) {
            expect(d.secondary).toBe(names.en);
            expect(d.secondary).not.toBe(d.primary);
          }
          const own = names[r];
          if (own !== undefined && own.trim() !== '') {
            expect(d).toEqual({ primary: own, lang: r, secondary: null });
          }
        },
      ),
    );
  });

  it('writes the English name in brackets in plain text', () => {
    expect(displayNameText({ en: 'Kyoto', ja: '京都市' }, 'ja', 'ko')).toBe('京都市 (Kyoto)');
    expect(displayNameText({ en: 'Kyoto', ja: '京都市' }, 'ja', 'ja')).toBe('京都市');
  });
});

describe('translatedText', () => {
  const titles = { ko: '2050년까지 배출 제로', 'zh-Hant': '2050年零排放', en: 'Net zero by 2050' };

  it('gives the reader’s language, then the other Chinese script, then the text as entered', () => {
    expect(translatedText(titles, 'Zero emissions by 2050', 'ko')).toBe('2050년까지 배출 제로');
    expect(translatedText(titles, 'Zero emissions by 2050', 'zh-Hans')).toBe('2050年零排放');
    // The original comes before a translation into English for a reader of neither.
    expect(translatedText(titles, 'Zero emissions by 2050', 'ja')).toBe('Zero emissions by 2050');
    expect(translatedText({ ko: '  ' }, 'Zero emissions by 2050', 'ko')).toBe(
      'Zero emissions by 2050',
    );
  });

  it('is, by property, the reader’s own text when there is one, else the other script’s or the original', () => {
    fc.assert(
      fc.property(anyTexts, fc.string({ minLength: 1 }), reader, (texts, original, r) => {
        const out = translatedText(texts, original, r);
        const own = texts[r];
        if (own !== undefined && own.trim() !== '') expect(out).toBe(own);
        else expect([original, ...Object.values(texts)]).toContain(out);
      }),
    );
  });
});

describe('personDisplayName', () => {
  const kadokawa = { fullName: 'Daisaku Kadokawa', names: { ja: '門川大作' } };
  const hsieh = { fullName: 'Cheng-Ta Hsieh', names: { 'zh-Hant': '謝政達' } };

  it('writes a person in the reader’s script when recorded', () => {
    expect(personNameText(kadokawa, 'ja')).toBe('門川大作');
    expect(personNameText(kadokawa, 'en')).toBe('Daisaku Kadokawa');
  });

  it('writes the local script with the English name beside it for other readers', () => {
    expect(personDisplayName(kadokawa, 'ko')).toEqual({
      primary: '門川大作',
      lang: 'ja',
      secondary: 'Daisaku Kadokawa',
    });
  });

  it('gives a Simplified Chinese reader the Traditional name alone', () => {
    expect(personNameText(hsieh, 'zh-Hans')).toBe('謝政達');
  });

  it('writes the full name alone when it is the only one', () => {
    expect(personNameText({ fullName: 'Lina Jia', names: {} }, 'zh-Hans')).toBe('Lina Jia');
  });

  it('prefers the script of the person’s government when they have names in several', () => {
    const both = { fullName: 'Kim', names: { ja: '金', ko: '김' } };
    expect(personNameText(both, 'zh-Hant', 'ko')).toBe('김 (Kim)');
    expect(personNameText(both, 'zh-Hant', 'ja')).toBe('金 (Kim)');
  });
});
