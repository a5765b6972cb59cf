/**
 * Meetings: scheduling in a time zone, the agenda and its running clock, invitations and
 * replies, the attendance register with proxies, the live quorum, motions and decisions,
 * minutes, and the calendar feeds. The rules themselves are in src/core/governance.
 */
import crypto from 'node:crypto';
import {
  agendaOverrun,
  calendarRole,
  canDecide,
  canMoveMeeting,
  checkAttendance,
  checkVotes,
  defaultVotes,
  isTimeZone,
  quorumOf,
  scheduleAgenda,
  tallyMotion,
  utcToZoned,
  voterFor,
  zonedTimeToUtc,
  type AttendanceEntry,
  type AttendanceProblemCode,
  type Capacity,
  type MajorityRule,
  type MeetingStatus,
  type SeatForQuorum,
  type SeatPosition,
  type VoteChoice,
} from '../../core/governance';
import { searchKey } from '../../core/names';
import type { Actor } from '../../core/roles';
import { recordAuditOnExecutor, type AuditActor } from '../audit/service';
import type { AccordConfig } from '../config';

/** What mail and calendar entries need to know: where Accord is and who sends. */
export type MailConfig = Pick<AccordConfig, 'publicUrl' | 'mailFrom'>;
import type { Db } from '../db/database';
import { nowIso, type Executor } from '../db/types';
import { listFiles } from '../files/service';
import { conflict, forbidden, invalidField, notFound } from '../http/problem';
import { richTextToPlain, sanitizeRichText } from '../media/sanitize';
import { attachStore } from '../store';
import { buildCalendar, calAddress, type CalendarAttendee, type CalendarEvent } from './ics';
import {
  presentGovernmentRef,
  presentPersonRef,
  presentSeat,
  presentTerm,
  termForMeeting,
} from './present';
import { parseTexts, textIn } from '../db/texts';
import * as repo from './repository';
import type {
  AgendaItem,
  AgendaItemInputType,
  Attendance,
  AttendanceCreate,
  AttendancePatch,
  DecisionRequest,
  Invitation,
  InviteRequest,
  Meeting,
  MeetingCreate,
  MeetingPatch,
  MeetingQuery,
  MeetingSummary,
  Motion,
  MotionCreate,
  Quorum,
  ReplyRequest,
} from './schemas';
import { findBody, rulesOf } from './service';

// ---------------------------------------------------------------- presenting

function localOf(utc: string, zone: string): string {
  const z = utcToZoned(utc, zone);
  return `${z.date}T${z.time}`;
}

function presentSummary(row: repo.MeetingRow, body: repo.BodyRow | undefined): MeetingSummary {
  return {
    id: row.id,
    uid: row.uid,
    body: body
      ? { slug: body.slug, names: parseTexts(body.names), kind: body.kind as 'rexcom' }
      : null,
    title: parseTexts(row.title),
    format: row.format as MeetingSummary['format'],
    status: row.status as MeetingStatus,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    localStart: localOf(row.starts_at, row.time_zone),
    localEnd: localOf(row.ends_at, row.time_zone),
    venue: row.venue,
    isDemo: row.is_demo === 1,
  };
}

const isAdmin = (actor: Actor | null) => actor?.role === 'admin';

/** Drafts are the secretariat's working copies: nobody else sees them. */
async function visibleMeeting(
  db: Executor,
  id: number,
  actor: Actor | null,
): Promise<repo.MeetingRow> {
  const row = await repo.findMeeting(db, id);
  if (!row || (row.status === 'draft' && !isAdmin(actor))) throw notFound(`No meeting ${id}.`);
  return row;
}

export async function listMeetings(
  db: Db,
  query: MeetingQuery,
  actor: Actor | null,
): Promise<{ items: MeetingSummary[]; total: number; page: number; pageSize: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  let bodyId: number | undefined;
  if (query.body) bodyId = (await findBody(db.kysely, query.body)).id;
  if (query.status === 'draft' && !isAdmin(actor)) {
    throw forbidden('Only administrators see draft meetings.');
  }
  const { rows, total } = await repo.listMeetings(
    db.kysely,
    {
      bodyId,
      status: query.status,
      from: query.from,
      to: query.to ? `${query.to}T23:59:59.999Z` : undefined,
      excludeDrafts: !isAdmin(actor),
    },
    query.sort !== 'start',
    page,
    pageSize,
  );
  // A network has a few dozen bodies at most: one query for all beats one per body.
  const bodies = new Map((await repo.listBodies(db.kysely)).map((b) => [b.id, b]));
  return {
    items: rows.map((r) =>
      presentSummary(r, r.body_id === null ? undefined : bodies.get(r.body_id)),
    ),
    total,
    page,
    pageSize,
  };
}

interface MeetingContext {
  row: repo.MeetingRow;
  body: repo.BodyRow | undefined;
  term: repo.TermRow | undefined;
  seats: repo.SeatRow[];
  attendance: repo.AttendanceRow[];
}

async function loadContext(db: Executor, row: repo.MeetingRow): Promise<MeetingContext> {
  const body = row.body_id === null ? undefined : await repo.findBodyById(db, row.body_id);
  const term = row.term_id === null ? undefined : await repo.findTerm(db, row.term_id);
  const seats = term ? await repo.seatsOfTerm(db, term.id) : [];
  const attendance = await repo.attendanceOf(db, row.id);
  return { row, body, term, seats, attendance };
}

function seatsForQuorum(seats: repo.SeatRow[]): SeatForQuorum[] {
  return seats.map((s) => ({
    seatId: s.id,
    governmentId: s.government_id,
    voting: s.position !== 'advisory',
  }));
}

