/**
 * The secretariat's lists as files: members (governments of a member category, with their
 * status by rule today, their fee under the schedule in force and their open invoices) and
 * invoices (filtered as the invoices page filters them), as CSV (with a byte-order mark, every
 * cell through the CSV guard) or XLSX. Headers and words (categories, statuses, income groups,
 * an invoice's state) are in the reader's language; names are in it where the government has
 * one; dates stay ISO 8601 and amounts stay numbers, which spreadsheets read in any language.
 */
import type { Writable } from 'node:stream';
import type { Locale } from '../../core/locales';
import { feeFor, incomeGroupOf } from '../../core/membership-fees';
import { membershipStatusOn } from '../../core/membership-status';
import { displayName, type NamesByLanguage } from '../../core/names';
import type { Actor } from '../../core/roles';
import { writeTable, type Cell, type TableFormat } from '../climate/exports/write-table';
import { authorize } from '../http/authorize';
import { translator } from '../i18n/translator';
import { splitNames } from '../members/present';
import type { Store } from '../store';
import { scheduleInForce } from './fee-service';
import { asPeriods, today } from './periods';
import { isOverdue } from './present';
import type { InvoiceFilter, InvoiceListRow, PeriodRow } from './repository';

const PAGE = 500;

function namesIn(
  rows: Map<number, Parameters<typeof splitNames>[0]>,
  id: number,
  localLang: string,
  locale: Locale,
) {
  const names = splitNames(rows.get(id)).names as NamesByLanguage;
  return { local: displayName(names, localLang, locale).primary, english: names.en ?? '' };
}

/** An application's invoice before it made a member: the applicant's name in the reader's language. */
function applicantName(r: InvoiceListRow, locale: Locale): string | null {
  if (r.application_official_lang === locale) return r.application_official_name;
  return r.application_name;
}

const MEMBER_COLUMNS = [
  'name',
  'englishName',
  'country',
  'region',
  'kind',
  'category',
  'status',
  'statusFrom',
  'statusUntil',
  'since',
  'periodEnd',
  'population',
  'incomeGroup',
  'fee',
  'currency',
  'openInvoices',
  'overdueInvoices',
] as const;

const INVOICE_COLUMNS = [
  'number',
  'government',
  'country',
  'periodStart',
  'periodEnd',
  'category',
  'amount',
  'currency',
  'issuedOn',
  'dueOn',
  'status',
  'paidOn',
  'remindersSent',
] as const;

type Write = (out: Writable) => Promise<void>;

/**
 * Checks the reader may have the members file and reads it: then the writer of the file (so a
 * refusal is an answer of its own, not a file cut short).
 */
export async function prepareMembersExport(
  store: Store,
  actor: Actor | null,
  format: TableFormat,
  locale: Locale,
): Promise<Write> {
  authorize(actor, 'membership.manage', {}, 'Only the secretariat exports the members.');
  const t = translator(locale);
  const day = today();
  const [memberships, periods, counts, fees] = await Promise.all([
    store.membership.membershipsWithGovernments(),
    store.membership.allPeriods(),
    store.membership.openInvoiceCounts(day),
    scheduleInForce(store),
  ]);
  const members = memberships.filter((m) => m.category !== 'non-member');
  const govRows = new Map(
    await Promise.all(
      members.map(async (m) => [m.id, await store.members.governmentRow(m.id)] as const),
    ),
  );
  const names = await store.members.namesOf(members.map((m) => m.id));
  const periodsOf = new Map<number, PeriodRow[]>();
  for (const p of periods)
    periodsOf.set(p.government_id, [...(periodsOf.get(p.government_id) ?? []), p]);

  const header = MEMBER_COLUMNS.map((key) => t(`exports:membership.members.${key}`));
  const word = (family: string, value: string) =>
    t.or(`exports:membership.${family}.${value}`, value);

  function* rows(): Iterable<Cell[]> {
    for (const m of members) {
      const own = periodsOf.get(m.id) ?? [];
      const standing =
        own.length > 0 || m.suspended_on
          ? membershipStatusOn(asPeriods(own), m.suspended_on, day)
          : { status: m.status, from: null, until: null };
      const holding = own.find((p) => p.start_date <= day && day <= p.end_date);
      const fee = feeFor(fees.schedule, {
        kind: m.kind,
        country: m.country,
        population: m.population,
        associationScope: m.association_scope,
      });
      const group = incomeGroupOf(m.country);
      const name = namesIn(names, m.id, govRows.get(m.id)?.local_lang ?? 'en', locale);
      const count = counts.get(m.id);
      yield [
        name.local,
        name.english,
        m.country,
        m.region,
        word('kinds', m.kind),
        word('categories', m.category),
        word('statuses', standing.status),
        standing.from,
        standing.until,
        own[0]?.start_date ?? m.since,
        holding?.end_date ?? null,
        m.population,
        group ? word('incomeGroups', group) : null,
        fee.ok ? fee.amount : null,
        fee.ok ? fee.currency : null,
        count?.open ?? 0,
        count?.overdue ?? 0,
      ];
    }
  }
  return (out) => writeTable(format, header, rows(), out, t('exports:membership.members.sheet'));
}

/** Checks the reader may have the invoices file: then its writer (a page of rows at a time). */
export function prepareInvoicesExport(
  store: Store,
  actor: Actor | null,
  format: TableFormat,
  locale: Locale,
  filter: Omit<InvoiceFilter, 'today'>,
): Write {
  authorize(actor, 'invoice.manage', {}, 'Only the secretariat exports invoices.');
  const t = translator(locale);
  const day = today();
  const header = INVOICE_COLUMNS.map((key) => t(`exports:membership.invoices.${key}`));

  async function* rows(): AsyncIterable<Cell[]> {
    let after = 0;
    for (;;) {
      const page: InvoiceListRow[] = await store.membership.invoicesForExport(
        { ...filter, today: day },
        after,
        PAGE,
      );
      if (page.length === 0) return;
      const ids = [...new Set(page.map((r) => r.government_id))].filter((id) => id !== null);
      const names = await store.members.namesOf(ids);
      for (const r of page) {
        const state = r.status === 'open' ? (isOverdue(r, day) ? 'overdue' : 'open') : r.status;
        yield [
          r.number,
          r.government_id === null
            ? applicantName(r, locale)
            : namesIn(names, r.government_id, r.local_lang ?? 'en', locale).local,
          r.country ?? r.application_country,
          r.period_start,
          r.period_end,
          t.or(`exports:membership.categories.${r.category}`, r.category),
          r.amount,
          r.currency,
          r.issued_on,
          r.due_on,
          t(`exports:membership.invoiceStatus.${state}`),
          r.paid_on,
          r.reminders_sent,
        ];
      }
      after = (page.at(-1) as InvoiceListRow).id;
    }
  }
  return (out) => writeTable(format, header, rows(), out, t('exports:membership.invoices.sheet'));
}
