/**
 * Who may do what: one declared table of actions and roles, read by the server (every service
 * asks `can` before it acts) and by the web (to decide what to show). A role's entry is
 * `true` (always), absent (never) or the name of a condition on the subject.
 */
import type { Actor, Role } from './roles';

/** Facts about the thing acted on that a condition needs; each action says which it reads. */
export interface Subject {
  /** The government the record belongs to (a profile, a target, a ballot's voter). */
  governmentId?: number | null;
  /** For a person: the governments in which they hold positions (office positions excluded). */
  positionGovernmentIds?: readonly number[];
  /** For a person: whether they hold a position outside any government (in an office). */
  holdsOfficePosition?: boolean;
  /** For a person: the governments whose seat on a governing body they hold. */
  seatGovernmentIds?: readonly number[];
  /** For a meeting: the governments invited to it. */
  invitedGovernmentIds?: readonly number[];
  /** For an account: its user id. */
  userId?: number;
}

type Condition = (actor: Actor, subject: Subject) => boolean;

const ownGovernment: Condition = (actor, s) =>
  actor.governmentId !== null && s.governmentId === actor.governmentId;

/**
 * An officer edits a person only when every position the person holds is in the officer's own
 * government (and none in an office): otherwise they could redirect another government's
 * invitations by changing the address of someone who is not theirs.
 */
const personWhollyOwn: Condition = (actor, s) =>
  actor.governmentId !== null &&
  !s.holdsOfficePosition &&
  (s.positionGovernmentIds ?? []).length > 0 &&
  (s.positionGovernmentIds ?? []).every((id) => id === actor.governmentId) &&
  (s.seatGovernmentIds ?? []).every((id) => id === actor.governmentId);

/**
 * A position may be added in the officer's own government, to a person held nowhere else: no
 * position and no seat of another government or of an office.
 */
const positionForOwnPerson: Condition = (actor, s) =>
  ownGovernment(actor, s) &&
  !s.holdsOfficePosition &&
  (s.positionGovernmentIds ?? []).every((id) => id === actor.governmentId) &&
  (s.seatGovernmentIds ?? []).every((id) => id === actor.governmentId);

const invited: Condition = (actor, s) =>
  actor.governmentId !== null && (s.invitedGovernmentIds ?? []).includes(actor.governmentId);

const ownAccount: Condition = (actor, s) => s.userId === actor.userId;

export const CONDITIONS = {
  ownGovernment,
  personWhollyOwn,
  positionForOwnPerson,
  invited,
  ownAccount,
} as const;
export type ConditionName = keyof typeof CONDITIONS;

export type Grant = true | ConditionName;
export type RoleGrants = Partial<Record<Role, Grant>>;

/** Every action Accord guards. Anything not granted here is refused. */
export const POLICY = {
  // The directory
  'government.create': { admin: true },
  'government.edit': { admin: true, officer: 'ownGovernment' },
  'government.editMembership': { admin: true },
  'government.editRegion': { admin: true },
  /** Merge two records of one government, read the duplicates report, undo a merge. */
  'government.merge': { admin: true },
  // Membership and fees
  /** A membership's periods, renewals and suspensions; the members export. */
  'membership.manage': { admin: true },
  /** Invoices: the list, marking one paid, cancelling an open one, the invoices export. */
  'invoice.manage': { admin: true },
  /** The fee schedule: read it, change it. */
  'feeSchedule.edit': { admin: true },
  'person.create': { admin: true, officer: true },
  'person.edit': { admin: true, officer: 'personWhollyOwn' },
  'person.delete': { admin: true },
  'person.readContact': { admin: true, officer: 'personWhollyOwn' },
  'position.create': { admin: true, officer: 'positionForOwnPerson' },
  'position.edit': { admin: true, officer: 'ownGovernment' },
  /** An office of the network: its time zone. */
  'office.manage': { admin: true },
  /** Read membership applications with their contacts and documents, take them to a decision. */
  'application.manage': { admin: true },
  // Accounts and the log
  'user.manage': { admin: true },
  /** Users' sign-in e-mails, where the record says who did something (news, histories). */
  'user.readEmail': { admin: true },
  'user.changeOwnPassword': { admin: 'ownAccount', officer: 'ownAccount', viewer: 'ownAccount' },
  'token.manage': { admin: 'ownAccount', officer: 'ownAccount', viewer: 'ownAccount' },
  'audit.read': { admin: true },
  /** The outbox: every letter with its addresses and text; sending one now or again. */
  'mail.manage': { admin: true },
  // Climate
  'climate.edit': { admin: true, officer: 'ownGovernment' },
  'climate.readDraft': { admin: true, officer: 'ownGovernment' },
  'climate.import': { admin: true },
  // Governance
  'body.manage': { admin: true },
  'meeting.manage': { admin: true },
  'meeting.readDraft': { admin: true },
  'meeting.readJoinLink': { admin: true, officer: 'invited' },
  /** Who was invited and how they answered: members of the network, not the public. */
  'meeting.readInvitations': { admin: true, officer: true, viewer: true },
  'meeting.reply': { admin: true, officer: 'ownGovernment' },
  /** A secret address for one's own calendar application. */
  'calendar.personalFeed': { admin: 'ownAccount', officer: 'ownAccount', viewer: 'ownAccount' },
  'election.manage': { admin: true },
  'election.nominate': { admin: true, officer: 'ownGovernment' },
  'election.vote': { officer: 'ownGovernment' },
  // News and files
  'news.manage': { admin: true },
  'news.readDraft': { admin: true },
  'file.manage': { admin: true },
  'file.readPrivate': { admin: true },
} as const satisfies Record<string, RoleGrants>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** Whether the actor (null: the public) may do the action to the subject. */
export function can(actor: Actor | null, action: Action, subject: Subject = {}): boolean {
  if (!actor) return false;
  const grant = (POLICY[action] as RoleGrants)[actor.role];
  if (grant === undefined) return false;
  if (grant === true) return true;
  return CONDITIONS[grant](actor, subject);
}

/** The roles that may do the action at least for some subject (for menus and the API docs). */
export function rolesFor(action: Action): Role[] {
  return Object.keys(POLICY[action]) as Role[];
}
