import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './helpers';

/**
 * Invoices of applications, and cancelled invoices (issue 11):
 *
 * - `invoices.application_id`: the application whose first year the invoice bills. An
 *   applicant is not in the directory until it becomes a member, so such an invoice has no
 *   government yet: `government_id` becomes nullable and is set when the application makes a
 *   member (the new or promoted government, with its first period). Adding the applicant to
 *   the directory at the invoice step instead would put a government there before the
 *   secretariat chose, at the last step, whether it is new or an existing prospect (its
 *   region, its slug), and leave one behind for every application refused after its invoice.
 * - `status` may be 'cancelled': an administrator cancels an open invoice, saying why
 *   (`cancel_reason`), with who and when (`cancelled_by`, `cancelled_at`). The row and its
 *   number stay; numbers are never reused.
 * - The unique key of a government's year billed (`invoices_government_period`) leaves
 *   cancelled invoices out, so the year can be invoiced again.
 *
 * SQLite cannot drop a NOT NULL: the table is rebuilt (same columns, same ids, same indexes).
 */
const COPIED = [
  'id',
  'number',
  'year',
  'sequence',
  'government_id',
  'period_id',
  'period_start',
  'period_end',
  'category',
  'amount',
  'currency',
  'fee_basis',
  'issued_on',
  'due_on',
  'paid_on',
  'status',
  'reminders_sent',
  'last_reminded_on',
  'version',
  'created_at',
  'updated_at',
];

async function createInvoicesTable(
  db: Kysely<unknown>,
  name: string,
  governmentNullable: boolean,
  withNewColumns: boolean,
): Promise<void> {
  let table = withId(db.schema.createTable(name), false)
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('government_id', 'integer', (c) => {
      const col = c.references('governments.id').onDelete('cascade');
      return governmentNullable ? col : col.notNull();
    })
    .addColumn('period_id', 'integer', (c) =>
      c.references('membership_periods.id').onDelete('set null'),
    )
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('fee_basis', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reminders_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  if (withNewColumns) {
    table = table
      .addColumn('application_id', 'integer', (c) =>
        c.references('applications.id').onDelete('set null'),
      )
      .addColumn('cancelled_at', 'text')
      .addColumn('cancelled_by', 'text')
      .addColumn('cancel_reason', 'text');
  }
  await table.execute();
}

async function rebuildOnSqlite(db: Kysely<unknown>, forward: boolean): Promise<void> {
  await createInvoicesTable(db, 'invoices_rebuilt', forward, forward);
  const columns = sql.join(COPIED.map((c) => sql.ref(c)));
  await sql`INSERT INTO invoices_rebuilt (${columns}) SELECT ${columns} FROM invoices`.execute(db);
  await db.schema.dropTable('invoices').execute();
  await db.schema.alterTable('invoices_rebuilt').renameTo('invoices').execute();
  await db.schema
    .createIndex('invoices_year_sequence')
    .on('invoices')
    .columns(['year', 'sequence'])
    .unique()
    .execute();
  await db.schema
    .createIndex('invoices_status_due')
    .on('invoices')
    .columns(['status', 'due_on'])
    .execute();
}

async function governmentPeriodKey(db: Kysely<unknown>, partial: boolean): Promise<void> {
  const index = db.schema
    .createIndex('invoices_government_period')
    .on('invoices')
    .columns(['government_id', 'period_start'])
    .unique();
  await (partial ? index.where(sql.ref('status'), '<>', 'cancelled') : index).execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) {
    await db.schema.dropIndex('invoices_government_period').execute();
    await db.schema
      .alterTable('invoices')
      .alterColumn('government_id', (c) => c.dropNotNull())
      .execute();
    await db.schema
      .alterTable('invoices')
      .addColumn('application_id', 'integer', (c) =>
        c.references('applications.id').onDelete('set null'),
      )
      .execute();
    for (const column of ['cancelled_at', 'cancelled_by', 'cancel_reason']) {
      await db.schema.alterTable('invoices').addColumn(column, 'text').execute();
    }
  } else {
    await rebuildOnSqlite(db, true);
  }
  await governmentPeriodKey(db, true);
  await db.schema
    .createIndex('invoices_application')
    .on('invoices')
    .column('application_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Invoices of applications that made no member, and cancelled ones, have no place before.
  await sql`DELETE FROM invoices WHERE government_id IS NULL OR status = 'cancelled'`.execute(db);
  await db.schema.dropIndex('invoices_application').execute();
  await db.schema.dropIndex('invoices_government_period').execute();
  if (await isPostgres(db)) {
    for (const column of ['cancel_reason', 'cancelled_by', 'cancelled_at', 'application_id']) {
      await db.schema.alterTable('invoices').dropColumn(column).execute();
    }
    await db.schema
      .alterTable('invoices')
      .alterColumn('government_id', (c) => c.setNotNull())
      .execute();
  } else {
    await rebuildOnSqlite(db, false);
  }
  await governmentPeriodKey(db, false);
}
