import { sql, type Kysely } from 'kysely';

/**
 * Time zones and confirmations (issue 12):
 *
 * - `offices.time_zone`: the IANA zone of the office's city (e.g. Asia/Seoul). A governing
 *   body's meetings default to the zone of its region's secretariat (the world secretariat for
 *   a body of the whole network): the office, not the region, owns the zone, because a region
 *   spans several zones and an office sits in one city. Null until someone sets it.
 * - `offices.version`: offices become editable (their zone), so they carry a version like every
 *   editable record (an If-Match names it).
 * - `positions.confirmed_on`: the last day someone confirmed that the holder still holds the
 *   position (ISO date); null when never. "Not confirmed since" counts from it.
 *
 * The network's offices as the demo seeds them (slugs of the footer's offices) are given the
 * zone of their city, as reference data: a database made before this migration has them too.
 */
export const OFFICE_ZONES: Readonly<Record<string, string>> = {
  'world-secretariat': 'Europe/Berlin',
  'european-secretariat': 'Europe/Berlin',
  'brussels-office': 'Europe/Brussels',
  'africa-secretariat': 'Africa/Johannesburg',
  'canada-office': 'America/Toronto',
  'usa-office': 'America/Denver',
  'mexico-central-america-caribbean-secretariat': 'America/Mexico_City',
  'south-america-secretariat': 'America/Sao_Paulo',
  'south-asia-secretariat': 'Asia/Kolkata',
  'east-asia-secretariat': 'Asia/Seoul',
  'japan-office': 'Asia/Tokyo',
  'korea-office': 'Asia/Seoul',
  'southeast-asia-secretariat': 'Asia/Manila',
  'indonesia-project-office': 'Asia/Jakarta',
  'oceania-secretariat': 'Australia/Melbourne',
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('offices').addColumn('time_zone', 'text').execute();
  await db.schema
    .alterTable('offices')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('positions').addColumn('confirmed_on', 'text').execute();
  for (const [slug, zone] of Object.entries(OFFICE_ZONES)) {
    await sql`UPDATE offices SET time_zone = ${zone} WHERE slug = ${slug} AND time_zone IS NULL`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('positions').dropColumn('confirmed_on').execute();
  await db.schema.alterTable('offices').dropColumn('version').execute();
  await db.schema.alterTable('offices').dropColumn('time_zone').execute();
}
