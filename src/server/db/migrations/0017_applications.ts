import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers';

/**
 * Membership applications (issue 11):
 *
 * - `applications`: what a government sent through the public form, and the step it has
 *   reached (src/core/applications.ts). `government_id` is set once it became a member.
 * - `application_steps`: every move, with who, when and a comment; the first row is the
 *   submission itself (no action, no previous step).
 * - `application_documents`: the council resolution and other papers, their bytes in the
 *   content-addressed upload store (media/storage.ts) under `storage_key`.
 * - `application_status_links`: the applicant's private status links, as SHA-256 hashes only
 *   (as sessions and API tokens); each letter carries a fresh one, all valid alike.
 * - `officer_invitations`: the set-password links sent to a new member's officers, hashed,
 *   each valid once and for seven days.
 *
 * Government ids here carry no foreign key, like government_merges: an application keeps
 * the id it was given even if that government is later merged into another (the invitation
 * then refuses, naming why), and merges need not move these rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  const table = (name: string) => withId(db.schema.createTable(name), pg);

  await table('applications')
    .addColumn('official_name', 'text', (c) => c.notNull())
    .addColumn('official_name_lang', 'text', (c) => c.notNull())
    .addColumn('english_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('population', 'bigint', (c) => c.notNull())
    .addColumn('population_year', 'integer', (c) => c.notNull())
    .addColumn('area_km2', 'double precision')
    .addColumn('budget_amount', 'double precision')
    .addColumn('budget_currency', 'text')
    .addColumn('website', 'text')
    .addColumn('cdp_account', 'text')
    .addColumn('head_name', 'text', (c) => c.notNull())
    .addColumn('head_title', 'text', (c) => c.notNull())
    .addColumn('head_elected_on', 'text')
    .addColumn('head_term_ends_on', 'text')
    .addColumn('political_name', 'text', (c) => c.notNull())
    .addColumn('political_title', 'text')
    .addColumn('political_email', 'text')
    .addColumn('political_phone', 'text')
    .addColumn('liaison_name', 'text', (c) => c.notNull())
    .addColumn('liaison_email', 'text', (c) => c.notNull())
    .addColumn('liaison_phone', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // The language the applicant chose: their letters and status page speak it.
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('government_id', 'integer')
    // Incremented by every move: a move takes the row first, so two moves queue.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('applications_step').on('applications').column('step').execute();
  await db.schema
    .createIndex('applications_country')
    .on('applications')
    .column('country')
    .execute();

  await table('application_steps')
    .addColumn('application_id', 'integer', (c) =>
      c.notNull().references('applications.id').onDelete('cascade'),
    )
    .addColumn('action', 'text')
    .addColumn('from_step', 'text')
    .addColumn('to_step', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    // 'applicant' (through the status link) or 'secretariat'.
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_steps_application')
    .on('application_steps')
    .column('application_id')
    .execute();

  await table('application_documents')
    .addColumn('application_id', 'integer', (c) =>
      c.notNull().references('applications.id').onDelete('cascade'),
    )
    // 'resolution' (the council's) or 'other'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_documents_application')
    .on('application_documents')
    .column('application_id')
    .execute();
  await db.schema
    .createIndex('application_documents_key')
    .on('application_documents')
    .column('storage_key')
    .execute();

  await table('application_status_links')
    .addColumn('application_id', 'integer', (c) =>
      c.notNull().references('applications.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();

  await table('officer_invitations')
    .addColumn('application_id', 'integer', (c) =>
      c.references('applications.id').onDelete('set null'),
    )
    .addColumn('government_id', 'integer', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('officer_invitations_government')
    .on('officer_invitations')
    .column('government_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'officer_invitations',
    'application_status_links',
    'application_documents',
    'application_steps',
    'applications',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
