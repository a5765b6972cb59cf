import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './database';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_climate';
import * as m0003 from './migrations/0003_governance';
import * as m0004 from './migrations/0004_integrity';
import * as m0005 from './migrations/0005_sign_in';
import * as m0006 from './migrations/0006_import_runs';
import * as m0007 from './migrations/0007_calendar_feeds';
import * as m0008 from './migrations/0008_record_versions';
import * as m0009 from './migrations/0009_import_layouts';
import * as m0010 from './migrations/0010_import_encoding';
import * as m0011 from './migrations/0011_report_sources';
import * as m0012 from './migrations/0012_government_merges';
import * as m0013 from './migrations/0013_import_row_fields';
import * as m0014 from './migrations/0014_duplicate_dismissals';
import * as m0015 from './migrations/0015_mail_delivery';
import * as m0016 from './migrations/0016_membership_fees';
import * as m0017 from './migrations/0017_applications';
import * as m0018 from './migrations/0018_import_reasons';
import * as m0019 from './migrations/0019_invoice_cancel';
import * as m0020 from './migrations/0020_invoice_cancel_cause';
import * as m0021 from './migrations/0021_office_zones_confirmations';
import * as m0022 from './migrations/0022_texts_by_language';
import * as m0023 from './migrations/0023_import_new_governments';
import * as m0024 from './migrations/0024_name_search';
import * as m0025 from './migrations/0025_climate_data_version';
import * as m0026 from './migrations/0026_ballot_box_by_key';
import * as m0028 from './migrations/0028_government_sort_names';
import * as m0029 from './migrations/0029_climate_gov_versions';
import * as m0030 from './migrations/0030_page_data_versions';
import * as m0032 from './migrations/0032_climate_version_before';
import * as m0033 from './migrations/0033_ballot_box_sealed';

/** Every migration, in order. Listed here (not read from disk) so bundling and tsx agree. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_climate': m0002,
  '0003_governance': m0003,
  '0004_integrity': m0004,
  '0005_sign_in': m0005,
  '0006_import_runs': m0006,
  '0007_calendar_feeds': m0007,
  '0008_record_versions': m0008,
  '0009_import_layouts': m0009,
  '0010_import_encoding': m0010,
  '0011_report_sources': m0011,
  '0012_government_merges': m0012,
  '0013_import_row_fields': m0013,
  '0014_duplicate_dismissals': m0014,
  '0015_mail_delivery': m0015,
  '0016_membership_fees': m0016,
  '0017_applications': m0017,
  '0018_import_reasons': m0018,
  '0019_invoice_cancel': m0019,
  '0020_invoice_cancel_cause': m0020,
  '0021_office_zones_confirmations': m0021,
  '0022_texts_by_language': m0022,
  '0023_import_new_governments': m0023,
  '0024_name_search': m0024,
  '0025_climate_data_version': m0025,
  '0026_ballot_box_by_key': m0026,
  '0028_government_sort_names': m0028,
  '0029_climate_gov_versions': m0029,
  '0030_page_data_versions': m0030,
  '0032_climate_version_before': m0032,
  '0033_ballot_box_sealed': m0033,
};

/** The names of every migration this build knows, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `migration ${failed?.migrationName ?? '?'} failed: ${err.message}`;
    throw err;
  }
  return result;
}

/** Brings the schema to the named migration (tests of a migration on data written before it). */
export async function migrateTo(db: Db, name: string): Promise<MigrationResultSet> {
  const result = await new Migrator({ db: db.kysely, provider }).migrateTo(name);
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}
