/** Who a user is to Accord. */
export const ROLES = ['admin', 'officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: number;
  role: Role;
  /** The government an officer is bound to; null for admins and viewers. */
  governmentId: number | null;
}

/** Admins edit every government; an officer only their own; viewers nothing. */
export function canEditGovernment(actor: Actor | null, governmentId: number): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'officer' && actor.governmentId === governmentId;
}

export function isAdmin(actor: Actor | null): boolean {
  return actor?.role === 'admin';
}
