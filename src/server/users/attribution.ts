/** How a viewer sees the actors that records name (the rules in src/core/attribution.ts). */
import { attributionLabel, holdsAddress, type AttributedUser } from '../../core/attribution';
import { can } from '../../core/policy';
import type { Actor } from '../../core/roles';
import type { Store } from '../store';

/**
 * Reads the accounts behind the stored labels once and answers how to show each label to the
 * viewer (null: the public): their e-mail where the policy lets them read it (`user.readEmail`),
 * else the user's display name or role.
 */
export async function attributionsFor(
  store: Store,
  viewer: Actor | null,
  labels: Iterable<string>,
): Promise<(label: string) => string> {
  const mayReadEmail = can(viewer, 'user.readEmail');
  const addresses = mayReadEmail
    ? []
    : [...new Set([...labels].filter(holdsAddress).map((l) => l.toLowerCase()))];
  const users = await store.users.findUsersByEmails(addresses);
  const byEmail = new Map<string, AttributedUser>(
    users.map((u) => [u.email, { displayName: u.display_name, role: u.role }]),
  );
  return (label) => attributionLabel(label, byEmail.get(label.toLowerCase()), mayReadEmail);
}
