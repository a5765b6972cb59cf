/**
 * Sending one letter over SMTP, with nodemailer: it builds every header and MIME part itself
 * (encoded words for names and subjects in any script, quoted-printable or base64 bodies), so
 * no text of a letter is written into the message as a raw line. The outbox's rows become
 * messages here; the worker decides when.
 */
import { createHash } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OutboxRow } from './repository';

/** What the worker sends: a letter from the outbox, with its sender and Message-ID. */
export interface OutgoingLetter {
  from: string;
  messageId: string;
  row: OutboxRow;
}

/** Where letters go: SMTP in the server, anything that answers alike in a test. */
export interface MailTransport {
  /** Resolves with the Message-ID the server accepted; rejects with nodemailer's error. */
  send(letter: OutgoingLetter): Promise<{ messageId: string }>;
  close(): void;
}

/** The calendar file's type, with the method its text declares (PUBLISH, REQUEST, …). */
function attachmentType(name: string, text: string): string | undefined {
  if (!/\.ics$/i.test(name)) return undefined;
  const method = /^METHOD:([A-Z-]+)\r?$/m.exec(text)?.[1];
  return `text/calendar; charset=utf-8${method ? `; method=${method}` : ''}`;
}

/** The message nodemailer composes from a row. */
export function composeMessage(letter: OutgoingLetter): SendMailOptions {
  const { row } = letter;
  return {
    from: letter.from,
    to: row.to_name ? { name: row.to_name, address: row.to_email } : row.to_email,
    subject: row.subject,
    text: row.body_text,
    ...(row.body_html ? { html: row.body_html } : {}),
    messageId: letter.messageId,
    headers: { 'Content-Language': row.locale },
    ...(row.attachment_name && row.attachment_text !== null
      ? {
          attachments: [
            {
              filename: row.attachment_name,
              content: row.attachment_text,
              contentType: attachmentType(row.attachment_name, row.attachment_text),
            },
          ],
        }
      : {}),
  };
}

/**
 * The letter's Message-ID, `<hash@sender's domain>`: made from the letter itself, so every
 * attempt by every server gives the same one, even one that died before it could store it
 * (a receiver then sees a letter that arrived twice as one letter).
 */
export function messageIdOf(from: string, row: Pick<OutboxRow, 'id' | 'created_at' | 'to_email'>) {
  const domain = /@([^@\s<>]+)>?\s*$/.exec(from)?.[1] ?? 'accord.invalid';
  const hash = createHash('sha256')
    .update(`${row.id}\n${row.created_at}\n${row.to_email}`)
    .digest('hex')
    .slice(0, 32);
  return `<${hash}@${domain}>`;
}

/**
 * SMTP from SMTP_URL (smtp://user:password@host:587 upgrades with STARTTLS when the server
 * offers it; smtps:// is TLS from the start). Time limits are shorter than nodemailer's
 * defaults (minutes), so that a server that stops answering fails the attempt well within
 * the worker's lease.
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(letter) {
      const info = await transporter.sendMail(composeMessage(letter));
      return { messageId: info.messageId || letter.messageId };
    },
    close: () => transporter.close(),
  };
}
