/**
 * The attendance register: who is present in their own right, who through a proxy, who
 * advises, and for each seat what the secretariat has recorded so far. Also the votes a
 * decision starts from.
 */
import { defaultVotes } from '../../core/governance/votes';
import type { Attendance, Invitation, Seat, VoteChoice } from './types';

export interface RegisterGroups {
  ownRight: Attendance[];
  proxies: Attendance[];
  advisers: Attendance[];
  /** Recorded as absent (apologies). */
  absent: Attendance[];
}

const byName = (a: Attendance, b: Attendance) => a.name.localeCompare(b.name, 'en');

export function registerGroups(attendance: readonly Attendance[]): RegisterGroups {
  const present = attendance.filter((a) => a.present);
  return {
    ownRight: present.filter((a) => a.capacity === 'own-right').sort(byName),
    proxies: present.filter((a) => a.capacity === 'proxy').sort(byName),
    advisers: present.filter((a) => a.capacity === 'adviser').sort(byName),
    absent: attendance.filter((a) => !a.present).sort(byName),
  };
}

export type SeatState = 'own-right' | 'proxy' | 'absent' | 'unmarked';

export interface SeatRow {
  seat: Seat;
  /** The record that decides the row's state, if any. */
  record: Attendance | null;
  state: SeatState;
  invitation: Invitation | null;
  /** What the proxy form starts with: the proxy the reply named, and the seat holder. */
  proxyPrefill: { proxyName: string; principalName: string };
}

function invitationFor(seat: Seat, invitations: readonly Invitation[]): Invitation | null {
  return (
    invitations.find((i) => i.seatId === seat.id) ??
    invitations.find((i) => i.seatId === null && i.government?.id === seat.government.id) ??
    null
  );
}

/**
 * One row per seat. A government present both ways counts as present in its own right; a
 * present record wins over an absent one, since the register is corrected by adding to it.
 */
export function seatRows(
  seats: readonly Seat[],
  attendance: readonly Attendance[],
  invitations: readonly Invitation[],
): SeatRow[] {
  return [...seats]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
    .map((seat) => {
      const records = attendance.filter(
        (a) => a.government?.id === seat.government.id && a.capacity !== 'adviser',
      );
      const own = records.find((a) => a.present && a.capacity === 'own-right');
      const proxy = records.find((a) => a.present && a.capacity === 'proxy');
      const absent = records.find((a) => !a.present);
      const record = own ?? proxy ?? absent ?? null;
      const state: SeatState = own ? 'own-right' : proxy ? 'proxy' : absent ? 'absent' : 'unmarked';
      const invitation = invitationFor(seat, invitations);
      return {
        seat,
        record,
        state,
        invitation,
        proxyPrefill: {
          proxyName: invitation?.proxy?.name ?? '',
          principalName: seat.person?.fullName ?? invitation?.name ?? '',
        },
      };
    });
}

/** Governments present in person or through a proxy: those whose seats may vote. */
export function presentGovernmentIds(attendance: readonly Attendance[]): number[] {
  const ids = new Set<number>();
  for (const a of attendance) {
    if (a.present && a.government && (a.capacity === 'own-right' || a.capacity === 'proxy')) {
      ids.add(a.government.id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/** Where a vote form starts: absent for seats not present, abstain for the others. */
export function initialVotes(
  seats: readonly Seat[],
  attendance: readonly Attendance[],
): Record<number, VoteChoice> {
  const votes = defaultVotes(
    seats.map((s) => ({ seatId: s.id, governmentId: s.government.id, voting: s.voting })),
    presentGovernmentIds(attendance),
  );
  return Object.fromEntries(votes.map((v) => [v.seatId, v.choice]));
}

/**
 * The votes of an open decision after the register changed: a seat still at the choice the
 * old register gave it follows the new register (marked present, it may vote; marked absent,
 * it is absent), while a choice the secretary made by hand stays.
 */
export function followRegister(
  votes: Readonly<Record<number, VoteChoice>>,
  before: Readonly<Record<number, VoteChoice>>,
  after: Readonly<Record<number, VoteChoice>>,
): Record<number, VoteChoice> {
  const next: Record<number, VoteChoice> = {};
  for (const [key, choice] of Object.entries(after)) {
    const seatId = Number(key);
    const current = votes[seatId];
    next[seatId] = current === undefined || current === before[seatId] ? choice : current;
  }
  return next;
}
