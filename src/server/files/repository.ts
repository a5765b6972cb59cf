import type { Insertable, Selectable, Updateable } from 'kysely';
import type { FileTable } from '../db/schema';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';

export type FileRow = Selectable<FileTable>;
/** A file with the status of the news post it belongs to (null when it belongs to none). */
export type FileWithPost = FileRow & { post_status: string | null };
/** A file with what decides who may read it: its post's and its meeting's status. */
export type FileWithOwners = FileWithPost & { meeting_status: string | null };

export type FileOwner = { meetingId: number } | { newsPostId: number };
/** The columns a change to a file may set. */
export type FileChanges = Updateable<FileTable>;
export type NewFile = Insertable<FileTable>;

export async function insertFile(db: Executor, values: Insertable<FileTable>): Promise<number> {
  const row = await db.insertInto('files').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Many files in one statement (a news post's copies of a meeting's photos). */
export async function insertFiles(db: Executor, rows: Insertable<FileTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('files').values(rows).execute();
}

export function findFile(db: Executor, id: number): Promise<FileWithOwners | undefined> {
  return db
    .selectFrom('files')
    .leftJoin('news_posts', 'news_posts.id', 'files.news_post_id')
    .leftJoin('meetings', 'meetings.id', 'files.meeting_id')
    .selectAll('files')
    .select(['news_posts.status as post_status', 'meetings.status as meeting_status'])
    .where('files.id', '=', id)
    .executeTakeFirst();
}

export function listFilesOf(db: Executor, owner: FileOwner): Promise<FileWithPost[]> {
  let q = db
    .selectFrom('files')
    .leftJoin('news_posts', 'news_posts.id', 'files.news_post_id')
    .selectAll('files')
    .select('news_posts.status as post_status');
  q =
    'meetingId' in owner
      ? q.where('files.meeting_id', '=', owner.meetingId)
      : q.where('files.news_post_id', '=', owner.newsPostId);
  return q.orderBy('files.sort_order').orderBy('files.id').execute();
}

/**
 * Takes the next version of a file (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimFileVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'files', id, expected);
}

export async function updateFileRow(
  db: Executor,
  id: number,
  values: Updateable<FileTable>,
): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await db.updateTable('files').set(values).where('id', '=', id).execute();
}

export async function deleteFileRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('files').where('id', '=', id).execute();
}

/**
 * Of the given storage keys, those that some files row still points at (main or thumbnail),
 * or an application's document: the store is shared and content-addressed, so a council
 * resolution and a meeting paper with the same bytes are one file on disk.
 */
export async function keysInUse(db: Executor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('files')
    .select(['storage_key', 'thumb_key'])
    .where((eb) => eb.or([eb('storage_key', 'in', keys), eb('thumb_key', 'in', keys)]))
    .execute();
  const used = new Set<string>();
  for (const r of rows) {
    used.add(r.storage_key);
    if (r.thumb_key) used.add(r.thumb_key);
  }
  const documents = await db
    .selectFrom('application_documents')
    .select('storage_key')
    .where('storage_key', 'in', keys)
    .execute();
  for (const d of documents) used.add(d.storage_key);
  return used;
}

/** The next sort position among an owner's files, so new uploads go last. */
export async function nextSortOrder(db: Executor, owner: FileOwner): Promise<number> {
  let q = db.selectFrom('files').select((eb) => eb.fn.max('sort_order').as('m'));
  q =
    'meetingId' in owner
      ? q.where('meeting_id', '=', owner.meetingId)
      : q.where('news_post_id', '=', owner.newsPostId);
  const row = await q.executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m) + 1;
}

export async function meetingExists(db: Executor, id: number): Promise<boolean> {
  const row = await db.selectFrom('meetings').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function findNewsPostIdBySlug(
  db: Executor,
  slug: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('news_posts')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id;
}

// ---------------------------------------------------------------- for news posts

/** A meeting's photos in their order (for a news post's copies). */
export function meetingPhotos(db: Executor, meetingId: number): Promise<FileRow[]> {
  return db
    .selectFrom('files')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', 'photo')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** The first photo of each post (by its order), for covers. */
export async function coverPhotos(db: Executor, postIds: number[]): Promise<Map<number, FileRow>> {
  const out = new Map<number, FileRow>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('files')
    .selectAll()
    .where('news_post_id', 'in', postIds)
    .where('kind', '=', 'photo')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    if (r.news_post_id !== null && !out.has(r.news_post_id)) out.set(r.news_post_id, r);
  }
  return out;
}

/** The stored bytes (main and thumbnail) of a news post's files. */
export async function storageKeysOfPost(db: Executor, postId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('files')
    .select(['storage_key', 'thumb_key'])
    .where('news_post_id', '=', postId)
    .execute();
  return rows.flatMap((r) => (r.thumb_key ? [r.storage_key, r.thumb_key] : [r.storage_key]));
}

/** The captions and names of many files in one query (the audit log names them). */
export function fileNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('files')
    .where('id', 'in', ids)
    .select(['id', 'filename', 'caption'])
    .execute();
}
