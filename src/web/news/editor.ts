/**
 * The news editor's state and the request it sends. The editor keeps one draft per language;
 * a language counts as written once any of its fields has text, and only written languages
 * are sent, so an empty tab never turns into an empty translation on the server.
 */
import type { Locale } from '../../core/locales';
import { searchKey } from '../../core/names';
import { NEWS_LANGUAGES, pickText } from './language';
import type { MeetingSummary, NewsCreate, NewsPatch, NewsPost, NewsTranslation } from './types';

export interface TranslationDraft {
  title: string;
  summary: string;
  bodyHtml: string;
}

export interface LinkedGovernment {
  id: number;
  slug: string;
  label: string;
}

export interface PostDraft {
  /** Only asked for a new post; the server makes one from the title when it is empty. */
  slug: string;
  translations: Record<Locale, TranslationDraft>;
  /** Translations in languages the editor has no tab for, sent back unchanged. */
  otherTranslations: Record<string, NewsTranslation>;
  /** The chosen meeting's id (from the list of meetings), or '' for none. */
  meetingId: string;
  /** The linked body's slug, or '' for none. */
  body: string;
  governments: LinkedGovernment[];
}

export type TranslationField = keyof TranslationDraft;
export const TRANSLATION_FIELDS: readonly TranslationField[] = ['title', 'summary', 'bodyHtml'];

export const DRAFT_PROBLEM_CODES = [
  'titleRequired',
  'titleTooLong',
  'summaryTooLong',
  'noLanguage',
  'meetingId',
  'slug',
] as const;
export type DraftProblemCode = (typeof DRAFT_PROBLEM_CODES)[number];

