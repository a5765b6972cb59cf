import type { Kysely } from 'kysely';
import { GPC_SECTORS, GPC_SUBCATEGORIES, GPC_SUBSECTORS } from '../../../core/climate/gpc';
import { isPostgres, withId } from './helpers';

/**
 * Climate records: targets, GPC inventories with entries, externally reported totals,
 * actions, the version history of every climate record, and import runs.
 * Lists (gases, scopes, sectors, initiatives, SDGs) are JSON text: read whole, never queried into.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  const table = (name: string) => withId(db.schema.createTable(name), pg);

  await db.schema.alterTable('governments').addColumn('nzt_id', 'text').execute();
  await db.schema
    .createIndex('governments_nzt_id')
    .on('governments')
    .column('nzt_id')
    .unique()
    .execute();

  // GPC 1.1 reference: the tables inventories are entered against. Inventory entries must
  // name one of these subcategories (foreign key), so no line can fall outside the standard.
  // Seeded from src/core/climate/gpc.ts as it stands; a later change to the reference comes
  // with a migration of its own.
  await db.schema
    .createTable('gpc_sectors')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('gpc_subsectors')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('sector', 'text', (c) => c.notNull().references('gpc_sectors.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('gpc_subcategories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('sector', 'text', (c) => c.notNull().references('gpc_sectors.code'))
    .addColumn('subsector', 'text', (c) => c.notNull().references('gpc_subsectors.code'))
    .addColumn('scope', 'integer', (c) => c.notNull())
    .addColumn('basic', 'integer', (c) => c.notNull())
    .addColumn('basic_plus', 'integer', (c) => c.notNull())
    .addColumn('territorial_only', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  const ref = db as Kysely<{
    gpc_sectors: { code: string; name: string; sort_order: number };
    gpc_subsectors: { code: string; sector: string; name: string; sort_order: number };
    gpc_subcategories: {
      code: string;
      sector: string;
      subsector: string;
      scope: number;
      basic: number;
      basic_plus: number;
      territorial_only: number;
      sort_order: number;
    };
  }>;
  await ref
    .insertInto('gpc_sectors')
    .values(GPC_SECTORS.map((s, i) => ({ code: s.code, name: s.name, sort_order: i })))
    .execute();
  await ref
    .insertInto('gpc_subsectors')
    .values(
      GPC_SUBSECTORS.map((s, i) => ({
        code: s.code,
        sector: s.sector,
        name: s.name,
        sort_order: i,
      })),
    )
    .execute();
  await ref
    .insertInto('gpc_subcategories')
    .values(
      GPC_SUBCATEGORIES.map((s, i) => ({
        code: s.code,
        sector: s.sector,
        subsector: s.subsector,
        scope: s.scope,
        basic: s.basic ? 1 : 0,
        basic_plus: s.basicPlus ? 1 : 0,
        territorial_only: s.territorialOnly ? 1 : 0,
        sort_order: i,
      })),
    )
    .execute();

  await table('climate_targets')
    .addColumn('government_id', 'integer', (c) =>
      c.notNull().references('governments.id').onDelete('cascade'),
    )
    .addColumn('parent_target_id', 'integer', (c) =>
      c.references('climate_targets.id').onDelete('set null'),
    )
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('net_zero_label', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('base_year', 'integer')
    .addColumn('base_emissions', 'double precision')
    .addColumn('target_year', 'integer')
    .addColumn('reduction_percent', 'double precision')
    .addColumn('target_emissions', 'double precision')
    .addColumn('bau_emissions', 'double precision')
    .addColumn('base_intensity', 'double precision')
    .addColumn('intensity_unit', 'text')
    .addColumn('fuel', 'text')
    .addColumn('share_percent', 'double precision')
    .addColumn('pollutant', 'text')
    .addColumn('level_value', 'double precision')
    .addColumn('level_unit', 'text')
    .addColumn('coverage_gases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('coverage_scopes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('coverage_sectors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('boundary', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date_set', 'text')
    .addColumn('source_url', 'text')
    .addColumn('source_document', 'text')
    .addColumn('initiatives', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('offsets_allowed', 'integer')
    .addColumn('self_reported_progress', 'double precision')
    .addColumn('self_reported_source', 'text')
    .addColumn('import_key', 'text', (c) => c.unique())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('climate_targets_government')
    .on('climate_targets')
    .columns(['government_id', 'target_year'])
    .execute();

  await table('inventories')
    .addColumn('government_id', 'integer', (c) =>
      c.notNull().references('governments.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('gwp_set', 'text', (c) => c.notNull())
    .addColumn('boundary', 'text', (c) => c.notNull().defaultTo('city-wide'))
    .addColumn('methodology', 'text', (c) => c.notNull().defaultTo('GPC 1.1'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('notes', 'text')
    .addColumn('is_illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    // Totals are recomputed on every write (and GWP change) and stored, so series and
    // dashboards never read entries.
    .addColumn('basic_total', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('basic_plus_total', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('totals', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inventories_government_year', ['government_id', 'year'])
    .execute();

  await table('inventory_entries')
    .addColumn('inventory_id', 'integer', (c) =>
      c.notNull().references('inventories.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull().references('gpc_subcategories.code'))
    .addColumn('gas', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision')
    .addColumn('notation_key', 'text')
    .addColumn('notes', 'text')
    .addUniqueConstraint('inventory_entries_line', ['inventory_id', 'code', 'gas'])
    .execute();

  // Totals reported elsewhere (CDP, national statistics), kept beside the member's own inventory.
  await table('emission_reports')
    .addColumn('government_id', 'integer', (c) =>
      c.notNull().references('governments.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('scope1', 'double precision')
    .addColumn('scope2', 'double precision')
    .addColumn('scope3', 'double precision')
    .addColumn('basic', 'double precision')
    .addColumn('basic_plus', 'double precision')
    .addColumn('total', 'double precision')
    .addColumn('gases', 'text')
    .addColumn('protocol', 'text')
    .addColumn('boundary', 'text')
    .addColumn('preferred', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('provenance', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('import_key', 'text', (c) => c.unique())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('emission_reports_government_year')
    .on('emission_reports')
    .columns(['government_id', 'year'])
    .execute();

  await table('climate_actions')
    .addColumn('government_id', 'integer', (c) =>
      c.notNull().references('governments.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('sector', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('expected_reduction', 'double precision')
    .addColumn('cost', 'double precision')
    .addColumn('cost_currency', 'text')
    .addColumn('co_benefits', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sdgs', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('climate_actions_government')
    .on('climate_actions')
    .column('government_id')
    .execute();

  await db.schema
    .createTable('action_targets')
    .addColumn('action_id', 'integer', (c) =>
      c.notNull().references('climate_actions.id').onDelete('cascade'),
    )
    .addColumn('target_id', 'integer', (c) =>
      c.notNull().references('climate_targets.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('action_targets_pk', ['action_id', 'target_id'])
    .execute();
  await db.schema
    .createIndex('action_targets_target')
    .on('action_targets')
    .column('target_id')
    .execute();

  // Every version of every climate record, whole, so any of them can be shown or restored.
  await table('record_versions')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text')
    .execute();
  await db.schema
    .createIndex('record_versions_entity')
    .on('record_versions')
    .columns(['entity_type', 'entity_id', 'version'])
    .execute();

  await table('import_runs')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('layout', 'text')
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await table('import_run_rows')
    .addColumn('run_id', 'integer', (c) =>
      c.notNull().references('import_runs.id').onDelete('cascade'),
    )
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('government', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('import_run_rows_run')
    .on('import_run_rows')
    .columns(['run_id', 'row_number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'import_run_rows',
    'import_runs',
    'record_versions',
    'action_targets',
    'climate_actions',
    'emission_reports',
    'inventory_entries',
    'inventories',
    'climate_targets',
    'gpc_subcategories',
    'gpc_subsectors',
    'gpc_sectors',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.dropIndex('governments_nzt_id').execute();
  await db.schema.alterTable('governments').dropColumn('nzt_id').execute();
}
