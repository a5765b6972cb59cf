/**
 * The server's own words, one JSON catalog per language and namespace under
 * locales/<lang>/<namespace>.json, in the web's format (nested keys, {{placeholders}}, plural
 * keys as key_one / key_other) so the same checks and the same translators' habits apply.
 * The server never imports the web's catalogs: what both say (GPC sector names, source names)
 * is copied here in the same wording, and catalogs.test.ts holds the copies to the web's.
 * English is the reference: its keys are the keys every language has.
 */
import type { Locale } from '../../core/locales';
import enApplicationsMail from './locales/en/applications-mail.json';
import enExports from './locales/en/exports.json';
import enImports from './locales/en/imports.json';
import enMail from './locales/en/mail.json';
import enMembershipMail from './locales/en/membership-mail.json';
import jaApplicationsMail from './locales/ja/applications-mail.json';
import jaExports from './locales/ja/exports.json';
import jaImports from './locales/ja/imports.json';
import jaMail from './locales/ja/mail.json';
import jaMembershipMail from './locales/ja/membership-mail.json';
import koApplicationsMail from './locales/ko/applications-mail.json';
import koExports from './locales/ko/exports.json';
import koImports from './locales/ko/imports.json';
import koMail from './locales/ko/mail.json';
import koMembershipMail from './locales/ko/membership-mail.json';
import zhHansApplicationsMail from './locales/zh-Hans/applications-mail.json';
import zhHansExports from './locales/zh-Hans/exports.json';
import zhHansImports from './locales/zh-Hans/imports.json';
import zhHansMail from './locales/zh-Hans/mail.json';
import zhHansMembershipMail from './locales/zh-Hans/membership-mail.json';
import zhHantApplicationsMail from './locales/zh-Hant/applications-mail.json';
import zhHantExports from './locales/zh-Hant/exports.json';
import zhHantImports from './locales/zh-Hant/imports.json';
import zhHantMail from './locales/zh-Hant/mail.json';
import zhHantMembershipMail from './locales/zh-Hant/membership-mail.json';

/** A catalog as i18next reads it: strings, nested. */
export interface Catalog {
  [key: string]: string | Catalog;
}

/**
 * The namespaces the server speaks in: exports (an inventory's words), imports (the row report
 * of an import and the English `reason` of its rows), the letters it sends (mail), and the
 * letters about membership applications and fees.
 */
export const NAMESPACES = [
  'exports',
  'imports',
  'mail',
  'applications-mail',
  'membership-mail',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const CATALOGS: Record<Locale, Record<Namespace, Catalog>> = {
  en: {
    exports: enExports,
    imports: enImports,
    mail: enMail,
    'applications-mail': enApplicationsMail,
    'membership-mail': enMembershipMail,
  },
  ko: {
    exports: koExports,
    imports: koImports,
    mail: koMail,
    'applications-mail': koApplicationsMail,
    'membership-mail': koMembershipMail,
  },
  ja: {
    exports: jaExports,
    imports: jaImports,
    mail: jaMail,
    'applications-mail': jaApplicationsMail,
    'membership-mail': jaMembershipMail,
  },
  'zh-Hans': {
    exports: zhHansExports,
    imports: zhHansImports,
    mail: zhHansMail,
    'applications-mail': zhHansApplicationsMail,
    'membership-mail': zhHansMembershipMail,
  },
  'zh-Hant': {
    exports: zhHantExports,
    imports: zhHantImports,
    mail: zhHantMail,
    'applications-mail': zhHantApplicationsMail,
    'membership-mail': zhHantMembershipMail,
  },
};

type English = {
  exports: typeof enExports;
  imports: typeof enImports;
  mail: typeof enMail;
  'applications-mail': typeof enApplicationsMail;
  'membership-mail': typeof enMembershipMail;
};

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
