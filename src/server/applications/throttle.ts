/**
 * The public application routes' limits per client address (src/core/application-intake.ts),
 * counted in the sign-in throttle's table through its owner, so every Accord process sharing
 * the database counts together. The address itself is never stored, only its hash.
 */
import { admitLinkUse, admitSubmission, LINK_GUESS_RULE } from '../../core/application-intake';
import {
  lockRemainingMs,
  recordFailure,
  retryAfterSeconds,
  THROTTLE_FORGOTTEN_MS,
  type ThrottleState,
} from '../../core/sign-in-throttle';
import { sha256 } from '../auth/secrets';
import { tooManyRequests } from '../http/problem';
import type { Store } from '../store';
import type { ThrottleRow } from '../users/repository';

/** Applications stored, requests on links, and links that opened nothing, per address. */
const submissionKey = (address: string) => `apply:${sha256(address)}`;
const linkUseKey = (address: string) => `link-use:${sha256(address)}`;
const linkGuessKey = (address: string) => `link:${sha256(address)}`;

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

/**
 * Counts one more stored application from the address, in the transaction that stores it (a
 * refused or failed submission counts nothing), or refuses with 429 and Retry-After. The
 * record is taken for the transaction, so parallel submissions count one at a time.
 */
export async function countSubmission(tx: Store, address: string, now: Date): Promise<void> {
  const key = submissionKey(address);
  const verdict = admitSubmission(
    stateOf(await tx.users.claimThrottle(key, now.toISOString())),
    now,
  );
  if (!verdict.admitted) {
    throw tooManyRequests(
      'too-many-applications',
      'Too many applications were sent from your network address within the hour. Wait before sending another; what you typed is kept in the form.',
      verdict.retryAfterSeconds,
    );
  }
  await tx.users.saveThrottle(key, rowOf(verdict.state, now));
}

/**
 * Before a private link is looked up: refuses (429 with Retry-After) an address locked out for
 * opening too many unknown links, or one using links far more often than a person does; else
 * counts this request.
 */
export async function admitLinkRequest(store: Store, address: string, now: Date): Promise<void> {
  const guesses = await store.users.findThrottle(linkGuessKey(address));
  if (guesses && lockRemainingMs(stateOf(guesses), now) > 0) {
    throw tooManyRequests(
      'too-many-unknown-links',
      'Too many unknown links were opened from your network address. Wait before trying again.',
      retryAfterSeconds(stateOf(guesses), now),
    );
  }
  const key = linkUseKey(address);
  await store.transaction(async (tx) => {
    const verdict = admitLinkUse(
      stateOf(await tx.users.claimThrottle(key, now.toISOString())),
      now,
    );
    if (!verdict.admitted) {
      throw tooManyRequests(
        'too-many-requests',
        'Too many requests from your network address. Wait before trying again.',
        verdict.retryAfterSeconds,
      );
    }
    await tx.users.saveThrottle(key, rowOf(verdict.state, now));
  });
}

/** Counts a link that opened nothing (a guess, or a link mistyped) towards a lock-out. */
export async function countUnknownLink(store: Store, address: string, now: Date): Promise<void> {
  const key = linkGuessKey(address);
  await store.transaction(async (tx) => {
    const row = await tx.users.claimThrottle(key, now.toISOString());
    const step = recordFailure(stateOf(row), now, LINK_GUESS_RULE, false);
    await tx.users.saveThrottle(key, rowOf(step.state, now));
  });
  // Counts nobody needs any more go, as the sign-in throttle's own do.
  await store.users.deleteThrottlesUntouchedSince(
    new Date(now.getTime() - THROTTLE_FORGOTTEN_MS).toISOString(),
  );
}
