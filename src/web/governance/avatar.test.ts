import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, avatarColour, contrastWithWhite, initials } from './avatar';

describe('initials', () => {
  it('takes the first and last word of a name in Latin letters', () => {
    expect(initials('Min Kwon')).toBe('MK');
    expect(initials('Jeong Hyup Seo')).toBe('JS');
    expect(initials('Jean-Pierre Dupont')).toBe('JD');
    expect(initials('  daisaku   kadokawa ')).toBe('DK');
  });

  it('keeps a single word to one letter', () => {
    expect(initials('Madonna')).toBe('M');
  });

  it('skips words without letters, such as a trailing "(acting)" mark or a dash', () => {
    expect(initials('Ana María López –')).toBe('AL');
  });

  it('abbreviates names in Han, Hangul or Kana script to their first character', () => {
    expect(initials('門川大作')).toBe('門');
    expect(initials('서정협')).toBe('서');
    expect(initials('やまだ はなこ')).toBe('や');
  });

  it('gives a question mark when there is no letter at all', () => {
    expect(initials('')).toBe('?');
    expect(initials('  — ')).toBe('?');
  });
});

describe('avatarColour', () => {
  it('is the same for the same name, whatever the case or spacing', () => {
    expect(avatarColour('Min Kwon')).toBe(avatarColour(' min kwon '));
  });

  it('comes from the palette and spreads different names over it', () => {
    const names = ['Min Kwon', 'Jeong Hyup Seo', 'Daisaku Kadokawa', 'Lee Jae-myung', '門川大作'];
    const colours = names.map(avatarColour);
    for (const colour of colours) expect(AVATAR_COLOURS).toContain(colour);
    expect(new Set(colours).size).toBeGreaterThan(1);
  });

  it('only uses colours on which white initials meet WCAG AA (4.5:1)', () => {
    for (const colour of AVATAR_COLOURS) {
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
  });
});
