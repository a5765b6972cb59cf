/**
 * Inviting a guest to a meeting (secretariat staff, a speaker, an observer): the form's values,
 * the checks the browser makes, the request and what the server's refusals mean to the form.
 */
import type { FieldError } from '../api';
import type { Invitation, InviteRequest } from './types';

export type CalendarRole = Invitation['role'];

export interface GuestValues {
  name: string;
  email: string;
  role: CalendarRole;
}

/** A guest attends if they can, as calendars say of an optional participant. */
export const DEFAULT_GUEST_ROLE: CalendarRole = 'OPT-PARTICIPANT';

export function emptyGuest(): GuestValues {
  return { name: '', email: '', role: DEFAULT_GUEST_ROLE };
}

/** The form invites one guest at a time: the first of the request's list. */
export const GUEST_POINTERS = {
  name: '/guests/0/name',
  email: '/guests/0/email',
  role: '/guests/0/role',
} as const;

export type GuestProblemCode = 'nameRequired' | 'emailRequired' | 'badEmail' | 'alreadyInvited';
export const GUEST_PROBLEMS = [
  'nameRequired',
  'emailRequired',
  'badEmail',
  'alreadyInvited',
] as const satisfies readonly GuestProblemCode[];

export interface GuestProblem {
  pointer: string;
  code: GuestProblemCode;
}

// One @, no spaces, a dot in the domain: what a mail server needs; the server checks the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Problems the browser sees on its own, including an address already on the invitation list
 * (the server refuses it too, and compares addresses without regard to case).
 */
export function checkGuest(
  values: GuestValues,
  invitations: readonly Pick<Invitation, 'email'>[],
): GuestProblem[] {
  const problems: GuestProblem[] = [];
  if (!values.name.trim()) problems.push({ pointer: GUEST_POINTERS.name, code: 'nameRequired' });
  const email = normalEmail(values.email);
  if (!email) {
    problems.push({ pointer: GUEST_POINTERS.email, code: 'emailRequired' });
  } else if (!EMAIL.test(email) || email.length > 254) {
    problems.push({ pointer: GUEST_POINTERS.email, code: 'badEmail' });
  } else if (invitations.some((i) => i.email !== null && normalEmail(i.email) === email)) {
    problems.push({ pointer: GUEST_POINTERS.email, code: 'alreadyInvited' });
  }
  return problems;
}

/** Guests only: the body's seats are invited with their own button. */
export function guestInviteBody(values: GuestValues): InviteRequest {
  return {
    seats: false,
    guests: [{ name: values.name.trim(), email: values.email.trim(), role: values.role }],
  };
}

/**
 * The server's conflict on an address ("already invited", 409 naming /guests/0/email) said in
 * the form's own words; other field errors keep their detail for the usual translation.
 */
export function guestServerErrors(
  status: number | null,
  errors: readonly FieldError[],
  alreadyInvited: string,
): FieldError[] {
  return errors.map((error) =>
    status === 409 && error.pointer === GUEST_POINTERS.email
      ? { pointer: error.pointer, detail: alreadyInvited }
      : error,
  );
}

/**
 * The words for an invitee's role. A seat's role follows its position (chair, member,
 * advisory, observer); a guest's is what their calendar is asked to do with the meeting.
 */
export function invitationRoleKey(invitation: Pick<Invitation, 'seatId' | 'role'>): string {
  return invitation.seatId === null
    ? `guestRoles.${invitation.role}`
    : `calendarRoles.${invitation.role}`;
}
