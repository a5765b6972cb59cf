import type { Kysely } from 'kysely';
import { SEED_FEE_SCHEDULE } from '../../../core/membership-fees';
import { isPostgres, withId } from './helpers';

/**
 * Memberships, fees and renewals (issue 11):
 *
 * - `membership_periods`: one row per year of membership (first and last day); a renewal adds
 *   a row and never changes one. One period per government and start day.
 * - `invoices`: a fee invoiced for one year of a government's membership, numbered per year of
 *   issue (2026-0001, 2026-0002, …); one invoice per government and year billed. A renewal
 *   invoice goes out before its period exists: `period_id` is set once the period is added
 *   (when the invoice is paid, or the secretariat renews). `version` for If-Match.
 * - `invoice_numbers`: the last number given in each year; taking the next one locks the year's
 *   row, so invoices issued at once get consecutive numbers, none twice, none skipped.
 * - `fee_schedules`: the fee schedule, as versions: the highest version is the one in force;
 *   a change adds a version (so every schedule ever used is kept) and is audited. Seeded with
 *   the published figures and illustrative values for the rest (src/core/membership-fees.ts).
 * - `scheduled_job_runs`: a daily job claims its day here (job and day unique), so it runs
 *   once a day however many servers share the database.
 * - `memberships` gains `suspended_on` (the day an administrator suspended the membership;
 *   the status rule yields to it) and `association_scope` (national or subnational, which
 *   picks an association's fee).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  const table = (name: string) => withId(db.schema.createTable(name), pg);

  await db.schema.alterTable('memberships').addColumn('suspended_on', 'text').execute();
  await db.schema.alterTable('memberships').addColumn('association_scope', 'text').execute();

  await table('membership_periods')
    .addColumn('government_id', 'integer', (c) =>
      c.notNull().references('governments.id').onDelete('cascade'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('membership_periods_government_start')
    .on('membership_periods')
    .columns(['government_id', 'start_date'])
    .unique()
    .execute();

  await db.schema
    .createTable('invoice_numbers')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await table('invoices')
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('government_id', 'integer', (c) =>
      c.notNull().references('governments.id').onDelete('cascade'),
    )
    .addColumn('period_id', 'integer', (c) =>
      c.references('membership_periods.id').onDelete('set null'),
    )
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // JSON: what the amount was read from (a band of an income group, an association's fee,
    // or an amount the secretariat set).
    .addColumn('fee_basis', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text')
    // 'open' or 'paid'; overdue is an open invoice past its due day, said when read.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reminders_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invoices_year_sequence')
    .on('invoices')
    .columns(['year', 'sequence'])
    .unique()
    .execute();
  await db.schema
    .createIndex('invoices_government_period')
    .on('invoices')
    .columns(['government_id', 'period_start'])
    .unique()
    .execute();
  await db.schema
    .createIndex('invoices_status_due')
    .on('invoices')
    .columns(['status', 'due_on'])
    .execute();

  await table('fee_schedules')
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    // JSON: the schedule (src/core/membership-fees.ts, FeeSchedule).
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  // The schedule as src/core/membership-fees.ts seeds it today; later changes of the seed do
  // not reach databases made before them (the secretariat's edits are versions of their own).
  await (db as Kysely<{ fee_schedules: Record<string, unknown> }>)
    .insertInto('fee_schedules')
    .values({
      version: 1,
      schedule: JSON.stringify(SEED_FEE_SCHEDULE),
      created_at: new Date().toISOString(),
      created_by: 'system',
    })
    .execute();

  await table('scheduled_job_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    // JSON: what the run did (counts), for the log and for tests.
    .addColumn('summary', 'text')
    .execute();
  await db.schema
    .createIndex('scheduled_job_runs_job_day')
    .on('scheduled_job_runs')
    .columns(['job', 'day'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'scheduled_job_runs',
    'fee_schedules',
    'invoices',
    'invoice_numbers',
    'membership_periods',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('memberships').dropColumn('association_scope').execute();
  await db.schema.alterTable('memberships').dropColumn('suspended_on').execute();
}
