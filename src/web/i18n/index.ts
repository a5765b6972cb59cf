import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, matchLocale, type Locale } from '../../core/locales';

/**
 * Catalogs live in locales/<lang>/<namespace>.json; every namespace file found is loaded.
 * Each area owns its namespace (common, home, members, offices, auth, admin, …).
 */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

export const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, catalog] of Object.entries(files)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  (resources[lang] ??= {})[ns] = catalog;
}

const STORAGE_KEY = 'accord.locale';

export function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return matchLocale(typeof navigator !== 'undefined' ? navigator.languages : []);
}

export function changeLocale(locale: Locale): Promise<unknown> {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  return i18n.changeLanguage(locale);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  ns: Object.keys(resources.en ?? { common: {} }),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export default i18n;
