/**
 * Password checks behind the sign-in throttle (the rules in src/core/sign-in-throttle.ts): the
 * sign-in and the self-service password change both go through here, so a wrong current
 * password counts like a wrong sign-in. Counts live in the database, shared by every process.
 */
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  lockRemainingMs,
  recordFailure,
  reserveAttempt,
  retryAfterSeconds,
  THROTTLE_FORGOTTEN_MS,
  type ThrottleState,
} from '../../core/sign-in-throttle';
import { SIGN_IN_LABEL_PREFIX } from '../../core/attribution';
import { recordAudit, type SystemActor } from '../audit/service';
import { sha256 } from '../auth/secrets';
import { now as clockNow } from '../clock';
import { tooManyRequests } from '../http/problem';
import type { Store } from '../store';
import type { ThrottleRow } from './repository';

/** Who is trying: the e-mail typed (an account or not) and the client's address. */
export interface PasswordAttempt {
  email: string;
  address: string;
}

// The same words for a locked account, a locked address and an e-mail nobody has.
const LOCKED_DETAIL = 'Too many failed sign-ins. Wait before trying again.';

const normalEmail = (email: string) => email.trim().toLowerCase();
const accountKey = (email: string) => `account:${sha256(normalEmail(email))}`;
/** Forgets an account's failed sign-ins and its lock (its password was just reset). */
export function forgetAccountFailures(store: Store, email: string): Promise<void> {
  return store.users.deleteThrottle(accountKey(email));
}

/** The throttle record's key of a client address (the address itself is not stored). */
export const addressKey = (address: string) => `address:${sha256(address)}`;

function stateOf(row: ThrottleRow): ThrottleState {
  return {
    failures: row.failures,
    windowStartedAt: row.window_started_at,
    lockedUntil: row.locked_until,
    lockouts: row.lockouts,
  };
}

function rowOf(state: ThrottleState, now: Date): Omit<ThrottleRow, 'key'> {
  return {
    failures: state.failures,
    window_started_at: state.windowStartedAt,
    locked_until: state.lockedUntil,
    lockouts: state.lockouts,
    updated_at: now.toISOString(),
  };
}

function refusal(state: ThrottleState, now: Date) {
  return tooManyRequests('sign-in-locked', LOCKED_DETAIL, retryAfterSeconds(state, now));
}

/** The lock in the audit log: the account's own entry when it exists, else the sign-in's. */
async function auditLock(
  tx: Store,
  attempt: PasswordAttempt,
  of: 'account' | 'address',
  state: ThrottleState,
): Promise<void> {
  const actor: SystemActor = { userId: null, label: `${SIGN_IN_LABEL_PREFIX}${attempt.address}` };
  const after = { lockedUntil: state.lockedUntil, lockouts: state.lockouts };
  if (of === 'address') {
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'sign-in',
      entityId: attempt.address,
      summary: `Sign-in from ${attempt.address} locked until ${state.lockedUntil} after repeated failures`,
      after,
    });
    return;
  }
  const email = normalEmail(attempt.email);
  const user = await tx.users.findUserByEmail(email);
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: user ? 'user' : 'sign-in',
    entityId: user ? user.id : email,
    summary: `Sign-in of ${email}${user ? '' : ' (no such account)'} locked until ${state.lockedUntil} after repeated failures`,
    after,
  });
}

/**
 * Runs `check` (a password verification that answers the user or null) unless the account or
 * the address is locked (429 with Retry-After). The attempt is counted before the check, so
 * parallel guesses get no more checks than the rule allows; a success forgets the account's
 * failures, a failure may lock the account or the address (audited).
 */
export async function throttledPasswordCheck<T>(
  store: Store,
  attempt: PasswordAttempt,
  check: () => Promise<T | null>,
): Promise<T | null> {
  const started = clockNow();
  const address = await store.users.findThrottle(addressKey(attempt.address));
  if (address && lockRemainingMs(stateOf(address), started) > 0) {
    throw refusal(stateOf(address), started);
  }
  const account = accountKey(attempt.email);
  const reserved = await store.transaction(async (tx) => {
    const step = reserveAttempt(
      stateOf(await tx.users.claimThrottle(account, started.toISOString())),
      started,
      ACCOUNT_RULE,
    );
    await tx.users.saveThrottle(account, rowOf(step.state, started));
    if (step.lockedNow) await auditLock(tx, attempt, 'account', step.state);
    return step;
  });
  if (!reserved.proceed) throw refusal(reserved.state, started);

  const result = await check();
  const now = clockNow();
  if (result !== null) {
    await store.users.deleteThrottle(account);
    return result;
  }
  await store.transaction(async (tx) => {
    const onAccount = recordFailure(
      stateOf(await tx.users.claimThrottle(account, now.toISOString())),
      now,
      ACCOUNT_RULE,
      true,
    );
    await tx.users.saveThrottle(account, rowOf(onAccount.state, now));
    if (onAccount.lockedNow) await auditLock(tx, attempt, 'account', onAccount.state);

    const key = addressKey(attempt.address);
    const onAddress = recordFailure(
      stateOf(await tx.users.claimThrottle(key, now.toISOString())),
      now,
      ADDRESS_RULE,
      false,
    );
    await tx.users.saveThrottle(key, rowOf(onAddress.state, now));
    if (onAddress.lockedNow) await auditLock(tx, attempt, 'address', onAddress.state);
  });
  // Outside the transaction above: deleting may wait on rows other attempts hold.
  await store.users.deleteThrottlesUntouchedSince(
    new Date(now.getTime() - THROTTLE_FORGOTTEN_MS).toISOString(),
  );
  return null;
}
