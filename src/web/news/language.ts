/**
 * Which language of a post (or of a multilingual text) to show. A reader gets their own
 * language when the post has it; a Chinese reader next gets the other Chinese script, which
 * they read more easily than a foreign language; then English; then whatever exists.
 */
import { LOCALES } from '../../core/locales';

/** The languages a post can be written in, in the order the editor's tabs list them. */
export const NEWS_LANGUAGES = LOCALES;

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

/**
 * The language a post page shows: the one asked for (by the switcher) when the post has it,
 * otherwise the best one for the reader, otherwise the one the API chose.
 */
export function postLanguage(
  languages: readonly string[],
  requested: string | null,
  locale: string,
  served: string,
): string {
  if (requested && languages.includes(requested)) return requested;
  return pickLanguage(languages, locale) ?? served;
}

/**
 * The language to name beside a post shown in a language other than the reader's, or null when
 * it is in theirs. The API says which language it fell back to in `lang`.
 */
export function fallbackLanguage(shown: string, locale: string): string | null {
  return shown === locale ? null : shown;
}

/** A post's languages in the switcher's order, with any others Accord does not speak last. */
export function orderLanguages(languages: readonly string[]): string[] {
  const known = NEWS_LANGUAGES.filter((lang) => languages.includes(lang));
  const others = languages.filter((lang) => !(NEWS_LANGUAGES as readonly string[]).includes(lang));
  return [...known, ...others];
}
