/** Types of the news API's payloads, taken from the server's TypeBox schemas (types only). */
import type { Static } from 'typebox';
import type {
  NewsCreate as NewsCreateSchema,
  NewsPage as NewsPageSchema,
  NewsPatch as NewsPatchSchema,
  NewsPost as NewsPostSchema,
  NewsQuery as NewsQuerySchema,
  NewsSummary as NewsSummarySchema,
  NewsTranslation as NewsTranslationSchema,
  FilePatch as FilePatchSchema,
} from '../../server/news/schemas';
import type {
  BodySummary as BodySummarySchema,
  FileInfo as FileInfoSchema,
  MeetingPage as MeetingPageSchema,
  MeetingSummary as MeetingSummarySchema,
} from '../../server/governance/schemas';

export type NewsSummary = Static<typeof NewsSummarySchema>;
export type NewsPost = Static<typeof NewsPostSchema>;
export type NewsPage = Static<typeof NewsPageSchema>;
export type NewsCreate = Static<typeof NewsCreateSchema>;
export type NewsPatch = Static<typeof NewsPatchSchema>;
export type NewsTranslation = Static<typeof NewsTranslationSchema>;
export type FileInfo = Static<typeof FileInfoSchema>;
export type FilePatch = Static<typeof FilePatchSchema>;
export type BodySummary = Static<typeof BodySummarySchema>;
export type MeetingSummary = Static<typeof MeetingSummarySchema>;
export type MeetingPage = Static<typeof MeetingPageSchema>;
export type NewsStatus = NewsSummary['status'];

export const NEWS_STATUSES: readonly NewsStatus[] = ['draft', 'published'];
export type NewsQueryStatus = NonNullable<Static<typeof NewsQuerySchema>['status']>;