export interface DraftProblem {
  pointer: string;
  code: DraftProblemCode;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TITLE_MAX = 300;
const SUMMARY_MAX = 1000;

export function translationPointer(lang: string, field: TranslationField): string {
  return `/translations/${lang}/${field}`;
}

function emptyTranslation(): TranslationDraft {
  return { title: '', summary: '', bodyHtml: '' };
}

export function emptyPostDraft(): PostDraft {
  return {
    slug: '',
    translations: Object.fromEntries(
      NEWS_LANGUAGES.map((lang) => [lang, emptyTranslation()]),
    ) as Record<Locale, TranslationDraft>,
    otherTranslations: {},
    meetingId: '',
    body: '',
    governments: [],
  };
}

/** The editor's state for a saved post; labelOf names each linked government for the list. */
export function postDraft(
  post: NewsPost,
  labelOf: (government: NewsPost['governments'][number]) => string,
): PostDraft {
  const draft = emptyPostDraft();
  for (const [lang, translation] of Object.entries(post.translations)) {
    if ((NEWS_LANGUAGES as readonly string[]).includes(lang)) {
      draft.translations[lang as Locale] = { ...translation };
    } else {
      draft.otherTranslations[lang] = translation;
    }
  }
  return {
    ...draft,
    slug: post.slug,
    meetingId: post.meeting ? String(post.meeting.id) : '',
    body: post.body?.slug ?? '',
    governments: post.governments.map((g) => ({ id: g.id, slug: g.slug, label: labelOf(g) })),
  };
}

export function isWritten(translation: TranslationDraft): boolean {
  return TRANSLATION_FIELDS.some((field) => translation[field].trim() !== '');
}

/** The languages that have any text, in tab order. */
export function writtenLanguages(draft: PostDraft): Locale[] {
  return NEWS_LANGUAGES.filter((lang) => isWritten(draft.translations[lang]));
}

/**
 * The create request for a draft, with what is wrong with it. The same body, less the slug,
 * is the update request (patchFromCreate).
 */
export function draftPayload(draft: PostDraft): { payload: NewsCreate; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const translations: Record<string, NewsTranslation> = { ...draft.otherTranslations };
  for (const lang of writtenLanguages(draft)) {
    const t = draft.translations[lang];
    const title = t.title.trim();
    const summary = t.summary.trim();
    if (title === '')
      problems.push({ pointer: translationPointer(lang, 'title'), code: 'titleRequired' });
    if (title.length > TITLE_MAX) {
      problems.push({ pointer: translationPointer(lang, 'title'), code: 'titleTooLong' });
    }
    if (summary.length > SUMMARY_MAX) {
      problems.push({ pointer: translationPointer(lang, 'summary'), code: 'summaryTooLong' });
    }
    translations[lang] = { title, summary, bodyHtml: t.bodyHtml.trim() };
  }
  if (Object.keys(translations).length === 0) {
    problems.push({ pointer: translationPointer('en', 'title'), code: 'noLanguage' });
  }

  let meetingId: number | null = null;
  const meetingText = draft.meetingId.trim();
  if (meetingText !== '') {
    const n = Number(meetingText);
    if (/^\d+$/.test(meetingText) && Number.isSafeInteger(n) && n >= 1) meetingId = n;
    else problems.push({ pointer: '/meetingId', code: 'meetingId' });
  }

  const slug = draft.slug.trim();
  if (slug !== '' && (!SLUG.test(slug) || slug.length > 80)) {
    problems.push({ pointer: '/slug', code: 'slug' });
  }

  const payload: NewsCreate = {
    ...(slug !== '' ? { slug } : {}),
    translations,
    meetingId,
    body: draft.body === '' ? null : draft.body,
    governmentIds: [...new Set(draft.governments.map((g) => g.id))],
  };
  return { payload, problems };
}

export function patchFromCreate(create: NewsCreate): NewsPatch {
  return {
    translations: create.translations,
    meetingId: create.meetingId ?? null,
    body: create.body ?? null,
    governmentIds: create.governmentIds ?? [],
  };
}

/** The first tab language that a list of field pointers names, to bring its tab forward. */
export function firstLanguageWithProblem(pointers: readonly string[]): Locale | null {
  for (const lang of NEWS_LANGUAGES) {
    if (
      pointers.some((p) => p === `/translations/${lang}` || p.startsWith(`/translations/${lang}/`))
    ) {
      return lang;
    }
  }
  return null;
}

/** A meeting a post can report on, named for the reader: body, title and day. */
export interface MeetingChoice {
  /** The meeting's id as the select's value (never shown). */
  value: string;
  label: string;
  /** The label folded for search (searchKey). */
  key: string;
}

/**
 * The meetings to choose from, named by body, title and day in the reader's language, newest
 * first as the list came. The post's own meeting is kept when the list does not hold it
 * (an older meeting past the list's end), named by its title and day. `dayText` formats a
 * day ("2025-03-04") for the reader; `untitled` names a meeting with no title.
 */
export function meetingChoices(
  meetings: readonly MeetingSummary[],
  current: NewsPost['meeting'] | null | undefined,
  locale: string,
  dayText: (day: string) => string,
  untitled: string,
): MeetingChoice[] {
  const choice = (id: number, parts: readonly (string | null | undefined)[]): MeetingChoice => {
    const label = parts
      .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
      .join(' — ');
    return { value: String(id), label, key: searchKey(label) };
  };
  const titleOf = (title: Partial<Record<string, string>>) =>
    pickText(title, locale)?.text || untitled;
  const choices = meetings.map((m) =>
    choice(m.id, [
      m.body ? pickText(m.body.names, locale)?.text : null,
      titleOf(m.title),
      dayText(m.localStart.slice(0, 10)),
    ]),
  );
  if (current && !meetings.some((m) => m.id === current.id)) {
    choices.unshift(choice(current.id, [titleOf(current.title), dayText(current.startsAt)]));
  }
  return choices;
}

/**
 * The choices whose label holds every word of the search (width, case and spaces aside); the
 * chosen meeting stays in the list so the select never loses its value.
 */
export function filterMeetingChoices(
  choices: readonly MeetingChoice[],
  search: string,
  chosen: string,
): MeetingChoice[] {
  const words = search
    .split(/\s+/)
    .map(searchKey)
    .filter((w) => w !== '');
  if (words.length === 0) return [...choices];
  return choices.filter((c) => c.value === chosen || words.every((w) => c.key.includes(w)));
}
