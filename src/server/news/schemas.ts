import { Type, type Static } from 'typebox';
import { NEWS_STATUSES } from '../../core/publishing';
import { Names, Nullable, Page, PageQuery, Slug, Id, ActorLabel } from '../http/common-schemas';
import { FileInfo } from '../files/schemas';
import { GovernmentRef } from '../governance/schemas';

const Instant = Type.String({ format: 'date-time', description: 'UTC instant (ISO 8601)' });
const Lang = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$' });

export const NewsTranslation = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  summary: Type.String({ maxLength: 1000 }),
  /** Sanitised HTML (p, headings, lists, links, emphasis, tables). */
  bodyHtml: Type.String({ maxLength: 200_000 }),
});
export const NewsTranslations = Type.Record(Lang, NewsTranslation, {
  minProperties: 1,
  // Keys that are not language tags are refused, not passed through unchecked.
  additionalProperties: false,
  description: 'The post in each language it is written in',
});

export const NewsSummary = Type.Object({
  id: Type.Integer(),
  slug: Slug,
  status: Type.Enum(NEWS_STATUSES),
  publishedAt: Nullable(Instant),
  /** The language shown (the viewer's if the post has it, else the first available). */
  lang: Type.String(),
  languages: Type.Array(Type.String()),
  title: Type.String(),
  summary: Type.String(),
  cover: Nullable(FileInfo),
  isDemo: Type.Boolean(),
});
export type NewsSummary = Static<typeof NewsSummary>;

export const NewsPost = Type.Object({
  ...NewsSummary.properties,
  translations: NewsTranslations,
  photos: Type.Array(FileInfo),
  meeting: Nullable(Type.Object({ id: Type.Integer(), title: Names, startsAt: Instant })),
  body: Nullable(Type.Object({ slug: Slug, names: Names })),
  governments: Type.Array(GovernmentRef),
  authorLabel: ActorLabel,
  updatedAt: Instant,
  /**
   * Incremented by every change of the post: its text and links, publishing and unpublishing
   * (also the ETag); send it back as If-Match. Its photos change on their own and do not count.
   */
  version: Type.Integer(),
});
export type NewsPost = Static<typeof NewsPost>;

export const NewsPage = Page(NewsSummary);
export const NewsQuery = Type.Object({
  lang: Type.Optional(Lang),
  body: Type.Optional(Slug),
  government: Type.Optional(Slug),
  meeting: Type.Optional(Id),
  /** Drafts are listed for administrators only. */
  status: Type.Optional(Type.Enum(['published', 'draft', 'all'] as const)),
  ...PageQuery,
});
export type NewsQuery = Static<typeof NewsQuery>;

export const NewsCreate = Type.Object(
  {
    slug: Type.Optional(Slug),
    translations: NewsTranslations,
    meetingId: Type.Optional(Nullable(Id)),
    body: Type.Optional(Nullable(Slug)),
    governmentIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type NewsCreate = Static<typeof NewsCreate>;
export const NewsPatch = Type.Partial(
  Type.Object({
    translations: NewsTranslations,
    meetingId: Nullable(Id),
    body: Nullable(Slug),
    governmentIds: Type.Array(Id, { maxItems: 200 }),
  }),
  { additionalProperties: false },
);
export type NewsPatch = Static<typeof NewsPatch>;

/** The change to a news photo is the change to any file: the files area owns its shape. */
export { FilePatch } from '../files/schemas';
