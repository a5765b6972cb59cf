/** Who a user is to Accord. */
export const ROLES = ['admin', 'officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: number;
  role: Role;
  /** The government an officer is bound to; null for admins and viewers. */
  governmentId: number | null;
}

/**
 * Admins edit every government; an officer only their own; viewers nothing.
 * Transitional: ask the policy, `can(actor, 'government.edit', { governmentId })` (src/core/policy.ts).
 * Removed once the climate service has moved to it.
 */
export function canEditGovernment(actor: Actor | null, governmentId: number): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'officer' && actor.governmentId === governmentId;
}
