import type { Actor } from '../../core/roles';
import { authorize } from '../http/authorize';
import { notFound } from '../http/problem';
import type { Store } from '../store';
import type { GovernmentRef } from './repository';

/**
 * Who may do what with climate records, asked of the one policy (src/core/policy.ts): anyone
 * reads them; the secretariat and the government's own officers change them (climate.edit).
 */

export async function governmentOrThrow(store: Store, slug: string): Promise<GovernmentRef> {
  const gov = await store.climate.governmentRef(slug);
  if (!gov) throw notFound('government', `no government "${slug}"`);
  return gov;
}

/** Returns when the actor may change the government's records: 401 for the public, else 403. */
export function assertMayEdit<A extends Actor>(
  actor: A | null | undefined,
  gov: Pick<GovernmentRef, 'id' | 'slug'>,
): asserts actor is A {
  authorize(
    actor,
    'climate.edit',
    { governmentId: gov.id },
    `You may change only your own government's climate records, not "${gov.slug}".`,
  );
}

/** The government named by its slug (404 if none), once the actor may change its records. */
export async function editableGovernmentBySlug(
  store: Store,
  actor: Actor | null | undefined,
  slug: string,
): Promise<GovernmentRef> {
  const gov = await governmentOrThrow(store, slug);
  assertMayEdit(actor, gov);
  return gov;
}

/** The government a stored record belongs to, once the actor may change its records. */
export async function editableGovernment(
  store: Store,
  actor: Actor | null | undefined,
  governmentId: number,
): Promise<GovernmentRef> {
  const gov = await governmentById(store, governmentId);
  assertMayEdit(actor, gov);
  return gov;
}

/** The government of a stored record (which always has one: the foreign key says so). */
export async function governmentById(store: Store, governmentId: number): Promise<GovernmentRef> {
  const gov = await store.climate.governmentRefById(governmentId);
  if (!gov) throw new Error(`governments ${governmentId}: missing for a climate record`);
  return gov;
}
