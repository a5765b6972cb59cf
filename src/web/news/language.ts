/**
 * Which language of a post to show. The choice among languages (the reader's own, then the
 * other Chinese script, then English, then whatever exists) is shared, in
 * components/language-choice.ts, with every page that shows multilingual texts.
 */
import { LOCALES } from '../../core/locales';
import { pickLanguage } from '../components/language-choice';

export { pickLanguage, pickText } from '../components/language-choice';

/** The languages a post can be written in, in the order the editor's tabs list them. */
export const NEWS_LANGUAGES = LOCALES;

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
