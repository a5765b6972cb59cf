import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { parseTexts, textIn } from '../db/texts';
import { authorize } from '../http/authorize';
import { conflict, notFound } from '../http/problem';
import type { Store } from '../store';
import { cleanTranslations, generateSlug, reload, TITLE_MAX, type TranslationInput } from './posts';
import { auditView } from './present';
import type { NewsPost } from './schemas';

/** A news post drafted from a closed meeting. */

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
      const title = escapeHtml(
        textIn(parseTexts(item.title, { table: 'agenda_items', id: item.id }), lang),
      );
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
  store: Store,
  actor: AuditActor,
  meetingId: number,
): Promise<NewsPost> {
  authorize(actor, 'news.manage', {}, 'Only the secretariat writes news.');
  return store.transaction(async (tx) => {
    const meeting = await tx.news.findMeeting(meetingId);
    if (!meeting) throw notFound('meeting', `no meeting ${meetingId}`);
    if (meeting.status !== 'closed') {
      throw conflict(
        'meeting-not-closed',
        `meeting ${meetingId} is ${meeting.status}: close it before writing news`,
        { params: { status: meeting.status } },
      );
    }
    const existing = await tx.news.findPostOfMeeting(meetingId);
    if (existing) {
      throw conflict(
        'meeting-has-post',
        `meeting ${meetingId} already has a news post ("${existing.slug}")`,
      );
    }
    const titles = Object.fromEntries(
      Object.entries(parseTexts(meeting.title, { table: 'meetings', id: meeting.id })).filter(
        ([, t]) => t.trim(),
      ),
    );
    if (Object.keys(titles).length === 0) titles.en = `Meeting ${meetingId}`;
    const [governmentIds, agenda, photos] = await Promise.all([
      tx.news.presentGovernmentIds(meetingId),
      tx.news.agendaOf(meetingId),
      tx.files.meetingPhotos(meetingId),
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
    const slug = await generateSlug(tx, translations);
    const now = nowIso();
    const id = await tx.news.insertPost({
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
    await tx.news.replaceTranslations(id, cleanTranslations(translations));
    await tx.news.replaceGovernments(id, governmentIds);
    // The copies share the stored bytes; deleting one keeps them while the other exists. They
    // stay private while the post is a draft and go public with it (a meeting's photos are
    // private until someone decides otherwise).
    await tx.files.insertFiles(
      photos.map(({ id: _id, ...photo }) => ({
        ...photo,
        meeting_id: null,
        news_post_id: id,
        is_public: 0,
      })),
    );
    const post = await reload(tx, id, actor);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'news_post',
      entityId: id,
      summary: `Drafted news post "${post.title}" from meeting ${meetingId}`,
      after: { ...auditView(post), photos: post.photos.length },
    });
    return post;
  });
}
