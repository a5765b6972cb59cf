import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { searchKey } from '../../../core/names';
import type {
  Database,
  GovernmentNameTable,
  MembershipTable,
  PositionTable,
  UserTable,
} from '../../db/schema';
import { DEMO_NETWORK, DEMO_REGIONS, type DemoNetwork, type DemoRegion } from './data';

export { REGION_SLUGS } from './data';

export interface SeedResult {
  seeded: boolean;
  regions: number;
  offices: number;
  governments: number;
  people: number;
  users: number;
}

export interface SeedOptions {
  /** ISO 8601 timestamp written to created_at, updated_at and the audit row. */
  now: string;
  hashPassword(plain: string): Promise<string>;
}

const NOTHING: SeedResult = {
  seeded: false,
  regions: 0,
  offices: 0,
  governments: 0,
  people: 0,
  users: 0,
};

/** Rows per INSERT: well under SQLite's bound-parameter limit and PostgreSQL's 65,535. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

type Db = Kysely<Database> | Transaction<Database>;

async function hasRegions(db: Db): Promise<boolean> {
  return (await db.selectFrom('regions').select('id').limit(1).executeTakeFirst()) !== undefined;
}

async function alreadySeeded(db: Db): Promise<boolean> {
  const demo = await db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  return demo !== undefined || (await hasRegions(db));
}

async function insertRegions(
  trx: Transaction<Database>,
  regions: readonly DemoRegion[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(regions)) {
    const rows = await trx
      .insertInto('regions')
      .values(part.map((r) => ({ slug: r.slug, name: r.name, sort_order: r.sortOrder })))
      .returning(['id', 'slug'])
      .execute();
    for (const r of rows) ids.set(r.slug, r.id);
  }
  return ids;
}

function need(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo seed: no ${what} "${key}"`);
  return id;
}

/**
 * Loads the demo network into an empty database in one transaction: regions, offices,
 * governments with their names and memberships, people and their positions, one officer
 * per RexCom member, an audit row and the `demo` setting. Does nothing (and says so) when
 * the database already has regions or the demo setting, so it is safe on every start.
 */
