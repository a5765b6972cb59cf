/** A signed-in user changing their own password; the operator resetting a lost one. */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/passwords';
import { recordAudit, type AuditActor, type SystemActor } from '../audit/service';
import { hashPassword, verifyPassword } from '../auth/secrets';
import { nowIso } from '../clock';
import { authorize } from '../http/authorize';
import { claimedVersion } from '../http/preconditions';
import { invalidField, notFound, unauthorized } from '../http/problem';
import type { Store } from '../store';
import { presentUser } from './present';
import type { UserRow } from './repository';
import type { PasswordChange, User } from './schemas';
import { startSession } from './session-service';
import { forgetAccountFailures, throttledPasswordCheck } from './throttle-service';

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
    throw invalidField(
      '/newPassword',
      'password-unchanged',
      'must differ from the current password',
    );
  }
  const confirmed = await throttledPasswordCheck<UserRow>(
    store,
    { email: row.email, address },
    async () => ((await verifyPassword(row.password_hash, input.currentPassword)) ? row : null),
  );
  if (!confirmed)
    throw invalidField('/currentPassword', 'password-wrong', 'is not your current password');

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

/**
 * Sets a user's password without the old one: the operator's way back in when it is lost
 * (`accord user reset-password`, run on the server, so no policy is asked). The same rules as
 * every password; every session and API token of the user ends, and so does a sign-in lock of
 * the account. The user stays disabled if they were.
 */
export async function resetPassword(
  store: Store,
  actor: SystemActor,
  email: string,
  password: string,
): Promise<User> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw invalidField(
      '/password',
      'password-length',
      `must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, got ${length}`,
      { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
    );
  }
  const address = email.trim().toLowerCase();
  const row = await store.users.findUserByEmail(address);
  if (!row) throw notFound('user', `no user with e-mail ${address}`);
  // Hashed before the user's row is locked: argon2 takes its time.
  const hash = await hashPassword(password);
  return store.transaction(async (tx) => {
    claimedVersion(await tx.users.claimUserVersion(row.id));
    await tx.users.updateUser(row.id, { password_hash: hash, updated_at: nowIso() });
    await tx.users.deleteSessionsOfUser(row.id);
    await tx.users.deleteTokensOfUser(row.id);
    await forgetAccountFailures(tx, row.email);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: row.id,
      summary: `Password of ${row.email} reset from the command line; their sessions and API tokens ended`,
      after: { password: 'reset' },
    });
    return presentUser((await tx.users.findUserById(row.id)) as UserRow);
  });
}
