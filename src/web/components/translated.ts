import type { Locale } from '../../core/locales';
import { displayName, type NamesByLanguage } from '../../core/names';

/** The key under which the text as entered joins its translations: BCP 47's "undetermined". */
const AS_ENTERED = 'und';

/**
 * A text kept by language beside the text as entered (a climate target's or action's title, an
 * office's name, a speaker's role) as the reader sees it, by the core's rule for names
 * (core/names.ts): their language, else the other Chinese script, else the text as entered.
 */
export function translated(texts: NamesByLanguage, asEntered: string, viewer: Locale): string {
  return displayName({ ...texts, [AS_ENTERED]: asEntered }, AS_ENTERED, viewer).primary;
}