function quorumFor(ctx: MeetingContext): Quorum | null {
  if (!ctx.body || !ctx.term) return null;
  const rule = rulesOf(ctx.body).quorum;
  const presence = ctx.attendance.flatMap((a) =>
    a.government_id === null
      ? []
      : [
          {
            governmentId: a.government_id,
            capacity: a.capacity as Capacity,
            present: a.present === 1,
          },
        ],
  );
  return { ...quorumOf(rule, seatsForQuorum(ctx.seats), presence), rule };
}

function personKey(personId: number | null, name: string): string {
  return personId === null ? `n:${searchKey(name)}` : `p:${personId}`;
}

function attendanceEntries(rows: repo.AttendanceRow[]): AttendanceEntry[] {
  return rows.map((a) => ({
    // Advisers from the secretariat have no government; a negative key keeps them apart.
    governmentId: a.government_id ?? -a.id,
    personKey: personKey(a.person_id, a.name),
    capacity: a.capacity as Capacity,
    principalKey:
      a.principal_person_id !== null || a.principal_name
        ? personKey(a.principal_person_id, a.principal_name ?? '')
        : null,
    present: a.present === 1,
  }));
}

export async function getMeeting(db: Db, id: number, actor: Actor | null): Promise<Meeting> {
  const row = await visibleMeeting(db.kysely, id, actor);
  const k = db.kysely;
  const ctx = await loadContext(k, row);
  const [agendaRows, invitations, motions, news] = await Promise.all([
    repo.agendaOf(k, id),
    repo.invitationsOf(k, id),
    repo.motionsOf(k, id),
    repo.newsPostOfMeeting(k, id),
  ]);
  const speakers = await repo.speakersOf(
    k,
    agendaRows.map((a) => a.id),
  );
  const votes = await repo.votesOf(
    k,
    motions.map((m) => m.id),
  );
  const governments = await repo.governmentRefs(k, [
    ...ctx.seats.map((s) => s.government_id),
    ...invitations.flatMap((i) => (i.government_id === null ? [] : [i.government_id])),
    ...ctx.attendance.flatMap((a) => (a.government_id === null ? [] : [a.government_id])),
    ...votes.map((v) => v.government_id),
  ]);
  const people = await repo.personRefs(k, [
    ...ctx.seats.flatMap((seat) => (seat.person_id === null ? [] : [seat.person_id])),
    ...speakers.flatMap((s) => (s.person_id === null ? [] : [s.person_id])),
    ...invitations.flatMap((i) =>
      [i.person_id, i.proxy_person_id].filter((x): x is number => x !== null),
    ),
    ...ctx.attendance.flatMap((a) =>
      [a.person_id, a.principal_person_id].filter((x): x is number => x !== null),
    ),
  ]);
  const gov = (gid: number | null) => {
    const g = gid === null ? undefined : governments.get(gid);
    return g ? presentGovernmentRef(g) : null;
  };
  const person = (pid: number | null) => {
    const p = pid === null ? undefined : people.get(pid);
    return p ? presentPersonRef(p) : null;
  };

  const schedule = scheduleAgenda(
    agendaRows.map((a) => ({
      id: a.id,
      parentId: a.parent_id,
      position: a.position,
      durationMinutes: a.duration_minutes,
    })),
    row.starts_at,
  );
  const byId = new Map(agendaRows.map((a) => [a.id, a]));
  const agenda: AgendaItem[] = schedule.flatMap((s) => {
    const a = byId.get(s.id);
    if (!a) return [];
    return [
      {
        id: a.id,
        parentId: a.parent_id,
        number: s.number,
        depth: s.depth,
        kind: a.kind as AgendaItem['kind'],
        title: parseTexts(a.title),
        durationMinutes: a.duration_minutes,
        notes: a.notes,
        speakers: speakers
          .filter((sp) => sp.agenda_item_id === a.id)
          .map((sp) => ({ person: person(sp.person_id), name: sp.name, role: sp.role })),
        plannedStart: s.plannedStart,
        plannedEnd: s.plannedEnd,
      },
    ];
  });

  const admin = isAdmin(actor);
  const ownInvitation =
    actor?.role === 'officer'
      ? invitations.find((i) => i.government_id !== null && i.government_id === actor.governmentId)
      : undefined;
  const signedIn = actor !== null;
  const presentInvitation = (i: repo.InvitationRow): Invitation => ({
    id: i.id,
    seatId: i.seat_id,
    government: gov(i.government_id),
    person: person(i.person_id),
    name: i.name,
    // Addresses are for the secretariat; other members see who was invited, not how to mail them.
    email: admin ? i.email : null,
    role: i.role as Invitation['role'],
    reply: i.reply as Invitation['reply'],
    proxy:
      i.reply === 'proxy' && (i.proxy_name || i.proxy_person_id !== null)
        ? {
            person: person(i.proxy_person_id),
            name: i.proxy_name ?? person(i.proxy_person_id)?.fullName ?? '',
            email: admin ? i.proxy_email : null,
          }
        : null,
    comment: admin || i.id === ownInvitation?.id ? i.comment : null,
    invitedAt: i.invited_at,
    repliedAt: i.replied_at,
  });

  const canSeeJoin = admin || ownInvitation !== undefined;
  return {
    ...presentSummary(row, ctx.body),
    term: ctx.term ? presentTerm(ctx.term, ctx.seats.length) : null,
    joinUrl: canSeeJoin ? row.join_url : null,
    hasJoinUrl: row.join_url !== null,
    agenda,
    agendaOverrunMinutes: agendaOverrun(schedule, row.ends_at),
    seats: ctx.seats.map((seat) => presentSeat(seat, governments, people)),
    invitations: signedIn ? invitations.map(presentInvitation) : [],
    attendance: ctx.attendance.map((a): Attendance => ({
      id: a.id,
      government: gov(a.government_id),
      person: person(a.person_id),
      name: a.name,
      capacity: a.capacity as Capacity,
      principal:
        a.principal_person_id !== null || a.principal_name
          ? {
              person: person(a.principal_person_id),
              name: a.principal_name ?? person(a.principal_person_id)?.fullName ?? '',
            }
          : null,
      mode: a.mode as Attendance['mode'],
      present: a.present === 1,
      recordedAt: a.recorded_at,
    })),
    quorum: quorumFor(ctx),
    motions: motions.map((m): Motion => ({
      id: m.id,
      agendaItemId: m.agenda_item_id,
      kind: m.kind as Motion['kind'],
      text: parseTexts(m.text),
      majorityRule: m.majority_rule as MajorityRule,
      status: m.status as Motion['status'],
      tally:
        m.votes_for === null
          ? null
          : {
              for: m.votes_for,
              against: m.votes_against ?? 0,
              abstain: m.votes_abstain ?? 0,
              absent: m.votes_absent ?? 0,
              quorumPresent: m.quorum_present ?? 0,
              quorumRequired: m.quorum_required ?? 0,
            },
      votes: votes
        .filter((v) => v.motion_id === m.id)
        .flatMap((v) => {
          const g = gov(v.government_id);
          return g
            ? [
                {
                  seatId: v.seat_id,
                  government: g,
                  choice: v.choice as VoteChoice,
                  castBy: v.cast_by,
                },
              ]
            : [];
        }),
      decidedAt: m.decided_at,
    })),
    minutesHtml: row.minutes_html,
    files: await listFiles(attachStore(db), { meetingId: id }, signedIn),
    newsPost: news ? { slug: news.slug, status: news.status } : null,
    viewer: { canManage: admin, invitationId: ownInvitation?.id ?? null },
  };
}

