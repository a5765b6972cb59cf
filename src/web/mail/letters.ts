/**
 * The outbox's letters as the pages show them: the API's shapes (the server's schemas, as
 * types only), moments in the reader's language and zone, and which way a letter may be sent
 * from where it stands.
 */
import type { OutboxLetter, OutboxLetterSummary, OutboxPage } from '../../server/mail/schemas';

export type { OutboxLetter, OutboxLetterSummary, OutboxPage };
export type OutboxStatus = OutboxLetterSummary['status'];
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['queued', 'sending', 'sent', 'failed'];

/** The templates the server writes letters from, with a name in the catalog (mail.json). */
export const TEMPLATES = [
  'meeting-invitation',
  'application-step',
  'officer-invitation',
  'application-secretariat',
  'membership-renewal',
  'membership-reminder',
] as const;

export function isOutboxStatus(value: string | null): value is OutboxStatus {
  return (OUTBOX_STATUSES as readonly (string | null)[]).includes(value);
}

/** A moment in the reader's language, with the time and zone. */
export function formatInstant(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/**
 * What an administrator may do with a letter: send a waiting one now (only when this server
 * sends mail: otherwise it waits anyway), send a failed one again (it then waits for a server
 * that sends mail, if this one does not), nothing while it is being sent or once it was sent.
 */
export function sendAction(
  letter: Pick<OutboxLetterSummary, 'status'>,
  configured: boolean,
): 'sendNow' | 'resend' | null {
  if (letter.status === 'failed') return 'resend';
  if (letter.status === 'queued' && configured) return 'sendNow';
  return null;
}
