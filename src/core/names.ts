/** Names of one thing by language tag (en, ja, ko, zh-Hans, zh-Hant, …). */
export type NamesByLanguage = Partial<Record<string, string>>;

/**
 * Folds a name for search so that width, case and spacing do not matter:
 * "Ｋｙｏｔｏ", "kyoto" and "KYOTO" fold alike; CJK characters pass through unchanged.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\s\u200b\u3000·・.,'’"-]+/g, '');
}

/*
 * Choosing what a reader sees of something stored by language: names of governments, bodies,
 * offices, regions and people; titles, captions, statements and news translations. One rule,
 * used by every page and by the server:
 *
 * 1. the reader's own language;
 * 2. for a Chinese reader, the other Chinese script, which they read better than a
 *    transliteration or a foreign language;
 * 3. for names of places and people, the name in the local script with the English name beside
 *    it (a reader who cannot read the script still recognises the place or person);
 * 4. English;
 * 5. whatever exists.
 *
 * A blank value counts as missing. Pages and server code must not index such objects by
 * language themselves (`names[lang] ?? names.en`): src/core/names.test.ts scans the sources.
 */

/** The other script of Chinese for a Chinese reader, or null for anyone else. */
export function otherChineseScript(lang: string): string | null {
  if (lang === 'zh-Hans') return 'zh-Hant';
  if (lang === 'zh-Hant') return 'zh-Hans';
  return null;
}

/** The languages a reader reads, best first: their own, then the other Chinese script. */
export function readerLanguages(reader: string): string[] {
  const other = otherChineseScript(reader);
  return other ? [reader, other] : [reader];
}

const present = (value: string | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

/**
 * The best of the available languages for a reader: their own, the other Chinese script,
 * English, then the first available. Null when none is available.
 */
export function chooseLanguage(available: readonly string[], reader: string): string | null {
  for (const lang of [...readerLanguages(reader), 'en']) {
    if (available.includes(lang)) return lang;
  }
  return available[0] ?? null;
}

/** A text chosen for a reader, with the language it is in (for lang attributes and fonts). */
export interface ChosenText {
  text: string;
  lang: string;
}

/**
 * A text stored by language (a title, caption, statement, the name of a body or an office) in
 * the reader's language, else the other Chinese script, else English, else whatever exists.
 * Null when every value is blank.
 */
export function chooseText(texts: NamesByLanguage, reader: string): ChosenText | null {
  const available = Object.keys(texts).filter((lang) => present(texts[lang]));
  const lang = chooseLanguage(available, reader);
  return lang === null ? null : { text: texts[lang] as string, lang };
}

/** The text alone, or '' when there is none (for titles, e-mails and exports). */
export function textFor(texts: NamesByLanguage, reader: string): string {
  return chooseText(texts, reader)?.text ?? '';
}

/**
 * A text entered in one language and translated into others (a target's or action's title, an
 * office's name, a speaker's role): the reader's language, else the other Chinese script, else
 * the text as entered, which is the original and so comes before any translation of it.
 */
export function translatedText(
  translations: NamesByLanguage,
  original: string,
  reader: string,
): string {
  for (const lang of readerLanguages(reader)) {
    const text = translations[lang];
    if (present(text)) return text;
  }
  return original;
}

export interface DisplayName {
  /** The name to show first. */
  primary: string;
  /** The language of the primary name (for lang attributes and fonts). */
  lang: string;
  /** Shown beside it when the primary is not in the viewer's language (the English name). */
  secondary: string | null;
}

/**
 * The name of a place or a person as a reader sees it: theirs when it has one (or, for a
 * Chinese reader, one in the other script); otherwise the local-script name with the English
 * name beside it; else English alone; else whatever exists. `localLang` is the language of
 * the place (a government's local language); without it (people have none recorded), the
 * local script is the name's one language other than English.
 */
export function displayName(
  names: NamesByLanguage,
  localLang: string | null | undefined,
  viewer: string,
): DisplayName {
  for (const lang of readerLanguages(viewer)) {
    const own = names[lang];
    if (present(own)) return { primary: own, lang, secondary: null };
  }
  const english = present(names.en) ? names.en : undefined;
  const localTag =
    localLang ?? Object.keys(names).find((lang) => lang !== 'en' && present(names[lang]));
  const local = localTag !== undefined && present(names[localTag]) ? names[localTag] : undefined;
  if (local !== undefined && localTag !== undefined) {
    return {
      primary: local,
      lang: localTag,
      secondary: english && english !== local ? english : null,
    };
  }
  if (english) return { primary: english, lang: 'en', secondary: null };
  const any = chooseText(names, viewer);
  return any
    ? { primary: any.text, lang: any.lang, secondary: null }
    : { primary: '', lang: viewer, secondary: null };
}

/** The name as plain text: "京都市 (Kyoto)" when the English name goes beside it. */
export function displayNameText(
  names: NamesByLanguage,
  localLang: string | null | undefined,
  viewer: string,
): string {
  const { primary, secondary } = displayName(names, localLang, viewer);
  return secondary ? `${primary} (${secondary})` : primary;
}

/** A person as records name them: the full name as written in English, and names by script. */
export interface NamedPerson {
  fullName: string;
  names: NamesByLanguage;
}

/** A person's names by language, their full name standing for English unless an English one is given. */
export function personNames(person: NamedPerson): NamesByLanguage {
  return { ...person.names, en: present(person.names.en) ? person.names.en : person.fullName };
}

/**
 * A person's name for a reader, by the rule for names: 門川大作 for a Japanese reader,
 * "門川大作 (Daisaku Kadokawa)" beside it for a Korean one, Daisaku Kadokawa in English.
 * `localLang` (the language of their government), when known, says which script is theirs.
 */
export function personDisplayName(
  person: NamedPerson,
  viewer: string,
  localLang?: string | null,
): DisplayName {
  const names = personNames(person);
  const local = localLang && present(names[localLang]) ? localLang : undefined;
  return displayName(names, local, viewer);
}

/** A person's name as plain text, with the English name in brackets when it goes beside it. */
export function personNameText(
  person: NamedPerson,
  viewer: string,
  localLang?: string | null,
): string {
  const { primary, secondary } = personDisplayName(person, viewer, localLang);
  return secondary ? `${primary} (${secondary})` : primary;
}
