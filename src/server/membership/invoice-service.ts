/**
 * Invoices: issued for one year of a membership (by a renewal, or by the daily job a month
 * before a period ends), numbered per year of issue, paid when the secretariat says so (there
 * is no payment gateway). Paying a renewal invoice adds the year it bills, if the secretariat
 * has not added it already.
 */
import type { MembershipCategory } from '../../core/membership';
import { invoiceDueDay } from '../../core/membership-status';
import { recordAudit, type AuditActor, type SystemActor } from '../audit/service';
import { nowIso } from '../clock';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { conflict, invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import { addPeriod, syncMembership, today } from './periods';
import { invoiceNumber, presentInvoice } from './present';
import type { InvoiceListRow, InvoiceRow } from './repository';
import type { FeeBasis, Invoice, InvoiceQuery, PaymentInput } from './schemas';

export interface NewInvoice {
  governmentId: number;
  periodId: number | null;
  periodStart: string;
  periodEnd: string;
  category: MembershipCategory;
  amount: number;
  currency: string;
  basis: FeeBasis;
  issuedOn: string;
}

/**
 * Issues an invoice in the caller's transaction: the next number of the year of issue (taken
 * under the year's lock), due when the year billed begins or thirty days on. A second invoice
 * for the same government and year billed is refused by the database (409).
 */
export async function issueInvoice(
  tx: Store,
  actor: AuditActor | SystemActor,
  input: NewInvoice,
): Promise<InvoiceRow> {
  const year = Number(input.issuedOn.slice(0, 4));
  const sequence = await tx.membership.takeInvoiceNumber(year);
  const now = nowIso();
  const number = invoiceNumber(year, sequence);
  const id = await tx.membership.insertInvoice({
    number,
    year,
    sequence,
    government_id: input.governmentId,
    period_id: input.periodId,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    category: input.category,
    amount: input.amount,
    currency: input.currency,
    fee_basis: JSON.stringify(input.basis),
    issued_on: input.issuedOn,
    due_on: invoiceDueDay(input.issuedOn, input.periodStart),
    paid_on: null,
    status: 'open',
    last_reminded_on: null,
    created_at: now,
    updated_at: now,
  });
  const row = (await tx.membership.invoiceById(id)) as InvoiceRow;
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'invoice',
    entityId: id,
    summary: `Invoice ${number} issued: ${input.amount} ${input.currency} for ${input.periodStart} to ${input.periodEnd}`,
    after: {
      number,
      governmentId: input.governmentId,
      amount: input.amount,
      currency: input.currency,
      dueOn: row.due_on,
    },
  });
  return row;
}

/** Invoices with their governments' names, as the API shows them. */
export async function presentInvoices(
  store: Store,
  rows: readonly InvoiceListRow[],
  day: string,
): Promise<Invoice[]> {
  const names = await store.members.namesOf([...new Set(rows.map((r) => r.government_id))]);
  return rows.map((r) =>
    presentInvoice(
      r,
      {
        id: r.government_id,
        slug: r.slug,
        localLang: r.local_lang,
        country: r.country,
        nameRows: names.get(r.government_id),
      },
      day,
    ),
  );
}

export async function listInvoicesPage(
  store: Store,
  actor: AuditActor | null,
  query: InvoiceQuery,
) {
  authorize(actor, 'invoice.manage', {}, 'Only the secretariat reads invoices.');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const day = today();
  const { rows, total } = await store.membership.listInvoices(
    { status: query.status, year: query.year, today: day },
    page,
    pageSize,
  );
  return {
    items: await presentInvoices(store, rows, day),
    total,
    page,
    pageSize,
    years: await store.membership.invoiceYears(),
    today: day,
  };
}

/**
 * Records that an invoice was paid, on the day the secretariat says. A renewal invoice's year
 * becomes a period of the membership (unless it is one already) and the status follows.
 */
export async function markInvoicePaid(
  store: Store,
  actor: AuditActor,
  id: number,
  input: PaymentInput,
  expected?: ExpectedVersions,
): Promise<Invoice> {
  authorize(actor, 'invoice.manage', {}, 'Only the secretariat marks invoices paid.');
  const day = today();
  return store.transaction(async (tx) => {
    const seen = await tx.membership.invoiceById(id);
    if (!seen) throw notFound(`no invoice ${id}`);
    // Payments of one invoice queue here; each then reads what the one before wrote.
    claimedVersion(await tx.membership.claimInvoiceVersion(id, expected));
    const invoice = (await tx.membership.invoiceById(id)) as InvoiceRow;
    if (invoice.status === 'paid') {
      throw conflict(`Invoice ${invoice.number} was marked paid on ${invoice.paid_on}.`, [
        { pointer: '/paidOn', detail: `already paid on ${invoice.paid_on}` },
      ]);
    }
    if (input.paidOn > day) throw invalidField('/paidOn', 'cannot be in the future');
    if (input.paidOn < invoice.issued_on) {
      throw invalidField(
        '/paidOn',
        `cannot be before the invoice was issued (${invoice.issued_on})`,
      );
    }
    await tx.membership.setInvoicePaid(id, input.paidOn, nowIso());
    if (invoice.period_id === null) {
      const periods = await tx.membership.periodsOf(invoice.government_id);
      const existing = periods.find((p) => p.start_date === invoice.period_start);
      if (existing) await tx.membership.setInvoicePeriod(id, existing.id);
      else {
        await addPeriod(tx, actor.label, invoice.government_id, {
          category: invoice.category,
          start: invoice.period_start,
          end: invoice.period_end,
        });
      }
    }
    await syncMembership(tx, invoice.government_id, day);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'invoice',
      entityId: id,
      summary: `Invoice ${invoice.number} marked paid on ${input.paidOn}`,
      before: { status: 'open', paidOn: null },
      after: { status: 'paid', paidOn: input.paidOn },
    });
    const [after] = await presentInvoices(
      tx,
      [(await tx.membership.listedInvoice(id)) as InvoiceListRow],
      day,
    );
    return after as Invoice;
  });
}
