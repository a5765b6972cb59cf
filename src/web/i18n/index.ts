import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, matchLocale, type Locale } from '../../core/locales';
import { catalogBackend, namespacesOf, routeNamespaces, type Catalog } from './catalog-loader';

/**
 * Catalogs live in locales/<lang>/<namespace>.json; each area owns its namespace (common, home,
 * members, offices, auth, admin, …). In the built app each file is its own chunk, loaded when
 * asked for (catalog-loader.ts): the first page waits for `common` and its own namespaces, a
 * part that needs another waits for it under a Suspense boundary, and a change of language
 * loads the new language's files before the pages re-render in it.
 */
const loaders = import.meta.glob<Catalog>('./locales/*/*.json', { import: 'default' });

/** Every namespace, as English has them. */
export const NAMESPACES = namespacesOf(loaders);

const STORAGE_KEY = 'accord.locale';

export function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return matchLocale(typeof navigator !== 'undefined' ? navigator.languages : []);
}

/** The page's language is the one it is shown in: `<html lang>` follows every change. */
function markLanguage(locale: string | undefined): void {
  if (typeof document === 'undefined' || !locale) return;
  if (!(LOCALES as readonly string[]).includes(locale)) return;
  document.documentElement.lang = locale;
}

export function changeLocale(locale: Locale): Promise<unknown> {
  localStorage.setItem(STORAGE_KEY, locale);
  return i18n.changeLanguage(locale);
}

/**
 * The namespaces loaded before the first render. The built app takes the opened page's own;
 * tests and the dev server take them all, so a component renders at once without a Suspense
 * boundary of its own.
 */
const firstNamespaces = import.meta.env.PROD
  ? ['common', ...routeNamespaces(typeof location !== 'undefined' ? location.pathname : '/')]
  : NAMESPACES;

const firstLocale = initialLocale();
// Before anything is drawn: i18n.language is not set until init has loaded the catalogs.
markLanguage(firstLocale);
// Emitted once the new language's catalogs are in, as the pages re-render in it.
i18n.on('languageChanged', markLanguage);

/** Resolves once the first namespaces are loaded in the reader's language. */
export const i18nReady: Promise<unknown> = i18n
  .use(catalogBackend(loaders))
  .use(initReactI18next)
  .init({
    lng: firstLocale,
    // Each non-English file is built with English filled in where it lacks a key, so English
    // is never fetched beside it (catalog-loader.ts).
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    ns: firstNamespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export default i18n;
