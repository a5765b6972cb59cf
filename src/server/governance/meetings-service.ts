/**
 * Meetings themselves: creating one as a draft, scheduling it in a time zone, changing it, and
 * moving it through its states (draft, scheduled, in progress, closed or cancelled).
 */
import crypto from 'node:crypto';
import {
  canMoveMeeting,
  earlyStartMinutes,
  isTimeZone,
  termMove,
  zonedTimeToUtc,
  type MeetingStatus,
} from '../../core/governance';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { textIn } from '../db/texts';
import type { ExpectedVersions } from '../http/preconditions';
import { conflict, HttpProblem, invalidField, problem, unknownTimeZone } from '../http/problem';
import type { Store } from '../store';
import { insertAgenda } from './agenda-service';
import {
  claimMeeting,
  editableMeeting,
  findMeeting,
  requireMeetingManager,
} from './meeting-context';
import { getMeeting } from './meeting-view';
import { localOf, meetingTitle, termForMeeting } from './present';
import type { Meeting, MeetingCreate, MeetingPatch } from './schemas';

function toUtc(local: string, zone: string, pointer: string): string {
  try {
    return zonedTimeToUtc(local, zone);
  } catch {
    throw invalidField(pointer, 'not-a-date-time', `"${local}" is not a valid date and time.`);
  }
}

/** The wall-clock start and end in the zone, as UTC instants; the end after the start. */
function checkTimes(start: string, end: string, zone: string) {
  if (!isTimeZone(zone)) {
    throw unknownTimeZone('/timeZone', zone);
  }
  const startsAt = toUtc(start, zone, '/start');
  const endsAt = toUtc(end, zone, '/end');
  if (endsAt <= startsAt) {
    throw invalidField('/end', 'end-before-start', 'The meeting must end after it starts.');
  }
  return { startsAt, endsAt };
}

/** The body and term a new meeting belongs to: the term asked for, else the one of its day. */
async function bodyAndTerm(
  tx: Store,
  input: MeetingCreate,
  startsAt: string,
): Promise<{ bodyId: number | null; termId: number | null }> {
  if (!input.body) {
    if (input.termId != null) {
      throw invalidField('/termId', 'term-without-body', 'Only a body’s meeting has a term.');
    }
    return { bodyId: null, termId: null };
  }
  const body = await tx.governance.findBodyBySlug(input.body);
  if (!body) {
    throw invalidField('/body', 'unknown-reference', `No governing body "${input.body}".`, {
      record: 'body',
    });
  }
  const terms = await tx.governance.termsOfBodies([body.id]);
  if (input.termId != null) {
    if (!terms.some((t) => t.id === input.termId)) {
      throw invalidField('/termId', 'term-of-other-body', 'Choose a term of the meeting’s body.');
    }
    return { bodyId: body.id, termId: input.termId };
  }
  const day = startsAt.slice(0, 10);
  const term = termForMeeting(terms, day);
  // Every term ended before the meeting's day: its seats would be invited and counted for quorum
  // without a word. The secretariat opens the next term, or names the old one on purpose.
  if (term && term.ends_on < day) throw noCurrentTerm(input.body, term, day);
  return { bodyId: body.id, termId: term?.id ?? null };
}

/** A new meeting falls after the body's last term ended and no term was named. */
function noCurrentTerm(
  body: string,
  last: { label: string; ends_on: string },
  day: string,
): HttpProblem {
  const detail = `The body's last term (${last.label}) ended on ${last.ends_on}, before the meeting's day ${day}, and no later term has been entered: open the next term, or choose the term whose seats meet.`;
  const params = { term: last.label, endedOn: last.ends_on, day };
  return new HttpProblem(
    422,
    'Unprocessable Content',
    `termId: ${detail}`,
    [{ pointer: '/termId', detail, code: 'no-current-term', params }],
    undefined,
    'no-current-term',
    { body, term: last.label, endedOn: last.ends_on, day },
  );
}

/** A change of a meeting's date would take it out of the term whose seats it was called for. */
function outsideTerm(
  term: { label: string; starts_on: string; ends_on: string },
  day: string,
  side: 'before' | 'after',
): HttpProblem {
  const detail =
    side === 'after'
      ? `The meeting's term (${term.label}) ends on ${term.ends_on}, before the new day ${day}: its seats would meet outside their term. Choose a day within the term, or make a meeting of the next term.`
      : `The meeting's term (${term.label}) starts on ${term.starts_on}, after the new day ${day}: its seats would meet before their term. Choose a day within the term.`;
  return problem(422, 'meeting-outside-term', `start: ${detail}`, {
    pointer: '/start',
    fieldDetail: detail,
    params: { term: term.label, startsOn: term.starts_on, endsOn: term.ends_on, day, side },
  });
}

