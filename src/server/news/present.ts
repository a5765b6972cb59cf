import { chooseLanguage } from '../../core/names';
import { parseTexts } from '../db/texts';
import { isPublicFile, presentFile } from '../files/present';
import type { FileWithPost } from '../files/repository';
import type { GovernmentRef } from '../governance/schemas';
import type { GovernmentRefRow, PostRow, TranslationRow } from './repository';
import type { NewsPost, NewsSummary } from './schemas';

/**
 * The language to show by the one rule (src/core/names.ts): the one asked for, for a Chinese
 * reader the other script, else English, else the first written.
 */
export function pickLang(available: string[], requested: string | undefined): string {
  return chooseLanguage(available, requested ?? 'en') ?? 'en';
}

export function chosenTranslation(
  rows: TranslationRow[],
  requested: string | undefined,
): { lang: string; row: TranslationRow | undefined } {
  const lang = pickLang(
    rows.map((r) => r.lang),
    requested,
  );
  return { lang, row: rows.find((r) => r.lang === lang) };
}

export function presentSummary(
  row: PostRow,
  translations: TranslationRow[],
  cover: NewsSummary['cover'],
  requested: string | undefined,
): NewsSummary {
  const { lang, row: t } = chosenTranslation(translations, requested);
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    publishedAt: row.published_at,
    lang,
    languages: translations.map((r) => r.lang),
    title: t?.title ?? row.slug,
    summary: t?.summary ?? '',
    cover,
    isDemo: row.is_demo === 1,
  };
}

export function presentGovernmentRefs(
  rows: GovernmentRefRow[],
  names: Map<number, Record<string, string>>,
): GovernmentRef[] {
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    names: names.get(r.id) ?? {},
    localLang: r.local_lang,
    country: r.country,
  }));
}

/** What a post is shown with, loaded beside its row. */
export interface PostParts {
  translations: TranslationRow[];
  files: FileWithPost[];
  governments: GovernmentRef[];
  meeting: { id: number; title: string; starts_at: string } | undefined;
  body: { id: number; slug: string; names: string } | undefined;
  /** Who wrote the post, as the viewer may see them (src/server/users/attribution.ts). */
  author: string;
}

/** A post in full; the public sees its public photos only (all of them once it is out). */
export function presentPost(
  row: PostRow,
  parts: PostParts,
  requested: string | undefined,
  viewerSignedIn: boolean,
): NewsPost {
  const { translations, meeting, body } = parts;
  const photos = parts.files
    .filter((f) => f.kind === 'photo' && (viewerSignedIn || isPublicFile(f)))
    .map(presentFile);
  return {
    ...presentSummary(row, translations, photos[0] ?? null, requested),
    translations: Object.fromEntries(
      translations.map((t) => [
        t.lang,
        { title: t.title, summary: t.summary, bodyHtml: t.body_html },
      ]),
    ),
    photos,
    meeting: meeting
      ? {
          id: meeting.id,
          title: parseTexts(meeting.title, { table: 'meetings', id: meeting.id }),
          startsAt: meeting.starts_at,
        }
      : null,
    body: body
      ? { slug: body.slug, names: parseTexts(body.names, { table: 'bodies', id: body.id }) }
      : null,
    governments: parts.governments,
    authorLabel: parts.author,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** What the audit log keeps of a post. */
export function auditView(post: NewsPost) {
  return {
    slug: post.slug,
    status: post.status,
    publishedAt: post.publishedAt,
    meetingId: post.meeting?.id ?? null,
    body: post.body?.slug ?? null,
    governmentIds: post.governments.map((g) => g.id),
    translations: post.translations,
  };
}
