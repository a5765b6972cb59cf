/** A signed-in user changing their own password. */
import { recordAudit, type AuditActor } from '../audit/service';
import { hashPassword, verifyPassword } from '../auth/secrets';
import { nowIso } from '../clock';
import { authorize } from '../http/authorize';
import { claimedVersion } from '../http/preconditions';
import { invalidField, unauthorized } from '../http/problem';
import type { Store } from '../store';
import { presentUser } from './present';
import type { UserRow } from './repository';
import type { PasswordChange, User } from './schemas';
import { startSession } from './session-service';
import { throttledPasswordCheck } from './throttle-service';

/**
 * Sets a new password once the current one is given (a wrong one is 422 on /currentPassword
 * and counts towards the sign-in lock). Every session and API token of the user ends, as they
 * may be someone else's who knew the old password; the caller gets a new session.
 */
export async function changeOwnPassword(
  store: Store,
  actor: AuditActor,
  input: PasswordChange,
  address: string,
): Promise<{ user: User; session: Awaited<ReturnType<typeof startSession>> }> {
  authorize(actor, 'user.changeOwnPassword', { userId: actor.userId });
  const row = await store.users.findUserById(actor.userId);
  if (!row || row.disabled) throw unauthorized();
  if (input.newPassword === input.currentPassword) {
    throw invalidField('/newPassword', 'must differ from the current password');
  }
  const confirmed = await throttledPasswordCheck<UserRow>(
    store,
    { email: row.email, address },
    async () => ((await verifyPassword(row.password_hash, input.currentPassword)) ? row : null),
  );
  if (!confirmed) throw invalidField('/currentPassword', 'is not your current password');

  const hash = await hashPassword(input.newPassword);
  return store.transaction(async (tx) => {
    // A new password is a change of the user: a copy read before it is stale.
    claimedVersion(await tx.users.claimUserVersion(row.id));
    await tx.users.updateUser(row.id, { password_hash: hash, updated_at: nowIso() });
    await tx.users.deleteSessionsOfUser(row.id);
    await tx.users.deleteTokensOfUser(row.id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: row.id,
      summary: `User ${row.email} changed their password; their sessions and API tokens ended`,
      after: { password: 'changed' },
    });
    const session = await startSession(tx, row.id);
    return { user: presentUser((await tx.users.findUserById(row.id)) as UserRow), session };
  });
}
