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
import jaApplicationsMail from './locales/ja/applications-mail.json';
import jaExports from './locales/ja/exports.json';
import koApplicationsMail from './locales/ko/applications-mail.json';
import koExports from './locales/ko/exports.json';
import zhHansApplicationsMail from './locales/zh-Hans/applications-mail.json';
import zhHansExports from './locales/zh-Hans/exports.json';
import zhHantApplicationsMail from './locales/zh-Hant/applications-mail.json';
import zhHantExports from './locales/zh-Hant/exports.json';
import enMail from './locales/en/mail.json';
import jaMail from './locales/ja/mail.json';
import koMail from './locales/ko/mail.json';
import zhHansMail from './locales/zh-Hans/mail.json';
import zhHantMail from './locales/zh-Hant/mail.json';
import enMembershipMail from './locales/en/membership-mail.json';
import jaMembershipMail from './locales/ja/membership-mail.json';
import koMembershipMail from './locales/ko/membership-mail.json';
import zhHansMembershipMail from './locales/zh-Hans/membership-mail.json';
import zhHantMembershipMail from './locales/zh-Hant/membership-mail.json';

/** A catalog as i18next reads it: strings, nested. */
export interface Catalog {
  [key: string]: string | Catalog;
}

/** The namespaces the server speaks in: files it exports, the letters it sends, and the letters about membership applications and fees. */
export const NAMESPACES = ['exports', 'mail', 'applications-mail', 'membership-mail'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const CATALOGS: Record<Locale, Record<Namespace, Catalog>> = {
  en: {
    exports: enExports,
    mail: enMail,
    'applications-mail': enApplicationsMail,
    'membership-mail': enMembershipMail,
  },
  ko: {
    exports: koExports,
    mail: koMail,
    'applications-mail': koApplicationsMail,
    'membership-mail': koMembershipMail,
  },
  ja: {
    exports: jaExports,
    mail: jaMail,
    'applications-mail': jaApplicationsMail,
    'membership-mail': jaMembershipMail,
  },
  'zh-Hans': {
    exports: zhHansExports,
    mail: zhHansMail,
    'applications-mail': zhHansApplicationsMail,
    'membership-mail': zhHansMembershipMail,
  },
  'zh-Hant': {
    exports: zhHantExports,
    mail: zhHantMail,
    'applications-mail': zhHantApplicationsMail,
    'membership-mail': zhHantMembershipMail,
  },
};

type English = {
  exports: typeof enExports;
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
