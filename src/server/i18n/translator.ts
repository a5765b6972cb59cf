/**
 * The server's translator: `translator(lang)` gives `t(key, params)` in that language, falling
 * back to English for a key a language lacks (the catalog test keeps that from happening).
 *
 * It is i18next, the library the web uses, on an instance of its own: the same catalog format,
 * the same {{placeholder}} interpolation and the same plural rules (Intl.PluralRules, keys
 * key_one / key_other) on both sides, so a text moved between the web and the server means the
 * same thing. Values are not escaped: the callers write CSV and XLSX cells, and a caller that
 * writes HTML (e-mail, later) escapes what it interpolates.
 */
import i18next from 'i18next';
import { LOCALES, type Locale } from '../../core/locales';
import { CATALOGS, NAMESPACES, type MessageKey } from './catalogs';

export type MessageParams = Record<string, string | number>;

export interface Translate {
  /** The message in the translator's language, with its {{placeholders}} filled. */
  (key: MessageKey, params?: MessageParams): string;
  /**
   * A message whose key is made from data (a source's key, a sub-sector's code): its text,
   * or `fallback` when no catalog has the key (a source someone typed, for instance).
   */
  or(key: string, fallback: string, params?: MessageParams): string;
  readonly locale: Locale;
}

const instance = i18next.createInstance();
void instance.init({
  resources: CATALOGS,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  ns: [...NAMESPACES],
  defaultNS: false,
  interpolation: { escapeValue: false },
  // The catalogs are in memory: ready on return, no promise to wait for.
  initAsync: false,
});

export function translator(locale: Locale): Translate {
  const fixed = instance.getFixedT(locale);
  const lookup = (key: string, options: Record<string, unknown>): string =>
    String(fixed(key, options as never));
  const t = (key: MessageKey, params: MessageParams = {}) => lookup(key, params);
  // Only a text counts as found: a key made from data may name a group ("sources") instead.
  const isText = (key: string) => {
    const split = key.indexOf(':');
    if (split < 0) return false;
    const [ns, path] = [key.slice(0, split), key.slice(split + 1)];
    return [locale, 'en'].some((lng) => typeof instance.getResource(lng, ns, path) === 'string');
  };
  return Object.assign(t, {
    or: (key: string, fallback: string, params: MessageParams = {}) =>
      isText(key) ? lookup(key, params) : fallback,
    locale,
  });
}
