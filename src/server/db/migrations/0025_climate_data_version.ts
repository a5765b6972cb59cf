import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers';

/**
 * A network-wide version of everything the climate summary reads (issue 13): one row in
 * data_versions, raised in the same transaction as any write to those tables. The server keeps
 * each computed summary beside the version it was computed at and serves it (with an ETag made
 * of that version) until the version moves, so the dashboard is computed once per change, not
 * once per request, and a server sharing the database with others learns of their writes from
 * one cheap read.
 *
 * Triggers rather than calls in the services: the summary reads six tables that a dozen writers
 * touch (the climate services, imports, merges, the directory, membership, the demo, the bench
 * loader), and a writer that forgot to raise the version would leave the dashboard stale with
 * nothing to show it. A trigger cannot be forgotten.
 */

/** The tables whose rows the summary shows or computes from. */
export const CLIMATE_SUMMARY_TABLES = [
  'regions',
  'governments',
  'government_names',
  'memberships',
  'climate_targets',
  'inventories',
  'emission_reports',
] as const;

const BUMP = `UPDATE data_versions SET version = version + 1 WHERE name = 'climate'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`INSERT INTO data_versions (name, version) VALUES ('climate', 0)`.execute(db);
  if (await isPostgres(db)) {
    // Once per statement: an import of thousands of rows raises the version once, not per row.
    await sql
      .raw(
        `CREATE FUNCTION bump_climate_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN ${BUMP}; RETURN NULL; END $$`,
      )
      .execute(db);
    for (const table of CLIMATE_SUMMARY_TABLES) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_climate_data_version
           AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION bump_climate_data_version()`,
        )
        .execute(db);
    }
    return;
  }
  // SQLite has row triggers only; its writes are one at a time anyway.
  for (const table of CLIMATE_SUMMARY_TABLES) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_climate_data_version_${event} AFTER ${event.toUpperCase()} ON ${table}
           BEGIN ${BUMP}; END`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = await isPostgres(db);
  for (const table of CLIMATE_SUMMARY_TABLES) {
    if (postgres) {
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_climate_data_version ON ${table}`).execute(db);
    } else {
      for (const event of ['insert', 'update', 'delete']) {
        await sql.raw(`DROP TRIGGER IF EXISTS ${table}_climate_data_version_${event}`).execute(db);
      }
    }
  }
  if (postgres) await sql.raw('DROP FUNCTION IF EXISTS bump_climate_data_version()').execute(db);
  await db.schema.dropTable('data_versions').execute();
}
