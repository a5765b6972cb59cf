import type { Actor } from '../../core/roles';
import { nowIso } from '../clock';
import { invalidField, notFound } from '../http/problem';
import { richTextToPlain, sanitizeRichText } from '../media/sanitize';
import type { Store } from '../store';
import { attributionLabelsFor } from '../users/attribution';
import { presentGovernmentRefs, presentPost } from './present';
import type { PostRow } from './repository';
import type { NewsCreate, NewsPost } from './schemas';

/**
 * What the news services share: loading a post with what it is shown with, slugs, the
 * cleaning of translations and the checks of a post's links.
 */

export type TranslationInput = NewsCreate['translations'];

const SLUG_BASE_MAX = 60;
export const TITLE_MAX = 300;

/**
 * A post with its translations, photos, governments, meeting and body, for the viewer (null:
 * the public), who sees its author's e-mail only when the policy lets them.
 */
export async function loadPost(
  store: Store,
  row: PostRow,
  requested: string | undefined,
  viewer: Actor | null,
): Promise<NewsPost> {
  const [translations, files, governmentRows, meeting, body, shown] = await Promise.all([
    store.news.translationsOf([row.id]),
    store.files.listFilesOf({ newsPostId: row.id }),
    store.news.governmentsOfPost(row.id),
    row.meeting_id === null ? undefined : store.news.findMeeting(row.meeting_id),
    row.body_id === null ? undefined : store.news.findBodyById(row.body_id),
    attributionLabelsFor(store, viewer, [row.author_label]),
  ]);
  const names = await store.news.governmentNames(governmentRows.map((r) => r.id));
  return presentPost(
    row,
    {
      translations: translations.get(row.id) ?? [],
      files,
      governments: presentGovernmentRefs(governmentRows, names),
      meeting,
      body,
      author: shown(row.author_label),
    },
    requested,
    viewer !== null,
  );
}

/** An ASCII slug from a title: accents dropped, anything else non-alphanumeric a hyphen. */
export function slugFromTitle(title: string): string {
  let slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > SLUG_BASE_MAX) {
    slug = slug.slice(0, SLUG_BASE_MAX);
    const cut = slug.lastIndexOf('-');
    // Cut at a word boundary when one is not too far back.
    if (cut > SLUG_BASE_MAX / 2) slug = slug.slice(0, cut);
    slug = slug.replace(/-+$/, '');
  }
  return slug;
}

/** The English title (else the first) made into a slug no other post uses: x, x-2, x-3, … */
export async function generateSlug(store: Store, translations: TranslationInput): Promise<string> {
  const title = translations.en?.title ?? Object.values(translations)[0]?.title ?? '';
  // Titles in scripts without an ASCII form (Korean, Chinese, …) leave nothing: use the day.
  const base = slugFromTitle(title) || `news-${nowIso().slice(0, 10)}`;
  const taken = await store.news.slugsLike(base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const LOOKS_LIKE_MARKUP = /<[a-z!/]/i;

/** Titles and summaries are plain text; the body is rich text, sanitised before storing. */
export function cleanTranslations(translations: TranslationInput) {
  return Object.entries(translations).map(([lang, t]) => {
    const title = t.title.replace(/\s+/g, ' ').trim();
    if (!title) throw invalidField(`/translations/${lang}/title`, 'required', 'must not be blank');
    const summary = LOOKS_LIKE_MARKUP.test(t.summary)
      ? richTextToPlain(t.summary)
      : t.summary.replace(/\s+/g, ' ').trim();
    return { lang, title, summary, bodyHtml: sanitizeRichText(t.bodyHtml) };
  });
}

export async function resolveLinks(
  store: Store,
  input: { meetingId?: number | null; body?: string | null; governmentIds?: number[] },
): Promise<{ meetingBodyId: number | null; bodyId: number | null | undefined }> {
  let meetingBodyId: number | null = null;
  if (input.meetingId !== undefined && input.meetingId !== null) {
    const meeting = await store.news.findMeeting(input.meetingId);
    if (!meeting)
      throw invalidField('/meetingId', 'unknown-reference', `no meeting ${input.meetingId}`, {
        record: 'meeting',
      });
    meetingBodyId = meeting.body_id;
  }
  let bodyId: number | null | undefined;
  if (input.body === null) bodyId = null;
  else if (input.body !== undefined) {
    const body = await store.news.findBodyBySlug(input.body);
    if (!body)
      throw invalidField('/body', 'unknown-reference', `no body "${input.body}"`, {
        record: 'body',
      });
    bodyId = body.id;
  }
  if (input.governmentIds?.length) {
    const known = await store.news.existingGovernmentIds(input.governmentIds);
    const index = input.governmentIds.findIndex((id) => !known.has(id));
    if (index >= 0) {
      throw invalidField(
        `/governmentIds/${index}`,
        'unknown-reference',
        `no government ${input.governmentIds[index]}`,
        { record: 'government' },
      );
    }
  }
  return { meetingBodyId, bodyId };
}

export async function loadForWrite(store: Store, slug: string): Promise<PostRow> {
  const row = await store.news.findPostBySlug(slug);
  if (!row) throw notFound('news-post', `no news post "${slug}"`);
  return row;
}

/** A post as its editor sees it, read again after a change. */
export async function reload(store: Store, id: number, editor: Actor): Promise<NewsPost> {
  const row = await store.news.findPostById(id);
  if (!row) throw new Error(`news post ${id} vanished`);
  return loadPost(store, row, undefined, editor);
}
