/**
 * The membership application form's fields and the rules each must meet (PRODUCT.md,
 * applications). The same checks run in the browser, beside each field as the applicant
 * types, and on the server before anything is stored, so the two never disagree. A problem is
 * a JSON Pointer and a code; the server words the code in English, the web in the reader's
 * language.
 */
import { COUNTRIES } from './climate/country';
import { LOCALES, type Locale } from './locales';
import { GOVERNMENT_KINDS, type GovernmentKind } from './membership';

/** What an application may seek: a membership category, never "non-member". */
export const SOUGHT_CATEGORIES = ['full-member', 'associate-member', 'associate-partner'] as const;
export type SoughtCategory = (typeof SOUGHT_CATEGORIES)[number];

export interface ApplicationInput {
  officialName: string;
  /** The language of the official name (a BCP 47 tag: ja, ko, de, pt-BR…). */
  officialNameLang: string;
  englishName: string;
  kind: GovernmentKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  province: string | null;
  population: number;
  populationYear: number;
  areaKm2: number | null;
  budgetAmount: number | null;
  /** ISO 4217 (EUR, JPY…), given with the amount. */
  budgetCurrency: string | null;
  website: string | null;
  cdpAccount: string | null;
  head: { name: string; title: string; electedOn: string | null; termEndsOn: string | null };
  political: { name: string; title: string | null; email: string | null; phone: string | null };
  liaison: { name: string; email: string; phone: string };
  category: SoughtCategory;
  /** The language of the applicant's letters and status page. */
  language: Locale;
  /** The applicant agrees that the network keeps and uses these details for the application. */
  consent: boolean;
}

export const FIELD_PROBLEMS = [
  'required',
  'tooLong',
  'email',
  'phone',
  'url',
  'country',
  'languageTag',
  'locale',
  'kind',
  'category',
  'wholeNumber',
  'populationRange',
  'yearRange',
  'areaRange',
  'budgetRange',
  'currency',
  'currencyWithoutAmount',
  'amountWithoutCurrency',
  'cdpAccount',
  'date',
  'electedInFuture',
  'termBeforeElection',
  'consent',
] as const;
export type FieldProblemCode = (typeof FIELD_PROBLEMS)[number];

export interface FieldIssue {
  pointer: string;
  code: FieldProblemCode;
}

/** The English wording the server answers with; the web has these in every language. */
export const FIELD_PROBLEM_TEXT: Record<FieldProblemCode, string> = {
  required: 'is required',
  tooLong: 'is too long',
  email: 'is not an e-mail address',
  phone: 'is not a telephone number (digits, spaces, +, -, brackets)',
  url: 'is not a web address (https://…)',
  country: 'is not a country Accord knows',
  languageTag: 'is not a language',
  locale: 'is not one of the languages Accord writes in',
  kind: 'is not a kind of government Accord knows',
  category: 'is not a category one can apply for',
  wholeNumber: 'must be a whole number',
  populationRange: 'must be between 1 and 100,000,000',
  yearRange: 'must be a year between 1900 and this year',
  areaRange: 'must be more than 0 and at most 1,000,000 km²',
  budgetRange: 'must be a positive amount (less than 10^15)',
  currency: 'must be a three-letter currency code (EUR, JPY…)',
  currencyWithoutAmount: 'give the amount with its currency',
  amountWithoutCurrency: 'give the currency of the amount',
  cdpAccount: 'must be the CDP account number (digits only)',
  date: 'is not a date (YYYY-MM-DD)',
  electedInFuture: 'cannot be in the future',
  termBeforeElection: 'must be after the date of the election',
  consent: 'must be accepted to send the application',
};

export const NAME_MAX = 200;
export const TEXT_MAX = 200;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 40;
export const URL_MAX = 500;
export const POPULATION_MAX = 100_000_000;
export const AREA_MAX = 1_000_000;
export const BUDGET_MAX = 1e15;

// Deliberately plain: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()./-]{4,38}[0-9]$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const CDP_ACCOUNT = /^[0-9]{1,12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY_CODES = new Set(COUNTRIES.map((c) => c.alpha2));

export function isEmail(text: string): boolean {
  return text.length <= EMAIL_MAX && EMAIL.test(text);
}

function isUrl(text: string): boolean {
  if (text.length > URL_MAX || !/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname.includes('.');
  } catch {
    return false;
  }
}

function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
}

const blank = (value: string | null | undefined) => (value ?? '').trim() === '';

/**
 * Every problem with an application as filled in, in the order of the form; none when it may
 * be sent. `today` (YYYY-MM-DD) bounds dates and years.
 */
