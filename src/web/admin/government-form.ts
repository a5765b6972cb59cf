import { LOCALES, type Locale } from '../../core/locales';
import type { GovernmentKind, MembershipCategory, MembershipStatus } from '../../core/membership';
import type { Government, GovernmentCreate, GovernmentPatch } from '../../server/members/schemas';
import type { FieldError } from '../api';

/**
 * The government form keeps what the person typed as text, so nothing is lost or reformatted
 * while they edit or when the server refuses; it becomes API values only on submit.
 */
export interface GovernmentFormValues {
  names: Record<Locale, string>;
  localLang: string;
  /** One alias per line. */
  aliases: string;
  kind: GovernmentKind;
  country: string;
  region: string;
  population: string;
  populationYear: string;
  areaKm2: string;
  latitude: string;
  longitude: string;
  unlocode: string;
  cdpAccount: string;
  website: string;
  membershipCategory: MembershipCategory;
  membershipStatus: MembershipStatus;
  membershipSince: string;
}

const text = (value: number | string | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

export function blankGovernmentForm(): GovernmentFormValues {
  return {
    names: { en: '', ko: '', ja: '', 'zh-Hans': '', 'zh-Hant': '' },
    localLang: 'en',
    aliases: '',
    kind: 'city',
    country: '',
    region: '',
    population: '',
    populationYear: '',
    areaKm2: '',
    latitude: '',
    longitude: '',
    unlocode: '',
    cdpAccount: '',
    website: '',
    membershipCategory: 'non-member',
    membershipStatus: 'none',
    membershipSince: '',
  };
}

export function governmentFormValues(government: Government): GovernmentFormValues {
  const names = Object.fromEntries(
    LOCALES.map((lang) => [lang, government.names[lang] ?? '']),
  ) as Record<Locale, string>;
  return {
    names,
    localLang: government.localLang,
    aliases: government.aliases.join('\n'),
    kind: government.kind,
    country: government.country,
    region: government.region,
    population: text(government.population),
    populationYear: text(government.populationYear),
    areaKm2: text(government.areaKm2),
    latitude: text(government.latitude),
    longitude: text(government.longitude),
    unlocode: text(government.unlocode),
    cdpAccount: text(government.cdpAccount),
    website: text(government.website),
    membershipCategory: government.membership.category,
    membershipStatus: government.membership.status,
    membershipSince: text(government.membership.since),
  };
}

/**
 * Reads a number as people type it: full-width digits (from a Japanese or Chinese input
 * method) become ASCII, and grouping commas and spaces are ignored ("1,463,723").
 */
export function parseNumberInput(
  raw: string,
  kind: 'integer' | 'decimal',
): { value: number | null } | { error: string } {
  const cleaned = raw
    .normalize('NFKC')
    .replace(/[\s,_]/g, '')
    .replace(/^−/, '-');
  if (cleaned === '') return { value: null };
  const pattern = kind === 'integer' ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)$/;
  if (!pattern.test(cleaned)) {
    return { error: kind === 'integer' ? 'must be integer' : 'must be number' };
  }
  return { value: Number(cleaned) };
}

/** Every field of the form as the API names it (the whole record, not a diff). */
type GovernmentFields = Required<Omit<GovernmentPatch, 'membership'>>;

/**
 * Turns the typed text into API values. Checks only what the server cannot see
 * (text that is not a number); ranges and formats are the server's to judge.
 */
