/**
 * A text kept in several languages beside the one it was entered in (a target's title, an
 * office's name, a speaker's role): the entered text is the original, the others are its
 * translations by language tag. Which of them a reader sees is the rule of names.ts.
 */

export type TextsByLanguage = Partial<Record<string, string>>;

/** Trims every text and leaves out the blank ones. */
export function cleanTranslations(texts: TextsByLanguage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(texts)) {
    const trimmed = text?.trim();
    if (trimmed) out[lang] = trimmed;
  }
  return out;
}

/**
 * The translations after the original text changed from `before` to `after`: a language whose
 * text was the original itself (the original's own language) follows the change, and every other
 * language is kept as it was, so changing the English title never loses the Korean one.
 */
export function retitled(
  texts: TextsByLanguage,
  before: string | null,
  after: string | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(cleanTranslations(texts))) {
    if (before !== null && text === before.trim()) {
      if (after?.trim()) out[lang] = after.trim();
    } else {
      out[lang] = text;
    }
  }
  return out;
}
