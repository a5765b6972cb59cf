import { sql, type Kysely } from 'kysely';
import { CLIMATE_SUMMARY_TABLES } from './0025_climate_data_version';
import { isPostgres } from './helpers';

const BUMP = `UPDATE data_versions SET version = version + 1 WHERE name = 'climate'`;

/**
 * On PostgreSQL, the climate data version (migration 0025) is raised BEFORE each statement
 * instead of after it. Raised after, a statement first locked the rows it changed and only then
 * queued for the version's row, held by whichever transaction wrote climate data first; when
 * that transaction went on to change one of those rows, each waited for the other and PostgreSQL
 * aborted one (a deadlock that two plain updates of the same rows never cause). Raised before,
 * a writer queues for the version while it holds no row of the table yet, so the first writer
 * finishes and the second follows. The version still moves in the writing transaction, so a
 * reader sees the new version together with the new rows, never one without the other.
 *
 * SQLite is unchanged: it runs one writing transaction at a time, so nothing can wait in a cycle.
 */
/** The climate version's function, with or without taking every version's row first. */
async function defineBump(db: Kysely<unknown>, lockAllFirst: boolean): Promise<void> {
  const lock = lockAllFirst ? 'PERFORM 1 FROM data_versions ORDER BY name FOR UPDATE;' : '';
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION bump_climate_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN ${lock} ${BUMP}; RETURN NULL; END $$`,
    )
    .execute(db);
}

/** Each summary table's trigger, fired before or after its statement. */
async function placeTriggers(db: Kysely<unknown>, timing: 'BEFORE' | 'AFTER'): Promise<void> {
  for (const table of CLIMATE_SUMMARY_TABLES) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_climate_data_version ON ${table}`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_climate_data_version
         ${timing} INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION bump_climate_data_version()`,
      )
      .execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  // Every version's row first, in one order, as the page versions' triggers do (0030): a
  // writer of two areas' tables and a writer of the same in the other order would otherwise
  // each hold one version and wait for the other's.
  await defineBump(db, true);
  await placeTriggers(db, 'BEFORE');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  await defineBump(db, false);
  await placeTriggers(db, 'AFTER');
}
