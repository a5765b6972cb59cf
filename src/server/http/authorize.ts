import { can, type Action, type Subject } from '../../core/policy';
import type { Actor } from '../../core/roles';
import { forbidden, unauthorized } from './problem';

/**
 * The server's use of the one policy: returns when the actor may do the action to the subject,
 * else throws 401 for the public and 403 for a signed-in user. Services call this before they
 * act; routes stay thin.
 */
export function authorize<A extends Actor>(
  actor: A | null | undefined,
  action: Action,
  subject: Subject = {},
  detail = 'You may not do this.',
): asserts actor is A {
  if (!actor) throw unauthorized();
  if (!can(actor, action, subject)) throw forbidden('not-allowed', detail);
}
