/**
 * The attendance register of a sitting meeting: who is present, in their own right, as a
 * proxy or as an adviser, and in person or online. The register must hold up under the core's
 * rules (src/core/governance/attendance.ts) after every change.
 */
import { checkAttendance, type AttendanceProblemCode } from '../../core/governance';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { conflict, invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import {
  findMeeting,
  loadContext,
  requireMeetingManager,
  type MeetingContext,
} from './meeting-context';
import { getMeeting } from './meeting-view';
import { rulesOf } from './present';
import { attendanceEntries } from './quorum';
import type { AttendanceRow } from './register-repository';
import type { MeetingRow } from './repository';
import type { AttendanceCreate, AttendancePatch, Meeting } from './schemas';

const PROBLEM_POINTER: Record<AttendanceProblemCode, string> = {
  'proxy-without-principal': '/principalName',
  'self-proxy': '/principalPersonId',
  'proxy-limit-exceeded': '/name',
  'principal-also-present': '/governmentId',
  'government-double-represented': '/governmentId',
  'principal-on-adviser': '/principalName',
};

/** The register must hold up after the change; problems on the changed entry are the caller's. */
function assertRegister(rows: AttendanceRow[], index: number, ctx: MeetingContext): void {
  const maxPrincipalsPerProxy = ctx.body ? rulesOf(ctx.body).maxPrincipalsPerProxy : 1;
  const problems = checkAttendance(attendanceEntries(rows), { maxPrincipalsPerProxy });
  const mine = problems.find((p) => p.index === index) ?? problems[0];
  if (mine) throw invalidField(PROBLEM_POINTER[mine.code], mine.code, mine.message, mine.params);
}

/**
 * The register is kept while the meeting is scheduled or sitting; after that it is final.
 * The meeting is locked first: changes to one register run one after the other, each checking
 * the rules against the register the one before left (a unique index is the last word on one
 * voter per government, see migration 0004).
 */
async function meetingForRegister(tx: Store, id: number, at: string): Promise<MeetingRow> {
  await tx.governance.lockMeeting(id, at);
  const row = await findMeeting(tx, id);
  if (row.status !== 'scheduled' && row.status !== 'in-progress') {
    throw row.status === 'draft'
      ? conflict('register-before-schedule', 'Schedule the meeting before recording attendance.')
      : conflict('register-final', `The meeting is ${row.status}; its register is final.`, {
          params: { status: row.status },
        });
  }
  return row;
}

/** Who the new entry names: the government, the person attending and whom a proxy stands for. */
async function entryFor(tx: Store, ctx: MeetingContext, input: AttendanceCreate, at: string) {
  const governmentId = input.governmentId ?? null;
  if (input.capacity !== 'adviser' && governmentId === null) {
    throw invalidField(
      '/governmentId',
      'attendance-government-missing',
      'Say which government the person attends for.',
    );
  }
  if (governmentId !== null && !(await tx.governance.governmentExists(governmentId))) {
    throw invalidField('/governmentId', 'unknown-reference', `No government ${governmentId}.`, {
      record: 'government',
    });
  }
  const ids = [input.personId, input.principalPersonId].filter((x): x is number => x != null);
  const people = await tx.governance.personRefs(ids);
  if (input.personId != null && !people.has(input.personId)) {
    throw invalidField('/personId', 'unknown-reference', `No person ${input.personId}.`, {
      record: 'person',
    });
  }
  if (input.principalPersonId != null && !people.has(input.principalPersonId)) {
    throw invalidField(
      '/principalPersonId',
      'unknown-reference',
      `No person ${input.principalPersonId}.`,
      { record: 'person' },
    );
  }
  const name =
    input.name ?? (input.personId != null ? people.get(input.personId)?.full_name : undefined);
  if (!name) {
    throw invalidField('/name', 'attendee-unnamed', 'Name the person attending or choose them.');
  }
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
      (await tx.governance.personRefs([principalPersonId])).get(principalPersonId)?.full_name ??
      null;
  }
  const adviser = input.capacity === 'adviser';
  return {
    meeting_id: ctx.row.id,
    government_id: governmentId,
    person_id: input.personId ?? null,
    name,
    capacity: input.capacity,
    principal_person_id: adviser ? null : principalPersonId,
    principal_name: adviser ? null : principalName,
    mode: input.mode,
    present: input.present === false ? 0 : 1,
    recorded_at: at,
  };
}

type EntryValues = Awaited<ReturnType<typeof entryFor>>;

