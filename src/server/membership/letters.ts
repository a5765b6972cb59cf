/**
 * The letters about membership fees: a renewal invoice issued, an invoice overdue. Each goes
 * to the government's officers, each in the language of their account, with the words of the
 * server catalog (namespace `membership-mail`). Letters are queued in the outbox; the mailer
 * sends what it holds.
 *
 * `queueLetter` is the one place that hands a letter over: point it at the mail area's writer
 * when the outbox moves there.
 */
import { isLocale, type Locale } from '../../core/locales';
import { addDays } from '../../core/membership-status';
import { displayName, type NamesByLanguage } from '../../core/names';
import { nowIso } from '../clock';
import type { AccordConfig } from '../config';
import { translator } from '../i18n/translator';
import { splitNames } from '../members/present';
import type { Store } from '../store';
import type { InvoiceRow } from './repository';

export type LetterConfig = Pick<AccordConfig, 'mailFrom'>;

export type LetterKind = 'membership-renewal' | 'membership-reminder';

interface Letter {
  toEmail: string;
  toName: string;
  subject: string;
  body: string;
  kind: LetterKind;
  invoiceId: number;
}

/** Hands one letter to the outbox (today through the governance area, its table's owner). */
async function queueLetter(tx: Store, letter: Letter): Promise<void> {
  await tx.governance.queueMail({
    to_email: letter.toEmail,
    to_name: letter.toName,
    subject: letter.subject,
    body_text: letter.body,
    kind: letter.kind,
    related_type: 'invoice',
    related_id: String(letter.invoiceId),
    attachment_name: null,
    attachment_text: null,
    created_at: nowIso(),
  });
}

const formatDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

const formatAmount = (amount: number, currency: string, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);

/**
 * Queues the letter of this kind about the invoice to each officer of its government: how
 * many letters were queued (none when the government has no officer).
 */
export async function queueInvoiceLetters(
  tx: Store,
  config: LetterConfig,
  kind: LetterKind,
  invoice: InvoiceRow,
): Promise<number> {
  const officers = await tx.membership.officersOf(invoice.government_id);
  if (officers.length === 0) return 0;
  const government = await tx.members.governmentRow(invoice.government_id);
  const names = splitNames(
    (await tx.members.namesOf([invoice.government_id])).get(invoice.government_id),
  ).names as NamesByLanguage;
  for (const officer of officers) {
    const locale: Locale = isLocale(officer.locale) ? officer.locale : 'en';
    const t = translator(locale);
    const day = (d: string) => formatDay(d, locale);
    const params = {
      name: officer.display_name,
      government: displayName(names, government?.local_lang ?? 'en', locale).primary,
      number: invoice.number,
      amount: formatAmount(invoice.amount, invoice.currency, locale),
      periodStart: day(invoice.period_start),
      periodEnd: day(invoice.period_end),
      dueOn: day(invoice.due_on),
      secretariat: config.mailFrom,
    };
    const letter =
      kind === 'membership-renewal'
        ? {
            subject: t('membership-mail:renewal.subject', params),
            body: t('membership-mail:renewal.body', {
              ...params,
              // The renewal speaks of the period ending and the year after it.
              periodEnd: day(addDays(invoice.period_start, -1)),
              nextEnd: day(invoice.period_end),
            }),
          }
        : {
            subject: t('membership-mail:reminder.subject', params),
            body: t('membership-mail:reminder.body', params),
          };
    await queueLetter(tx, {
      toEmail: officer.email,
      toName: officer.display_name,
      kind,
      invoiceId: invoice.id,
      ...letter,
    });
  }
  return officers.length;
}
