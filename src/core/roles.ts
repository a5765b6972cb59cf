/** Who a user is to Accord. */
export const ROLES = ['admin', 'officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: number;
  role: Role;
  /** The government an officer is bound to; null for admins and viewers. */
  governmentId: number | null;
}
