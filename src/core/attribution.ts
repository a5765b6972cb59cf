/**
 * Who did something, as a record shows it. Accord stores the actor of a change as a label:
 * a user's sign-in e-mail, or a name for Accord itself ("system", "demo loader") or for text
 * written by hand. An e-mail is personal: only those the policy lets read users' e-mails see
 * it; everyone else sees the user's display name, or their role when the name is itself an
 * address.
 */
import type { Role } from './roles';

/** The role as the public may read it, for a user whose name cannot be shown. */
export const ROLE_ATTRIBUTION: Record<Role, string> = {
  admin: 'Secretariat',
  officer: 'Member government officer',
  viewer: 'Accord user',
};

/** Text that holds an e-mail address (or anything shaped like one). */
export function holdsAddress(text: string): boolean {
  return text.includes('@');
}

/** The user a stored label names, as far as the attribution needs them. */
export interface AttributedUser {
  displayName: string;
  role: Role;
}

/**
 * The label to show. `user` is the account whose e-mail the label is (undefined when none is);
 * `mayReadEmail` whether the viewer may see users' e-mails.
 */
export function attributionLabel(
  label: string,
  user: AttributedUser | undefined,
  mayReadEmail: boolean,
): string {
  if (!holdsAddress(label) || mayReadEmail) return label;
  if (!user) return ROLE_ATTRIBUTION.viewer;
  const name = user.displayName.trim();
  return name && !holdsAddress(name) ? name : ROLE_ATTRIBUTION[user.role];
}
