import { can } from '../../core/policy';
import { changedFields, recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { presentFile } from '../files/present';
import { removeUnusedBytes } from '../files/service';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { conflict, notFound } from '../http/problem';
import type { FileStore } from '../media/storage';
import type { Store } from '../store';
import {
  cleanTranslations,
  generateSlug,
  loadForWrite,
  loadPost,
  reload,
  resolveLinks,
} from './posts';
import { auditView, presentSummary } from './present';
import type { NewsCreate, NewsPatch, NewsPost, NewsQuery, NewsSummary } from './schemas';

/** News posts: the list and a post as readers see them; drafting, editing, publishing, deleting. */

// ---------------------------------------------------------------- reading

export async function listNews(
  store: Store,
  viewer: AuditActor | null,
  query: NewsQuery,
): Promise<{ items: NewsSummary[]; total: number; page: number; pageSize: number }> {
  const status = query.status ?? 'published';
  // Asking for drafts is asking for what the policy guards: 401 for the public, 403 for others.
  if (status !== 'published') {
    authorize(viewer, 'news.readDraft', {}, 'Only administrators may list drafts.');
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await store.news.listPosts(
    {
      statuses: status === 'all' ? ['draft', 'published'] : [status],
      body: query.body,
      government: query.government,
      meetingId: query.meeting,
    },
    page,
    pageSize,
  );
  const ids = rows.map((r) => r.id);
  const [translations, covers] = await Promise.all([
    store.news.translationsOf(ids),
    store.files.coverPhotos(ids),
  ]);
  return {
    items: rows.map((r) => {
      const cover = covers.get(r.id);
      return presentSummary(
        r,
        translations.get(r.id) ?? [],
        cover ? presentFile(cover) : null,
        query.lang,
      );
    }),
    total,
    page,
    pageSize,
  };
}

/** A post; drafts exist for administrators only (404 for everyone else). */
export async function getNews(
  store: Store,
  viewer: AuditActor | null,
  slug: string,
  lang: string | undefined,
): Promise<NewsPost> {
  const row = await store.news.findPostBySlug(slug);
  if (!row || (row.status !== 'published' && !can(viewer, 'news.readDraft'))) {
    throw notFound('news-post', `no news post "${slug}"`);
  }
  return loadPost(store, row, lang, viewer);
}

// ---------------------------------------------------------------- writing

export async function createNews(
  store: Store,
  actor: AuditActor,
  input: NewsCreate,
): Promise<NewsPost> {
  authorize(actor, 'news.manage', {}, 'Only the secretariat writes news.');
  const translations = cleanTranslations(input.translations);
  return store.transaction(async (tx) => {
    const { meetingBodyId, bodyId } = await resolveLinks(tx, input);
    let slug: string;
    if (input.slug) {
      if (await tx.news.findPostBySlug(input.slug)) {
        throw conflict('duplicate-value', `the slug "${input.slug}" is taken`, {
          pointer: '/slug',
          fieldDetail: 'another post uses this slug',
        });
      }
      slug = input.slug;
    } else {
      slug = await generateSlug(tx, input.translations);
    }
    const now = nowIso();
    const id = await tx.news.insertPost({
      slug,
      status: 'draft',
      published_at: null,
      meeting_id: input.meetingId ?? null,
      // A post about a meeting belongs to the meeting's body unless told otherwise.
      body_id: bodyId === undefined ? meetingBodyId : bodyId,
      author_label: actor.label,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    });
    await tx.news.replaceTranslations(id, translations);
    await tx.news.replaceGovernments(id, input.governmentIds ?? []);
    const post = await reload(tx, id, actor);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'news_post',
      entityId: id,
      summary: `Drafted news post "${post.title}"`,
      after: auditView(post),
    });
    return post;
  });
}

export async function updateNews(
  store: Store,
  actor: AuditActor,
  slug: string,
  patch: NewsPatch,
  expected?: ExpectedVersions,
): Promise<NewsPost> {
  authorize(actor, 'news.manage', {}, 'Only the secretariat writes news.');
  const translations = patch.translations ? cleanTranslations(patch.translations) : undefined;
  return store.transaction(async (tx) => {
    const { id } = await loadForWrite(tx, slug);
    // Concurrent changes of the post queue here; each then reads what the one before wrote.
    claimedVersion(await tx.news.claimPostVersion(id, expected));
    const row = await loadForWrite(tx, slug);
    const before = await loadPost(tx, row, undefined, actor);
    const { bodyId } = await resolveLinks(tx, patch);
    await tx.news.updatePost(row.id, {
      ...(patch.meetingId !== undefined ? { meeting_id: patch.meetingId } : {}),
      ...(bodyId !== undefined ? { body_id: bodyId } : {}),
      updated_at: nowIso(),
    });
    if (translations) await tx.news.replaceTranslations(row.id, translations);
    if (patch.governmentIds) await tx.news.replaceGovernments(row.id, patch.governmentIds);
    const after = await reload(tx, row.id, actor);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'news_post',
      entityId: row.id,
      summary: `Edited news post "${after.title}"`,
      ...changedFields(auditView(before), auditView(after)),
    });
    return after;
  });
}

export async function setPublished(
  store: Store,
  actor: AuditActor,
  slug: string,
  publish: boolean,
): Promise<NewsPost> {
  authorize(actor, 'news.manage', {}, 'Only the secretariat writes news.');
  return store.transaction(async (tx) => {
    const { id } = await loadForWrite(tx, slug);
    // Publishing changes the post: a copy read before it is stale (undone if refused).
    claimedVersion(await tx.news.claimPostVersion(id));
    const row = await loadForWrite(tx, slug);
    if (publish && row.status === 'published') {
      throw conflict('post-published', `"${slug}" is already published`);
    }
    if (!publish && row.status !== 'published')
      throw conflict('post-not-published', `"${slug}" is not published`);
    const now = nowIso();
    await tx.news.updatePost(row.id, {
      status: publish ? 'published' : 'draft',
      published_at: publish ? now : null,
      updated_at: now,
    });
    const after = await reload(tx, row.id, actor);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'news_post',
      entityId: row.id,
      summary: `${publish ? 'Published' : 'Unpublished'} news post "${after.title}"`,
      before: { status: row.status, publishedAt: row.published_at },
      after: { status: after.status, publishedAt: after.publishedAt },
    });
    return after;
  });
}

/** Deletes a draft with its photos; the photos' bytes go unless another file row uses them. */
export async function deleteNews(
  store: Store,
  bytes: FileStore,
  actor: AuditActor,
  slug: string,
): Promise<void> {
  authorize(actor, 'news.manage', {}, 'Only the secretariat writes news.');
  const keys = await store.transaction(async (tx) => {
    const row = await loadForWrite(tx, slug);
    if (row.status === 'published') {
      throw conflict(
        'post-published-delete',
        `"${slug}" is published: unpublish it before deleting it`,
      );
    }
    const before = await loadPost(tx, row, undefined, actor);
    const stored = await tx.files.storageKeysOfPost(row.id);
    // The post's translations, links and file rows go with it (ON DELETE CASCADE).
    await tx.news.deletePost(row.id);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'news_post',
      entityId: row.id,
      summary: `Deleted news post "${before.title}"`,
      before: auditView(before),
    });
    return stored;
  });
  await removeUnusedBytes(store, bytes, keys);
}