export function checkApplication(input: ApplicationInput, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (pointer: string, code: FieldProblemCode) => issues.push({ pointer, code });
  const text = (pointer: string, value: string | null, required: boolean, max = TEXT_MAX) => {
    if (blank(value)) {
      if (required) add(pointer, 'required');
      return false;
    }
    if ((value as string).trim().length > max) {
      add(pointer, 'tooLong');
      return false;
    }
    return true;
  };
  const email = (pointer: string, value: string | null, required: boolean) => {
    if (text(pointer, value, required, EMAIL_MAX) && !isEmail((value as string).trim())) {
      add(pointer, 'email');
    }
  };
  const phone = (pointer: string, value: string | null, required: boolean) => {
    if (text(pointer, value, required, PHONE_MAX) && !PHONE.test((value as string).trim())) {
      add(pointer, 'phone');
    }
  };
  const date = (pointer: string, value: string | null) => {
    if (blank(value)) return null;
    if (!isDate((value as string).trim())) {
      add(pointer, 'date');
      return null;
    }
    return (value as string).trim();
  };
  const thisYear = Number(today.slice(0, 4));

  text('/officialName', input.officialName, true, NAME_MAX);
  if (blank(input.officialNameLang)) add('/officialNameLang', 'required');
  else if (!LANGUAGE_TAG.test(input.officialNameLang)) add('/officialNameLang', 'languageTag');
  text('/englishName', input.englishName, true, NAME_MAX);
  if (!(GOVERNMENT_KINDS as readonly string[]).includes(input.kind)) add('/kind', 'kind');
  if (blank(input.country)) add('/country', 'required');
  else if (!COUNTRY_CODES.has(input.country)) add('/country', 'country');
  text('/province', input.province, false);

  if (!Number.isInteger(input.population)) add('/population', 'wholeNumber');
  else if (input.population < 1 || input.population > POPULATION_MAX) {
    add('/population', 'populationRange');
  }
  if (!Number.isInteger(input.populationYear)) add('/populationYear', 'wholeNumber');
  else if (input.populationYear < 1900 || input.populationYear > thisYear) {
    add('/populationYear', 'yearRange');
  }
  if (input.areaKm2 !== null && !(input.areaKm2 > 0 && input.areaKm2 <= AREA_MAX)) {
    add('/areaKm2', 'areaRange');
  }
  if (input.budgetAmount !== null && !(input.budgetAmount > 0 && input.budgetAmount < BUDGET_MAX)) {
    add('/budgetAmount', 'budgetRange');
  }
  if (!blank(input.budgetCurrency) && !CURRENCY.test(input.budgetCurrency as string)) {
    add('/budgetCurrency', 'currency');
  } else if (input.budgetAmount !== null && blank(input.budgetCurrency)) {
    add('/budgetCurrency', 'amountWithoutCurrency');
  } else if (input.budgetAmount === null && !blank(input.budgetCurrency)) {
    add('/budgetAmount', 'currencyWithoutAmount');
  }
  if (!blank(input.website) && !isUrl((input.website as string).trim())) add('/website', 'url');
  if (!blank(input.cdpAccount) && !CDP_ACCOUNT.test((input.cdpAccount as string).trim())) {
    add('/cdpAccount', 'cdpAccount');
  }

  text('/head/name', input.head.name, true, NAME_MAX);
  text('/head/title', input.head.title, true);
  const elected = date('/head/electedOn', input.head.electedOn);
  const ends = date('/head/termEndsOn', input.head.termEndsOn);
  if (elected && elected > today) add('/head/electedOn', 'electedInFuture');
  if (elected && ends && ends <= elected) add('/head/termEndsOn', 'termBeforeElection');

  text('/political/name', input.political.name, true, NAME_MAX);
  text('/political/title', input.political.title, false);
  email('/political/email', input.political.email, false);
  phone('/political/phone', input.political.phone, false);

  text('/liaison/name', input.liaison.name, true, NAME_MAX);
  email('/liaison/email', input.liaison.email, true);
  phone('/liaison/phone', input.liaison.phone, true);

  if (!(SOUGHT_CATEGORIES as readonly string[]).includes(input.category)) {
    add('/category', 'category');
  }
  if (!(LOCALES as readonly string[]).includes(input.language)) add('/language', 'locale');
  if (input.consent !== true) add('/consent', 'consent');
  return issues;
}

/**
 * A slug for a new government from its English name: lower-case ASCII words joined by
 * hyphens, accents dropped ("São Paulo" → "sao-paulo"); null when nothing Latin is left.
 */
export function slugFromName(name: string): string | null {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? null : slug;
}
