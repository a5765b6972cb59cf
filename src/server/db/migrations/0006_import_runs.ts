import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Import runs carry a lease: the process working on a run renews `heartbeat_at` while it
 * works, so a run left `running` by a process that died (kill -9, a power cut) can be told
 * from one another live server is still working on, and marked interrupted once the lease
 * has run out. Runs older than this migration take their start as their last sign of life.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').addColumn('heartbeat_at', 'text').execute();
  await db
    .updateTable('import_runs' as never)
    .set({ heartbeat_at: sql`started_at` } as never)
    .execute();
  // The sweep looks for running runs by their lease.
  await db.schema
    .createIndex('import_runs_status_heartbeat')
    .on('import_runs')
    .columns(['status', 'heartbeat_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('import_runs_status_heartbeat').execute();
  await db.schema.alterTable('import_runs').dropColumn('heartbeat_at').execute();
}
