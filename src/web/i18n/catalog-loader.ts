/**
 * The catalogs come one file at a time (locales/<lang>/<namespace>.json, each its own chunk),
 * asked for by i18next when a page needs them: a reader downloads only their language, and of
 * it only the namespaces of the pages they open. English is the fallback: a namespace the
 * reader's language lacks is read from English, and a key it lacks is filled from English
 * when the catalog is built (scripts/catalog-fallback.ts), so English is downloaded only by
 * its readers or where a translation is missing.
 */
import type { BackendModule, ReadCallback } from 'i18next';

export type Catalog = Record<string, unknown>;
/** As `import.meta.glob('./locales/*\/*.json', { import: 'default' })` gives them. */
export type CatalogLoaders = Record<string, () => Promise<Catalog>>;

export const FALLBACK_LANGUAGE = 'en';

/** The loaders by language, then namespace. */
function indexLoaders(loaders: CatalogLoaders): Map<string, Map<string, () => Promise<Catalog>>> {
  const index = new Map<string, Map<string, () => Promise<Catalog>>>();
  for (const [file, load] of Object.entries(loaders)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    if (!index.has(lang)) index.set(lang, new Map());
    index.get(lang)!.set(ns, load);
  }
  return index;
}

/** Every namespace there is, as English has them. */
export function namespacesOf(loaders: CatalogLoaders): string[] {
  return [...(indexLoaders(loaders).get(FALLBACK_LANGUAGE)?.keys() ?? [])].sort();
}

/** An i18next backend reading each catalog from its loader, English where one is missing. */
export function catalogBackend(loaders: CatalogLoaders): BackendModule {
  const index = indexLoaders(loaders);
  return {
    type: 'backend',
    callbackApi: true,
    init() {},
    read(language: string, namespace: string, callback: ReadCallback) {
      const load =
        index.get(language)?.get(namespace) ?? index.get(FALLBACK_LANGUAGE)?.get(namespace);
      if (!load) {
        callback(null, {});
        return;
      }
      load().then(
        (catalog) => callback(null, catalog),
        (err: unknown) => callback(err instanceof Error ? err : String(err), null),
      );
    },
  };
}

/**
 * The namespaces a page opened first will ask for, fetched with `common` before the first
 * render rather than one after another as its parts render. Only a hint: a namespace missed
 * here is still loaded when a part asks for it (that part waits under a Suspense boundary).
 */
export function routeNamespaces(pathname: string): string[] {
  const first = pathname.split('/').filter(Boolean)[0] ?? '';
  switch (first) {
    case '':
      return ['home', 'news'];
    case 'climate':
      return ['climate'];
    case 'members':
      return pathname.includes('/climate') ? ['members', 'climate'] : ['members'];
    case 'offices':
      return ['offices'];
    case 'bodies':
    case 'meetings':
      return ['governance'];
    case 'news':
      return ['news'];
    case 'elections':
      return ['elections'];
    case 'apply':
      return ['applications'];
    case 'signin':
    case 'account':
      return ['auth'];
    case 'admin':
      return ['admin'];
    default:
      return [];
  }
}
