import { chooseText, type ChosenText } from '../../core/names';

/**
 * Multilingual texts (meeting titles, motion texts, captions) are objects keyed by language,
 * shown by the rule in src/core/names.ts: the viewer's own language, for a Chinese viewer the
 * other Chinese script, else English, else whatever the secretariat wrote.
 */
export type PickedText = ChosenText;

/** The text for the viewer with its language; an empty text in the viewer's language if none. */
export function pickText(texts: Partial<Record<string, string>>, locale: string): PickedText {
  return chooseText(texts, locale) ?? { text: '', lang: locale };
}

/** Drops blank entries and trims the rest; what the API's Texts schema accepts. */
export function cleanTexts(texts: Partial<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(texts)) {
    const trimmed = text?.trim();
    if (trimmed) out[lang] = trimmed;
  }
  return out;
}
