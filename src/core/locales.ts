/** The languages Accord speaks, as BCP 47 tags, in the order the switcher lists them. */
export const LOCALES = ['en', 'ko', 'ja', 'zh-Hans', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  ko: '한국어',
  ja: '日本語',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The supported locale closest to a preference list, or undefined when none is close: exact
 * tags first, then Chinese by script or by region (TW, HK and MO write Traditional), then the
 * language. Tags are compared without regard to case (HTTP headers and users write them freely).
 */
export function findLocale(preferences: readonly string[]): Locale | undefined {
  for (const raw of preferences) {
    const tag = raw.trim();
    if (isLocale(tag)) return tag;
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) {
      if (/hant|-tw|-hk|-mo/.test(lower)) return 'zh-Hant';
      return 'zh-Hans';
    }
    const lang = lower.split('-')[0];
    if (lang === 'en' || lang === 'ko' || lang === 'ja') return lang;
  }
  return undefined;
}

/** Picks the supported locale closest to a browser's preference list (findLocale), else English. */
export function matchLocale(preferences: readonly string[]): Locale {
  return findLocale(preferences) ?? 'en';
}