export async function seedDemoNetwork(
  db: Kysely<Database>,
  options: SeedOptions,
  network: DemoNetwork = DEMO_NETWORK,
): Promise<SeedResult> {
  // Cheap check first so that a normal restart does not spend time hashing passwords.
  if (await alreadySeeded(db)) return NOTHING;

  // Nobody knows these passwords: officers get in through a reset or an admin-set password.
  const hashes = await Promise.all(
    network.users.map(() => options.hashPassword(randomBytes(32).toString('base64url'))),
  );

  return db.transaction().execute(async (trx) => {
    // Checked again inside the transaction in case two processes start at once.
    if (await alreadySeeded(trx)) return NOTHING;
    const { now } = options;

    const regionIds = await insertRegions(trx, network.regions);

    const officeIds = new Map<string, number>();
    for (const part of chunks(network.offices.map((o, i) => ({ o, i })))) {
      const rows = await trx
        .insertInto('offices')
        .values(
          part.map(({ o, i }) => ({
            slug: o.slug,
            region_id: need(regionIds, o.region, 'region'),
            kind: o.kind,
            name: o.name,
            address: o.address,
            city: o.city,
            country: o.country,
            phone: o.phone,
            fax: o.fax,
            email: o.email,
            website: o.website,
            latitude: o.latitude,
            longitude: o.longitude,
            sort_order: i,
          })),
        )
        .returning(['id', 'slug'])
        .execute();
      for (const r of rows) officeIds.set(r.slug, r.id);
    }

    const govIds = new Map<string, number>();
    for (const part of chunks(network.governments)) {
      const rows = await trx
        .insertInto('governments')
        .values(
          part.map((g) => ({
            slug: g.slug,
            kind: g.kind,
            country: g.country,
            region_id: need(regionIds, g.region, 'region'),
            local_lang: g.localLang,
            population: g.population,
            population_year: g.populationYear,
            area_km2: g.areaKm2,
            latitude: g.latitude,
            longitude: g.longitude,
            unlocode: g.unlocode,
            cdp_account: g.cdpAccount,
            website: g.website,
            is_demo: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'slug'])
        .execute();
      for (const r of rows) govIds.set(r.slug, r.id);
    }

    const names: Insertable<GovernmentNameTable>[] = [];
    const memberships: Insertable<MembershipTable>[] = [];
    for (const g of network.governments) {
      const government_id = need(govIds, g.slug, 'government');
      for (const [lang, name] of Object.entries(g.names)) {
        names.push({ government_id, lang, kind: 'name', name, search_key: searchKey(name) });
      }
      for (const name of g.aliases) {
        names.push({ government_id, lang: null, kind: 'alias', name, search_key: searchKey(name) });
      }
      memberships.push({
        government_id,
        category: g.membership.category,
        status: g.membership.status,
        since: g.membership.since,
      });
    }
    for (const part of chunks(names))
      await trx.insertInto('government_names').values(part).execute();
    for (const part of chunks(memberships)) {
      await trx.insertInto('memberships').values(part).execute();
    }

    // People have no slug; their full names are unique in the demo data (checkDemoNetwork).
    const personIds = new Map<string, number>();
    for (const part of chunks(network.people)) {
      const rows = await trx
        .insertInto('people')
        .values(
          part.map((p) => ({
            full_name: p.fullName,
            names: JSON.stringify(p.names),
            email: null,
            is_demo: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'full_name'])
        .execute();
      for (const r of rows) personIds.set(r.full_name, r.id);
    }

    const positions: Insertable<PositionTable>[] = network.people.flatMap((p) =>
      p.positions.map((pos) => ({
        person_id: need(personIds, p.fullName, 'person'),
        government_id: pos.government === null ? null : need(govIds, pos.government, 'government'),
        office_id: pos.office === null ? null : need(officeIds, pos.office, 'office'),
        title: pos.title,
        start_date: pos.startDate,
        end_date: pos.endDate,
      })),
    );
    for (const part of chunks(positions)) await trx.insertInto('positions').values(part).execute();

    const users: Insertable<UserTable>[] = network.users.map((u, i) => ({
      email: u.email,
      display_name: u.displayName,
      password_hash: hashes[i] ?? '',
      role: u.role,
      government_id: need(govIds, u.government, 'government'),
      locale: u.locale,
      disabled: 0,
      created_at: now,
      updated_at: now,
    }));
    for (const part of chunks(users)) await trx.insertInto('users').values(part).execute();

    const result: SeedResult = {
      seeded: true,
      regions: regionIds.size,
      offices: officeIds.size,
      governments: govIds.size,
      people: personIds.size,
      users: users.length,
    };

    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        actor_user_id: null,
        actor_label: 'system',
        action: 'create',
        entity_type: 'network',
        entity_id: 'demo',
        summary: 'Demo network loaded',
        before_json: null,
        after_json: JSON.stringify({
          regions: result.regions,
          offices: result.offices,
          governments: result.governments,
          people: result.people,
          users: result.users,
        }),
      })
      .execute();
    await trx.insertInto('settings').values({ key: 'demo', value: 'true' }).execute();

    return result;
  });
}

/**
 * Inserts the regions alone, for a start without the demo: every government and office
 * needs a region. Does nothing when regions exist. Returns how many it inserted.
 */
export async function regionsOnly(db: Kysely<Database>, now: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (await hasRegions(trx)) return 0;
    const ids = await insertRegions(trx, DEMO_REGIONS);
    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        actor_user_id: null,
        actor_label: 'system',
        action: 'create',
        entity_type: 'network',
        entity_id: 'regions',
        summary: 'Regions loaded',
        before_json: null,
        after_json: JSON.stringify({ regions: ids.size }),
      })
      .execute();
    return ids.size;
  });
}
