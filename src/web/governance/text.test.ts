import { describe, expect, it } from 'vitest';
import { cleanTexts, pickText } from './text';

describe('pickText', () => {
  const title = { en: 'RexCom meeting', ko: '지역집행위원회 회의', ja: '' };

  it('takes the viewer language when it is there', () => {
    expect(pickText(title, 'ko')).toEqual({ text: '지역집행위원회 회의', lang: 'ko' });
  });

  it('falls back to English, also when the viewer language is blank', () => {
    expect(pickText(title, 'ja')).toEqual({ text: 'RexCom meeting', lang: 'en' });
    expect(pickText(title, 'zh-Hant')).toEqual({ text: 'RexCom meeting', lang: 'en' });
  });

  it('falls back to any language when there is no English', () => {
    expect(pickText({ 'zh-Hans': '理事会' }, 'ko')).toEqual({ text: '理事会', lang: 'zh-Hans' });
  });

  it('gives an empty text for no texts at all', () => {
    expect(pickText({}, 'en')).toEqual({ text: '', lang: 'en' });
  });
});

describe('cleanTexts', () => {
  it('trims and drops blank languages', () => {
    expect(cleanTexts({ en: '  Opening ', ko: '   ', ja: '開会' })).toEqual({
      en: 'Opening',
      ja: '開会',
    });
  });
});

describe('pickText for Chinese viewers', () => {
  it('shows the other Chinese script before English', () => {
    expect(pickText({ en: 'Council', 'zh-Hant': '理事會' }, 'zh-Hans')).toEqual({
      text: '理事會',
      lang: 'zh-Hant',
    });
  });
});
