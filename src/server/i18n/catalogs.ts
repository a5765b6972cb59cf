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
import jaExports from './locales/ja/exports.json';
import koExports from './locales/ko/exports.json';
import zhHansExports from './locales/zh-Hans/exports.json';
import zhHantExports from './locales/zh-Hant/exports.json';
import enMembershipMail from './locales/en/membership-mail.json';
import jaMembershipMail from './locales/ja/membership-mail.json';
import koMembershipMail from './locales/ko/membership-mail.json';
import zhHansMembershipMail from './locales/zh-Hans/membership-mail.json';
import zhHantMembershipMail from './locales/zh-Hant/membership-mail.json';

/** A catalog as i18next reads it: strings, nested. */
export interface Catalog {
  [key: string]: string | Catalog;
}

/** The namespaces the server speaks in: exports, and the letters about membership fees. */
export const NAMESPACES = ['exports', 'membership-mail'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const CATALOGS: Record<Locale, Record<Namespace, Catalog>> = {
  en: { exports: enExports, 'membership-mail': enMembershipMail },
  ko: { exports: koExports, 'membership-mail': koMembershipMail },
  ja: { exports: jaExports, 'membership-mail': jaMembershipMail },
  'zh-Hans': { exports: zhHansExports, 'membership-mail': zhHansMembershipMail },
  'zh-Hant': { exports: zhHantExports, 'membership-mail': zhHantMembershipMail },
};

type English = { exports: typeof enExports; 'membership-mail': typeof enMembershipMail };

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
