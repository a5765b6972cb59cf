/**
 * Row types of the membership tables (periods, invoices and their numbers, fee schedules) and
 * of the daily jobs' runs, as Kysely sees them; schema.ts gathers them into Database.
 */
import type { Generated } from 'kysely';
import type { InvoiceCancelCause, MembershipCategory } from '../../core/membership';

/** One year of a government's membership, first and last day included (migration 0016). */
export interface MembershipPeriodTable {
  id: Generated<number>;
  government_id: number;
  category: MembershipCategory;
  start_date: string;
  end_date: string;
  created_at: string;
  /** Who added it, as the audit log names them ('system' for the daily job). */
  created_by: string;
}

export type InvoiceStatus = 'open' | 'paid' | 'cancelled';

export interface InvoiceTable {
  id: Generated<number>;
  /** YYYY-NNNN: the year of issue and the invoice's place in it. */
  number: string;
  year: number;
  sequence: number;
  /** Null while the invoice is an application's, until the application makes a member (0019). */
  government_id: number | null;
  /** The application whose first year it bills (migration 0019). */
  application_id: number | null;
  /** The period billed, once it exists (a renewal invoice goes out before its period). */
  period_id: number | null;
  period_start: string;
  period_end: string;
  category: MembershipCategory;
  /** Whole units of `currency`. */
  amount: number;
  currency: string;
  /** JSON: what the amount was read from. */
  fee_basis: string;
  issued_on: string;
  due_on: string;
  paid_on: string | null;
  status: InvoiceStatus;
  reminders_sent: Generated<number>;
  last_reminded_on: string | null;
  /** Who cancelled an open invoice, when and why (migration 0019); null unless cancelled. */
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  /** An application's invoice cancelled with it (migration 0020): 'application-rejected' or 'application-withdrawn'. */
  cancelled_with: InvoiceCancelCause | null;
  /** Incremented by every change (the ETag); If-Match refuses a stale copy. */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** The last invoice number given in a year. */
export interface InvoiceNumberTable {
  year: number;
  last_number: number;
}

/** A version of the fee schedule; the highest is in force. */
export interface FeeScheduleTable {
  id: Generated<number>;
  version: number;
  /** JSON: FeeSchedule (src/core/membership-fees.ts). */
  schedule: string;
  created_at: string;
  created_by: string;
}

/** A daily job's claim of a day: one row per job and day. */
export interface ScheduledJobRunTable {
  id: Generated<number>;
  job: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  started_at: string;
  /** JSON: what the run did. */
  summary: string | null;
}
