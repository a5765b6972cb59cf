/**
 * Multilingual texts (meeting titles, motion texts, captions) are objects keyed by language.
 * The viewer reads their own language, else English, else whatever the secretariat wrote.
 */
export interface PickedText {
  text: string;
  /** The language of the text, for the lang attribute (screen readers and fonts). */
  lang: string;
}

export function pickText(texts: Partial<Record<string, string>>, locale: string): PickedText {
  const own = texts[locale];
  if (own) return { text: own, lang: locale };
  const english = texts.en;
  if (english) return { text: english, lang: 'en' };
  for (const [lang, text] of Object.entries(texts)) {
    if (text) return { text, lang };
  }
  return { text: '', lang: locale };
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
