/**
 * Avatars without photographs: people's pictures are not ours to publish, so a seat shows a
 * circle with the person's initials, in a colour that stays the same for the same name.
 */

/** Scripts whose names are written without spaces and abbreviated by their first character. */
const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER = /\p{L}/u;

function firstLetter(word: string): string | null {
  for (const ch of word) if (LETTER.test(ch)) return ch;
  return null;
}

/**
 * "Jeong Hyup Seo" → "JS", "Jean-Pierre Dupont" → "JD", "Min Kwon" → "MK"; a name in Han,
 * Hangul or Kana script gives its first character ("門川大作" → "門"), the family name's
 * first character, which is how such names are abbreviated.
 */
export function initials(fullName: string): string {
  const name = fullName.normalize('NFC').trim();
  const first = [...name].find((ch) => LETTER.test(ch));
  if (!first) return '?';
  if (CJK.test(first)) return first;
  const words = name.split(/[\s\u3000,]+/).filter((w) => firstLetter(w) !== null);
  const a = firstLetter(words[0] ?? '') ?? first;
  const b = words.length > 1 ? firstLetter(words[words.length - 1] ?? '') : null;
  return `${a}${b ?? ''}`.toLocaleUpperCase('en');
}

/**
 * Background colours for the circle. Each is dark enough for white text at 4.5:1 (WCAG AA),
 * which avatar.test.ts checks, so the initials are readable whatever the name.
 */
export const AVATAR_COLOURS = [
  '#0b6e5b',
  '#1d5fa8',
  '#7a1fa2',
  '#a3223a',
  '#8a4b00',
  '#2f6b1e',
  '#5b3fa0',
  '#005f73',
  '#9b2c5c',
  '#4d5a12',
  '#b0400c',
  '#3d4f8a',
] as const;

/** FNV-1a over the name's code points: small, stable across browsers, well spread. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function avatarColour(fullName: string): string {
  const key = fullName.normalize('NFC').trim().toLocaleLowerCase('en');
  return AVATAR_COLOURS[hash(key) % AVATAR_COLOURS.length] as string;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}
