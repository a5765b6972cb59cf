/**
 * What keeps the public application routes from abuse, and how long the links they hand out
 * live. The server keeps the counts in the database (the sign-in throttle's table), so every
 * process counts together; these are the rules, without I/O.
 */
import { APPLICATION_TRANSITIONS, type ApplicationAction } from './applications';
import type { ThrottleRule, ThrottleState } from './sign-in-throttle';

const MINUTE = 60_000;

/**
 * Applications stored from one client address within a window. An office may send a few (for
 * itself and a neighbour); a script sending many is stopped after these.
 */
export const SUBMISSIONS_PER_WINDOW = 10;
export const SUBMISSION_WINDOW_MS = 60 * MINUTE;

/**
 * Unknown status or invitation links asked for from one address before it is locked out for
 * a while (src/core/sign-in-throttle.ts counts and locks them, as failed sign-ins): the links
 * cannot be guessed, and this keeps anyone from trying.
 */
export const LINK_GUESS_RULE: ThrottleRule = { failures: 20 };

/**
 * Requests on the private links (status pages, answers, documents, invitations) from one
 * address within a window: far above what a person reading and answering needs.
 */
export const LINK_USES_PER_WINDOW = 120;
export const LINK_USE_WINDOW_MS = 15 * MINUTE;

export type WindowVerdict =
  { admitted: true; state: ThrottleState } | { admitted: false; retryAfterSeconds: number };

/**
 * Counts one more request from an address (`state.failures` holds the count of the window
 * that began at `windowStartedAt`): admitted while the window holds fewer than `perWindow`;
 * otherwise refused until the window ends. A new window starts once the old one is over.
 */
export function admitWithinWindow(
  state: ThrottleState,
  now: Date,
  perWindow: number,
  windowMs: number,
): WindowVerdict {
  const started = Date.parse(state.windowStartedAt);
  const elapsed = now.getTime() - started;
  if (!Number.isFinite(started) || elapsed >= windowMs || elapsed < 0) {
    return {
      admitted: true,
      state: { ...state, failures: 1, windowStartedAt: now.toISOString(), lockedUntil: null },
    };
  }
  if (state.failures >= perWindow) {
    return { admitted: false, retryAfterSeconds: Math.ceil((windowMs - elapsed) / 1000) };
  }
  return { admitted: true, state: { ...state, failures: state.failures + 1 } };
}

/** One more stored application from an address (ten an hour). */
export function admitSubmission(
  state: ThrottleState,
  now: Date,
  perWindow = SUBMISSIONS_PER_WINDOW,
  windowMs = SUBMISSION_WINDOW_MS,
): WindowVerdict {
  return admitWithinWindow(state, now, perWindow, windowMs);
}

/** One more request on a private link from an address (120 in 15 minutes). */
export function admitLinkUse(state: ThrottleState, now: Date): WindowVerdict {
  return admitWithinWindow(state, now, LINK_USES_PER_WINDOW, LINK_USE_WINDOW_MS);
}

/** How long an officer's set-password link works, once. */
export const OFFICER_INVITATION_DAYS = 7;

export type InvitationState = 'valid' | 'used' | 'expired';

export function invitationState(
  invitation: { usedAt: string | null; expiresAt: string },
  now: Date,
): InvitationState {
  if (invitation.usedAt !== null) return 'used';
  return Date.parse(invitation.expiresAt) <= now.getTime() ? 'expired' : 'valid';
}

/** When a link made at `createdAt` stops working. */
export function invitationExpiry(createdAt: Date): string {
  return new Date(createdAt.getTime() + OFFICER_INVITATION_DAYS * 24 * 60 * MINUTE).toISOString();
}

/**
 * Whether the applicant reads a step's comment (on the status page and in the letter): the
 * comments of the steps they are told about (what is asked, why an application was refused,
 * a word with the acceptance) and their own answers. The secretariat's notes at the other
 * steps stay internal.
 */
export function commentShownToApplicant(
  action: ApplicationAction | null,
  party: 'applicant' | 'secretariat',
): boolean {
  if (party === 'applicant') return true;
  if (action === null) return false;
  return APPLICATION_TRANSITIONS.find((t) => t.action === action)?.tellsApplicant ?? false;
}

/**
 * An e-mail address with most of its local part hidden ("l•••@city.example"), for a page that
 * the holder of a link reads: enough to recognise one's own address, not to learn someone's.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}
