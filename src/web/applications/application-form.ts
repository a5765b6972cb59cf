/**
 * The public application form's state in the browser: what each input holds (text, as typed),
 * the steps of the form and the fields on each, the body sent to the server, and the draft
 * kept in the tab's session storage so that a reload loses nothing. The rules themselves are
 * src/core/application-form.ts, the same the server checks.
 */
import {
  checkApplication,
  FIELD_PROBLEM_TEXT,
  FIELD_PROBLEMS,
  type ApplicationInput,
  type FieldIssue,
  type FieldProblemCode,
  type SoughtCategory,
} from '../../core/application-form';
import type { Locale } from '../../core/locales';
import type { GovernmentKind } from '../../core/membership';
import type { ApplicationSubmit } from '../../server/applications/schemas';

export interface ApplyValues {
  officialName: string;
  officialNameLang: string;
  englishName: string;
  kind: GovernmentKind;
  country: string;
  province: string;
  population: string;
  populationYear: string;
  areaKm2: string;
  budgetAmount: string;
  budgetCurrency: string;
  website: string;
  cdpAccount: string;
  headName: string;
  headTitle: string;
  headElectedOn: string;
  headTermEndsOn: string;
  politicalName: string;
  politicalTitle: string;
  politicalEmail: string;
  politicalPhone: string;
  liaisonName: string;
  liaisonEmail: string;
  liaisonPhone: string;
  category: SoughtCategory;
  language: Locale;
  consent: boolean;
  /** The hidden field: people leave it empty. */
  alternateUrl: string;
}

export function blankApplication(language: Locale, thisYear: number): ApplyValues {
  return {
    officialName: '',
    officialNameLang: language,
    englishName: '',
    kind: 'city',
    country: '',
    province: '',
    population: '',
    populationYear: String(thisYear),
    areaKm2: '',
    budgetAmount: '',
    budgetCurrency: '',
    website: '',
    cdpAccount: '',
    headName: '',
    headTitle: '',
    headElectedOn: '',
    headTermEndsOn: '',
    politicalName: '',
    politicalTitle: '',
    politicalEmail: '',
    politicalPhone: '',
    liaisonName: '',
    liaisonEmail: '',
    liaisonPhone: '',
    category: 'full-member',
    language,
    consent: false,
    alternateUrl: '',
  };
}

/** The steps of the form, in order; the last shows everything before it is sent. */
export const APPLY_STEPS = ['government', 'figures', 'people', 'membership', 'summary'] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

/** Each step's fields: the pointer the rules and the server use, and the input's key. */
export const STEP_FIELDS: Record<ApplyStep, [pointer: string, key: keyof ApplyValues][]> = {
  government: [
    ['/officialName', 'officialName'],
    ['/officialNameLang', 'officialNameLang'],
    ['/englishName', 'englishName'],
    ['/kind', 'kind'],
    ['/country', 'country'],
    ['/province', 'province'],
  ],
  figures: [
    ['/population', 'population'],
    ['/populationYear', 'populationYear'],
    ['/areaKm2', 'areaKm2'],
    ['/budgetAmount', 'budgetAmount'],
    ['/budgetCurrency', 'budgetCurrency'],
    ['/website', 'website'],
    ['/cdpAccount', 'cdpAccount'],
  ],
  people: [
    ['/head/name', 'headName'],
    ['/head/title', 'headTitle'],
    ['/head/electedOn', 'headElectedOn'],
    ['/head/termEndsOn', 'headTermEndsOn'],
    ['/political/name', 'politicalName'],
    ['/political/title', 'politicalTitle'],
    ['/political/email', 'politicalEmail'],
    ['/political/phone', 'politicalPhone'],
    ['/liaison/name', 'liaisonName'],
    ['/liaison/email', 'liaisonEmail'],
    ['/liaison/phone', 'liaisonPhone'],
  ],
  membership: [
    ['/category', 'category'],
    ['/language', 'language'],
  ],
  summary: [['/consent', 'consent']],
};

/** The input id of a field, for labels and the error summary's links. */
export const fieldId = (key: keyof ApplyValues) => `apply-${key}`;

