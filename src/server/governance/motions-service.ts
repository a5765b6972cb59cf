/**
 * Motions and decisions: a motion put to the meeting, decided by the votes of the seats
 * present (refused without quorum, unless it is to adjourn), or withdrawn.
 */
import {
  canDecide,
  checkVotes,
  defaultVotes,
  tallyMotion,
  voterFor,
  type AttendanceEntry,
  type Vote,
} from '../../core/governance';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { textIn } from '../db/texts';
import { conflict, invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import {
  editableMeeting,
  findMeeting,
  loadContext,
  requireMeetingManager,
  type MeetingContext,
} from './meeting-context';
import { getMeeting } from './meeting-view';
import { motionText, rulesOf } from './present';
import { attendanceEntries, personKey, quorumFor, seatsForQuorum } from './quorum';
import type { MotionRow } from './register-repository';
import type { SeatRow } from './repository';
import type { DecisionRequest, Meeting, MotionCreate } from './schemas';

export async function addMotion(
  store: Store,
  actor: AuditActor,
  meetingId: number,
  input: MotionCreate,
): Promise<Meeting> {
  requireMeetingManager(actor);
  await store.transaction(async (tx) => {
    const row = await editableMeeting(tx, meetingId);
    if (row.body_id === null) {
      throw conflict('motion-without-body', 'Only meetings of a governing body decide motions.');
    }
    const body = await tx.governance.findBodyById(row.body_id);
    if (input.agendaItemId != null) {
      const items = await tx.governance.agendaOf(meetingId);
      if (!items.some((i) => i.id === input.agendaItemId)) {
        throw invalidField(
          '/agendaItemId',
          'agenda-item-of-other-meeting',
          'Choose an item of this meeting’s agenda.',
        );
      }
    }
    const id = await tx.governance.insertMotion({
      meeting_id: meetingId,
      agenda_item_id: input.agendaItemId ?? null,
      kind: input.kind,
      text: JSON.stringify(input.text),
      majority_rule: input.majorityRule ?? (body ? rulesOf(body).majorityRule : 'simple'),
      status: 'open',
      created_at: nowIso(),
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'motion',
      entityId: id,
      summary: `Motion: ${textIn(input.text)}`,
      after: input,
    });
  });
  return getMeeting(store, meetingId, actor);
}

async function openMotion(tx: Store, motionId: number): Promise<MotionRow> {
  const motion = await tx.governance.findMotion(motionId);
  if (!motion) throw notFound('motion', `No motion ${motionId}.`);
  if (motion.status !== 'open') {
    throw conflict('motion-decided', `The motion is already ${motion.status}.`, {
      params: { status: motion.status },
    });
  }
  return motion;
}

/**
 * The votes to record: every voting seat's, the choices given for the seats present and the
 * default (absent, or abstain when present) for the rest. Refused when a choice is given for
 * a seat that may not vote.
 */
function votesOf(ctx: MeetingContext, request: DecisionRequest): Vote[] {
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
    throw invalidField(`/votes/${index < 0 ? 0 : index}/choice`, first.code, first.message);
  }
  const given = new Map(request.votes.map((v) => [v.seatId, v.choice]));
  return defaultVotes(seats, votingGovernments).map((d) => ({
    seatId: d.seatId,
    choice: given.get(d.seatId) ?? d.choice,
  }));
}

/** Who cast each seat's vote, as the record names them (a proxy with their principal). */
function castBy(
  ctx: MeetingContext,
  entries: AttendanceEntry[],
  seat: SeatRow,
  vote: Vote,
): string | null {
  const voter = voterFor(seat.government_id, entries);
  const entry = voter
    ? ctx.attendance.find(
        (a) =>
          a.government_id === seat.government_id &&
          personKey(a.person_id, a.name) === voter.personKey,
      )
    : undefined;
  if (vote.choice === 'absent' || !entry) return null;
  return entry.capacity === 'proxy'
    ? `${entry.name} (proxy of ${entry.principal_name ?? '?'})`
    : entry.name;
}

export async function decide(
  store: Store,
  actor: AuditActor,
  motionId: number,
  request: DecisionRequest,
): Promise<Meeting> {
  requireMeetingManager(actor);
  const meetingId = await store.transaction(async (tx) => {
    const motion = await openMotion(tx, motionId);
    const row = await findMeeting(tx, motion.meeting_id);
    if (row.status !== 'in-progress') {
      throw conflict(
        'meeting-not-in-progress',
        'Decisions are recorded while the meeting is in progress.',
      );
    }
    const ctx = await loadContext(tx, row);
    const quorum = quorumFor(ctx);
    if (!quorum) throw conflict('no-voting-seats', 'The meeting has no seats to vote.');
    if (!canDecide(motion.kind, quorum).allowed) {
      throw conflict(
        'no-quorum',
        `No quorum: ${quorum.present} of the ${quorum.required} voting seats needed are present. ` +
          'Only a motion to adjourn may be decided.',
        { params: { present: quorum.present, required: quorum.required } },
      );
    }
    const votes = votesOf(ctx, request);
    const votingSeats = seatsForQuorum(ctx.seats).filter((s) => s.voting).length;
    const tally = tallyMotion(motion.majority_rule, votes, votingSeats);
    const seatById = new Map(ctx.seats.map((s) => [s.id, s]));
    const entries = attendanceEntries(ctx.attendance);
    await tx.governance.insertVotes(
      votes.map((v) => {
        const seat = seatById.get(v.seatId) as SeatRow;
        return {
          motion_id: motionId,
          seat_id: v.seatId,
          government_id: seat.government_id,
          choice: v.choice,
          cast_by: castBy(ctx, entries, seat, v),
        };
      }),
    );
    const now = nowIso();
    await tx.governance.updateMotion(motionId, {
      status: tally.carried ? 'carried' : 'failed',
      votes_for: tally.for,
      votes_against: tally.against,
      votes_abstain: tally.abstain,
      votes_absent: tally.absent,
      quorum_present: quorum.present,
      quorum_required: quorum.required,
      decided_at: now,
    });
    await tx.governance.updateMeeting(row.id, { updated_at: now });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'motion',
      entityId: motionId,
      summary: `${tally.carried ? 'Carried' : 'Failed'} ${tally.for}–${tally.against}–${tally.abstain}: ${textIn(motionText(motion))}`,
      after: { tally, votes },
    });
    return row.id;
  });
  return getMeeting(store, meetingId, actor);
}

export async function withdrawMotion(
  store: Store,
  actor: AuditActor,
  motionId: number,
): Promise<Meeting> {
  requireMeetingManager(actor);
  const meetingId = await store.transaction(async (tx) => {
    const motion = await openMotion(tx, motionId);
    await editableMeeting(tx, motion.meeting_id);
    await tx.governance.updateMotion(motionId, { status: 'withdrawn', decided_at: nowIso() });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'motion',
      entityId: motionId,
      summary: `Withdrew motion: ${textIn(motionText(motion))}`,
    });
    return motion.meeting_id;
  });
  return getMeeting(store, meetingId, actor);
}
