/**
 * A meeting as the services load it: found and visible to the viewer, or still open to
 * change; with its body, the term whose seats meet, and the attendance register.
 */
import { can } from '../../core/policy';
import type { Actor } from '../../core/roles';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { conflict, notFound } from '../http/problem';
import type { Store } from '../store';
import type { AttendanceRow } from './register-repository';
import type { BodyRow, MeetingRow, SeatRow, TermRow } from './repository';

export interface MeetingContext {
  row: MeetingRow;
  body: BodyRow | undefined;
  term: TermRow | undefined;
  seats: SeatRow[];
  attendance: AttendanceRow[];
}

/** The secretariat alone runs meetings: 401 for the public, 403 for anyone else. */
export function requireMeetingManager(actor: Actor | null): void {
  authorize(actor, 'meeting.manage', {}, 'Only administrators may do this.');
}

export async function findMeeting(store: Store, id: number): Promise<MeetingRow> {
  const row = await store.governance.findMeeting(id);
  if (!row) throw notFound('meeting', `No meeting ${id}.`);
  return row;
}

/**
 * The first step of a change to what editors write in a meeting (details, agenda, minutes):
 * 404 when there is no such meeting, else its next version is claimed (412 when If-Match names
 * an older one). Changes of one meeting queue here; read the meeting again after this.
 */
export async function claimMeeting(
  store: Store,
  id: number,
  expected?: ExpectedVersions,
): Promise<void> {
  await findMeeting(store, id);
  claimedVersion(await store.governance.claimMeetingVersion(id, expected));
}

/** Drafts are the secretariat's working copies: to anyone else they do not exist. */
export async function visibleMeeting(
  store: Store,
  id: number,
  actor: Actor | null,
): Promise<MeetingRow> {
  const row = await store.governance.findMeeting(id);
  if (!row || (row.status === 'draft' && !can(actor, 'meeting.readDraft'))) {
    throw notFound('meeting', `No meeting ${id}.`);
  }
  return row;
}

/** A meeting whose record may still change: closed and cancelled ones are final. */
export async function editableMeeting(store: Store, id: number): Promise<MeetingRow> {
  const row = await findMeeting(store, id);
  if (row.status === 'closed' || row.status === 'cancelled') {
    throw conflict('meeting-final', `The meeting is ${row.status}; its record is final.`, {
      params: { status: row.status },
    });
  }
  return row;
}

export async function loadContext(store: Store, row: MeetingRow): Promise<MeetingContext> {
  const body = row.body_id === null ? undefined : await store.governance.findBodyById(row.body_id);
  const term = row.term_id === null ? undefined : await store.governance.findTerm(row.term_id);
  const seats = term ? await store.governance.seatsOfTerm(term.id) : [];
  const attendance = await store.governance.attendanceOf(row.id);
  return { row, body, term, seats, attendance };
}