/** The step a pointer's field is on (the first step for anything unknown). */
export function stepOf(pointer: string): ApplyStep {
  for (const step of APPLY_STEPS) {
    if (STEP_FIELDS[step].some(([p]) => pointer === p || pointer.startsWith(`${p}/`))) return step;
  }
  const group = APPLY_STEPS.find((step) =>
    STEP_FIELDS[step].some(([p]) => p.startsWith(`${pointer}/`)),
  );
  return group ?? 'government';
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** A whole number as people type it: thousands separated by spaces, commas, dots or quotes. */
export function wholeNumber(value: string): number {
  const bare = value.replace(/[\s,.'’_]/g, '');
  return /^\d+$/.test(bare) ? Number(bare) : Number.NaN;
}

/** A decimal as people type it: a comma may be the decimal mark when there is no dot. */
export function decimal(value: string): number | null {
  const bare = value.replace(/[\s_']/g, '');
  if (bare === '') return null;
  const normal = bare.includes('.') ? bare.replace(/,/g, '') : bare.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** The form as the rules read it. */
export function applicationInput(v: ApplyValues): ApplicationInput {
  return {
    officialName: v.officialName.trim(),
    officialNameLang: v.officialNameLang.trim(),
    englishName: v.englishName.trim(),
    kind: v.kind,
    country: v.country,
    province: text(v.province),
    population: wholeNumber(v.population),
    populationYear: wholeNumber(v.populationYear),
    areaKm2: decimal(v.areaKm2),
    budgetAmount: decimal(v.budgetAmount),
    budgetCurrency: text(v.budgetCurrency)?.toUpperCase() ?? null,
    website: text(v.website),
    cdpAccount: text(v.cdpAccount),
    head: {
      name: v.headName.trim(),
      title: v.headTitle.trim(),
      electedOn: text(v.headElectedOn),
      termEndsOn: text(v.headTermEndsOn),
    },
    political: {
      name: v.politicalName.trim(),
      title: text(v.politicalTitle),
      email: text(v.politicalEmail),
      phone: text(v.politicalPhone),
    },
    liaison: {
      name: v.liaisonName.trim(),
      email: v.liaisonEmail.trim(),
      phone: v.liaisonPhone.trim(),
    },
    category: v.category,
    language: v.language,
    consent: v.consent,
  };
}

/** The body of POST /api/v1/apply. Numbers that are not numbers go as 0 (refused by the rules). */
export function applicationBody(v: ApplyValues): ApplicationSubmit {
  const input = applicationInput(v);
  const finite = (n: number) => (Number.isFinite(n) ? n : 0);
  const maybe = (n: number | null) => (n === null ? null : finite(n));
  return {
    ...input,
    population: finite(input.population),
    populationYear: finite(input.populationYear),
    areaKm2: maybe(input.areaKm2),
    budgetAmount: maybe(input.budgetAmount),
    alternateUrl: v.alternateUrl,
  };
}

/** The problems of the fields of one step (or of every step before and including it). */
export function stepProblems(v: ApplyValues, step: ApplyStep, today: string): FieldIssue[] {
  const pointers = new Set(STEP_FIELDS[step].map(([p]) => p));
  return checkApplication(applicationInput(v), today).filter((i) => pointers.has(i.pointer));
}

/** Every problem of the whole form, for the last step. */
export function allProblems(v: ApplyValues, today: string): FieldIssue[] {
  return checkApplication(applicationInput(v), today);
}

const CODE_OF_TEXT = new Map<string, FieldProblemCode>(
  FIELD_PROBLEMS.map((code) => [FIELD_PROBLEM_TEXT[code], code]),
);

/** The code of a server's English message about a field, to say it in the reader's language. */
export function problemCodeOf(detail: string): FieldProblemCode | null {
  return CODE_OF_TEXT.get(detail) ?? null;
}

// ---------------------------------------------------------------- the draft

export const DRAFT_KEY = 'accord.apply.draft';

export interface ApplyDraft {
  values: ApplyValues;
  step: ApplyStep;
}

/** The draft kept in this tab, if it is one this form can read. */
export function readDraft(
  storage: Pick<Storage, 'getItem'>,
  blank: ApplyValues,
): ApplyDraft | null {
  try {
    const raw = storage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<ApplyDraft>;
    if (!parsed.values || typeof parsed.values !== 'object') return null;
    const values = { ...blank };
    for (const key of Object.keys(blank) as (keyof ApplyValues)[]) {
      const saved = (parsed.values as unknown as Record<string, unknown>)[key];
      if (typeof saved === typeof blank[key])
        (values as unknown as Record<string, unknown>)[key] = saved;
    }
    const step = APPLY_STEPS.includes(parsed.step as ApplyStep)
      ? (parsed.step as ApplyStep)
      : 'government';
    return { values, step };
  } catch {
    return null;
  }
}

export function writeDraft(storage: Pick<Storage, 'setItem'>, draft: ApplyDraft): void {
  try {
    // The hidden field is never kept: a draft restored by a person stays clean.
    storage.setItem(
      DRAFT_KEY,
      JSON.stringify({ ...draft, values: { ...draft.values, alternateUrl: '' } }),
    );
  } catch {
    // Storage full or refused (private browsing): the form goes on without a draft.
  }
}

export function clearDraft(storage: Pick<Storage, 'removeItem'>): void {
  try {
    storage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to do.
  }
}

/** Languages offered for the official name: Accord's own first, then others common in the network. */
export const NAME_LANGUAGES = [
  'en',
  'ja',
  'ko',
  'zh-Hans',
  'zh-Hant',
  'mn',
  'id',
  'ms',
  'th',
  'vi',
  'tl',
  'hi',
  'bn',
  'ur',
  'ne',
  'si',
  'ar',
  'fa',
  'tr',
  'ru',
  'uk',
  'pl',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'sw',
  'am',
] as const;
