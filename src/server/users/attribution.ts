/** How a viewer sees the actors that records name (the rules in src/core/attribution.ts). */
import {
  attribution,
  holdsAddress,
  type AttributedUser,
  type Attribution,
} from '../../core/attribution';
import { can } from '../../core/policy';
import type { Actor } from '../../core/roles';
import type { Store } from '../store';

/**
 * All that an attribution's answer depends on about the viewer: whether they read addresses
 * (`user.readEmail`) or the names and roles everyone else reads. Answers kept between requests
 * are kept apart by it (src/server/http/answer-cache.ts).
 */
export function attributionAudience(viewer: Actor | null): 'addresses' | 'names' {
  return can(viewer, 'user.readEmail') ? 'addresses' : 'names';
}

/**
 * Reads the accounts behind the stored labels once and answers how to show each label to the
 * viewer (null: the public): their e-mail where the policy lets them read it (`user.readEmail`),
 * else the user's display name or role; Accord's own actors by their kind.
 */
export async function attributionsFor(
  store: Store,
  viewer: Actor | null,
  labels: Iterable<string>,
): Promise<(label: string) => Attribution> {
  const mayReadEmail = attributionAudience(viewer) === 'addresses';
  const addresses = mayReadEmail
    ? []
    : [...new Set([...labels].filter(holdsAddress).map((l) => l.toLowerCase()))];
  const users = await store.users.findUsersByEmails(addresses);
  const byEmail = new Map<string, AttributedUser>(
    users.map((u) => [u.email, { displayName: u.display_name, role: u.role }]),
  );
  return (label) => attribution(label, byEmail.get(label.toLowerCase()), mayReadEmail);
}

/** As `attributionsFor`, for fields that keep a label only (its English for Accord's actors). */
export async function attributionLabelsFor(
  store: Store,
  viewer: Actor | null,
  labels: Iterable<string>,
): Promise<(label: string) => string> {
  const shown = await attributionsFor(store, viewer, labels);
  return (label) => shown(label).label;
}
