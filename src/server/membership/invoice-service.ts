/**
 * Invoices: issued for one year of a membership (by a renewal, by the daily job a month
 * before a period ends, or by an application's invoice step for its first year), numbered per
 * year of issue, paid when the secretariat says so (there is no payment gateway). Paying a
 * renewal invoice adds the year it bills, if the secretariat has not added it already. An
 * administrator may cancel an open invoice, saying why: it keeps its number, and its year may
 * be invoiced again.
 *
 * An application's invoice has no government until the application makes a member. What
 * paying or cancelling one does to its application is the applications area's: it is handed
 * in as `InvoiceFollowUps` (wired in app.ts), so this area never imports that one.
 */
import type { InvoiceCancelCause } from '../../core/membership';
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
import type { CancellationInput, FeeBasis, Invoice, InvoiceQuery, PaymentInput } from './schemas';

export interface NewInvoice {
  /** Null for an application's invoice (set when the application makes a member). */
  governmentId: number | null;
  applicationId?: number | null;
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
    application_id: input.applicationId ?? null,
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
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: null,
    cancelled_with: null,
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
      ...(input.applicationId ? { applicationId: input.applicationId } : {}),
      amount: input.amount,
      currency: input.currency,
      dueOn: row.due_on,
    },
  });
  return row;
}

/** Invoices with their governments' names (or their applications'), as the API shows them. */
export async function presentInvoices(
  store: Store,
  rows: readonly InvoiceListRow[],
  day: string,
): Promise<Invoice[]> {
  const ids = [...new Set(rows.map((r) => r.government_id))].filter((id) => id !== null);
  const names = await store.members.namesOf(ids);
  return rows.map((r) =>
    presentInvoice(
      r,
      r.government_id === null || r.slug === null
        ? null
        : {
            id: r.government_id,
            slug: r.slug,
            localLang: r.local_lang ?? 'en',
            country: r.country ?? '',
            nameRows: names.get(r.government_id),
          },
      day,
    ),
  );
}

/** One invoice as the API shows it (read in the caller's transaction). */
export async function invoiceView(store: Store, id: number, day = today()): Promise<Invoice> {
  const [view] = await presentInvoices(
    store,
    [(await store.membership.listedInvoice(id)) as InvoiceListRow],
    day,
  );
  return view as Invoice;
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

/** What paying an application's invoice on the invoices page does to its application. */
export interface InvoiceFollowUps {
  /** The invoice was marked paid on the invoices page: the application moves to 'paid'. */
  paid(tx: Store, invoice: InvoiceRow, actor: AuditActor): Promise<void>;
}

/** Locks the invoice (If-Match checked) and reads it as it is now. */
async function claimInvoice(
  tx: Store,
  id: number,
  expected?: ExpectedVersions,
): Promise<InvoiceRow> {
  const seen = await tx.membership.invoiceById(id);
  if (!seen) throw notFound('invoice', `no invoice ${id}`);
  // Changes of one invoice queue here; each then reads what the one before wrote.
  claimedVersion(await tx.membership.claimInvoiceVersion(id, expected));
  return (await tx.membership.invoiceById(id)) as InvoiceRow;
}

/**
 * Marks a claimed invoice paid in the caller's transaction (the invoices page, or an
 * application's 'mark-paid' step). A renewal invoice's year becomes a period of the membership
 * (unless it is one already) and the status follows; an application's invoice before its
 * application made a member has no membership to change yet.
 */
export async function payInvoice(
  tx: Store,
  actor: AuditActor,
  invoice: InvoiceRow,
  paidOn: string,
  pointer = '/paidOn',
): Promise<void> {
  const day = today();
  if (invoice.status === 'paid') {
    throw conflict(
      'invoice-paid',
      `Invoice ${invoice.number} was marked paid on ${invoice.paid_on}.`,
      {
        params: { number: invoice.number, day: invoice.paid_on ?? '' },
        pointer,
        fieldDetail: `already paid on ${invoice.paid_on}`,
      },
    );
  }
  if (invoice.status === 'cancelled') {
    throw conflict('invoice-cancelled', `Invoice ${invoice.number} was cancelled.`, {
      params: { number: invoice.number },
      pointer,
      fieldDetail: `invoice ${invoice.number} was cancelled`,
    });
  }
  if (paidOn > day) throw invalidField(pointer, 'in-future', 'cannot be in the future');
  if (paidOn < invoice.issued_on) {
    throw invalidField(
      pointer,
      'paid-before-issued',
      `cannot be before the invoice was issued (${invoice.issued_on})`,
      { day: invoice.issued_on },
    );
  }
  await tx.membership.setInvoicePaid(invoice.id, paidOn, nowIso());
  const governmentId = invoice.government_id;
  if (governmentId !== null) {
    if (invoice.period_id === null) {
      const periods = await tx.membership.periodsOf(governmentId);
      const existing = periods.find((p) => p.start_date === invoice.period_start);
      if (existing) await tx.membership.setInvoicePeriod(invoice.id, existing.id);
      else {
        await addPeriod(tx, actor.label, governmentId, {
          category: invoice.category,
          start: invoice.period_start,
          end: invoice.period_end,
        });
      }
    }
    await syncMembership(tx, governmentId, day);
  }
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'invoice',
    entityId: invoice.id,
    summary: `Invoice ${invoice.number} marked paid on ${paidOn}`,
    before: { status: 'open', paidOn: null },
    after: { status: 'paid', paidOn },
  });
}

