import type { Locale } from './locales';

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

export interface DisplayName {
  /** The name to show first. */
  primary: string;
  /** Shown beside it when the primary is not in the viewer's language (the English name). */
  secondary: string | null;
}

/**
 * The name a viewer sees: theirs when the government has one; otherwise the local-script
 * name with the English name beside it (or English alone when nothing else exists).
 */
export function displayName(
  names: NamesByLanguage,
  localLang: string,
  viewer: Locale,
): DisplayName {
  const own = names[viewer];
  if (own) return { primary: own, secondary: null };
  // Chinese readers can read the other script better than a transliteration.
  const sibling =
    viewer === 'zh-Hans' ? names['zh-Hant'] : viewer === 'zh-Hant' ? names['zh-Hans'] : undefined;
  if (sibling) return { primary: sibling, secondary: null };
  const local = names[localLang];
  const english = names.en;
  if (local && english && local !== english) return { primary: local, secondary: english };
  const any = local ?? english ?? Object.values(names).find((n) => !!n) ?? '';
  return { primary: any, secondary: null };
}