// ---------------------------------------------------------------- scheduling

function toUtc(local: string, zone: string, pointer: string): string {
  try {
    return zonedTimeToUtc(local, zone);
  } catch {
    throw invalidField(pointer, `"${local}" is not a valid date and time.`);
  }
}

function checkTimes(start: string, end: string, zone: string) {
  if (!isTimeZone(zone)) {
    throw invalidField('/timeZone', `"${zone}" is not an IANA time zone (e.g. Asia/Seoul).`);
  }
  const startsAt = toUtc(start, zone, '/start');
  const endsAt = toUtc(end, zone, '/end');
  if (endsAt <= startsAt) throw invalidField('/end', 'The meeting must end after it starts.');
  return { startsAt, endsAt };
}

async function insertAgenda(
  trx: Executor,
  meetingId: number,
  items: AgendaItemInputType[],
  pointer: string,
  parentId: number | null = null,
): Promise<void> {
  for (const [index, item] of items.entries()) {
    const here = `${pointer}/${index}`;
    const speakers = item.speakers ?? [];
    for (const [j, s] of speakers.entries()) {
      if (s.personId != null) {
        if (!(await repo.personExists(trx, s.personId))) {
          throw invalidField(`${here}/speakers/${j}/personId`, `No person ${s.personId}.`);
        }
      } else if (!s.name) {
        throw invalidField(`${here}/speakers/${j}/name`, 'Name the speaker or choose a person.');
      }
    }
    const id = await repo.insertAgendaItem(trx, {
      meeting_id: meetingId,
      parent_id: parentId,
      position: index,
      kind: item.kind,
      title: JSON.stringify(item.title),
      duration_minutes: item.durationMinutes ?? null,
      notes: item.notes ?? null,
    });
    await repo.insertSpeakers(
      trx,
      speakers.map((s, j) => ({
        agenda_item_id: id,
        person_id: s.personId ?? null,
        name: s.name ?? null,
        role: s.role ?? null,
        position: j,
      })),
    );
    if (item.children?.length)
      await insertAgenda(trx, meetingId, item.children, `${here}/children`, id);
  }
}

