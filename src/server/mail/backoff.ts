/**
 * When a letter is tried again, and when it is given up: pure, so the schedule is checked with
 * examples worked by hand (backoff.test.ts).
 *
 * A failure an SMTP server calls temporary (4xx), or one that leaves no answer (the server is
 * down, the network is out), is tried again after 1 minute, 5 minutes, 30 minutes, 2 hours
 * and 12 hours: six attempts over about 14.5 hours, long enough to ride out a mail server's
 * maintenance, short enough that a meeting's invitation is not days late. A permanent answer
 * (5xx: no such mailbox, refused) fails the letter at once: asking again gets the same answer.
 */

const MINUTE = 60_000;

/** The wait after each failed attempt: after the first, 1 minute; after the fifth, 12 hours. */
export const RETRY_DELAYS_MS: readonly number[] = [
  1 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  120 * MINUTE,
  720 * MINUTE,
];

/** Attempts in all: the first and one after each wait. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after `attempts` attempts have failed (1 after the first), or null when
 * that was the last.
 */
export function nextAttemptAt(attempts: number, failedAt: Date): Date | null {
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  }
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}

/** What went wrong with an attempt, as far as the next attempt is concerned. */
export interface DeliveryFailure {
  /** True when asking again would get the same answer. */
  permanent: boolean;
  /** The server's answer, or what kept it from answering, for the outbox to show. */
  reason: string;
}

/** The fields of the errors nodemailer reports that tell a failure apart. */
interface SmtpErrorLike {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  permanent?: unknown;
}

/**
 * Codes of failures in Accord's own settings (credentials refused or missing, a bad SMTP_URL):
 * the letter is not at fault, so it waits for the operator's fix like any temporary failure
 * instead of being refused for good on the first server answer.
 */
const SETTINGS_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG']);

const MAX_REASON = 1000;

/**
 * Reads an error from sending: permanent when the SMTP server refused with a 5xx answer (503,
 * "bad sequence", excepted: a new connection gets past it), temporary otherwise.
 */
export function classifyFailure(error: unknown): DeliveryFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const answer = typeof e.response === 'string' && e.response.trim() ? e.response.trim() : null;
  const message =
    typeof e.message === 'string' && e.message.trim() ? e.message.trim() : String(error);
  let permanent: boolean;
  if (code !== undefined && SETTINGS_CODES.has(code)) permanent = false;
  else if (typeof e.permanent === 'boolean') permanent = e.permanent;
  else permanent = responseCode !== undefined && responseCode >= 500 && responseCode !== 503;
  // The server's own words when it answered; nodemailer's message otherwise.
  const reason = (answer ?? message).replace(/\s+/g, ' ');
  return {
    permanent,
    reason: reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason,
  };
}
