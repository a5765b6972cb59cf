import { describe, expect, it } from 'vitest';
import {
  admitLinkUse,
  admitSubmission,
  commentShownToApplicant,
  invitationExpiry,
  invitationState,
  maskEmail,
} from './application-intake';
import { freshThrottle } from './sign-in-throttle';

const MINUTE = 60_000;
const T0 = new Date('2025-05-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

describe('the submission limit per address', () => {
  it('admits three in a window of an hour, refuses the fourth until the hour is over', () => {
    let state = freshThrottle(T0);
    state = { ...state, failures: 0 };
    for (const minute of [0, 10, 20]) {
      const verdict = admitSubmission(state, at(minute), 3, 60 * MINUTE);
      expect(verdict.admitted).toBe(true);
      if (verdict.admitted) state = verdict.state;
    }
    expect(state.failures).toBe(3);
    // 30 minutes into the window: 30 minutes (1800 s) left.
    expect(admitSubmission(state, at(30), 3, 60 * MINUTE)).toEqual({
      admitted: false,
      retryAfterSeconds: 1800,
    });
    const later = admitSubmission(state, at(60), 3, 60 * MINUTE);
    expect(later).toMatchObject({ admitted: true, state: { failures: 1 } });
    if (later.admitted) expect(later.state.windowStartedAt).toBe(at(60).toISOString());
  });

  it('starts a new window for a record left by the sign-in throttle or a clock set back', () => {
    const odd = { ...freshThrottle(at(90)), failures: 99 };
    expect(admitSubmission(odd, at(0), 3, 60 * MINUTE)).toMatchObject({
      admitted: true,
      state: { failures: 1 },
    });
  });
});

describe('the use of private links per address', () => {
  it('admits 120 requests in 15 minutes, then refuses until the window ends', () => {
    let state = { ...freshThrottle(T0), failures: 0 };
    for (let i = 0; i < 120; i++) {
      const verdict = admitLinkUse(state, at(0));
      expect(verdict.admitted).toBe(true);
      if (verdict.admitted) state = verdict.state;
    }
    expect(admitLinkUse(state, at(5))).toEqual({ admitted: false, retryAfterSeconds: 600 });
    expect(admitLinkUse(state, at(15)).admitted).toBe(true);
  });
});

describe('officer invitations', () => {
  it('work for seven days, once', () => {
    const expiresAt = invitationExpiry(T0);
    expect(expiresAt).toBe('2025-05-08T10:00:00.000Z');
    expect(invitationState({ usedAt: null, expiresAt }, at(7 * 24 * 60 - 1))).toBe('valid');
    expect(invitationState({ usedAt: null, expiresAt }, at(7 * 24 * 60))).toBe('expired');
    expect(invitationState({ usedAt: T0.toISOString(), expiresAt }, at(1))).toBe('used');
  });
});

describe('what the applicant reads', () => {
  it('is their own words and the comments of the steps they are told about', () => {
    expect(commentShownToApplicant('answer', 'applicant')).toBe(true);
    expect(commentShownToApplicant('request-information', 'secretariat')).toBe(true);
    expect(commentShownToApplicant('reject', 'secretariat')).toBe(true);
    expect(commentShownToApplicant('start-review', 'secretariat')).toBe(false);
    expect(commentShownToApplicant('confirm', 'secretariat')).toBe(false);
    expect(commentShownToApplicant(null, 'secretariat')).toBe(false);
  });

  it('shows an address with its local part hidden', () => {
    expect(maskEmail('aiko.tanaka@city.example')).toBe('a•••@city.example');
    expect(maskEmail('@x')).toBe('•••');
  });
});
