/**
 * An application's invoice, the membership area's record of its first year's fee: issued at
 * the 'invoice' step (the schedule's amount for its population band and income group, or an
 * association's flat fee, or the amount the secretariat gives when the schedule has none),
 * paid at 'mark-paid', cancelled when the application is rejected or withdrawn while it is
 * open, and given to the new member with its first period at 'make-member'. Until then the
 * invoice has no government (the applicant is not in the directory yet).
 *
 * Marking the invoice paid on the invoices page moves the application to 'paid' too: the
 * membership area calls review-service's `applicationInvoiceFollowUps` (wired in app.ts).
 */
import type { InvoiceCancelCause } from '../../core/membership';
import { feeFor, type FeeResult } from '../../core/membership-fees';
import { periodEndFor } from '../../core/membership-status';
import type { AuditActor, SystemActor } from '../audit/service';
import { conflict, invalidField } from '../http/problem';
import { scheduleInForce } from '../membership/fee-service';
import {
  cancelOpenInvoice,
  invoiceView,
  issueInvoice,
  payInvoice,
} from '../membership/invoice-service';
import { basisOf } from '../membership/present';
import type { InvoiceListRow, InvoiceRow } from '../membership/repository';
import type { Invoice } from '../membership/schemas';
import { NO_FEE_DETAIL } from '../membership/service';
import type { Store } from '../store';
import type { ApplicationRow } from './repository';
import type { StepRequest } from './schemas';

/** The fee of the applicant's first year under the schedule in force. */
export async function firstYearFee(
  store: Store,
  row: ApplicationRow,
  associationScope: 'national' | 'subnational' | null = null,
): Promise<{ fee: FeeResult; currency: string }> {
  const { schedule } = await scheduleInForce(store);
  const fee = feeFor(schedule, {
    kind: row.kind,
    country: row.country,
    population: row.population,
    associationScope,
  });
  return { fee, currency: schedule.currency };
}

/** The application's invoice that is not cancelled (open or paid), if it has one. */
export async function liveInvoiceOf(
  store: Store,
  applicationId: number,
): Promise<InvoiceListRow | undefined> {
  const rows = await store.membership.invoicesOfApplication(applicationId);
  return rows.find((r) => r.status !== 'cancelled');
}

/** The application's newest invoice as the API shows it, or null before the invoice step. */
export async function applicationInvoice(
  store: Store,
  applicationId: number,
): Promise<Invoice | null> {
  const [newest] = await store.membership.invoicesOfApplication(applicationId);
  return newest ? invoiceView(store, newest.id) : null;
}

/**
 * The 'invoice' step: issues the invoice of the first year, from the issue day (the year is
 * moved to the first period's days when the application makes a member). Refused while the
 * application has an open or paid invoice; after a cancelled one, a new one is issued.
 */
export async function issueApplicationInvoice(
  tx: Store,
  actor: AuditActor,
  row: ApplicationRow,
  request: Pick<StepRequest, 'amount' | 'associationScope'>,
  day: string,
): Promise<InvoiceRow> {
  const live = await liveInvoiceOf(tx, row.id);
  if (live) {
    throw conflict(
      'application-has-invoice',
      `The application has invoice ${live.number} (${live.status}).`,
      {
        params: { number: live.number, status: live.status },
        pointer: '/action',
        fieldDetail: `invoice ${live.number} is ${live.status}`,
      },
    );
  }
  const { fee, currency } = await firstYearFee(tx, row, request.associationScope ?? null);
  let priced: {
    amount: number;
    currency: string;
    basis: Parameters<typeof issueInvoice>[2]['basis'];
  };
  if (request.amount !== undefined) {
    priced = {
      amount: request.amount,
      currency: fee.ok ? fee.currency : currency,
      basis: { kind: 'set', by: actor.label },
    };
  } else if (fee.ok) {
    priced = { amount: fee.amount, currency: fee.currency, basis: fee.basis };
  } else {
    throw invalidField('/amount', `no-fee-${fee.reason}`, NO_FEE_DETAIL[fee.reason]);
  }
  return issueInvoice(tx, actor, {
    governmentId: null,
    applicationId: row.id,
    periodId: null,
    periodStart: day,
    periodEnd: periodEndFor(day),
    category: row.category,
    ...priced,
    issuedOn: day,
  });
}

/**
 * The 'mark-paid' step: its open invoice is marked paid on the day given (today unless said).
 * An application invoiced before invoices were recorded has none, and moves on as before.
 */
export async function payApplicationInvoice(
  tx: Store,
  actor: AuditActor,
  row: ApplicationRow,
  paidOn: string,
): Promise<void> {
  const invoices = await tx.membership.invoicesOfApplication(row.id);
  if (invoices.length === 0) return;
  const live = invoices.find((r) => r.status !== 'cancelled');
  if (!live) {
    const newest = invoices[0] as InvoiceListRow;
    throw conflict(
      'invoice-cancelled',
      `Invoice ${newest.number} was cancelled: issue a new invoice first.`,
      {
        params: { number: newest.number },
        pointer: '/action',
        fieldDetail: `invoice ${newest.number} was cancelled`,
      },
    );
  }
  await tx.membership.claimInvoiceVersion(live.id);
  await payInvoice(tx, actor, (await tx.membership.invoiceById(live.id)) as InvoiceRow, paidOn);
}

/** Rejected or withdrawn: its open invoice is cancelled with it (and the step's comment). */
export async function cancelApplicationInvoice(
  tx: Store,
  actor: AuditActor | SystemActor,
  applicationId: number,
  cause: InvoiceCancelCause,
  comment: string | null,
): Promise<void> {
  const live = await liveInvoiceOf(tx, applicationId);
  if (!live || live.status !== 'open') return;
  await tx.membership.claimInvoiceVersion(live.id);
  const invoice = (await tx.membership.invoiceById(live.id)) as InvoiceRow;
  if (invoice.status === 'open') {
    await cancelOpenInvoice(tx, actor, invoice, comment, '/comment', cause);
  }
}

/**
 * Making a member: the application's paid invoice becomes the new member's, billing its first
 * period (the year's days become the period's). An association's invoice tells the membership
 * which of its flat fees it pays.
 */
export async function attachApplicationInvoice(
  tx: Store,
  applicationId: number,
  governmentId: number,
  period: { id: number; start: string; end: string } | null,
  now: string,
): Promise<void> {
  const live = await liveInvoiceOf(tx, applicationId);
  if (!live) return;
  await tx.membership.attachInvoice(live.id, {
    governmentId,
    periodId: period?.id ?? null,
    periodStart: period?.start ?? live.period_start,
    periodEnd: period?.end ?? live.period_end,
    now,
  });
  const basis = basisOf(live);
  if (basis.kind === 'association') {
    await tx.members.setMembershipFields(governmentId, { association_scope: basis.scope });
  }
}
