/**
 * The server's own words, one JSON catalog per language and namespace under
 * locales/<lang>/<namespace>.json, in the web's format (nested keys, {{placeholders}}, plural
 * keys as key_one / key_other) so the same checks and the same translators' habits apply.
 * The server never imports the web's catalogs: what both say (GPC sector names, source names)
 * is copied here in the same wording, and catalogs.test.ts holds the copies to the web's.
 * English is the reference: its keys are the keys every language has.
 */
import type { Locale } from '../../core/locales';
import enExports from './locales/en/exports.json';
import enImports from './locales/en/imports.json';
import jaExports from './locales/ja/exports.json';
import jaImports from './locales/ja/imports.json';
import koExports from './locales/ko/exports.json';
import koImports from './locales/ko/imports.json';
import zhHansExports from './locales/zh-Hans/exports.json';
import zhHansImports from './locales/zh-Hans/imports.json';
import zhHantExports from './locales/zh-Hant/exports.json';
import zhHantImports from './locales/zh-Hant/imports.json';

/** A catalog as i18next reads it: strings, nested. */
export interface Catalog {
  [key: string]: string | Catalog;
}

/**
 * The namespaces the server speaks in: exports (an inventory's words), imports (the row report
 * of an import and the English `reason` of its rows), e-mail later.
 */
export const NAMESPACES = ['exports', 'imports'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const CATALOGS: Record<Locale, Record<Namespace, Catalog>> = {
  en: { exports: enExports, imports: enImports },
  ko: { exports: koExports, imports: koImports },
  ja: { exports: jaExports, imports: jaImports },
  'zh-Hans': { exports: zhHansExports, imports: zhHansImports },
  'zh-Hant': { exports: zhHantExports, imports: zhHantImports },
};

type English = { exports: typeof enExports; imports: typeof enImports };

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** The dotted keys of a catalog's strings; a plural pair key_one / key_other counts as key. */
type KeysOf<T> = {
  [K in keyof T & string]: T[K] extends string
    ? K extends `${infer Base}_${PluralSuffix}`
      ? Base
      : K
    : `${K}.${KeysOf<T[K]>}`;
}[keyof T & string];

/** Every message the server has, as `namespace:dotted.key` (checked by the compiler). */
export type MessageKey = { [N in Namespace]: `${N}:${KeysOf<English[N]>}` }[Namespace];