export function readGovernmentForm(
  values: GovernmentFormValues,
  otherNames: Record<string, string> = {},
): { fields: GovernmentFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const numberField = (field: string, raw: string, kind: 'integer' | 'decimal') => {
    const parsed = parseNumberInput(raw, kind);
    if ('error' in parsed) {
      errors.push({ pointer: `/${field}`, detail: parsed.error });
      return null;
    }
    return parsed.value;
  };
  const optionalText = (raw: string) => (raw.trim() === '' ? null : raw.trim());

  // Names in languages this form does not show (e.g. a Thai name) are kept as they were.
  const names: Record<string, string> = { ...otherNames };
  for (const lang of LOCALES) {
    const name = values.names[lang].trim();
    if (name) names[lang] = name;
  }
  const aliases = values.aliases
    .split('\n')
    .map((line) => line.trim())
    .filter((line, index, all) => line !== '' && all.indexOf(line) === index);

  const fields: GovernmentFields = {
    names,
    aliases,
    kind: values.kind,
    country: values.country.trim().toUpperCase(),
    region: values.region,
    localLang: values.localLang,
    population: numberField('population', values.population, 'integer'),
    populationYear: numberField('populationYear', values.populationYear, 'integer'),
    areaKm2: numberField('areaKm2', values.areaKm2, 'decimal'),
    latitude: numberField('latitude', values.latitude, 'decimal'),
    longitude: numberField('longitude', values.longitude, 'decimal'),
    unlocode: optionalText(values.unlocode.toUpperCase()),
    cdpAccount: optionalText(values.cdpAccount),
    website: optionalText(values.website),
  };
  return { fields, errors };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Names compared regardless of key order. */
const sortedEntries = (names: Record<string, string | undefined>) =>
  Object.entries(names)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));

/**
 * The PATCH body: only the fields whose value differs from the government as loaded. The
 * membership is never sent: it follows its years, which the membership section keeps.
 */
export function governmentPatch(
  government: Government,
  values: GovernmentFormValues,
): { patch: GovernmentPatch; errors: FieldError[] } {
  const otherNames = Object.fromEntries(
    Object.entries(government.names).filter(
      (entry): entry is [string, string] =>
        !(LOCALES as readonly string[]).includes(entry[0]) && typeof entry[1] === 'string',
    ),
  );
  const { fields, errors } = readGovernmentForm(values, otherNames);
  const patch: GovernmentPatch = {};
  if (!same(sortedEntries(fields.names), sortedEntries(government.names))) {
    patch.names = fields.names;
  }
  if (!same(fields.aliases, government.aliases)) patch.aliases = fields.aliases;
  if (fields.kind !== government.kind) patch.kind = fields.kind;
  if (fields.country !== government.country) patch.country = fields.country;
  if (fields.region !== government.region) patch.region = fields.region;
  if (fields.localLang !== government.localLang) patch.localLang = fields.localLang;
  const scalarKeys = [
    'population',
    'populationYear',
    'areaKm2',
    'latitude',
    'longitude',
    'unlocode',
    'cdpAccount',
    'website',
  ] as const;
  for (const key of scalarKeys) {
    // A field that failed to parse is left out rather than sent as null (which would clear it).
    if (errors.some((e) => e.pointer === `/${key}`)) continue;
    if (fields[key] !== government[key]) Object.assign(patch, { [key]: fields[key] });
  }
  return { patch, errors };
}

/** Builds a slug from an English name: "New Taipei City" → "new-taipei-city". */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The POST body for a new government; empty optional fields are left out. */
export function governmentCreateBody(
  slug: string,
  values: GovernmentFormValues,
): { body: GovernmentCreate; errors: FieldError[] } {
  const { fields, errors } = readGovernmentForm(values);
  if (!slug.trim()) errors.push({ pointer: '/slug', detail: 'is required' });
  if (!fields.names.en) errors.push({ pointer: '/names/en', detail: 'is required' });
  if (!fields.country) errors.push({ pointer: '/country', detail: 'is required' });
  if (!fields.region) errors.push({ pointer: '/region', detail: 'is required' });
  const body: GovernmentCreate = {
    slug: slug.trim(),
    names: fields.names,
    kind: fields.kind,
    country: fields.country,
    region: fields.region,
    localLang: fields.localLang,
  };
  if (fields.aliases.length > 0) body.aliases = fields.aliases;
  const optionalKeys = [
    'population',
    'populationYear',
    'areaKm2',
    'latitude',
    'longitude',
    'unlocode',
    'cdpAccount',
    'website',
  ] as const;
  for (const key of optionalKeys) {
    if (fields[key] !== null) Object.assign(body, { [key]: fields[key] });
  }
  return { body, errors };
}
