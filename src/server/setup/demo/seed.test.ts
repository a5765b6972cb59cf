import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchKey } from '../../../core/names';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { StoreDb as Db } from '../../store';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import {
  checkDemoNetwork,
  DEMO_NETWORK,
  REXCOM_MEMBER_SLUGS,
  type DemoGovernment,
  type DemoNetwork,
} from './data';
import { REGION_SLUGS, regionsOnly, seedDemoNetwork } from './seed';

const NOW = '2024-01-02T03:04:05.000Z';

let db: Db;
let drop: () => Promise<void>;
let hashed: string[];
const options = {
  now: NOW,
  hashPassword: async (plain: string) => {
    hashed.push(plain);
    return `test-hash$${plain}`;
  },
};

async function count(table: keyof Database): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function counts() {
  const tables = [
    'regions',
    'offices',
    'governments',
    'government_names',
    'memberships',
    'people',
    'positions',
    'users',
    'audit_log',
    'settings',
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await count(t);
  return out;
}

/** Ids of governments with a name or alias containing the query, folded as the API folds it. */
async function findGovernments(q: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('government_names as n')
    .innerJoin('governments as g', 'g.id', 'n.government_id')
    .select('g.slug')
    .distinct()
    .where('n.search_key', 'like', `%${searchKey(q)}%`)
    .execute();
  return rows.map((r) => r.slug).sort();
}

describe('demo data', () => {
  const n = DEMO_NETWORK;

  it('passes its own checks', () => {
    expect(checkDemoNetwork(n)).toEqual([]);
  });

  it('has the regions, the footer offices and the article members', () => {
    expect(n.regions.map((r) => r.slug)).toEqual([...REGION_SLUGS]);
    expect(n.regions).toHaveLength(10);
    expect(n.offices).toHaveLength(15);
    expect(n.governments.length).toBeGreaterThanOrEqual(30);
    expect(n.people).toHaveLength(9);
    expect(n.users.map((u) => u.email)).toEqual(
      REXCOM_MEMBER_SLUGS.map((s) => `officer.${s}@accord.example`),
    );
  });

  it('keeps the invariants the database and API rely on', () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(n.regions.map((r) => r.slug))).toBe(true);
    expect(unique(n.offices.map((o) => o.slug))).toBe(true);
    expect(unique(n.governments.map((g) => g.slug))).toBe(true);
    const regions = new Set<string>(n.regions.map((r) => r.slug));
    for (const o of n.offices) {
      expect(o.country, o.slug).toMatch(/^[A-Z]{2}$/);
      expect(Math.abs(o.latitude), o.slug).toBeLessThanOrEqual(90);
      expect(Math.abs(o.longitude), o.slug).toBeLessThanOrEqual(180);
      expect(regions.has(o.region), o.slug).toBe(true);
    }
    for (const g of n.governments) {
      expect(g.country, g.slug).toMatch(/^[A-Z]{2}$/);
      expect(Math.abs(g.latitude), g.slug).toBeLessThanOrEqual(90);
      expect(Math.abs(g.longitude), g.slug).toBeLessThanOrEqual(180);
      expect(regions.has(g.region), g.slug).toBe(true);
    }
  });

  it('labels only the article members as members', () => {
    const members = n.governments.filter((g) => g.membership.category !== 'non-member');
    expect(members.map((g) => g.slug).sort()).toEqual([...REXCOM_MEMBER_SLUGS].sort());
    for (const g of members) expect(g.membership).toMatchObject({ category: 'full-member' });
    for (const g of n.governments.filter((x) => !members.includes(x))) {
      expect(g.membership.status).toBe('none');
    }
  });

  it('reports broken data', () => {
    const broken = structuredClone(n) as DemoNetwork;
    const kyoto = broken.governments.find((g) => g.slug === 'kyoto') as DemoGovernment;
    delete (kyoto.names as Record<string, string>).ja;
    kyoto.country = 'jp';
    kyoto.latitude = 135;
    const seoul = broken.governments.find((g) => g.slug === 'seoul') as DemoGovernment;
    seoul.slug = 'kyoto';
    broken.offices[0]!.region = 'atlantis' as never;
    broken.people[0]!.positions[0]!.office = 'nowhere';
    broken.users[0]!.government = 'nowhere';
    const problems = checkDemoNetwork(broken).join('\n');
    expect(problems).toContain('government slug kyoto is not unique');
    expect(problems).toContain('no name in its local language ja');
    expect(problems).toContain('country jp is not ISO alpha-2');
    expect(problems).toContain('bad coordinates');
    expect(problems).toContain('unknown region atlantis');
    expect(problems).toContain('unknown office nowhere');
    expect(problems).toContain('unknown government');
  });
});

