/**
 * Mail for every area: `queueLetter` stores a letter, rendered in its recipient's language,
 * in the caller's transaction (a change and the letter that tells of it land together, or
 * neither does); the worker (worker.ts) sends it later. The secretariat reads the outbox and
 * sends a waiting or failed letter again (`mail.manage`).
 */
import type { Locale } from '../../core/locales';
import { headerText } from '../../core/mail-header';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import type { OutboxStatus } from '../db/schema';
import { authorize } from '../http/authorize';
import { conflict, notFound } from '../http/problem';
import type { Store } from '../store';
import { MAX_ATTEMPTS } from './backoff';
import { presentLetter, presentLetterSummary } from './present';
import { renderLetter } from './render';
import type { OutboxLetter, OutboxPage } from './schemas';
import type { TemplateName, TemplateParams } from './templates';

export interface LetterRecipient {
  email: string;
  name: string | null;
  /** The language the letter is written in: the recipient's (`recipientLocales`). */
  locale: Locale;
}

export interface LetterRequest<N extends TemplateName> {
  to: LetterRecipient;
  template: N;
  params: TemplateParams<N>;
  /** The record the letter is about, for the outbox to show (an invitation, an account). */
  related?: { type: string; id: string | number };
  /** One text file sent with the letter (a meeting's calendar file). */
  attachment?: { name: string; text: string };
}

/**
 * Renders the letter in its recipient's language and stores it, queued, in `tx` (call it
 * inside the transaction of the change the letter tells of). Returns its id in the outbox.
 */
export function queueLetter<N extends TemplateName>(
  tx: Store,
  letter: LetterRequest<N>,
): Promise<number> {
  // The name as its header will show it (one line), in the greeting too.
  const name = letter.to.name === null ? null : headerText(letter.to.name);
  const { subject, text, html } = renderLetter(
    letter.to.locale,
    name,
    letter.template,
    letter.params,
  );
  return tx.mail.insertLetter({
    to_email: letter.to.email,
    to_name: name,
    subject,
    body_text: text,
    body_html: html,
    locale: letter.to.locale,
    kind: letter.template,
    related_type: letter.related?.type ?? null,
    related_id: letter.related === undefined ? null : String(letter.related.id),
    attachment_name: letter.attachment?.name ?? null,
    attachment_text: letter.attachment?.text ?? null,
    created_at: nowIso(),
  });
}

/**
 * The language to write to each address in: the one its account chose, where the address
 * is an account's and a language was chosen; English otherwise.
 */
export async function recipientLocales(
  store: Store,
  emails: readonly string[],
): Promise<(email: string) => Locale> {
  const known = await store.mail.accountLocales(emails);
  return (email) => known.get(email.toLowerCase()) ?? 'en';
}

/** Whether this server sends mail, and how to ask it to look at the outbox at once. */
export interface MailSender {
  configured: boolean;
  wake(): void;
}

const MANAGE_ONLY = 'Only administrators may read and send the outbox.';

/** A page of the outbox, newest first, with the count of letters in each state. */
export async function outboxPage(
  store: Store,
  actor: AuditActor | null,
  sender: MailSender,
  options: { status?: OutboxStatus | undefined; page: number; pageSize: number },
): Promise<OutboxPage> {
  authorize(actor, 'mail.manage', {}, MANAGE_ONLY);
  const [{ rows, total }, counts] = await Promise.all([
    store.mail.pageLetters(options),
    store.mail.countLettersByStatus(),
  ]);
  return {
    items: rows.map(presentLetterSummary),
    total,
    page: options.page,
    pageSize: options.pageSize,
    counts,
    configured: sender.configured,
    maxAttempts: MAX_ATTEMPTS,
  };
}

export async function outboxLetter(
  store: Store,
  actor: AuditActor | null,
  id: number,
): Promise<OutboxLetter> {
  authorize(actor, 'mail.manage', {}, MANAGE_ONLY);
  const row = await store.mail.findLetter(id);
  if (!row) throw notFound('letter', `No letter ${id} in the outbox.`);
  return presentLetter(row);
}

/**
 * Sends a letter now: a queued one becomes due at once (its attempts so far still count), a
 * failed one is queued again with its attempts counted afresh. Refused (409) for a letter
 * being sent or sent already. On a server without SMTP_URL the letter waits, queued, for one
 * that has it.
 */
export async function sendLetterNow(
  store: Store,
  actor: AuditActor | null,
  sender: MailSender,
  id: number,
): Promise<OutboxLetter> {
  authorize(actor, 'mail.manage', {}, MANAGE_ONLY);
  const letter = await store.transaction(async (tx) => {
    const before = await tx.mail.findLetter(id);
    if (!before) throw notFound('letter', `No letter ${id} in the outbox.`);
    if (!(await tx.mail.requeueLetter(id))) {
      throw conflict(
        before.status === 'sent' ? 'letter-sent' : 'letter-sending',
        before.status === 'sent'
          ? 'The letter was sent already.'
          : 'The letter is being sent right now.',
      );
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'mail',
      entityId: id,
      summary: `${before.status === 'failed' ? 'Sent again' : 'Sent now'}: ${before.subject}`,
      before: { status: before.status, attempts: before.attempts },
      after: { status: 'queued' },
    });
    const after = await tx.mail.findLetter(id);
    if (!after) throw notFound('letter', `No letter ${id} in the outbox.`);
    return presentLetter(after);
  });
  sender.wake();
  return letter;
}
