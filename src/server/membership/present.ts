/** Periods and invoices as the API shows them, from their rows. */
import type { NameRow } from '../members/repository';
import { splitNames } from '../members/present';
import { parseJsonColumn } from '../db/json';
import type { InvoiceListRow, InvoiceRow, PeriodRow } from './repository';
import type { FeeBasis, Invoice, Period } from './schemas';

export interface InvoiceGovernmentFacts {
  id: number;
  slug: string;
  localLang: string;
  country: string;
  nameRows: readonly NameRow[] | undefined;
}

export function presentPeriod(row: PeriodRow): Period {
  return {
    id: row.id,
    category: row.category as Period['category'],
    start: row.start_date,
    end: row.end_date,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function basisOf(row: InvoiceRow): FeeBasis {
  return parseJsonColumn<FeeBasis>('invoices', row.id, row.fee_basis) as FeeBasis;
}

/** An invoice; `today` tells whether an open one is overdue. */
export function presentInvoice(
  row: InvoiceListRow,
  government: InvoiceGovernmentFacts | null,
  today: string,
): Invoice {
  return {
    id: row.id,
    number: row.number,
    government: government && {
      id: government.id,
      slug: government.slug,
      names: splitNames(government.nameRows).names,
      localLang: government.localLang,
      country: government.country,
    },
    application:
      row.application_id === null
        ? null
        : {
            id: row.application_id,
            name: row.application_name ?? '',
            officialName: row.application_official_name ?? '',
            officialLang: row.application_official_lang ?? 'en',
            country: row.application_country ?? '',
          },
    periodId: row.period_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    category: row.category as Invoice['category'],
    amount: row.amount,
    currency: row.currency,
    basis: basisOf(row),
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    paidOn: row.paid_on,
    status: row.status,
    cancelledAt: row.cancelled_at,
    cancelledBy: row.cancelled_by,
    cancelReason: row.cancel_reason,
    cancelledWith: row.cancelled_with,
    overdue: isOverdue(row, today),
    remindersSent: row.reminders_sent,
    lastRemindedOn: row.last_reminded_on,
    version: row.version,
  };
}

/** Open and past its due day. */
export function isOverdue(row: Pick<InvoiceRow, 'status' | 'due_on'>, today: string): boolean {
  return row.status === 'open' && row.due_on < today;
}

/** The invoice number of a year's nth invoice: 2026-0001. */
export function invoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}
