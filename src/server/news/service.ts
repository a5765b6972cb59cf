import { changedFields, recordAuditOnExecutor, type AuditActor } from '../audit/service';
import type { Db } from '../db/database';
import { parseTexts, textIn } from '../db/texts';
import { nowIso, type Executor } from '../db/types';
import { listFilesOf } from '../files/repository';
import { presentFile, removeUnusedBytes } from '../files/service';
import type { GovernmentRef } from '../governance/schemas';
import { conflict, forbidden, invalidField, notFound } from '../http/problem';
import { richTextToPlain, sanitizeRichText } from '../media/sanitize';
import type { FileStore } from '../media/storage';
import { buildAtomFeed, type AtomEntry } from './atom';
import * as repo from './repository';
import type { PostRow, TranslationRow } from './repository';
import type { NewsCreate, NewsPatch, NewsPost, NewsQuery, NewsSummary } from './schemas';

type Names = Record<string, string>;
type TranslationInput = NewsCreate['translations'];

const SLUG_BASE_MAX = 60;
const TITLE_MAX = 300;
const FEED_SIZE = 50;

// ---------------------------------------------------------------- presenting

/** The language to show: the one asked for, else English, else the first written. */
export function pickLang(available: string[], requested: string | undefined): string {
  if (requested && available.includes(requested)) return requested;
  if (available.includes('en')) return 'en';
  return available[0] ?? 'en';
}

function chosenTranslation(
  rows: TranslationRow[],
  requested: string | undefined,
): { lang: string; row: TranslationRow | undefined } {
  const lang = pickLang(
    rows.map((r) => r.lang),
    requested,
  );
  return { lang, row: rows.find((r) => r.lang === lang) };
}

function presentSummary(
  row: PostRow,
  translations: TranslationRow[],
  cover: NewsSummary['cover'],
  requested: string | undefined,
): NewsSummary {
  const { lang, row: t } = chosenTranslation(translations, requested);
  return {
    id: row.id,
    slug: row.slug,
    status: row.status === 'published' ? 'published' : 'draft',
    publishedAt: row.published_at,
    lang,
    languages: translations.map((r) => r.lang),
    title: t?.title ?? row.slug,
    summary: t?.summary ?? '',
    cover,
    isDemo: row.is_demo === 1,
  };
}

async function governmentRefs(db: Executor, postId: number): Promise<GovernmentRef[]> {
  const rows = await repo.governmentsOfPost(db, postId);
  const names = await repo.governmentNames(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    names: names.get(r.id) ?? {},
    localLang: r.local_lang,
    country: r.country,
  }));
}

