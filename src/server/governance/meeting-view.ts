/**
 * Reading meetings: the list, and one meeting in full (agenda with its clock, invitations,
 * register, quorum, motions, minutes, files), shown as far as the viewer may see it.
 */
import { agendaOverrun, scheduleAgenda } from '../../core/governance';
import { can } from '../../core/policy';
import type { Actor } from '../../core/roles';
import { listFiles } from '../files/service';
import { authorize } from '../http/authorize';
import type { Store } from '../store';
import { findBody } from './bodies-service';
import { loadContext, visibleMeeting, type MeetingContext } from './meeting-context';
import {
  presentAgenda,
  presentAttendance,
  presentInvitation,
  presentMeetingSummary,
  presentMotion,
  presentSeat,
  presentTerm,
  refsOf,
} from './present';
import { quorumFor } from './quorum';
import type { MotionVoteRow } from './register-repository';
import type { InvitationRow, SpeakerRow } from './repository';
import type { Meeting, MeetingQuery, MeetingSummary } from './schemas';

export async function listMeetings(
  store: Store,
  query: MeetingQuery,
  actor: Actor | null,
): Promise<{ items: MeetingSummary[]; total: number; page: number; pageSize: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  let bodyId: number | undefined;
  if (query.body) bodyId = (await findBody(store, query.body)).id;
  const drafts = can(actor, 'meeting.readDraft');
  // Asking for drafts is asking for what the policy guards: 401 for the public, 403 for others.
  if (query.status === 'draft') {
    authorize(actor, 'meeting.readDraft', {}, 'Only administrators see draft meetings.');
  }
  const { rows, total } = await store.governance.listMeetings(
    {
      bodyId,
      status: query.status,
      from: query.from,
      to: query.to ? `${query.to}T23:59:59.999Z` : undefined,
      excludeDrafts: !drafts,
      words: query.q?.split(/\s+/).filter((w) => w !== ''),
    },
    query.sort !== 'start',
    page,
    pageSize,
  );
  // A network has a few dozen bodies at most: one query for all beats one per body.
  const bodies = new Map((await store.governance.listBodies()).map((b) => [b.id, b]));
  return {
    items: rows.map((r) =>
      presentMeetingSummary(r, r.body_id === null ? undefined : bodies.get(r.body_id)),
    ),
    total,
    page,
    pageSize,
  };
}

const ids = (...lists: (number | null)[][]): number[] =>
  lists.flat().filter((x): x is number => x !== null);

/** Everyone the meeting's record names, loaded in two queries. */
async function loadRefs(
  store: Store,
  ctx: MeetingContext,
  invitations: InvitationRow[],
  speakers: SpeakerRow[],
  votes: MotionVoteRow[],
) {
  const governments = await store.governance.governmentRefs(
    ids(
      ctx.seats.map((s) => s.government_id),
      invitations.map((i) => i.government_id),
      ctx.attendance.map((a) => a.government_id),
      votes.map((v) => v.government_id),
    ),
  );
  const people = await store.governance.personRefs(
    ids(
      ctx.seats.map((s) => s.person_id),
      speakers.map((s) => s.person_id),
      invitations.flatMap((i) => [i.person_id, i.proxy_person_id]),
      ctx.attendance.flatMap((a) => [a.person_id, a.principal_person_id]),
    ),
  );
  return { governments, people, refs: refsOf(governments, people) };
}

/**
 * The invitation the viewer answers for their government, if any: the secretariat may answer
 * every invitation but holds none of its own.
 */
function ownInvitationOf(invitations: InvitationRow[], actor: Actor | null) {
  if (actor?.governmentId == null) return undefined;
  return invitations.find(
    (i) =>
      i.government_id === actor.governmentId &&
      can(actor, 'meeting.reply', { governmentId: i.government_id }),
  );
}

export async function getMeeting(store: Store, id: number, actor: Actor | null): Promise<Meeting> {
  const row = await visibleMeeting(store, id, actor);
  const ctx = await loadContext(store, row);
  const [agendaRows, invitations, motions, news] = await Promise.all([
    store.governance.agendaOf(id),
    store.governance.invitationsOf(id),
    store.governance.motionsOf(id),
    store.news.findPostOfMeeting(id),
  ]);
  const speakers = await store.governance.speakersOf(agendaRows.map((a) => a.id));
  const votes = await store.governance.votesOf(motions.map((m) => m.id));
  const { governments, people, refs } = await loadRefs(store, ctx, invitations, speakers, votes);

  const schedule = scheduleAgenda(
    agendaRows.map((a) => ({
      id: a.id,
      parentId: a.parent_id,
      position: a.position,
      durationMinutes: a.duration_minutes,
    })),
    row.starts_at,
  );
  const manager = can(actor, 'meeting.manage');
  const own = ownInvitationOf(invitations, actor);
  const invited = ids(invitations.map((i) => i.government_id));
  const viewer = { contacts: manager, ownInvitationId: own?.id ?? null };
  return {
    ...presentMeetingSummary(row, ctx.body),
    term: ctx.term ? presentTerm(ctx.term, ctx.seats.length) : null,
    joinUrl: can(actor, 'meeting.readJoinLink', { invitedGovernmentIds: invited })
      ? row.join_url
      : null,
    hasJoinUrl: row.join_url !== null,
    agenda: presentAgenda(agendaRows, schedule, speakers, refs),
    agendaOverrunMinutes: agendaOverrun(schedule, row.ends_at),
    seats: ctx.seats.map((seat) => presentSeat(seat, governments, people)),
    invitations: can(actor, 'meeting.readInvitations')
      ? invitations.map((i) => presentInvitation(i, refs, viewer))
      : [],
    attendance: ctx.attendance.map((a) => presentAttendance(a, refs)),
    quorum: quorumFor(ctx),
    motions: motions.map((m) => presentMotion(m, votes, refs)),
    minutesHtml: row.minutes_html,
    files: await listFiles(store, { meetingId: id }, actor !== null),
    newsPost: news ? { slug: news.slug, status: news.status } : null,
    viewer: { canManage: manager, invitationId: own?.id ?? null },
    version: row.version,
  };
}