/** Records that an invoice was paid, on the day the secretariat says (the invoices page). */
export async function markInvoicePaid(
  store: Store,
  actor: AuditActor,
  id: number,
  input: PaymentInput,
  expected?: ExpectedVersions,
  followUps?: InvoiceFollowUps,
): Promise<Invoice> {
  authorize(actor, 'invoice.manage', {}, 'Only the secretariat marks invoices paid.');
  return store.transaction(async (tx) => {
    const invoice = await claimInvoice(tx, id, expected);
    await payInvoice(tx, actor, invoice, input.paidOn);
    if (invoice.application_id !== null && invoice.government_id === null) {
      await followUps?.paid(tx, invoice, actor);
    }
    return invoiceView(tx, id);
  });
}

/**
 * Cancels an open invoice in the caller's transaction, saying why: the row and its number
 * stay, with who cancelled it and when; its year may be invoiced again. A paid or cancelled
 * invoice is refused (409 naming `pointer`).
 */
export async function cancelOpenInvoice(
  tx: Store,
  actor: AuditActor | SystemActor,
  invoice: InvoiceRow,
  rawReason: string | null,
  pointer = '/reason',
  cause?: InvoiceCancelCause,
): Promise<void> {
  // An administrator says why; an application's step is reason enough (its comment is kept).
  const reason = rawReason?.trim() || null;
  if (reason === null && cause === undefined) {
    throw invalidField(
      pointer,
      'cancel-reason-missing',
      'is required: say why the invoice is cancelled',
    );
  }
  if (invoice.status !== 'open') {
    throw conflict(
      'invoice-not-open',
      `Invoice ${invoice.number} is ${invoice.status}: only an open one is cancelled.`,
      {
        params: { number: invoice.number, status: invoice.status },
        pointer: '/status',
        fieldDetail: `is ${invoice.status}`,
      },
    );
  }
  const at = nowIso();
  await tx.membership.setInvoiceCancelled(invoice.id, { at, by: actor.label, reason, cause });
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'invoice',
    entityId: invoice.id,
    summary: `Invoice ${invoice.number} cancelled: ${[cause, reason].filter(Boolean).join(': ')}`,
    before: { status: 'open' },
    after: { status: 'cancelled', reason, cause: cause ?? null, cancelledAt: at },
  });
}

/** An administrator cancels an open invoice (the invoices page), with a required reason. */
export async function cancelInvoice(
  store: Store,
  actor: AuditActor,
  id: number,
  input: CancellationInput,
  expected?: ExpectedVersions,
): Promise<Invoice> {
  authorize(actor, 'invoice.manage', {}, 'Only an administrator cancels invoices.');
  if (input.reason.trim() === '') {
    throw invalidField(
      '/reason',
      'cancel-reason-missing',
      'is required: say why the invoice is cancelled',
    );
  }
  return store.transaction(async (tx) => {
    const invoice = await claimInvoice(tx, id, expected);
    // An application whose invoice is cancelled stays invoiced and may be invoiced again.
    await cancelOpenInvoice(tx, actor, invoice, input.reason);
    return invoiceView(tx, id);
  });
}
