/**
 * The letters about membership fees: a renewal invoice issued, an invoice overdue. Each goes
 * to the government's officers, each in the language of their account, with the words of the
 * server catalog (namespace `membership-mail`), laid out by the mail area's templates
 * (`membership-renewal`, `membership-reminder`) and queued in the caller's transaction.
 */
import { isLocale, type Locale } from '../../core/locales';
import { addDays } from '../../core/membership-status';
import { displayName, type NamesByLanguage } from '../../core/names';
import type { AccordConfig } from '../config';
import { queueLetter } from '../mail/service';
import { splitNames } from '../members/present';
import type { Store } from '../store';
import type { InvoiceRow } from './repository';

export type LetterConfig = Pick<AccordConfig, 'mailFrom'>;

export type LetterKind = 'membership-renewal' | 'membership-reminder';

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
  const governmentId = invoice.government_id;
  // An application's invoice has no officers to write to yet: its letter is the application's.
  if (governmentId === null) return 0;
  const officers = await tx.membership.officersOf(governmentId);
  if (officers.length === 0) return 0;
  const government = await tx.members.governmentRow(governmentId);
  const names = splitNames((await tx.members.namesOf([governmentId])).get(governmentId))
    .names as NamesByLanguage;
  for (const officer of officers) {
    const locale: Locale = isLocale(officer.locale) ? officer.locale : 'en';
    const day = (d: string) => formatDay(d, locale);
    const common = {
      government: displayName(names, government?.local_lang ?? 'en', locale).primary,
      number: invoice.number,
      amount: formatAmount(invoice.amount, invoice.currency, locale),
      periodStart: day(invoice.period_start),
      dueOn: day(invoice.due_on),
      secretariat: config.mailFrom,
    };
    const to = { email: officer.email, name: officer.display_name, locale };
    const related = { type: 'invoice', id: invoice.id };
    if (kind === 'membership-renewal') {
      await queueLetter(tx, {
        to,
        template: 'membership-renewal',
        // The renewal speaks of the year ending and the year after it.
        params: {
          ...common,
          periodEnd: day(addDays(invoice.period_start, -1)),
          nextEnd: day(invoice.period_end),
        },
        related,
      });
    } else {
      await queueLetter(tx, {
        to,
        template: 'membership-reminder',
        params: { ...common, periodEnd: day(invoice.period_end), nextEnd: day(invoice.period_end) },
        related,
      });
    }
  }
  return officers.length;
}