export async function createMeeting(
  db: Db,
  actor: AuditActor,
  input: MeetingCreate,
): Promise<Meeting> {
  const { startsAt, endsAt } = checkTimes(input.start, input.end, input.timeZone);
  const id = await db.kysely.transaction().execute(async (trx) => {
    let bodyId: number | null = null;
    let termId: number | null = null;
    if (input.body) {
      const body = await repo.findBodyBySlug(trx, input.body);
      if (!body) throw invalidField('/body', `No governing body "${input.body}".`);
      bodyId = body.id;
      const terms = await repo.termsOfBodies(trx, [body.id]);
      if (input.termId != null) {
        if (!terms.some((t) => t.id === input.termId)) {
          throw invalidField('/termId', 'Choose a term of the meeting’s body.');
        }
        termId = input.termId;
      } else {
        termId = termForMeeting(terms, startsAt.slice(0, 10))?.id ?? null;
      }
    } else if (input.termId != null) {
      throw invalidField('/termId', 'Only a body’s meeting has a term.');
    }
    const now = nowIso();
    const meetingId = await repo.insertMeeting(trx, {
      uid: `${crypto.randomUUID()}@accord`,
      body_id: bodyId,
      term_id: termId,
      title: JSON.stringify(input.title),
      format: input.format,
      status: 'draft',
      starts_at: startsAt,
      ends_at: endsAt,
      time_zone: input.timeZone,
      venue: input.venue ?? null,
      join_url: input.joinUrl ?? null,
      minutes_html: null,
      sequence: 0,
      closed_at: null,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    });
    await insertAgenda(trx, meetingId, input.agenda ?? [], '/agenda');
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Created meeting ${textIn(input.title)}`,
      after: { ...input },
    });
    return meetingId;
  });
  return getMeeting(db, id, actor);
}

async function editableMeeting(trx: Executor, id: number): Promise<repo.MeetingRow> {
  const row = await repo.findMeeting(trx, id);
  if (!row) throw notFound(`No meeting ${id}.`);
  if (row.status === 'closed' || row.status === 'cancelled') {
    throw conflict(`The meeting is ${row.status}; its record is final.`);
  }
  return row;
}

export async function updateMeeting(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: MeetingPatch,
): Promise<Meeting> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await editableMeeting(trx, id);
    const zone = patch.timeZone ?? row.time_zone;
    const { startsAt, endsAt } = checkTimes(
      patch.start ?? localOf(row.starts_at, row.time_zone),
      patch.end ?? localOf(row.ends_at, row.time_zone),
      zone,
    );
    const next = {
      title: patch.title ? JSON.stringify(patch.title) : row.title,
      format: patch.format ?? row.format,
      starts_at: startsAt,
      ends_at: endsAt,
      time_zone: zone,
      venue: patch.venue === undefined ? row.venue : patch.venue,
      join_url: patch.joinUrl === undefined ? row.join_url : patch.joinUrl,
    };
    // Calendar clients replace an event only when its SEQUENCE grows with a change of time or place.
    const moved =
      next.starts_at !== row.starts_at ||
      next.ends_at !== row.ends_at ||
      next.venue !== row.venue ||
      next.join_url !== row.join_url ||
      next.format !== row.format;
    let termId = row.term_id;
    if (row.body_id !== null && next.starts_at !== row.starts_at) {
      const terms = await repo.termsOfBodies(trx, [row.body_id]);
      termId = termForMeeting(terms, next.starts_at.slice(0, 10))?.id ?? row.term_id;
    }
    await repo.updateMeeting(trx, id, {
      ...next,
      term_id: termId,
      sequence: row.sequence + (moved ? 1 : 0),
      updated_at: nowIso(),
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      summary: `Changed meeting ${textIn(parseTexts(row.title))}`,
      before: {
        title: row.title,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        venue: row.venue,
      },
      after: { title: next.title, starts_at: startsAt, ends_at: endsAt, venue: next.venue },
    });
  });
  return getMeeting(db, id, actor);
}

export async function setMeetingStatus(
  db: Db,
  actor: AuditActor,
  id: number,
  status: MeetingStatus,
): Promise<Meeting> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findMeeting(trx, id);
    if (!row) throw notFound(`No meeting ${id}.`);
    if (!canMoveMeeting(row.status as MeetingStatus, status)) {
      throw conflict(`A meeting that is ${row.status} cannot become ${status}.`, [
        { pointer: '/status', detail: `Not allowed from ${row.status}.` },
      ]);
    }
    if (status === 'closed') {
      const open = (await repo.motionsOf(trx, id)).filter((m) => m.status === 'open');
      if (open.length > 0) {
        throw conflict(
          `Decide or withdraw the open motion${open.length > 1 ? 's' : ''} before closing the meeting.`,
        );
      }
    }
    const now = nowIso();
    await repo.updateMeeting(trx, id, {
      status,
      sequence: row.sequence + 1,
      closed_at: status === 'closed' ? now : row.closed_at,
      updated_at: now,
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      summary: `Meeting ${textIn(parseTexts(row.title))}: ${row.status} → ${status}`,
      before: { status: row.status },
      after: { status },
    });
  });
  return getMeeting(db, id, actor);
}

export async function putAgenda(
  db: Db,
  actor: AuditActor,
  id: number,
  items: AgendaItemInputType[],
): Promise<Meeting> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await editableMeeting(trx, id);
    const before = await repo.agendaOf(trx, id);
    await repo.deleteAgenda(trx, id);
    await insertAgenda(trx, id, items, '/items');
    await repo.updateMeeting(trx, id, { updated_at: nowIso() });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      summary: `Changed the agenda of ${textIn(parseTexts(row.title))}`,
      before: before.map((b) => parseTexts(b.title)),
      after: items.map((i) => i.title),
    });
  });
  return getMeeting(db, id, actor);
}

// ---------------------------------------------------------------- invitations

function partstatOf(reply: string): CalendarAttendee['partstat'] {
  if (reply === 'attending') return 'ACCEPTED';
  if (reply === 'not-attending') return 'DECLINED';
  if (reply === 'proxy') return 'DELEGATED';
  return 'NEEDS-ACTION';
}

function invitationAddress(i: repo.InvitationRow): string {
  return calAddress({ email: i.email, uri: `urn:accord:invitation:${i.id}` });
}

function proxyAddress(i: repo.InvitationRow): string {
  return calAddress({
    email: i.proxy_email,
    uri:
      i.proxy_person_id !== null
        ? `urn:accord:person:${i.proxy_person_id}`
        : `urn:accord:invitation:${i.id}:proxy`,
  });
}

/** Attendees as RFC 5545 has them: a principal sending a proxy DELEGATED-TO the proxy, who is DELEGATED-FROM. */
export function calendarAttendees(invitations: repo.InvitationRow[]): CalendarAttendee[] {
  return invitations.flatMap((i) => {
    const role = i.role as CalendarAttendee['role'];
    const principal: CalendarAttendee = {
      name: i.name,
      email: i.email,
      uri: `urn:accord:invitation:${i.id}`,
      role,
      partstat: partstatOf(i.reply),
      delegatedTo: i.reply === 'proxy' ? proxyAddress(i) : null,
    };
    if (i.reply !== 'proxy' || !i.proxy_name) return [principal];
    return [
      principal,
      {
        name: i.proxy_name,
        email: i.proxy_email,
        uri:
          i.proxy_person_id !== null
            ? `urn:accord:person:${i.proxy_person_id}`
            : `urn:accord:invitation:${i.id}:proxy`,
        role,
        partstat: 'ACCEPTED',
        delegatedFrom: invitationAddress(i),
      },
    ];
  });
}

function calendarEvent(
  row: repo.MeetingRow,
  body: repo.BodyRow | undefined,
  invitations: repo.InvitationRow[],
  agendaTitles: string[],
  config: MailConfig,
  lang: string,
  withJoinLink: boolean,
): CalendarEvent {
  const bodyName = body ? textIn(parseTexts(body.names), lang) : 'Accord';
  const agenda = agendaTitles.map((t, i) => `${i + 1}. ${t}`).join('\n');
  return {
    uid: row.uid,
    sequence: row.sequence,
    title: textIn(parseTexts(row.title), lang),
    description: [bodyName, agenda].filter(Boolean).join('\n\n') || null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    location: row.venue ?? (row.format === 'online' ? 'Online' : null),
    url: `${config.publicUrl}/meetings/${row.id}`,
    status: row.status as CalendarEvent['status'],
    created: row.created_at,
    lastModified: row.updated_at,
    organizer: { name: `${bodyName} secretariat`, email: config.mailFrom },
    attendees: calendarAttendees(invitations),
    conference:
      withJoinLink && row.join_url ? { uri: row.join_url, label: 'Join the meeting online' } : null,
  };
}

async function agendaTitles(db: Executor, meetingId: number, lang: string): Promise<string[]> {
  const rows = await repo.agendaOf(db, meetingId);
  return rows.filter((r) => r.parent_id === null).map((r) => textIn(parseTexts(r.title), lang));
}

export async function invite(
  db: Db,
  config: MailConfig,
  actor: AuditActor,
  id: number,
  request: InviteRequest,
): Promise<{ items: Invitation[] }> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await editableMeeting(trx, id);
    const ctx = await loadContext(trx, row);
    const existing = await repo.invitationsOf(trx, id);
    const now = nowIso();
    const created: number[] = [];
    if (request.seats ?? ctx.body !== undefined) {
      if (!ctx.term) {
        throw conflict('The meeting has no body term with seats to invite.', [
          { pointer: '/seats', detail: 'No seats to invite.' },
        ]);
      }
      const people = await repo.personRefs(
        trx,
        ctx.seats.flatMap((s) => (s.person_id === null ? [] : [s.person_id])),
      );
      const governments = await repo.governmentRefs(
        trx,
        ctx.seats.map((s) => s.government_id),
      );
      for (const seat of ctx.seats) {
        if (existing.some((i) => i.seat_id === seat.id)) continue;
        const person = seat.person_id === null ? undefined : people.get(seat.person_id);
        const g = governments.get(seat.government_id);
        const govName = g ? textIn(presentGovernmentRef(g).names) : '';
        created.push(
          await repo.insertInvitation(trx, {
            meeting_id: id,
            seat_id: seat.id,
            government_id: seat.government_id,
            person_id: seat.person_id,
            name: person?.full_name ?? govName,
            email: person?.email ?? null,
            role: calendarRole(seat.position as SeatPosition),
            reply: 'pending',
            invited_at: now,
          }),
        );
      }
    }
    for (const [index, guest] of (request.guests ?? []).entries()) {
      const email = guest.email.toLowerCase();
      if (existing.some((i) => i.email?.toLowerCase() === email)) {
        throw conflict(`${guest.email} is already invited.`, [
          { pointer: `/guests/${index}/email`, detail: 'Already invited.' },
        ]);
      }
      created.push(
        await repo.insertInvitation(trx, {
          meeting_id: id,
          seat_id: null,
          government_id: null,
          person_id: null,
          name: guest.name,
          email,
          role: guest.role ?? 'OPT-PARTICIPANT',
          reply: 'pending',
          invited_at: now,
        }),
      );
    }
    // Each invitee with an address gets a letter with the meeting in a calendar file; the
    // file carries the join link because only invitees receive it.
    const all = await repo.invitationsOf(trx, id);
    const titles = await agendaTitles(trx, id, 'en');
    const title = textIn(parseTexts(row.title));
    // Every letter carries the same calendar file: the meeting with all its invitees.
    const ics = buildCalendar({
      name: title,
      events: [calendarEvent(row, ctx.body, all, titles, config, 'en', true)],
      now: new Date(),
    });
    const start = utcToZoned(row.starts_at, row.time_zone);
    for (const inv of all.filter((i) => created.includes(i.id) && i.email)) {
      await repo.queueMail(trx, {
        to_email: inv.email as string,
        to_name: inv.name,
        subject: `Invitation: ${title}`,
        body_text: [
          `Dear ${inv.name},`,
          '',
          `You are invited to ${title}, ${start.date} at ${start.time} (${row.time_zone}).`,
          row.join_url ? `Join online: ${row.join_url}` : '',
          '',
          'Agenda:',
          ...titles.map((t, i) => `${i + 1}. ${t}`),
          '',
          `Reply, or name a proxy, at ${config.publicUrl}/meetings/${row.id}`,
        ].join('\n'),
        kind: 'meeting-invitation',
        related_type: 'invitation',
        related_id: String(inv.id),
        attachment_name: 'invitation.ics',
        attachment_text: ics,
        created_at: now,
      });
    }
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'meeting',
      entityId: id,
      summary: `Invited ${created.length} to ${title}`,
      after: { invitations: created },
    });
  });
  const meeting = await getMeeting(db, id, actor);
  return { items: meeting.invitations };
}

export async function reply(
  db: Db,
  actor: AuditActor,
  invitationId: number,
  request: ReplyRequest,
): Promise<Invitation> {
  const meetingId = await db.kysely.transaction().execute(async (trx) => {
    const inv = await repo.findInvitation(trx, invitationId);
    if (!inv) throw notFound(`No invitation ${invitationId}.`);
    const isOwn =
      actor.role === 'officer' &&
      inv.government_id !== null &&
      actor.governmentId === inv.government_id;
    if (actor.role !== 'admin' && !isOwn) {
      throw forbidden("Only the secretariat or the invited government's officers may reply.");
    }
    await editableMeeting(trx, inv.meeting_id);
    const proxy = request.reply === 'proxy';
    if (proxy && !request.proxyName && request.proxyPersonId == null) {
      throw invalidField('/proxyName', 'Name the proxy who will attend.');
    }
    let proxyName = request.proxyName ?? null;
    if (proxy && request.proxyPersonId != null) {
      const p = (await repo.personRefs(trx, [request.proxyPersonId])).get(request.proxyPersonId);
      if (!p) throw invalidField('/proxyPersonId', `No person ${request.proxyPersonId}.`);
      proxyName ??= p.full_name;
    }
    const next = {
      reply: request.reply,
      proxy_person_id: proxy ? (request.proxyPersonId ?? null) : null,
      proxy_name: proxy ? proxyName : null,
      proxy_email: proxy ? (request.proxyEmail?.toLowerCase() ?? null) : null,
      comment: request.comment ?? null,
      replied_at: nowIso(),
    };
    await repo.updateInvitation(trx, invitationId, next);
    await repo.updateMeeting(trx, inv.meeting_id, { updated_at: nowIso() });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'invitation',
      entityId: invitationId,
      summary: `${inv.name}: ${request.reply}${proxy ? ` (proxy ${proxyName})` : ''}`,
      before: { reply: inv.reply, proxy_name: inv.proxy_name },
      after: { reply: next.reply, proxy_name: next.proxy_name },
    });
    return inv.meeting_id;
  });
  const meeting = await getMeeting(db, meetingId, actor);
  const found = meeting.invitations.find((i) => i.id === invitationId);
  if (!found) throw notFound(`No invitation ${invitationId}.`);
  return found;
}

// ---------------------------------------------------------------- attendance

const PROBLEM_POINTER: Record<AttendanceProblemCode, string> = {
  'proxy-without-principal': '/principalName',
  'self-proxy': '/principalPersonId',
  'proxy-limit-exceeded': '/name',
  'principal-also-present': '/governmentId',
  'government-double-represented': '/governmentId',
  'principal-on-adviser': '/principalName',
};

/** The register must hold up after the change; problems on the changed entry are the caller's. */
function assertRegister(rows: repo.AttendanceRow[], index: number, maxPrincipals: number): void {
  const problems = checkAttendance(attendanceEntries(rows), {
    maxPrincipalsPerProxy: maxPrincipals,
  });
  const mine = problems.find((p) => p.index === index) ?? problems[0];
  if (mine) throw invalidField(PROBLEM_POINTER[mine.code], mine.message);
}

async function meetingForRegister(trx: Executor, id: number): Promise<repo.MeetingRow> {
  const row = await repo.findMeeting(trx, id);
  if (!row) throw notFound(`No meeting ${id}.`);
  if (row.status !== 'scheduled' && row.status !== 'in-progress') {
    throw conflict(
      row.status === 'draft'
        ? 'Schedule the meeting before recording attendance.'
        : `The meeting is ${row.status}; its register is final.`,
    );
  }
  return row;
}

export async function addAttendance(
  db: Db,
  actor: AuditActor,
  meetingId: number,
  input: AttendanceCreate,
): Promise<Meeting> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await meetingForRegister(trx, meetingId);
    const ctx = await loadContext(trx, row);
    const governmentId = input.governmentId ?? null;
    if (input.capacity !== 'adviser' && governmentId === null) {
      throw invalidField('/governmentId', 'Say which government the person attends for.');
    }
    if (governmentId !== null && !(await repo.governmentExists(trx, governmentId))) {
      throw invalidField('/governmentId', `No government ${governmentId}.`);
    }
    const ids = [input.personId, input.principalPersonId].filter((x): x is number => x != null);
    const people = await repo.personRefs(trx, ids);
    if (input.personId != null && !people.has(input.personId)) {
      throw invalidField('/personId', `No person ${input.personId}.`);
    }
    if (input.principalPersonId != null && !people.has(input.principalPersonId)) {
      throw invalidField('/principalPersonId', `No person ${input.principalPersonId}.`);
    }
    const name =
      input.name ?? (input.personId != null ? people.get(input.personId)?.full_name : undefined);
    if (!name) throw invalidField('/name', 'Name the person attending or choose them.');
    let principalPersonId = input.principalPersonId ?? null;
    let principalName = input.principalName ?? null;
    if (input.capacity === 'proxy' && principalPersonId === null && !principalName) {
      // The usual case: the proxy stands in for the person who holds the government's seat.
      const seat = ctx.seats.find((s) => s.government_id === governmentId);
      if (seat?.person_id != null) principalPersonId = seat.person_id;
    }
    if (principalPersonId !== null && !principalName) {
      principalName =
        people.get(principalPersonId)?.full_name ??
        (await repo.personRefs(trx, [principalPersonId])).get(principalPersonId)?.full_name ??
        null;
    }
    const now = nowIso();
    const fresh = {
      meeting_id: meetingId,
      government_id: governmentId,
      person_id: input.personId ?? null,
      name,
      capacity: input.capacity,
      principal_person_id: input.capacity === 'adviser' ? null : principalPersonId,
      principal_name: input.capacity === 'adviser' ? null : principalName,
      mode: input.mode,
      present: input.present === false ? 0 : 1,
      recorded_at: now,
    };
    if (input.capacity === 'adviser' && (input.principalPersonId != null || input.principalName)) {
      throw invalidField('/principalName', 'An adviser attends in no one’s place.');
    }
    assertRegister(
      [...ctx.attendance, { ...fresh, id: Number.MAX_SAFE_INTEGER }],
      ctx.attendance.length,
      ctx.body ? rulesOf(ctx.body).maxPrincipalsPerProxy : 1,
    );
    const attendanceId = await repo.insertAttendance(trx, fresh);
    await repo.updateMeeting(trx, meetingId, { updated_at: now });
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'attendance',
      entityId: attendanceId,
      summary:
        input.capacity === 'proxy'
          ? `${name} present as proxy of ${principalName ?? '?'}`
          : `${name} present (${input.capacity})`,
      after: fresh,
    });
  });
  return getMeeting(db, meetingId, actor);
}

export async function patchAttendance(
  db: Db,
  actor: AuditActor,
  attendanceId: number,
  patch: AttendancePatch,
): Promise<Meeting> {
  const meetingId = await db.kysely.transaction().execute(async (trx) => {
    const entry = await repo.findAttendance(trx, attendanceId);
    if (!entry) throw notFound(`No attendance entry ${attendanceId}.`);
    const row = await meetingForRegister(trx, entry.meeting_id);
    const ctx = await loadContext(trx, row);
    const next = {
      present: patch.present === undefined ? entry.present : patch.present ? 1 : 0,
      mode: patch.mode ?? entry.mode,
    };
    const rows = ctx.attendance.map((a) => (a.id === attendanceId ? { ...a, ...next } : a));
    assertRegister(
      rows,
      rows.findIndex((a) => a.id === attendanceId),
      ctx.body ? rulesOf(ctx.body).maxPrincipalsPerProxy : 1,
    );
    await repo.updateAttendance(trx, attendanceId, next);
    await repo.updateMeeting(trx, entry.meeting_id, { updated_at: nowIso() });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'attendance',
      entityId: attendanceId,
      summary: `${entry.name}: ${next.present ? 'present' : 'left'} (${next.mode})`,
      before: { present: entry.present, mode: entry.mode },
      after: next,
    });
    return entry.meeting_id;
  });
  return getMeeting(db, meetingId, actor);
}

export async function removeAttendance(
  db: Db,
  actor: AuditActor,
  attendanceId: number,
): Promise<Meeting> {
  const meetingId = await db.kysely.transaction().execute(async (trx) => {
    const entry = await repo.findAttendance(trx, attendanceId);
    if (!entry) throw notFound(`No attendance entry ${attendanceId}.`);
    await meetingForRegister(trx, entry.meeting_id);
    await repo.deleteAttendance(trx, attendanceId);
    await recordAuditOnExecutor(trx, actor, {
      action: 'delete',
      entityType: 'attendance',
      entityId: attendanceId,
      summary: `Removed ${entry.name} from the register`,
      before: entry,
    });
    return entry.meeting_id;
  });
  return getMeeting(db, meetingId, actor);
}

// ---------------------------------------------------------------- motions and decisions

export async function addMotion(
  db: Db,
  actor: AuditActor,
  meetingId: number,
  input: MotionCreate,
): Promise<Meeting> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await editableMeeting(trx, meetingId);
    if (row.body_id === null) {
      throw conflict('Only meetings of a governing body decide motions.');
    }
    const body = await repo.findBodyById(trx, row.body_id);
    if (input.agendaItemId != null) {
      const items = await repo.agendaOf(trx, meetingId);
      if (!items.some((i) => i.id === input.agendaItemId)) {
        throw invalidField('/agendaItemId', 'Choose an item of this meeting’s agenda.');
      }
    }
    const id = await repo.insertMotion(trx, {
      meeting_id: meetingId,
      agenda_item_id: input.agendaItemId ?? null,
      kind: input.kind,
      text: JSON.stringify(input.text),
      majority_rule: input.majorityRule ?? (body ? rulesOf(body).majorityRule : 'simple'),
      status: 'open',
      created_at: nowIso(),
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'motion',
      entityId: id,
      summary: `Motion: ${textIn(input.text)}`,
      after: input,
    });
  });
  return getMeeting(db, meetingId, actor);
}

export async function decide(
  db: Db,
  actor: AuditActor,
  motionId: number,
  request: DecisionRequest,
): Promise<Meeting> {
  const meetingId = await db.kysely.transaction().execute(async (trx) => {
    const motion = await repo.findMotion(trx, motionId);
    if (!motion) throw notFound(`No motion ${motionId}.`);
    if (motion.status !== 'open') throw conflict(`The motion is already ${motion.status}.`);
    const row = await repo.findMeeting(trx, motion.meeting_id);
    if (!row) throw notFound(`No meeting ${motion.meeting_id}.`);
    if (row.status !== 'in-progress') {
      throw conflict('Decisions are recorded while the meeting is in progress.');
    }
    const ctx = await loadContext(trx, row);
    const quorum = quorumFor(ctx);
    if (!quorum) throw conflict('The meeting has no seats to vote.');
    const allowed = canDecide(motion.kind as 'substantive' | 'adjournment', quorum);
    if (!allowed.allowed) {
      throw conflict(
        `No quorum: ${quorum.present} of the ${quorum.required} voting seats needed are present. ` +
          'Only a motion to adjourn may be decided.',
      );
    }
    const seats = seatsForQuorum(ctx.seats);
    const entries = attendanceEntries(ctx.attendance);
    const votingGovernments = [
      ...new Set(
        ctx.seats
          .map((s) => s.government_id)
          .filter((g) => {
            const v = voterFor(g, entries);
            return v !== null && v.present;
          }),
      ),
    ];
    const problems = checkVotes(seats, votingGovernments, request.votes);
    const first = problems[0];
    if (first) {
      const index = request.votes.findIndex((v) => v.seatId === first.seatId);
      throw invalidField(`/votes/${index < 0 ? 0 : index}/choice`, first.message);
    }
    const given = new Map(request.votes.map((v) => [v.seatId, v.choice]));
    const votes = defaultVotes(seats, votingGovernments).map((d) => ({
      seatId: d.seatId,
      choice: given.get(d.seatId) ?? d.choice,
    }));
    const votingSeats = seats.filter((s) => s.voting).length;
    const tally = tallyMotion(motion.majority_rule as MajorityRule, votes, votingSeats);
    const seatById = new Map(ctx.seats.map((s) => [s.id, s]));
    await repo.insertVotes(
      trx,
      votes.map((v) => {
        const seat = seatById.get(v.seatId) as repo.SeatRow;
        const voter = voterFor(seat.government_id, entries);
        const row = voter
          ? ctx.attendance.find(
              (a) =>
                a.government_id === seat.government_id &&
                personKey(a.person_id, a.name) === voter.personKey,
            )
          : undefined;
        return {
          motion_id: motionId,
          seat_id: v.seatId,
          government_id: seat.government_id,
          choice: v.choice,
          cast_by:
            v.choice === 'absent' || !row
              ? null
              : row.capacity === 'proxy'
                ? `${row.name} (proxy of ${row.principal_name ?? '?'})`
                : row.name,
        };
      }),
    );
    const now = nowIso();
    await repo.updateMotion(trx, motionId, {
      status: tally.carried ? 'carried' : 'failed',
      votes_for: tally.for,
      votes_against: tally.against,
      votes_abstain: tally.abstain,
      votes_absent: tally.absent,
      quorum_present: quorum.present,
      quorum_required: quorum.required,
      decided_at: now,
    });
    await repo.updateMeeting(trx, row.id, { updated_at: now });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'motion',
      entityId: motionId,
      summary: `${tally.carried ? 'Carried' : 'Failed'} ${tally.for}–${tally.against}–${tally.abstain}: ${textIn(parseTexts(motion.text))}`,
      after: { tally, votes },
    });
    return row.id;
  });
  return getMeeting(db, meetingId, actor);
}

export async function withdrawMotion(
  db: Db,
  actor: AuditActor,
  motionId: number,
): Promise<Meeting> {
  const meetingId = await db.kysely.transaction().execute(async (trx) => {
    const motion = await repo.findMotion(trx, motionId);
    if (!motion) throw notFound(`No motion ${motionId}.`);
    if (motion.status !== 'open') throw conflict(`The motion is already ${motion.status}.`);
    await editableMeeting(trx, motion.meeting_id);
    await repo.updateMotion(trx, motionId, { status: 'withdrawn', decided_at: nowIso() });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'motion',
      entityId: motionId,
      summary: `Withdrew motion: ${textIn(parseTexts(motion.text))}`,
    });
    return motion.meeting_id;
  });
  return getMeeting(db, meetingId, actor);
}

export async function putMinutes(
  db: Db,
  actor: AuditActor,
  id: number,
  html: string,
): Promise<Meeting> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findMeeting(trx, id);
    if (!row) throw notFound(`No meeting ${id}.`);
    if (row.status === 'cancelled') throw conflict('A cancelled meeting has no minutes.');
    const clean = sanitizeRichText(html);
    await repo.updateMeeting(trx, id, {
      minutes_html: richTextToPlain(clean) === '' ? null : clean,
      updated_at: nowIso(),
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      summary: `Minutes of ${textIn(parseTexts(row.title))}`,
      before: { minutes: row.minutes_html },
      after: { minutes: clean },
    });
  });
  return getMeeting(db, id, actor);
}

// ---------------------------------------------------------------- calendar feeds

async function isInvitee(db: Executor, meetingId: number, actor: Actor | null): Promise<boolean> {
  if (actor?.role !== 'officer' || actor.governmentId === null) return false;
  const invitations = await repo.invitationsOf(db, meetingId);
  return invitations.some((i) => i.government_id === actor.governmentId);
}

export async function meetingCalendar(
  db: Db,
  config: MailConfig,
  id: number,
  actor: Actor | null,
  lang: string,
): Promise<string> {
  const row = await visibleMeeting(db.kysely, id, actor);
  const body = row.body_id === null ? undefined : await repo.findBodyById(db.kysely, row.body_id);
  const invitations = await repo.invitationsOf(db.kysely, id);
  const withJoin = isAdmin(actor) || (await isInvitee(db.kysely, id, actor));
  const title = textIn(parseTexts(row.title), lang);
  return buildCalendar({
    name: title,
    events: [
      calendarEvent(
        row,
        body,
        invitations,
        await agendaTitles(db.kysely, id, lang),
        config,
        lang,
        withJoin,
      ),
    ],
    now: new Date(),
  });
}

export async function bodyCalendar(
  db: Db,
  config: MailConfig,
  slug: string,
  actor: Actor | null,
  lang: string,
): Promise<string> {
  const body = await findBody(db.kysely, slug);
  const meetings = await repo.meetingsOfBody(db.kysely, body.id);
  // Calendar applications poll this feed: two queries for all the meetings, not two each.
  const ids = meetings.map((m) => m.id);
  const invitations = await repo.invitationsOfMeetings(db.kysely, ids);
  const topItems = await repo.topAgendaItemsOfMeetings(db.kysely, ids);
  const events = meetings.map((m) => {
    const invited = invitations.filter((i) => i.meeting_id === m.id);
    const withJoin =
      isAdmin(actor) ||
      (actor?.role === 'officer' && invited.some((i) => i.government_id === actor.governmentId));
    const titles = topItems
      .filter((a) => a.meeting_id === m.id)
      .map((a) => textIn(parseTexts(a.title), lang));
    return calendarEvent(m, body, invited, titles, config, lang, withJoin);
  });
  return buildCalendar({ name: textIn(parseTexts(body.names), lang), events, now: new Date() });
}
