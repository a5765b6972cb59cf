/**
 * A meeting's register and seats in the terms of the core's rules (src/core/governance):
 * the seats that count towards quorum, the register as attendance entries, the live quorum.
 */
import { quorumOf, type AttendanceEntry, type SeatForQuorum } from '../../core/governance';
import { searchKey } from '../../core/names';
import type { MeetingContext } from './meeting-context';
import { rulesOf } from './present';
import type { AttendanceRow } from './register-repository';
import type { SeatRow } from './repository';
import type { Quorum } from './schemas';

export function seatsForQuorum(seats: SeatRow[]): SeatForQuorum[] {
  return seats.map((s) => ({
    seatId: s.id,
    governmentId: s.government_id,
    voting: s.position !== 'advisory',
  }));
}

/** The quorum now, by the body's rule; null for a meeting without a body's term. */
export function quorumFor(ctx: MeetingContext): Quorum | null {
  if (!ctx.body || !ctx.term) return null;
  const rule = rulesOf(ctx.body).quorum;
  const presence = ctx.attendance.flatMap((a) =>
    a.government_id === null
      ? []
      : [{ governmentId: a.government_id, capacity: a.capacity, present: a.present === 1 }],
  );
  return { ...quorumOf(rule, seatsForQuorum(ctx.seats), presence), rule };
}

/** Who someone on the register is: their person, else their name folded for comparison. */
export function personKey(personId: number | null, name: string): string {
  return personId === null ? `n:${searchKey(name)}` : `p:${personId}`;
}

export function attendanceEntries(rows: AttendanceRow[]): AttendanceEntry[] {
  return rows.map((a) => ({
    // Advisers from the secretariat have no government; a negative key keeps them apart.
    governmentId: a.government_id ?? -a.id,
    personKey: personKey(a.person_id, a.name),
    capacity: a.capacity,
    principalKey:
      a.principal_person_id !== null || a.principal_name
        ? personKey(a.principal_person_id, a.principal_name ?? '')
        : null,
    present: a.present === 1,
  }));
}
