/** The new-body form's values, checks and request, apart from React so they can be tested. */
import { LOCALES } from '../../core/locales';
import type { BodyKind } from '../../core/governance/meeting';

export interface BodyFormValues {
  kind: BodyKind;
  region: string;
  slug: string;
  /** Whether the slug was typed; until then it follows the English name. */
  slugTouched: boolean;
  names: Record<string, string>;
}

export const emptyBodyForm = (): BodyFormValues => ({
  kind: 'network',
  region: '',
  slug: '',
  slugTouched: false,
  names: {},
});

/** A slug from a name: lower-case ASCII words joined by hyphens, at most 80 characters. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

export const BODY_FORM_PROBLEMS = ['nameRequired', 'slugInvalid', 'regionRequired'] as const;
export type BodyFormProblemCode = (typeof BODY_FORM_PROBLEMS)[number];

export interface BodyCreateRequest {
  slug: string;
  kind: BodyKind;
  names: Record<string, string>;
  region: string | null;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The request to send, or the problems to show beside the fields (pointers as the API's). */
export function bodyCreateRequest(values: BodyFormValues): {
  request: BodyCreateRequest | null;
  problems: { pointer: string; code: BodyFormProblemCode }[];
} {
  const names: Record<string, string> = {};
  for (const lang of LOCALES) {
    const name = values.names[lang]?.trim();
    if (name) names[lang] = name;
  }
  const problems: { pointer: string; code: BodyFormProblemCode }[] = [];
  if (!names.en) problems.push({ pointer: '/names/en', code: 'nameRequired' });
  const slug = values.slug.trim();
  if (!SLUG.test(slug) || slug.length > 80)
    problems.push({ pointer: '/slug', code: 'slugInvalid' });
  if (values.kind === 'rexcom' && !values.region) {
    problems.push({ pointer: '/region', code: 'regionRequired' });
  }
  if (problems.length > 0) return { request: null, problems };
  return {
    request: { slug, kind: values.kind, names, region: values.region || null },
    problems,
  };
}
