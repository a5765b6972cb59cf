import { randomBytes } from 'node:crypto';
import { searchKey } from '../../../core/names';
import type { Store } from '../../store';
import { DEMO_NETWORK, DEMO_REGIONS, type DemoNetwork, type DemoRegion } from './data';
import { DEMO_OFFICE_NAMES } from './translations';

export { REGION_SLUGS } from './data';

/** The rows a bulk writer takes. */
type Rows<W extends (rows: never) => unknown> = Parameters<W>[0];

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

async function alreadySeeded(db: Store): Promise<boolean> {
  return (await db.health.settingValue('demo')) !== null || (await db.members.hasRegions());
}

/** Inserts the regions; returns their ids by slug. */
async function insertRegions(
  tx: Store,
  regions: readonly DemoRegion[],
): Promise<Map<string, number>> {
  await tx.members.insertRegions(
    regions.map((r) => ({ slug: r.slug, name: r.name, sort_order: r.sortOrder })),
  );
  const all = await tx.members.regionIdsBySlug();
  return new Map(regions.map((r) => [r.slug, need(all, r.slug, 'region')]));
}

/** Keys paired with the ids a bulk writer returned in the same order. */
function byKey(keys: string[], ids: number[]): Map<string, number> {
  if (keys.length !== ids.length) throw new Error('demo seed: ids do not match the rows inserted');
  return new Map(keys.map((key, i) => [key, ids[i] as number]));
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
 * Writes through each table's repository (src/server/db/table-owners.ts).
 */
export async function seedDemoNetwork(
  db: Store,
  options: SeedOptions,
  network: DemoNetwork = DEMO_NETWORK,
): Promise<SeedResult> {
  // Cheap check first so that a normal restart does not spend time hashing passwords.
  if (await alreadySeeded(db)) return NOTHING;

  // Nobody knows these passwords: officers get in through a reset or an admin-set password.
  const hashes = await Promise.all(
    network.users.map(() => options.hashPassword(randomBytes(32).toString('base64url'))),
  );

  return db.transaction(async (tx) => {
    // Checked again inside the transaction in case two processes start at once.
    if (await alreadySeeded(tx)) return NOTHING;
    const { now } = options;

    const regionIds = await insertRegions(tx, network.regions);

    const officeIdList = await tx.offices.insertOffices(
      network.offices.map((o, i) => ({
        slug: o.slug,
        region_id: need(regionIds, o.region, 'region'),
        kind: o.kind,
        name: o.name,
        names: JSON.stringify(DEMO_OFFICE_NAMES[o.slug] ?? { en: o.name }),
        address: o.address,
        city: o.city,
        country: o.country,
        phone: o.phone,
        fax: o.fax,
        email: o.email,
        website: o.website,
        latitude: o.latitude,
        longitude: o.longitude,
        time_zone: o.timeZone,
        sort_order: i,
      })),
    );
    const officeIds = byKey(
      network.offices.map((o) => o.slug),
      officeIdList,
    );

    const govIdList = await tx.members.insertGovernments(
      network.governments.map((g) => ({
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
    );
    const govIds = byKey(
      network.governments.map((g) => g.slug),
      govIdList,
    );

    const names: Rows<Store['members']['insertGovernmentNames']> = [];
    const memberships: Rows<Store['members']['insertMemberships']> = [];
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
    await tx.members.insertGovernmentNames(names);
    await tx.members.insertMemberships(memberships);

    // People have no slug; their full names are unique in the demo data (checkDemoNetwork).
    const personIdList = await tx.people.insertPeople(
      network.people.map((p) => ({
        full_name: p.fullName,
        names: JSON.stringify(p.names),
        email: null,
        is_demo: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    const personIds = byKey(
      network.people.map((p) => p.fullName),
      personIdList,
    );

    const positions: Rows<Store['people']['insertPositions']> = network.people.flatMap((p) =>
      p.positions.map((pos) => ({
        person_id: need(personIds, p.fullName, 'person'),
        government_id: pos.government === null ? null : need(govIds, pos.government, 'government'),
        office_id: pos.office === null ? null : need(officeIds, pos.office, 'office'),
        title: pos.title,
        start_date: pos.startDate,
        end_date: pos.endDate,
      })),
    );
    await tx.people.insertPositions(positions);

    const users: Rows<Store['users']['insertUsers']> = network.users.map((u, i) => ({
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
    await tx.users.insertUsers(users);

    const result: SeedResult = {
      seeded: true,
      regions: regionIds.size,
      offices: officeIds.size,
      governments: govIds.size,
      people: personIds.size,
      users: users.length,
    };

    await tx.audit.insertAudit({
      at: now,
      actorUserId: null,
      actorLabel: 'system',
      action: 'create',
      entityType: 'network',
      entityId: 'demo',
      summary: 'Demo network loaded',
      before: null,
      after: {
        regions: result.regions,
        offices: result.offices,
        governments: result.governments,
        people: result.people,
        users: result.users,
      },
    });
    await tx.health.putSetting('demo', 'true');

    return result;
  });
}

/**
 * Inserts the regions alone, for a start without the demo: every government and office
 * needs a region. Does nothing when regions exist. Returns how many it inserted.
 */
export async function regionsOnly(db: Store, now: string): Promise<number> {
  return db.transaction(async (tx) => {
    if (await tx.members.hasRegions()) return 0;
    const ids = await insertRegions(tx, DEMO_REGIONS);
    await tx.audit.insertAudit({
      at: now,
      actorUserId: null,
      actorLabel: 'system',
      action: 'create',
      entityType: 'network',
      entityId: 'regions',
      summary: 'Regions loaded',
      before: null,
      after: { regions: ids.size },
    });
    return ids.size;
  });
}
