import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_RULE,
  freshThrottle,
  lockDurationMs,
  lockRemainingMs,
  recordFailure,
  reserveAttempt,
  retryAfterSeconds,
  type ThrottleState,
} from './sign-in-throttle';

const at = (iso: string) => new Date(iso);
const MIN = 60_000;

/** One wrong password of an account at the instant: reserved, then recorded as failed. */
function fail(state: ThrottleState, now: Date) {
  const reserved = reserveAttempt(state, now, ACCOUNT_RULE);
  if (!reserved.proceed) return { ...reserved, checked: false };
  return { ...recordFailure(reserved.state, now, ACCOUNT_RULE, true), checked: true };
}

describe('the sign-in throttle', () => {
  it('locks an account for 15 minutes at its 5th failure within 15 minutes', () => {
    let state = freshThrottle(at('2024-05-01T10:00:00Z'));
    for (let i = 0; i < 4; i++) {
      const step = fail(state, at(`2024-05-01T10:0${i}:00Z`));
      expect(step).toMatchObject({ checked: true, lockedNow: false });
      state = step.state;
    }
    const fifth = fail(state, at('2024-05-01T10:04:00Z'));
    expect(fifth).toMatchObject({ checked: true, lockedNow: true });
    expect(fifth.state).toMatchObject({ lockedUntil: '2024-05-01T10:19:00.000Z', lockouts: 1 });
    state = fifth.state;

    // The 6th is refused before any password check, whatever the password.
    const sixth = reserveAttempt(state, at('2024-05-01T10:05:00Z'), ACCOUNT_RULE);
    expect(sixth).toMatchObject({ proceed: false, lockedNow: false });
    expect(retryAfterSeconds(state, at('2024-05-01T10:05:00Z'))).toBe(14 * 60);
    expect(retryAfterSeconds(state, at('2024-05-01T10:18:59.500Z'))).toBe(1);
    expect(lockRemainingMs(state, at('2024-05-01T10:19:00Z'))).toBe(0);
    expect(reserveAttempt(state, at('2024-05-01T10:19:00Z'), ACCOUNT_RULE).proceed).toBe(true);
  });

  it('forgets failures older than the window', () => {
    let state = freshThrottle(at('2024-05-01T10:00:00Z'));
    for (const time of ['10:00', '10:01', '10:02', '10:03']) {
      state = fail(state, at(`2024-05-01T${time}:00Z`)).state;
    }
    expect(state.failures).toBe(4);
    // 15 minutes after the first failure a new window starts: this failure is its first.
    const later = fail(state, at('2024-05-01T10:15:00Z'));
    expect(later).toMatchObject({ lockedNow: false, state: { failures: 1, lockedUntil: null } });
  });

  it('doubles each further lock up to a day, and forgives a lock a day after it ended', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 40].map((n) => lockDurationMs(n) / MIN)).toEqual([
      15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440,
    ]);
    let state = freshThrottle(at('2024-05-01T10:00:00Z'));
    const lockAll = (from: Date) => {
      for (let i = 0; i < 5; i++) state = fail(state, new Date(from.getTime() + i * 1000)).state;
    };
    lockAll(at('2024-05-01T10:00:00Z'));
    expect(state).toMatchObject({ lockouts: 1, lockedUntil: '2024-05-01T10:15:04.000Z' });
    lockAll(at('2024-05-01T10:20:00Z'));
    expect(state).toMatchObject({ lockouts: 2, lockedUntil: '2024-05-01T10:50:04.000Z' });
    // A day and more after that lock ended, the next lock is a first one again.
    lockAll(at('2024-05-02T11:00:00Z'));
    expect(state).toMatchObject({ lockouts: 1, lockedUntil: '2024-05-02T11:15:04.000Z' });
  });

  it('lets no more checks through than the rule allows when guesses arrive together', () => {
    // Ten attempts reserved before any of their passwords is checked.
    let state = freshThrottle(at('2024-05-01T10:00:00Z'));
    const proceeded: boolean[] = [];
    let locks = 0;
    for (let i = 0; i < 10; i++) {
      const step = reserveAttempt(state, at('2024-05-01T10:00:00Z'), ACCOUNT_RULE);
      proceeded.push(step.proceed);
      if (step.lockedNow) locks += 1;
      state = step.state;
    }
    expect(proceeded.filter(Boolean)).toHaveLength(ACCOUNT_RULE.failures);
    expect(locks).toBe(1);
    // The reserved ones then fail: the sign-in is already locked, so nothing more happens.
    expect(recordFailure(state, at('2024-05-01T10:00:01Z'), ACCOUNT_RULE, true)).toEqual({
      state,
      lockedNow: false,
    });
  });

  it('counts failures that were not reserved (the client address) when they happen', () => {
    const rule = { failures: 3 };
    let state = freshThrottle(at('2024-05-01T10:00:00Z'));
    state = recordFailure(state, at('2024-05-01T10:00:00Z'), rule, false).state;
    state = recordFailure(state, at('2024-05-01T10:01:00Z'), rule, false).state;
    expect(state.failures).toBe(2);
    const third = recordFailure(state, at('2024-05-01T10:02:00Z'), rule, false);
    expect(third).toMatchObject({ lockedNow: true, state: { lockouts: 1 } });
    expect(third.state.lockedUntil).toBe('2024-05-01T10:17:00.000Z');
  });
});
