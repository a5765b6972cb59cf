/**
 * Membership periods and invoices: the owner of membership_periods, invoices and
 * invoice_numbers. It also reads what the daily job and the exports need of governments and
 * their memberships (owned by the members area, which writes them).
 */
import type { InvoiceCancelCause } from '../../core/membership';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { InvoiceStatus, InvoiceTable, MembershipPeriodTable } from '../db/schema-membership';
import { moveRowsToGovernment } from '../db/government-move';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';

export type PeriodRow = Selectable<MembershipPeriodTable>;
export type InvoiceRow = Selectable<InvoiceTable>;

// ---------------------------------------------------------------- periods

export function periodsOf(db: Executor, governmentId: number): Promise<PeriodRow[]> {
  return db
    .selectFrom('membership_periods')
    .selectAll()
    .where('government_id', '=', governmentId)
    .orderBy('start_date')
    .execute();
}

/** Every period of every government, oldest first within each (the daily job reads them all). */
export function allPeriods(db: Executor): Promise<PeriodRow[]> {
  return db
    .selectFrom('membership_periods')
    .selectAll()
    .orderBy('government_id')
    .orderBy('start_date')
    .execute();
}

/** Adds a period; a second period with the same start for the government is refused (409). */
export async function insertPeriod(
  db: Executor,
  values: Insertable<MembershipPeriodTable>,
): Promise<number> {
  const row = await db
    .insertInto('membership_periods')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Many periods at once (the demo). */
export async function insertPeriods(
  db: Executor,
  rows: readonly Insertable<MembershipPeriodTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('membership_periods')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function hasAnyPeriod(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('membership_periods').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

// ---------------------------------------------------------------- invoice numbers

/**
 * The next number of a year: the year's row is taken (and stays locked until the transaction
 * ends), so invoices issued at once queue here and get consecutive numbers. A transaction that
 * rolls back gives its number back with it.
 */
export async function takeInvoiceNumber(db: Executor, year: number): Promise<number> {
  await db
    .insertInto('invoice_numbers')
    .values({ year, last_number: 0 })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  const row = await db
    .updateTable('invoice_numbers')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('year', '=', year)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

// ---------------------------------------------------------------- invoices

export async function insertInvoice(
  db: Executor,
  values: Insertable<InvoiceTable>,
): Promise<number> {
  const row = await db
    .insertInto('invoices')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function invoiceById(db: Executor, id: number): Promise<InvoiceRow | undefined> {
  return db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * An invoice with what its API shape says of its government, or, for an application's invoice
 * before it made a member, of the application (its names and country).
 */
export type InvoiceListRow = InvoiceRow & {
  slug: string | null;
  country: string | null;
  local_lang: string | null;
  application_name: string | null;
  application_official_name: string | null;
  application_official_lang: string | null;
  application_country: string | null;
};

function withGovernment<Q extends ReturnType<typeof joined>>(q: Q) {
  return q
    .selectAll('invoices')
    .select([
      'governments.slug',
      'governments.country',
      'governments.local_lang',
      'applications.english_name as application_name',
      'applications.official_name as application_official_name',
      'applications.official_name_lang as application_official_lang',
      'applications.country as application_country',
    ]);
}

function joined(db: Executor) {
  return db
    .selectFrom('invoices')
    .leftJoin('governments', 'governments.id', 'invoices.government_id')
    .leftJoin('applications', 'applications.id', 'invoices.application_id');
}

export function listedInvoice(db: Executor, id: number): Promise<InvoiceListRow | undefined> {
  return withGovernment(joined(db)).where('invoices.id', '=', id).executeTakeFirst();
}

export function invoicesOf(db: Executor, governmentId: number): Promise<InvoiceListRow[]> {
  return withGovernment(joined(db))
    .where('invoices.government_id', '=', governmentId)
    .orderBy('invoices.period_start', 'desc')
    .execute();
}

/** The invoice of the year that starts on `periodStart`, if one was issued and not cancelled. */
export function invoiceForPeriod(
  db: Executor,
  governmentId: number,
  periodStart: string,
): Promise<InvoiceRow | undefined> {
  return db
    .selectFrom('invoices')
    .selectAll()
    .where('government_id', '=', governmentId)
    .where('period_start', '=', periodStart)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
}

/**
 * Every invoice's government and year billed, cancelled ones too (the daily job: which years
 * are invoiced; a year whose invoice the secretariat cancelled is theirs to invoice again).
 */
export function invoicedPeriods(db: Executor) {
  return db.selectFrom('invoices').select(['government_id', 'period_start']).execute();
}

/** An application's invoices, the newest first (one open or paid at most; cancelled ones kept). */
export function invoicesOfApplication(
  db: Executor,
  applicationId: number,
): Promise<InvoiceListRow[]> {
  return withGovernment(joined(db))
    .where('invoices.application_id', '=', applicationId)
    .orderBy('invoices.id', 'desc')
    .execute();
}

/** Takes the invoice's next version (locked until the transaction ends); see claimVersionById. */
export function claimInvoiceVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'invoices', id, expected);
}

export async function setInvoicePaid(
  db: Executor,
  id: number,
  paidOn: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('invoices')
    .set({ status: 'paid', paid_on: paidOn, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function setInvoiceCancelled(
  db: Executor,
  id: number,
  values: { at: string; by: string; reason: string | null; cause?: InvoiceCancelCause },
): Promise<void> {
  await db
    .updateTable('invoices')
    .set({
      status: 'cancelled',
      cancelled_at: values.at,
      cancelled_by: values.by,
      cancel_reason: values.reason,
      cancelled_with: values.cause ?? null,
      updated_at: values.at,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * An application's invoice becomes its new member's: the government, and the first period
 * with its days (the year billed is the first year of membership, which begins when the
 * application makes a member).
 */
export async function attachInvoice(
  db: Executor,
  id: number,
  values: {
    governmentId: number;
    periodId: number | null;
    periodStart: string;
    periodEnd: string;
    now: string;
  },
): Promise<void> {
  await db
    .updateTable('invoices')
    .set((eb) => ({
      government_id: values.governmentId,
      period_id: values.periodId,
      period_start: values.periodStart,
      period_end: values.periodEnd,
      updated_at: values.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setInvoicePeriod(db: Executor, id: number, periodId: number): Promise<void> {
  await db.updateTable('invoices').set({ period_id: periodId }).where('id', '=', id).execute();
}

export type InvoiceListStatus = InvoiceStatus | 'overdue' | 'due';

export interface InvoiceFilter {
  status?: InvoiceListStatus | undefined;
  year?: number | undefined;
  /** Today, which tells overdue from due. */
  today: string;
}

function filtered(db: Executor, filter: InvoiceFilter) {
  let q = joined(db);
  if (filter.year !== undefined) q = q.where('invoices.year', '=', filter.year);
  if (filter.status === 'paid') q = q.where('invoices.status', '=', 'paid');
  if (filter.status === 'cancelled') q = q.where('invoices.status', '=', 'cancelled');
  if (filter.status === 'open') q = q.where('invoices.status', '=', 'open');
  if (filter.status === 'overdue') {
    q = q.where('invoices.status', '=', 'open').where('invoices.due_on', '<', filter.today);
  }
  if (filter.status === 'due') {
    q = q.where('invoices.status', '=', 'open').where('invoices.due_on', '>=', filter.today);
  }
  return q;
}

/** One page of invoices, newest first, with their government, and how many match in all. */
export async function listInvoices(
  db: Executor,
  filter: InvoiceFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: InvoiceListRow[]; total: number }> {
  const q = filtered(db, filter);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await withGovernment(q)
    .orderBy('invoices.year', 'desc')
    .orderBy('invoices.sequence', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every invoice matching the filter, in number order, a page of rows at a time (exports). */
export function invoicesForExport(
  db: Executor,
  filter: InvoiceFilter,
  afterId: number,
  limit: number,
): Promise<InvoiceListRow[]> {
  return withGovernment(filtered(db, filter))
    .where('invoices.id', '>', afterId)
    .orderBy('invoices.id')
    .limit(limit)
    .execute();
}

/** The years invoices were issued in, newest first (the list's year filter). */
export async function invoiceYears(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('invoices')
    .select('year')
    .distinct()
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

/**
 * Open invoices of governments past their due day not reminded of since `remindedBefore` (or
 * ever). Never a cancelled or paid one; never an application's before it made a member (it
 * has no officers yet: the secretariat follows the application).
 */
export function invoicesToRemind(db: Executor, today: string, remindedBefore: string) {
  return db
    .selectFrom('invoices')
    .selectAll()
    .where('status', '=', 'open')
    .where('government_id', 'is not', null)
    .where('due_on', '<', today)
    .where((eb) =>
      eb.or([eb('last_reminded_on', 'is', null), eb('last_reminded_on', '<=', remindedBefore)]),
    )
    .orderBy('id')
    .execute();
}

export async function setInvoiceReminded(db: Executor, id: number, day: string): Promise<void> {
  await db
    .updateTable('invoices')
    .set((eb) => ({ last_reminded_on: day, reminders_sent: eb('reminders_sent', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------- what the job and exports read

/** Governments with a membership row or a period, with what their status and fee depend on. */
export function membershipsWithGovernments(db: Executor) {
  return db
    .selectFrom('governments')
    .innerJoin('memberships', 'memberships.government_id', 'governments.id')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .select([
      'governments.id',
      'governments.slug',
      'governments.kind',
      'governments.country',
      'governments.population',
      'regions.slug as region',
      'memberships.category',
      'memberships.status',
      'memberships.since',
      'memberships.suspended_on',
      'memberships.association_scope',
    ])
    .orderBy('governments.id')
    .execute();
}

/** Open invoices per government: how many, and how many past due on `today`. */
export async function openInvoiceCounts(db: Executor, today: string) {
  const rows = await db
    .selectFrom('invoices')
    .where('status', '=', 'open')
    .where('government_id', 'is not', null)
    .select([
      'government_id',
      (eb) => eb.fn.countAll<number>().as('open'),
      (eb) =>
        eb.fn.sum<number>(sql<number>`CASE WHEN due_on < ${today} THEN 1 ELSE 0 END`).as('overdue'),
    ])
    .groupBy('government_id')
    .execute();
  return new Map(
    rows.map((r) => [r.government_id, { open: Number(r.open), overdue: Number(r.overdue ?? 0) }]),
  );
}

/** Who hears about a government's invoices: its officers with an active account. */
export function officersOf(db: Executor, governmentId: number) {
  return db
    .selectFrom('users')
    .select(['email', 'display_name', 'locale'])
    .where('government_id', '=', governmentId)
    .where('role', '=', 'officer')
    .where('disabled', '=', 0)
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------- merges of governments

export function setPeriodsGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  return moveRowsToGovernment(db, 'membership_periods', ids, governmentId);
}

export function setInvoicesGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  return moveRowsToGovernment(db, 'invoices', ids, governmentId);
}

/** The numbers of many invoices in one query (the audit log names them). */
export function invoiceNumbersByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('invoices').where('id', 'in', ids).select(['id', 'number']).execute();
}
