/**
 * Which language of a multilingual text (a post, names, captions, statements) to show. A
 * reader gets their own language when the text has it; a Chinese reader next gets the other
 * Chinese script, which they read more easily than a foreign language; then English; then
 * whatever exists.
 */

function sibling(lang: string): string | null {
  if (lang === 'zh-Hans') return 'zh-Hant';
  if (lang === 'zh-Hant') return 'zh-Hans';
  return null;
}

/** The best of the available languages for a reader who prefers `preferred`; null if none. */
export function pickLanguage(available: readonly string[], preferred: string): string | null {
  if (available.includes(preferred)) return preferred;
  const other = sibling(preferred);
  if (other && available.includes(other)) return other;
  if (available.includes('en')) return 'en';
  return available[0] ?? null;
}

/** A text by language (names, captions, statements) in the best language, with that language. */
export function pickText(
  texts: Partial<Record<string, string>>,
  preferred: string,
): { text: string; lang: string } | null {
  const available = Object.entries(texts)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([lang]) => lang);
  const lang = pickLanguage(available, preferred);
  return lang ? { text: texts[lang] as string, lang } : null;
}