describe.each(dialectCases())('on $label', ({ dialect, skip }) => {
  beforeEach(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await migrateToLatest(db);
    hashed = [];
  });

  afterEach(async () => {
    if (!skip) await drop();
  });

  describe.skipIf(skip)('seedDemoNetwork', () => {
    it('inserts the whole network in one go', async () => {
      const n = DEMO_NETWORK;
      const result = await seedDemoNetwork(db, options);
      expect(result).toEqual({
        seeded: true,
        regions: 10,
        offices: 15,
        governments: n.governments.length,
        people: 9,
        users: 5,
      });
      const nameRows = n.governments.reduce(
        (sum, g) => sum + Object.keys(g.names).length + g.aliases.length,
        0,
      );
      expect(await counts()).toEqual({
        regions: 10,
        offices: 15,
        governments: n.governments.length,
        government_names: nameRows,
        memberships: n.governments.length,
        people: 9,
        positions: 9,
        users: 5,
        audit_log: 1,
        settings: 1,
      });

      const audit = await db.kysely.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
      expect(audit).toMatchObject({
        at: NOW,
        actor_label: 'system',
        action: 'create',
        entity_type: 'network',
        entity_id: 'demo',
        summary: 'Demo network loaded',
      });
      const setting = await db.kysely
        .selectFrom('settings')
        .selectAll()
        .where('key', '=', 'demo')
        .executeTakeFirst();
      expect(setting?.value).toBe('true');

      const flags = await db.kysely
        .selectFrom('governments')
        .select('is_demo')
        .distinct()
        .execute();
      expect(flags).toEqual([{ is_demo: 1 }]);
    });

    it('adds nothing when run twice', async () => {
      await seedDemoNetwork(db, options);
      const before = await counts();
      hashed = [];
      const again = await seedDemoNetwork(db, options);
      expect(again).toEqual({
        seeded: false,
        regions: 0,
        offices: 0,
        governments: 0,
        people: 0,
        users: 0,
      });
      expect(await counts()).toEqual(before);
      // The early check spares the password hashing on every restart.
      expect(hashed).toEqual([]);
    });

    it('stores every government with its English and local names', async () => {
      await seedDemoNetwork(db, options);
      const govs = await db.kysely
        .selectFrom('governments')
        .select(['id', 'slug', 'local_lang'])
        .execute();
      const names = await db.kysely
        .selectFrom('government_names')
        .select(['government_id', 'lang', 'kind', 'name', 'search_key'])
        .execute();
      for (const g of govs) {
        const own = names.filter((r) => r.government_id === g.id && r.kind === 'name');
        expect(
          own.some((r) => r.lang === 'en'),
          g.slug,
        ).toBe(true);
        expect(
          own.some((r) => r.lang === g.local_lang),
          g.slug,
        ).toBe(true);
      }
      for (const r of names) {
        expect(r.search_key).toBe(searchKey(r.name));
        expect(r.kind === 'alias' ? r.lang === null : r.lang !== null).toBe(true);
      }
      const kyoto = govs.find((g) => g.slug === 'kyoto');
      const kyotoNames = names.filter((r) => r.government_id === kyoto?.id && r.kind === 'name');
      expect(Object.fromEntries(kyotoNames.map((r) => [r.lang, r.name]))).toEqual({
        en: 'Kyoto',
        ja: '京都市',
        ko: '교토시',
        'zh-Hans': '京都市',
        'zh-Hant': '京都市',
      });
    });

    it('finds Kyoto by its name in any script', async () => {
      await seedDemoNetwork(db, options);
      for (const q of ['kyoto', 'KYOTO', 'Ｋｙｏｔｏ', '京都', '교토', 'Kyoto City']) {
        expect(await findGovernments(q), q).toContain('kyoto');
      }
      expect(await findGovernments('Seoul Metropolitan Government')).toEqual(['seoul']);
      expect(await findGovernments('서울')).toEqual(['seoul']);
      expect(await findGovernments('新北')).toEqual(['new-taipei']);
    });

    it('records the five RexCom members as full members, with their people', async () => {
      await seedDemoNetwork(db, options);
      const members = await db.kysely
        .selectFrom('memberships as m')
        .innerJoin('governments as g', 'g.id', 'm.government_id')
        .select(['g.slug', 'm.category', 'm.status'])
        .where('m.category', '=', 'full-member')
        .orderBy('g.slug')
        .execute();
      expect(members).toEqual(
        [...REXCOM_MEMBER_SLUGS]
          .sort()
          .map((slug) => ({ slug, category: 'full-member', status: 'current' })),
      );

      const positions = await db.kysely
        .selectFrom('positions as p')
        .innerJoin('people as pe', 'pe.id', 'p.person_id')
        .leftJoin('governments as g', 'g.id', 'p.government_id')
        .leftJoin('offices as o', 'o.id', 'p.office_id')
        .select([
          'pe.full_name',
          'pe.names',
          'pe.is_demo',
          'p.title',
          'g.slug as gov',
          'o.slug as office',
        ])
        .execute();
      const held = (name: string) => positions.filter((p) => p.full_name === name);

      // The proxy the article names for Seoul, and the acting mayor he stood in for.
      expect(held('Min Kwon')).toMatchObject([
        { title: 'director-general', gov: 'seoul', office: null, names: '{"ko":"권민"}' },
      ]);
      expect(held('Jeong Hyup Seo')).toMatchObject([{ title: 'acting-mayor', gov: 'seoul' }]);
      expect(held('Moo Young Jo')).toMatchObject([{ title: 'vice-mayor', gov: 'suwon' }]);
      expect(held('Daisaku Kadokawa')).toMatchObject([
        { title: 'mayor', gov: 'kyoto', names: '{"ja":"門川大作"}' },
      ]);
      expect(held('Gino Van Begin')).toMatchObject([
        { title: 'secretary-general', gov: null, office: 'world-secretariat' },
      ]);
      expect(held('Konrad Zimmerman')).toMatchObject([
        { title: 'founding-director', office: 'east-asia-secretariat' },
      ]);
      expect(positions.every((p) => p.is_demo === 1)).toBe(true);
    });

    it('creates one officer per member with a random password hashed by the caller', async () => {
      await seedDemoNetwork(db, options);
      const users = await db.kysely
        .selectFrom('users as u')
        .innerJoin('governments as g', 'g.id', 'u.government_id')
        .select(['u.email', 'u.display_name', 'u.role', 'u.password_hash', 'u.locale', 'g.slug'])
        .orderBy('u.email')
        .execute();
      expect(users.map((u) => [u.email, u.slug, u.role])).toEqual(
        [...REXCOM_MEMBER_SLUGS].sort().map((s) => [`officer.${s}@accord.example`, s, 'officer']),
      );
      expect(users.find((u) => u.slug === 'kyoto')).toMatchObject({
        display_name: 'Kyoto officer',
        locale: 'ja',
      });
      expect(hashed).toHaveLength(5);
      expect(new Set(hashed).size).toBe(5);
      for (const p of hashed) expect(p.length).toBeGreaterThanOrEqual(32);
      expect(users.map((u) => u.password_hash).sort()).toEqual(
        hashed.map((p) => `test-hash$${p}`).sort(),
      );
    });

    it('links offices to their regions in the footer order', async () => {
      await seedDemoNetwork(db, options);
      const offices = await db.kysely
        .selectFrom('offices as o')
        .innerJoin('regions as r', 'r.id', 'o.region_id')
        .select(['o.slug', 'r.slug as region', 'o.phone', 'o.sort_order'])
        .orderBy('o.sort_order')
        .execute();
      expect(offices.map((o) => o.slug)).toEqual(DEMO_NETWORK.offices.map((o) => o.slug));
      expect(offices[0]).toMatchObject({
        slug: 'world-secretariat',
        region: 'global',
        phone: '+49-228/97 62 99-00',
      });
      expect(offices.find((o) => o.slug === 'korea-office')?.region).toBe('east-asia');
    });
  });

  describe.skipIf(skip)('regionsOnly', () => {
    it('inserts the regions once, and then the demo stays out', async () => {
      expect(await regionsOnly(db, NOW)).toBe(10);
      expect(await regionsOnly(db, NOW)).toBe(0);
      const slugs = await db.kysely
        .selectFrom('regions')
        .select('slug')
        .orderBy('sort_order')
        .execute();
      expect(slugs.map((r) => r.slug)).toEqual([...REGION_SLUGS]);
      expect((await seedDemoNetwork(db, options)).seeded).toBe(false);
      expect(await count('governments')).toBe(0);
    });
  });
});
