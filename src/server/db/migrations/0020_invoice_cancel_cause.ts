import type { Kysely } from 'kysely';

/**
 * Why an application's invoice was cancelled, as a code the reader's language words
 * (`cancelled_with`: 'application-rejected' or 'application-withdrawn'; null for an invoice an
 * administrator cancelled, whose reason is their own words). The comment that went with the
 * step, if any, stays in `cancel_reason`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invoices').addColumn('cancelled_with', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invoices').dropColumn('cancelled_with').execute();
}
