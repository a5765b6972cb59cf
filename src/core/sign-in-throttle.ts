/**
 * How Accord slows down password guessing: failed sign-ins are counted per account (by the
 * e-mail typed, whether or not such an account exists) and per client address. Too many
 * failures within a window lock the sign-in for a while; each further lock without a success
 * in between lasts twice as long. The server keeps the state in the database so that every
 * Accord process sharing it counts together.
 */

/** The counts that lead to a lock. */
export interface ThrottleRule {
  /** Failures within one window that lock the sign-in. */
  failures: number;
}

/** Guessing one account's password: a person mistyping stays well below this. */
export const ACCOUNT_RULE: ThrottleRule = { failures: 5 };
/** Guessing from one address, across accounts: higher, as an office may share one address. */
export const ADDRESS_RULE: ThrottleRule = { failures: 50 };

const MINUTE = 60_000;
/** Failures older than this no longer count. */
export const FAILURE_WINDOW_MS = 15 * MINUTE;
/** The first lock lasts as long as the window; each further one doubles, up to a day. */
export const FIRST_LOCK_MS = 15 * MINUTE;
export const LONGEST_LOCK_MS = 24 * 60 * MINUTE;
/** A lock that ended this long ago is forgiven: the next one starts short again. */
export const LOCK_MEMORY_MS = 24 * 60 * MINUTE;
/** A record untouched this long holds nothing that still matters (no lock, nothing counted). */
export const THROTTLE_FORGOTTEN_MS = LONGEST_LOCK_MS + LOCK_MEMORY_MS;

/** What is known about one account's or address's recent failures (times in ISO 8601, UTC). */
export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
  /** Locks so far without a success in between: how long the next one lasts. */
  lockouts: number;
}

/** The state of an account or address that has not failed lately. */
export function freshThrottle(now: Date): ThrottleState {
  return { failures: 0, windowStartedAt: now.toISOString(), lockedUntil: null, lockouts: 0 };
}

/** How long the nth lock lasts (n counted from 1). */
export function lockDurationMs(lockouts: number): number {
  const doublings = Math.max(0, Math.min(lockouts - 1, 16));
  return Math.min(FIRST_LOCK_MS * 2 ** doublings, LONGEST_LOCK_MS);
}

/** Milliseconds until the lock ends; 0 when not locked. */
export function lockRemainingMs(state: ThrottleState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, Date.parse(state.lockedUntil) - now.getTime());
}

/** Whole seconds to wait, for Retry-After: never 0 while locked. */
export function retryAfterSeconds(state: ThrottleState, now: Date): number {
  return Math.ceil(lockRemainingMs(state, now) / 1000);
}

function withinWindow(state: ThrottleState, now: Date): ThrottleState {
  const started = Date.parse(state.windowStartedAt);
  return now.getTime() - started >= FAILURE_WINDOW_MS
    ? { ...state, failures: 0, windowStartedAt: now.toISOString() }
    : state;
}

function locked(state: ThrottleState, now: Date): ThrottleState {
  const forgiven =
    state.lockedUntil !== null && now.getTime() - Date.parse(state.lockedUntil) >= LOCK_MEMORY_MS;
  const lockouts = (forgiven ? 0 : state.lockouts) + 1;
  return {
    failures: 0,
    windowStartedAt: now.toISOString(),
    lockedUntil: new Date(now.getTime() + lockDurationMs(lockouts)).toISOString(),
    lockouts,
  };
}

/** The state after a step, and whether this step is the one that locked the sign-in. */
export interface FailureStep {
  state: ThrottleState;
  lockedNow: boolean;
}

export interface ThrottleStep extends FailureStep {
  /** The attempt may go on to have its password checked. */
  proceed: boolean;
}

/**
 * Counts an attempt before its password is checked, so that a burst of parallel guesses gets
 * no more checks than the rule allows: the attempts beyond the limit are refused unchecked
 * (and lock the sign-in), as is every attempt while it is locked.
 */
export function reserveAttempt(state: ThrottleState, now: Date, rule: ThrottleRule): ThrottleStep {
  if (lockRemainingMs(state, now) > 0) return { state, proceed: false, lockedNow: false };
  const counted = withinWindow(state, now);
  const next = { ...counted, failures: counted.failures + 1 };
  if (next.failures > rule.failures) {
    return { state: locked(next, now), proceed: false, lockedNow: true };
  }
  return { state: next, proceed: true, lockedNow: false };
}

/**
 * Records a failed password. `alreadyCounted` when the attempt was reserved (the account);
 * otherwise the failure is counted now (the address). Reaching the limit locks the sign-in.
 */
export function recordFailure(
  state: ThrottleState,
  now: Date,
  rule: ThrottleRule,
  alreadyCounted: boolean,
): FailureStep {
  if (lockRemainingMs(state, now) > 0) return { state, lockedNow: false };
  const counted = alreadyCounted ? state : withinWindow(state, now);
  const next = alreadyCounted ? counted : { ...counted, failures: counted.failures + 1 };
  if (next.failures >= rule.failures) {
    return { state: locked(next, now), lockedNow: true };
  }
  return { state: next, lockedNow: false };
}
