/** Letters of the outbox in the API's shapes. */
import { isLocale } from '../../core/locales';
import type { LetterSummaryRow, OutboxRow } from './repository';
import type { OutboxLetter, OutboxLetterSummary } from './schemas';

export function presentLetterSummary(row: LetterSummaryRow): OutboxLetterSummary {
  return {
    id: row.id,
    to: { email: row.to_email, name: row.to_name },
    subject: row.subject,
    template: row.kind,
    locale: isLocale(row.locale) ? row.locale : 'en',
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export function presentLetter(row: OutboxRow): OutboxLetter {
  return {
    ...presentLetterSummary(row),
    text: row.body_text,
    html: row.body_html,
    attachment:
      row.attachment_name && row.attachment_text !== null
        ? { name: row.attachment_name, bytes: Buffer.byteLength(row.attachment_text, 'utf8') }
        : null,
    related:
      row.related_type && row.related_id !== null
        ? { type: row.related_type, id: row.related_id }
        : null,
    messageId: row.message_id,
  };
}