/** Starting a meeting long before its scheduled time, without saying so on purpose. */
function earlyStart(row: { starts_at: string; time_zone: string }, minutes: number): HttpProblem {
  const local = localOf(row.starts_at, row.time_zone);
  const detail = `The meeting is scheduled for ${local} (${row.time_zone}), ${Math.round(minutes / 60)} hours from now: send acknowledgeEarlyStart: true to start it now.`;
  return problem(422, 'early-start', `acknowledgeEarlyStart: ${detail}`, {
    pointer: '/acknowledgeEarlyStart',
    fieldDetail: detail,
    params: { startsAt: row.starts_at, timeZone: row.time_zone, localStart: local, minutes },
  });
}

export async function createMeeting(
  store: Store,
  actor: AuditActor,
  input: MeetingCreate,
): Promise<Meeting> {
  requireMeetingManager(actor);
  const { startsAt, endsAt } = checkTimes(input.start, input.end, input.timeZone);
  const id = await store.transaction(async (tx) => {
    const { bodyId, termId } = await bodyAndTerm(tx, input, startsAt);
    const now = nowIso();
    const meetingId = await tx.governance.insertMeeting({
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
    await insertAgenda(tx, meetingId, input.agenda ?? [], '/agenda');
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Created meeting ${textIn(input.title)}`,
      after: { ...input },
    });
    return meetingId;
  });
  return getMeeting(store, id, actor);
}

export async function updateMeeting(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: MeetingPatch,
  expected?: ExpectedVersions,
): Promise<Meeting> {
  requireMeetingManager(actor);
  await store.transaction(async (tx) => {
    await claimMeeting(tx, id, expected);
    const row = await editableMeeting(tx, id);
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
      const terms = await tx.governance.termsOfBodies([row.body_id]);
      const term = terms.find((t) => t.id === row.term_id);
      const day = next.starts_at.slice(0, 10);
      if (term) {
        // Its seats were invited and count for quorum: a meeting keeps its term, so a move
        // past the term's end (or before its start) is refused rather than made without a word.
        const side = termMove(
          { startsOn: term.starts_on, endsOn: term.ends_on },
          row.starts_at.slice(0, 10),
          day,
        );
        if (side) throw outsideTerm(term, day, side);
      } else {
        termId = termForMeeting(terms, day)?.id ?? row.term_id;
      }
    }
    await tx.governance.updateMeeting(id, {
      ...next,
      term_id: termId,
      sequence: row.sequence + (moved ? 1 : 0),
      updated_at: nowIso(),
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      summary: `Changed meeting ${textIn(meetingTitle(row))}`,
      before: {
        title: row.title,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        venue: row.venue,
      },
      after: { title: next.title, starts_at: startsAt, ends_at: endsAt, venue: next.venue },
    });
  });
  return getMeeting(store, id, actor);
}

export async function setMeetingStatus(
  store: Store,
  actor: AuditActor,
  id: number,
  status: MeetingStatus,
  options: { acknowledgeEarlyStart?: boolean } = {},
): Promise<Meeting> {
  requireMeetingManager(actor);
  await store.transaction(async (tx) => {
    const row = await findMeeting(tx, id);
    if (!canMoveMeeting(row.status, status)) {
      throw conflict(
        'meeting-status-change',
        `A meeting that is ${row.status} cannot become ${status}.`,
        {
          params: { from: row.status, to: status },
          pointer: '/status',
          fieldDetail: `Not allowed from ${row.status}.`,
        },
      );
    }
    if (status === 'in-progress' && !options.acknowledgeEarlyStart) {
      const early = earlyStartMinutes(row.starts_at, nowIso());
      if (early !== null) throw earlyStart(row, early);
    }
    if (status === 'closed') {
      const open = (await tx.governance.motionsOf(id)).filter((m) => m.status === 'open');
      if (open.length > 0) {
        throw conflict(
          'open-motions',
          `Decide or withdraw the open motion${open.length > 1 ? 's' : ''} before closing the meeting.`,
          { params: { count: open.length } },
        );
      }
    }
    const now = nowIso();
    await tx.governance.updateMeeting(id, {
      status,
      sequence: row.sequence + 1,
      closed_at: status === 'closed' ? now : row.closed_at,
      updated_at: now,
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      summary: `Meeting ${textIn(meetingTitle(row))}: ${row.status} → ${status}`,
      before: { status: row.status },
      after: { status },
    });
  });
  return getMeeting(store, id, actor);
}