async function presentPost(
  db: Executor,
  row: PostRow,
  requested: string | undefined,
  viewerSignedIn: boolean,
): Promise<NewsPost> {
  const [translationMap, files, governments, meeting, body] = await Promise.all([
    repo.translationsOf(db, [row.id]),
    listFilesOf(db, { newsPostId: row.id }),
    governmentRefs(db, row.id),
    row.meeting_id === null ? undefined : repo.findMeeting(db, row.meeting_id),
    row.body_id === null ? undefined : repo.findBodyById(db, row.body_id),
  ]);
  const translations = translationMap.get(row.id) ?? [];
  const photos = files
    .filter(
      (f) =>
        f.kind === 'photo' &&
        (viewerSignedIn || f.is_public === 1 || f.post_status === 'published'),
    )
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
      ? { id: meeting.id, title: parseTexts(meeting.title), startsAt: meeting.starts_at }
      : null,
    body: body ? { slug: body.slug, names: parseTexts(body.names) } : null,
    governments,
    authorLabel: row.author_label,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a post. */
function auditView(post: NewsPost) {
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

// ---------------------------------------------------------------- reading

export async function listNews(
  db: Db,
  viewer: AuditActor | null,
  query: NewsQuery,
): Promise<{ items: NewsSummary[]; total: number; page: number; pageSize: number }> {
  const status = query.status ?? 'published';
  if (status !== 'published' && viewer?.role !== 'admin') {
    throw forbidden('Only administrators may list drafts.');
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await repo.listPosts(
    db.kysely,
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
    repo.translationsOf(db.kysely, ids),
    repo.coverPhotos(db.kysely, ids),
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
  db: Db,
  viewer: AuditActor | null,
  slug: string,
  lang: string | undefined,
): Promise<NewsPost> {
  const row = await repo.findPostBySlug(db.kysely, slug);
  if (!row || (row.status !== 'published' && viewer?.role !== 'admin')) {
    throw notFound(`no news post "${slug}"`);
  }
  return presentPost(db.kysely, row, lang, viewer !== null);
}

// ---------------------------------------------------------------- writing

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
async function generateSlug(db: Executor, translations: TranslationInput): Promise<string> {
  const title = translations.en?.title ?? Object.values(translations)[0]?.title ?? '';
  // Titles in scripts without an ASCII form (Korean, Chinese, …) leave nothing: use the day.
  const base = slugFromTitle(title) || `news-${nowIso().slice(0, 10)}`;
  const taken = await repo.slugsLike(db, base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const LOOKS_LIKE_MARKUP = /<[a-z!/]/i;

/** Titles and summaries are plain text; the body is rich text, sanitised before storing. */
function cleanTranslations(translations: TranslationInput) {
  return Object.entries(translations).map(([lang, t]) => {
    const title = t.title.replace(/\s+/g, ' ').trim();
    if (!title) throw invalidField(`/translations/${lang}/title`, 'must not be blank');
    const summary = LOOKS_LIKE_MARKUP.test(t.summary)
      ? richTextToPlain(t.summary)
      : t.summary.replace(/\s+/g, ' ').trim();
    return { lang, title, summary, bodyHtml: sanitizeRichText(t.bodyHtml) };
  });
}

async function resolveLinks(
  db: Executor,
  input: { meetingId?: number | null; body?: string | null; governmentIds?: number[] },
): Promise<{ meetingBodyId: number | null; bodyId: number | null | undefined }> {
  let meetingBodyId: number | null = null;
  if (input.meetingId !== undefined && input.meetingId !== null) {
    const meeting = await repo.findMeeting(db, input.meetingId);
    if (!meeting) throw invalidField('/meetingId', `no meeting ${input.meetingId}`);
    meetingBodyId = meeting.body_id;
  }
  let bodyId: number | null | undefined;
  if (input.body === null) bodyId = null;
  else if (input.body !== undefined) {
    const body = await repo.findBodyBySlug(db, input.body);
    if (!body) throw invalidField('/body', `no body "${input.body}"`);
    bodyId = body.id;
  }
  if (input.governmentIds?.length) {
    const known = await repo.existingGovernmentIds(db, input.governmentIds);
    const index = input.governmentIds.findIndex((id) => !known.has(id));
    if (index >= 0) {
      throw invalidField(`/governmentIds/${index}`, `no government ${input.governmentIds[index]}`);
    }
  }
  return { meetingBodyId, bodyId };
}

async function loadForWrite(db: Executor, slug: string): Promise<PostRow> {
  const row = await repo.findPostBySlug(db, slug);
  if (!row) throw notFound(`no news post "${slug}"`);
  return row;
}

async function reload(db: Executor, id: number): Promise<NewsPost> {
  const row = await repo.findPostById(db, id);
  if (!row) throw new Error(`news post ${id} vanished`);
  return presentPost(db, row, undefined, true);
}

export async function createNews(db: Db, actor: AuditActor, input: NewsCreate): Promise<NewsPost> {
  const translations = cleanTranslations(input.translations);
  return db.kysely.transaction().execute(async (trx) => {
    const { meetingBodyId, bodyId } = await resolveLinks(trx, input);
    let slug: string;
    if (input.slug) {
      if (await repo.findPostBySlug(trx, input.slug)) {
        throw conflict(`the slug "${input.slug}" is taken`, [
          { pointer: '/slug', detail: 'another post uses this slug' },
        ]);
      }
      slug = input.slug;
    } else {
      slug = await generateSlug(trx, input.translations);
    }
    const now = nowIso();
    const id = await repo.insertPost(trx, {
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
    await repo.replaceTranslations(trx, id, translations);
    await repo.replaceGovernments(trx, id, input.governmentIds ?? []);
    const post = await reload(trx, id);
    await recordAuditOnExecutor(trx, actor, {
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
  db: Db,
  actor: AuditActor,
  slug: string,
  patch: NewsPatch,
): Promise<NewsPost> {
  const translations = patch.translations ? cleanTranslations(patch.translations) : undefined;
  return db.kysely.transaction().execute(async (trx) => {
    const row = await loadForWrite(trx, slug);
    const before = await presentPost(trx, row, undefined, true);
    const { bodyId } = await resolveLinks(trx, patch);
    await repo.updatePost(trx, row.id, {
      ...(patch.meetingId !== undefined ? { meeting_id: patch.meetingId } : {}),
      ...(bodyId !== undefined ? { body_id: bodyId } : {}),
      updated_at: nowIso(),
    });
    if (translations) await repo.replaceTranslations(trx, row.id, translations);
    if (patch.governmentIds) await repo.replaceGovernments(trx, row.id, patch.governmentIds);
    const after = await reload(trx, row.id);
    await recordAuditOnExecutor(trx, actor, {
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
  db: Db,
  actor: AuditActor,
  slug: string,
  publish: boolean,
): Promise<NewsPost> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await loadForWrite(trx, slug);
    if (publish && row.status === 'published') {
      throw conflict(`"${slug}" is already published`);
    }
    if (!publish && row.status !== 'published') throw conflict(`"${slug}" is not published`);
    const now = nowIso();
    await repo.updatePost(trx, row.id, {
      status: publish ? 'published' : 'draft',
      published_at: publish ? now : null,
      updated_at: now,
    });
    const after = await reload(trx, row.id);
    await recordAuditOnExecutor(trx, actor, {
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
  db: Db,
  store: FileStore,
  actor: AuditActor,
  slug: string,
): Promise<void> {
  const keys = await db.kysely.transaction().execute(async (trx) => {
    const row = await loadForWrite(trx, slug);
    if (row.status === 'published') {
      throw conflict(`"${slug}" is published: unpublish it before deleting it`);
    }
    const before = await presentPost(trx, row, undefined, true);
    const stored = await repo.storageKeysOfPost(trx, row.id);
    // The post's translations, links and file rows go with it (ON DELETE CASCADE).
    await repo.deletePost(trx, row.id);
    await recordAuditOnExecutor(trx, actor, {
      action: 'delete',
      entityType: 'news_post',
      entityId: row.id,
      summary: `Deleted news post "${before.title}"`,
      before: auditView(before),
    });
    return stored;
  });
  await removeUnusedBytes(db, store, keys);
}

// ---------------------------------------------------------------- from a meeting

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The calendar day of an instant in a time zone (UTC when the zone is unknown). */
function localDay(instant: string, timeZone: string): { y: number; m: number; d: number } {
  const date = new Date(instant);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }).formatToParts(date);
  } catch {
    return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), d: part('day') };
}

/** One sentence saying when the meeting was and how many member governments came. */
export function meetingSentence(
  lang: string,
  day: { y: number; m: number; d: number },
  governments: number,
): string {
  const { y, m, d } = day;
  const cjkDate = `${y}年${m}月${d}日`;
  switch (lang) {
    case 'ko':
      return governments === 0
        ? `회의는 ${y}년 ${m}월 ${d}일에 열렸습니다.`
        : `${y}년 ${m}월 ${d}일 회의에 ${governments}개 회원 정부가 참석했습니다.`;
    case 'ja':
      return governments === 0
        ? `会議は${cjkDate}に開催されました。`
        : `${cjkDate}の会議には、会員自治体${governments}団体が出席しました。`;
    case 'zh-Hans':
      return governments === 0
        ? `会议于${cjkDate}举行。`
        : `${cjkDate}的会议汇聚了${governments}个成员政府。`;
    case 'zh-Hant':
      return governments === 0
        ? `會議於${cjkDate}舉行。`
        : `${cjkDate}的會議匯聚了${governments}個成員政府。`;
    default: {
      const date = `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
      if (governments === 0) return `The meeting took place on ${date}.`;
      const noun = governments === 1 ? 'member government' : 'member governments';
      return `The meeting on ${date} brought together ${governments} ${noun}.`;
    }
  }
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface AgendaRow {
  id: number;
  parent_id: number | null;
  title: string;
}

/** The agenda as a numbered list, sub-items nested under their item. */
function agendaHtml(items: AgendaRow[], lang: string): string {
  const children = new Map<number | null, AgendaRow[]>();
  for (const item of items) {
    const list = children.get(item.parent_id) ?? [];
    list.push(item);
    children.set(item.parent_id, list);
  }
  const render = (parent: number | null, depth: number): string => {
    const list = children.get(parent);
    if (!list?.length || depth > 5) return '';
    const lis = list.map((item) => {
      const title = escapeHtml(textIn(parseTexts(item.title), lang));
      return `<li>${title}${render(item.id, depth + 1)}</li>`;
    });
    return `<ol>${lis.join('')}</ol>`;
  };
  return render(null, 0);
}

/**
 * Drafts a post about a closed meeting: its title in each of its languages, a sentence on
 * the day and the attendance, the agenda, the governments present and copies of its photos.
 */
export async function draftFromMeeting(
  db: Db,
  actor: AuditActor,
  meetingId: number,
): Promise<NewsPost> {
  return db.kysely.transaction().execute(async (trx) => {
    const meeting = await repo.findMeeting(trx, meetingId);
    if (!meeting) throw notFound(`no meeting ${meetingId}`);
    if (meeting.status !== 'closed') {
      throw conflict(`meeting ${meetingId} is ${meeting.status}: close it before writing news`);
    }
    const existing = await repo.findPostOfMeeting(trx, meetingId);
    if (existing) {
      throw conflict(`meeting ${meetingId} already has a news post ("${existing.slug}")`);
    }
    const titles = Object.fromEntries(
      Object.entries(parseTexts(meeting.title)).filter(([, t]) => t.trim()),
    );
    if (Object.keys(titles).length === 0) titles.en = `Meeting ${meetingId}`;
    const [governmentIds, agenda, photos] = await Promise.all([
      repo.presentGovernmentIds(trx, meetingId),
      repo.agendaOf(trx, meetingId),
      repo.meetingPhotos(trx, meetingId),
    ]);
    const day = localDay(meeting.starts_at, meeting.time_zone);
    const translations: TranslationInput = {};
    for (const [lang, title] of Object.entries(titles)) {
      translations[lang] = {
        title: title.trim().slice(0, TITLE_MAX),
        summary: meetingSentence(lang, day, governmentIds.length),
        bodyHtml: agendaHtml(agenda, lang),
      };
    }
    const slug = await generateSlug(trx, translations);
    const now = nowIso();
    const id = await repo.insertPost(trx, {
      slug,
      status: 'draft',
      published_at: null,
      meeting_id: meetingId,
      body_id: meeting.body_id,
      author_label: actor.label,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceTranslations(trx, id, cleanTranslations(translations));
    await repo.replaceGovernments(trx, id, governmentIds);
    // The copies share the stored bytes; deleting one keeps them while the other exists. They
    // stay private while the post is a draft and go public with it (a meeting's photos are
    // private until someone decides otherwise).
    await repo.insertFiles(
      trx,
      photos.map(({ id: _id, ...photo }) => ({
        ...photo,
        meeting_id: null,
        news_post_id: id,
        is_public: 0,
      })),
    );
    const post = await reload(trx, id);
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'news_post',
      entityId: id,
      summary: `Drafted news post "${post.title}" from meeting ${meetingId}`,
      after: { ...auditView(post), photos: post.photos.length },
    });
    return post;
  });
}

// ---------------------------------------------------------------- feed

const FEED_TITLES: Names = {
  en: 'Accord news',
  ko: 'Accord 소식',
  ja: 'Accord ニュース',
  'zh-Hans': 'Accord 新闻',
  'zh-Hant': 'Accord 新聞',
};

/** The Atom feed of the newest published posts, each in the language asked for if it has it. */
export async function newsFeed(
  db: Db,
  options: { lang: string | undefined; origin: string; hostname: string },
): Promise<string> {
  const { rows } = await repo.listPosts(db.kysely, { statuses: ['published'] }, 1, FEED_SIZE);
  const translations = await repo.translationsOf(
    db.kysely,
    rows.map((r) => r.id),
  );
  const lang = options.lang ?? 'en';
  const query = options.lang ? `?lang=${encodeURIComponent(options.lang)}` : '';
  const selfUrl = `${options.origin}/api/v1/news/feed.xml${query}`;
  const entries: AtomEntry[] = rows.map((row) => {
    const { lang: shown, row: t } = chosenTranslation(translations.get(row.id) ?? [], lang);
    const published = row.published_at ?? row.updated_at;
    return {
      id: `tag:${options.hostname},${published.slice(0, 10)}:news/${row.slug}`,
      title: t?.title ?? row.slug,
      summary: t?.summary ? t.summary : null,
      contentHtml: t ? sanitizeRichText(t.body_html) : null,
      url: `${options.origin}/news/${row.slug}`,
      published,
      updated: row.updated_at > published ? row.updated_at : published,
      lang: shown,
      authorName: row.author_label,
    };
  });
  const newest = entries.reduce<string | undefined>(
    (max, e) => (max === undefined || e.updated > max ? e.updated : max),
    undefined,
  );
  return buildAtomFeed({
    id: selfUrl,
    title: FEED_TITLES[lang] ?? FEED_TITLES.en ?? 'Accord news',
    selfUrl,
    alternateUrl: `${options.origin}/news`,
    updated: newest ?? nowIso(),
    lang,
    entries,
  });
}
