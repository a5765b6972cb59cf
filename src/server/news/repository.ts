import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { NewsStatus } from '../../core/publishing';
import type { NewsPostTable, NewsTranslationTable } from '../db/schema';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';
import { moveRowsToGovernment } from '../db/government-move';

export type PostRow = Selectable<NewsPostTable>;
export type TranslationRow = Selectable<NewsTranslationTable>;

export interface PostFilter {
  statuses: NewsStatus[];
  body?: string | undefined;
  government?: string | undefined;
  meetingId?: number | undefined;
}

/** One page of posts, newest first (drafts by when they were written), and the total. */
export async function listPosts(
  db: Executor,
  filter: PostFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: PostRow[]; total: number }> {
  let q = db.selectFrom('news_posts').where('news_posts.status', 'in', filter.statuses);
  if (filter.body) {
    const body = filter.body;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('bodies')
          .whereRef('bodies.id', '=', 'news_posts.body_id')
          .where('bodies.slug', '=', body)
          .select('bodies.id'),
      ),
    );
  }
  if (filter.government) {
    const government = filter.government;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('news_governments as ng')
          .innerJoin('governments as g', 'g.id', 'ng.government_id')
          .whereRef('ng.post_id', '=', 'news_posts.id')
          .where('g.slug', '=', government)
          .select('ng.id'),
      ),
    );
  }
  if (filter.meetingId !== undefined) q = q.where('news_posts.meeting_id', '=', filter.meetingId);
  const totalRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q
    .selectAll('news_posts')
    .orderBy(sql`COALESCE(news_posts.published_at, news_posts.created_at)`, 'desc')
    .orderBy('news_posts.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

export function findPostBySlug(db: Executor, slug: string): Promise<PostRow | undefined> {
  return db.selectFrom('news_posts').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findPostById(db: Executor, id: number): Promise<PostRow | undefined> {
  return db.selectFrom('news_posts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPostOfMeeting(db: Executor, meetingId: number): Promise<PostRow | undefined> {
  return db
    .selectFrom('news_posts')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .executeTakeFirst();
}

/** Slugs already taken that equal `base` or extend it with a suffix. */
export async function slugsLike(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('news_posts')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export async function insertPost(db: Executor, values: Insertable<NewsPostTable>): Promise<number> {
  const row = await db
    .insertInto('news_posts')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes the next version of a post (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimPostVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'news_posts', id, expected);
}

export async function updatePost(
  db: Executor,
  id: number,
  values: Updateable<NewsPostTable>,
): Promise<void> {
  await db.updateTable('news_posts').set(values).where('id', '=', id).execute();
}

export async function deletePost(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('news_posts').where('id', '=', id).execute();
}

export async function replaceTranslations(
  db: Executor,
  postId: number,
  translations: { lang: string; title: string; summary: string; bodyHtml: string }[],
): Promise<void> {
  await db.deleteFrom('news_translations').where('post_id', '=', postId).execute();
  if (translations.length === 0) return;
  await db
    .insertInto('news_translations')
    .values(
      translations.map((t) => ({
        post_id: postId,
        lang: t.lang,
        title: t.title,
        summary: t.summary,
        body_html: t.bodyHtml,
      })),
    )
    .execute();
}

/** Translations of many posts, in the order they were written. */
export async function translationsOf(
  db: Executor,
  postIds: number[],
): Promise<Map<number, TranslationRow[]>> {
  const out = new Map<number, TranslationRow[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('news_translations')
    .selectAll()
    .where('post_id', 'in', postIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.post_id) ?? [];
    list.push(r);
    out.set(r.post_id, list);
  }
  return out;
}

export async function replaceGovernments(
  db: Executor,
  postId: number,
  governmentIds: number[],
): Promise<void> {
  await db.deleteFrom('news_governments').where('post_id', '=', postId).execute();
  const unique = [...new Set(governmentIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('news_governments')
    .values(unique.map((government_id) => ({ post_id: postId, government_id })))
    .execute();
}

export interface GovernmentRefRow {
  id: number;
  slug: string;
  local_lang: string;
  country: string;
}

export function governmentsOfPost(db: Executor, postId: number): Promise<GovernmentRefRow[]> {
  return db
    .selectFrom('news_governments as ng')
    .innerJoin('governments as g', 'g.id', 'ng.government_id')
    .select(['g.id', 'g.slug', 'g.local_lang', 'g.country'])
    .where('ng.post_id', '=', postId)
    .orderBy('g.slug')
    .execute();
}

/** Names (kind 'name') by language for many governments. */
export async function governmentNames(
  db: Executor,
  ids: number[],
): Promise<Map<number, Record<string, string>>> {
  const out = new Map<number, Record<string, string>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('government_names')
    .select(['government_id', 'lang', 'name'])
    .where('government_id', 'in', ids)
    .where('kind', '=', 'name')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    if (!r.lang) continue;
    const names = out.get(r.government_id) ?? {};
    names[r.lang] ??= r.name;
    out.set(r.government_id, names);
  }
  return out;
}

/** Which of these ids are governments. */
export async function existingGovernmentIds(db: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('governments').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export function findBodyBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('bodies')
    .select(['id', 'slug', 'names'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function findBodyById(db: Executor, id: number) {
  return db
    .selectFrom('bodies')
    .select(['id', 'slug', 'names'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findMeeting(db: Executor, id: number) {
  return db
    .selectFrom('meetings')
    .select(['id', 'body_id', 'title', 'status', 'starts_at', 'time_zone'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function agendaOf(db: Executor, meetingId: number) {
  return db
    .selectFrom('agenda_items')
    .select(['id', 'parent_id', 'position', 'title'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Governments with someone marked present at the meeting, each once. */
export async function presentGovernmentIds(db: Executor, meetingId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('attendance')
    .select('government_id')
    .distinct()
    .where('meeting_id', '=', meetingId)
    .where('present', '=', 1)
    .where('government_id', 'is not', null)
    .execute();
  return rows.map((r) => r.government_id).filter((id): id is number => id !== null);
}

// ---------------------------------------------------------------- merges of governments

/** Points news posts' links at another government (a merge of governments, and its undo). */
export async function setNewsGovernmentsGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'news_governments', ids, governmentId);
}

/** Removes links a merge made twice (a post about both governments). */
export async function deleteNewsGovernmentsById(db: Executor, ids: readonly number[]) {
  if (ids.length) await db.deleteFrom('news_governments').where('id', 'in', ids).execute();
}

/** Puts back links a merge removed, with their ids (its undo). */
export async function restoreNewsGovernments(
  db: Executor,
  rows: readonly { id: number; post_id: number; government_id: number }[],
) {
  if (rows.length)
    await db
      .insertInto('news_governments')
      .values([...rows])
      .execute();
}

/**
 * The titles of many posts by language in one query (the audit log names them), with each
 * post's slug; a post without translations has one row with null lang and title.
 */
export function postTitlesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('news_posts')
    .leftJoin('news_translations', 'news_translations.post_id', 'news_posts.id')
    .where('news_posts.id', 'in', ids)
    .select([
      'news_posts.id',
      'news_posts.slug',
      'news_translations.lang',
      'news_translations.title',
    ])
    .execute();
}
