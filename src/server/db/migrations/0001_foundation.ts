import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers';

/** Regions, offices, governments with their names, people, memberships, users, audit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  const table = (name: string) => withId(db.schema.createTable(name), pg);

  await table('regions')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await table('offices')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('fax', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('offices_region').on('offices').column('region_id').execute();

  await table('governments')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('local_lang', 'text', (c) => c.notNull())
    .addColumn('population', 'bigint')
    .addColumn('population_year', 'integer')
    .addColumn('area_km2', 'double precision')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('unlocode', 'text')
    .addColumn('cdp_account', 'text', (c) => c.unique())
    .addColumn('website', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('governments_region').on('governments').column('region_id').execute();
  await db.schema.createIndex('governments_country').on('governments').column('country').execute();

  await table('government_names')
    .addColumn('government_id', 'integer', (c) =>
      c.notNull().references('governments.id').onDelete('cascade'),
    )
    .addColumn('lang', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .execute();
  // Covers the directory's "name in the viewer's language" sort without touching the table.
  await db.schema
    .createIndex('government_names_government')
    .on('government_names')
    .columns(['government_id', 'kind', 'lang', 'search_key'])
    .execute();
  await db.schema
    .createIndex('government_names_search')
    .on('government_names')
    .column('search_key')
    .execute();

  await table('people')
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('email', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A position is held in a government (mayor) or in an office of the network (secretary general).
  await table('positions')
    .addColumn('government_id', 'integer', (c) =>
      c.references('governments.id').onDelete('cascade'),
    )
    .addColumn('office_id', 'integer', (c) => c.references('offices.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('people.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .execute();
  await db.schema
    .createIndex('positions_government')
    .on('positions')
    .column('government_id')
    .execute();
  await db.schema.createIndex('positions_person').on('positions').column('person_id').execute();

  await table('memberships')
    .addColumn('government_id', 'integer', (c) =>
      c.notNull().unique().references('governments.id').onDelete('cascade'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .execute();
  await db.schema
    .createIndex('memberships_category')
    .on('memberships')
    .column('category')
    .execute();

  await table('users')
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('government_id', 'integer', (c) => c.references('governments.id'))
    .addColumn('locale', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await table('api_tokens')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .execute();

  await table('audit_log')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'settings',
    'audit_log',
    'api_tokens',
    'sessions',
    'users',
    'memberships',
    'positions',
    'people',
    'government_names',
    'governments',
    'offices',
    'regions',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
