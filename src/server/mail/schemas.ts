import { Type, type Static } from 'typebox';
import { LOCALES } from '../../core/locales';
import { Nullable, Page, PageQuery } from '../http/common-schemas';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;

export const OutboxStatus = Type.Enum(OUTBOX_STATUSES, {
  description:
    'queued: waiting for its time; sending: a server is sending it; sent: the SMTP server ' +
    'accepted it; failed: refused for good (5xx) or out of attempts',
});

/** A letter in the outbox list: who it is for and where it stands, without its body. */
export const OutboxLetterSummary = Type.Object({
  id: Type.Integer(),
  to: Type.Object({ email: Type.String(), name: Nullable(Type.String()) }),
  subject: Type.String(),
  template: Type.String({ description: 'Which letter it is, e.g. meeting-invitation' }),
  locale: Type.Enum(LOCALES),
  status: OutboxStatus,
  attempts: Type.Integer({ minimum: 0 }),
  nextAttemptAt: Nullable(Type.String({ description: 'ISO 8601 UTC; null: due at once' })),
  lastError: Nullable(Type.String({ description: "The SMTP server's last refusal" })),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});
export type OutboxLetterSummary = Static<typeof OutboxLetterSummary>;

/** One letter whole: its text and HTML as they are sent. */
export const OutboxLetter = Type.Object({
  ...OutboxLetterSummary.properties,
  text: Type.String(),
  html: Nullable(Type.String({ description: 'The HTML part; null for plain text only' })),
  attachment: Nullable(Type.Object({ name: Type.String(), bytes: Type.Integer({ minimum: 0 }) })),
  related: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  messageId: Nullable(Type.String()),
});
export type OutboxLetter = Static<typeof OutboxLetter>;

export const OutboxCounts = Type.Object({
  queued: Type.Integer({ minimum: 0 }),
  sending: Type.Integer({ minimum: 0 }),
  sent: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
});

export const OutboxPage = Type.Object({
  ...Page(OutboxLetterSummary).properties,
  counts: OutboxCounts,
  configured: Type.Boolean({
    description: 'Whether this server sends mail (SMTP_URL); without it letters stay queued',
  }),
  maxAttempts: Type.Integer({ description: 'Attempts before a letter is given up' }),
});
export type OutboxPage = Static<typeof OutboxPage>;

export const OutboxQuery = Type.Object({
  status: Type.Optional(OutboxStatus),
  ...PageQuery,
});
