import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers';

/**
 * Which governments a change of the climate data touched (issue 13): beside the network-wide
 * version of migration 0025, each government the summary shows gets the version of the last
 * write to its rows, raised by triggers in the same transaction as the write. A server that has
 * assessed the network at version S asks for the governments changed since (`version > S`, an
 * indexed range) and assesses those again, not the whole network: the first summary after a
 * write costs one government, not ten thousand.
 *
 * The government is the row's own id in governments, its government_id elsewhere; an update
 * marks both the old and the new one (a merge moves rows between governments). Regions are
 * not per government: the summary reads that small table afresh whenever the network version
 * moves (0025 still raises it for regions).
 *
 * A trigger raises the network version itself before it records it, so the recorded version is
 * never older than the network's in that transaction, whatever order triggers run in. Versions
 * are handed out under the data_versions row's lock, so they follow the order of commits: a
 * server that read version S has seen every change recorded at S or below.
 */

/** The tables the summary reads per government, with the column naming the government. */
export const CLIMATE_GOVERNMENT_TABLES = [
  ['governments', 'id'],
  ['government_names', 'government_id'],
  ['memberships', 'government_id'],
  ['climate_targets', 'government_id'],
  ['inventories', 'government_id'],
  ['emission_reports', 'government_id'],
] as const;

const EVENTS = ['insert', 'update', 'delete'] as const;

const BUMP = `UPDATE data_versions SET version = version + 1 WHERE name = 'climate'`;

function sqliteMark(ref: string): string {
  return `INSERT INTO climate_gov_versions (government_id, version)
    SELECT ${ref}, version FROM data_versions WHERE name = 'climate'
    ON CONFLICT (government_id) DO UPDATE SET version = excluded.version;`;
}

const PG_FUNCTION = `CREATE FUNCTION mark_climate_governments() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v bigint;
BEGIN
  ${BUMP} RETURNING version INTO v;
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE climate_gov_versions SET version = v;
    INSERT INTO climate_gov_versions (government_id, version)
      SELECT id, v FROM governments
      ON CONFLICT (government_id) DO UPDATE SET version = excluded.version;
  ELSIF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO climate_gov_versions (government_id, version)
      SELECT DISTINCT %I, $1 FROM new_rows
      ON CONFLICT (government_id) DO UPDATE SET version = excluded.version', TG_ARGV[0]) USING v;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO climate_gov_versions (government_id, version)
      SELECT DISTINCT %I, $1 FROM old_rows
      ON CONFLICT (government_id) DO UPDATE SET version = excluded.version', TG_ARGV[0]) USING v;
  ELSE
    EXECUTE format('INSERT INTO climate_gov_versions (government_id, version)
      SELECT %1$I, $1 FROM new_rows UNION SELECT %1$I, $1 FROM old_rows
      ON CONFLICT (government_id) DO UPDATE SET version = excluded.version', TG_ARGV[0]) USING v;
  END IF;
  RETURN NULL;
END $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('climate_gov_versions')
    .addColumn('government_id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('climate_gov_versions_version')
    .on('climate_gov_versions')
    .column('version')
    .execute();
  if (await isPostgres(db)) {
    // Once per statement, with the statement's rows (an import of thousands marks each
    // government once); a transition table needs one trigger per event.
    await sql.raw(PG_FUNCTION).execute(db);
    for (const [table, column] of CLIMATE_GOVERNMENT_TABLES) {
      const name = `${table}_climate_governments`;
      const run = `FOR EACH STATEMENT EXECUTE FUNCTION mark_climate_governments('${column}')`;
      await sql
        .raw(
          `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows ${run}`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows ${run}`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${name}_update AFTER UPDATE ON ${table}
           REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows ${run}`,
        )
        .execute(db);
      await sql
        .raw(`CREATE TRIGGER ${name}_truncate AFTER TRUNCATE ON ${table} ${run}`)
        .execute(db);
    }
    return;
  }
  // SQLite: row triggers, one write at a time. Each raises the network version itself, so
  // migration 0025's triggers on these tables (a second raise per row) go.
  for (const [table, column] of CLIMATE_GOVERNMENT_TABLES) {
    for (const event of EVENTS) {
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_climate_data_version_${event}`).execute(db);
    }
    const name = `${table}_climate_governments`;
    await sql
      .raw(
        `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table}
         BEGIN ${BUMP}; ${sqliteMark(`NEW.${column}`)} END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${table}
         BEGIN ${BUMP}; ${sqliteMark(`OLD.${column}`)} END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${name}_update AFTER UPDATE ON ${table}
         BEGIN ${BUMP}; ${sqliteMark(`OLD.${column}`)} ${sqliteMark(`NEW.${column}`)} END`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = await isPostgres(db);
  for (const [table] of CLIMATE_GOVERNMENT_TABLES) {
    for (const event of ['insert', 'delete', 'update', 'truncate']) {
      const name = `${table}_climate_governments_${event}`;
      await sql.raw(`DROP TRIGGER IF EXISTS ${name}${postgres ? ` ON ${table}` : ''}`).execute(db);
    }
  }
  if (postgres) {
    await sql.raw('DROP FUNCTION IF EXISTS mark_climate_governments()').execute(db);
  } else {
    // Migration 0025's triggers as they were.
    for (const [table] of CLIMATE_GOVERNMENT_TABLES) {
      for (const event of EVENTS) {
        await sql
          .raw(
            `CREATE TRIGGER ${table}_climate_data_version_${event} AFTER ${event.toUpperCase()} ON ${table}
             BEGIN ${BUMP}; END`,
          )
          .execute(db);
      }
    }
  }
  await db.schema.dropTable('climate_gov_versions').execute();
}
