import type { Locale } from '../../core/locales';
import { translatedText, type NamesByLanguage } from '../../core/names';

/**
 * A text kept by language beside the text as entered (a climate target's or action's title, an
 * office's name, a speaker's role) as the reader sees it, by the core's rule (core/names.ts):
 * their language, else the other Chinese script, else the text as entered.
 */
export function translated(texts: NamesByLanguage, asEntered: string, viewer: Locale): string {
  return translatedText(texts, asEntered, viewer);
}