/** An entry of the register that says exactly what the new one says (a repeated request). */
const sameEntry = (a: AttendanceRow, b: EntryValues): boolean =>
  a.government_id === b.government_id &&
  a.person_id === b.person_id &&
  a.name === b.name &&
  a.capacity === b.capacity &&
  a.principal_person_id === b.principal_person_id &&
  a.principal_name === b.principal_name &&
  a.mode === b.mode &&
  a.present === b.present;

/** An entry of a register that may change, read again once its meeting is locked. */
async function lockedEntry(
  tx: Store,
  attendanceId: number,
  at: string,
): Promise<{ entry: AttendanceRow; meeting: MeetingRow }> {
  const seen = await tx.governance.findAttendance(attendanceId);
  if (!seen) throw notFound('attendance', `No attendance entry ${attendanceId}.`);
  const meeting = await meetingForRegister(tx, seen.meeting_id, at);
  const entry = await tx.governance.findAttendance(attendanceId);
  if (!entry) throw notFound('attendance', `No attendance entry ${attendanceId}.`);
  return { entry, meeting };
}

export async function addAttendance(
  store: Store,
  actor: AuditActor,
  meetingId: number,
  input: AttendanceCreate,
): Promise<Meeting> {
  requireMeetingManager(actor);
  await store.transaction(async (tx) => {
    const now = nowIso();
    const row = await meetingForRegister(tx, meetingId, now);
    const ctx = await loadContext(tx, row);
    const fresh = await entryFor(tx, ctx, input, now);
    if (input.capacity === 'adviser' && (input.principalPersonId != null || input.principalName)) {
      throw invalidField(
        '/principalName',
        'principal-on-adviser',
        'An adviser attends in no one’s place.',
      );
    }
    // The same registration again (a double click, a retry) is the entry already there: the
    // answer is the register with it, and nothing is written.
    if (ctx.attendance.some((a) => sameEntry(a, fresh))) return;
    assertRegister(
      [...ctx.attendance, { ...fresh, id: Number.MAX_SAFE_INTEGER, version: 1 }],
      ctx.attendance.length,
      ctx,
    );
    const attendanceId = await tx.governance.insertAttendance(fresh);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'attendance',
      entityId: attendanceId,
      summary:
        input.capacity === 'proxy'
          ? `${fresh.name} present as proxy of ${fresh.principal_name ?? '?'}`
          : `${fresh.name} present (${input.capacity})`,
      after: fresh,
    });
  });
  return getMeeting(store, meetingId, actor);
}

/**
 * Marks an entry present or gone, in person or online. With `expected` (If-Match) the change
 * is made only from the entry's current version (412 otherwise); either way it takes the next.
 */
export async function patchAttendance(
  store: Store,
  actor: AuditActor,
  attendanceId: number,
  patch: AttendancePatch,
  expected?: ExpectedVersions,
): Promise<Meeting> {
  requireMeetingManager(actor);
  const meetingId = await store.transaction(async (tx) => {
    // The meeting is locked first, as by every change of its register; the entry read then is
    // the one the change is made from, before anything is written.
    const { entry, meeting } = await lockedEntry(tx, attendanceId, nowIso());
    claimedVersion(await tx.governance.claimAttendanceVersion(attendanceId, expected));
    const ctx = await loadContext(tx, meeting);
    const next = {
      present: patch.present === undefined ? entry.present : patch.present ? 1 : 0,
      mode: patch.mode ?? entry.mode,
    };
    const rows = ctx.attendance.map((a) => (a.id === attendanceId ? { ...a, ...next } : a));
    assertRegister(
      rows,
      rows.findIndex((a) => a.id === attendanceId),
      ctx,
    );
    await tx.governance.updateAttendance(attendanceId, next);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'attendance',
      entityId: attendanceId,
      summary: `${entry.name}: ${next.present ? 'present' : 'left'} (${next.mode})`,
      before: { present: entry.present, mode: entry.mode },
      after: next,
    });
    return entry.meeting_id;
  });
  return getMeeting(store, meetingId, actor);
}

export async function removeAttendance(
  store: Store,
  actor: AuditActor,
  attendanceId: number,
): Promise<Meeting> {
  requireMeetingManager(actor);
  const meetingId = await store.transaction(async (tx) => {
    const { entry } = await lockedEntry(tx, attendanceId, nowIso());
    await tx.governance.deleteAttendance(attendanceId);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'attendance',
      entityId: attendanceId,
      summary: `Removed ${entry.name} from the register`,
      before: entry,
    });
    return entry.meeting_id;
  });
  return getMeeting(store, meetingId, actor);
}
