/**
 * Multilingual texts (titles, names, captions) are stored as JSON objects keyed by language
 * tag. Every area reads them through these two functions.
 */

/** Reads a JSON object of texts by language; a damaged value shows as no text, not a 500. */
export function parseTexts(json: string | null | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

/** The text in the language asked for, else in English, else in the first language it has. */
export function textIn(texts: Record<string, string>, lang = 'en'): string {
  return texts[lang] ?? texts.en ?? Object.values(texts)[0] ?? '';
}
