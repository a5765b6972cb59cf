import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers';

/**
 * Two more network-wide data versions in `data_versions` (migration 0025 made the table and the
 * climate summary's), raised by triggers in the same transaction as any write to the tables the
 * public pages read (issue 13, point 4). The server keeps each page's answer serialized beside
 * the version it was computed at (src/server/http/answer-cache.ts), so an unchanged page is
 * answered from memory after one indexed read, and a write made by anyone — a service, an
 * import, a merge, the command line, another server — shows on the next request.
 *
 * - `directory`: the directory's pages and a government's profile (names, membership, region,
 *   office holders and their people, the directory's order).
 * - `government-climate`: a government's targets and emissions series (the government's row,
 *   its targets, inventories and reports, and the accounts that name who entered a report).
 */
export const PAGE_DATA_VERSIONS = ['directory', 'government-climate'] as const;

/** Which versions a write to each table raises (and, for users, only the columns shown). */
export const PAGE_VERSION_TABLES: Record<
  string,
  { versions: readonly (typeof PAGE_DATA_VERSIONS)[number][]; columns?: readonly string[] }
> = {
  regions: { versions: ['directory'] },
  governments: { versions: ['directory', 'government-climate'] },
  government_names: { versions: ['directory'] },
  government_sort_names: { versions: ['directory'] },
  memberships: { versions: ['directory'] },
  people: { versions: ['directory'] },
  positions: { versions: ['directory'] },
  climate_targets: { versions: ['government-climate'] },
  inventories: { versions: ['government-climate'] },
  emission_reports: { versions: ['government-climate'] },
  // How a report's "entered by" is shown: the account's name, role or address.
  users: { versions: ['government-climate'], columns: ['email', 'display_name', 'role'] },
};

const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');
const bump = (names: readonly string[]) =>
  `UPDATE data_versions SET version = version + 1 WHERE name IN (${quoted(names)})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of PAGE_DATA_VERSIONS) {
    await sql`INSERT INTO data_versions (name, version) VALUES (${name}, 0)`.execute(db);
  }
  if (await isPostgres(db)) {
    // Once per statement, as 0025's: a bulk write raises each version once. Before the
    // statement, and with every version's row taken first in one order (see migration 0032):
    // a writer queues for them while it holds no row of the table, and two writers never take
    // two versions in crossing orders, so the versions cannot deadlock anyone.
    await sql
      .raw(
        `CREATE FUNCTION bump_page_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM 1 FROM data_versions ORDER BY name FOR UPDATE;
           UPDATE data_versions SET version = version + 1 WHERE name = ANY (TG_ARGV);
           RETURN NULL;
         END $$`,
      )
      .execute(db);
    for (const [table, { versions, columns }] of Object.entries(PAGE_VERSION_TABLES)) {
      const update = columns ? `UPDATE OF ${columns.join(', ')}` : 'UPDATE';
      await sql
        .raw(
          `CREATE TRIGGER ${table}_page_data_versions
           BEFORE INSERT OR ${update} OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION bump_page_data_versions(${quoted(versions)})`,
        )
        .execute(db);
    }
    return;
  }
  for (const [table, { versions, columns }] of Object.entries(PAGE_VERSION_TABLES)) {
    for (const event of ['insert', 'update', 'delete']) {
      const on =
        event === 'update' && columns ? `UPDATE OF ${columns.join(', ')}` : event.toUpperCase();
      await sql
        .raw(
          `CREATE TRIGGER ${table}_page_data_versions_${event} AFTER ${on} ON ${table}
           BEGIN ${bump(versions)}; END`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = await isPostgres(db);
  for (const table of Object.keys(PAGE_VERSION_TABLES)) {
    if (postgres) {
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_page_data_versions ON ${table}`).execute(db);
    } else {
      for (const event of ['insert', 'update', 'delete']) {
        await sql.raw(`DROP TRIGGER IF EXISTS ${table}_page_data_versions_${event}`).execute(db);
      }
    }
  }
  if (postgres) await sql.raw('DROP FUNCTION IF EXISTS bump_page_data_versions()').execute(db);
  await sql
    .raw(`DELETE FROM data_versions WHERE name IN (${quoted(PAGE_DATA_VERSIONS)})`)
    .execute(db);
}
