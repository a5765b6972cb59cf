/**
 * A seeded synthetic network for the bench: N governments with names in several scripts (Japanese,
 * Korean, Chinese in both scripts, Latin with diacritics, Vietnamese), countries and regions, a
 * membership, 1–3 targets, 30 years of reported totals, GPC inventories of 24 lines for the
 * latest years, and 1–2 actions each.
 *
 * Each government is drawn from its own generator seeded by (seed, index), so the same network
 * comes out every time, in any order, and the DuckDB reference can be fed the very rows Accord
 * stores without holding them all in memory.
 */
import { inventoryTotals, type InventoryEntry } from '../src/core/climate/inventory';
import { searchKey } from '../src/core/names';
import { refreshSortNames } from '../src/server/members/sort-name-repository';
import type { StoreDb } from '../src/server/store';

/** mulberry32: small, fast and good enough for synthetic data (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CountryPlan {
  country: string;
  region: string;
  lang: string;
  /** Syllables of the local name, and the suffix a city takes. */
  local: readonly string[];
  suffix: string;
  /** Syllables of the Latin name, matched by position; the local ones where they are Latin. */
  latin?: readonly string[];
}

// One line per list of syllables: the table reads better than one syllable per line.
// prettier-ignore
const COUNTRIES: readonly CountryPlan[] = [
  {
    country: 'JP',
    region: 'east-asia',
    lang: 'ja',
    local: ['東', '京', '大', '阪', '名', '古', '横', '浜', '札', '幌', '福', '岡', '神', '戸', '都', '川'],
    latin: ['to', 'kyo', 'o', 'saka', 'na', 'ko', 'yoko', 'hama', 'sap', 'poro', 'fuku', 'oka', 'ko', 'be', 'to', 'kawa'],
    suffix: '市',
  },
  {
    country: 'KR',
    region: 'east-asia',
    lang: 'ko',
    local: ['서', '울', '부', '산', '인', '천', '대', '구', '광', '주', '전', '수', '원', '성', '남', '양'],
    latin: ['seo', 'ul', 'bu', 'san', 'in', 'cheon', 'dae', 'gu', 'gwang', 'ju', 'jeon', 'su', 'won', 'seong', 'nam', 'yang'],
    suffix: '시',
  },
  {
    country: 'CN',
    region: 'east-asia',
    lang: 'zh-Hans',
    local: ['北', '京', '上', '海', '广', '州', '深', '圳', '成', '都', '武', '汉', '杭', '南', '西', '安'],
    latin: ['bei', 'jing', 'shang', 'hai', 'guang', 'zhou', 'shen', 'zhen', 'cheng', 'du', 'wu', 'han', 'hang', 'nan', 'xi', 'an'],
    suffix: '市',
  },
  {
    country: 'TW',
    region: 'east-asia',
    lang: 'zh-Hant',
    local: ['臺', '北', '新', '竹', '高', '雄', '桃', '園', '嘉', '義', '彰', '化', '屏', '東', '宜', '蘭'],
    latin: ['tai', 'pei', 'hsin', 'chu', 'kao', 'hsiung', 'tao', 'yuan', 'chia', 'yi', 'chang', 'hua', 'ping', 'tung', 'yi', 'lan'],
    suffix: '市',
  },
  {
    country: 'DE',
    region: 'europe',
    lang: 'de',
    local: ['Mün', 'chen', 'Ber', 'lin', 'Ham', 'burg', 'Köln', 'Düs', 'sel', 'dorf', 'Gör', 'litz', 'Lü', 'beck', 'Fürth', 'au'],
    suffix: '',
  },
  {
    country: 'VN',
    region: 'southeast-asia',
    lang: 'vi',
    local: ['Hà', 'Nội', 'Đà', 'Nẵng', 'Huế', 'Hải', 'Phòng', 'Cần', 'Thơ', 'Vinh', 'Hạ', 'Long', 'Bắc', 'Ninh', 'Quy', 'Nhơn'],
    suffix: '',
  },
  {
    country: 'BR',
    region: 'south-america',
    lang: 'pt',
    local: ['São', 'Pau', 'lo', 'Be', 'lém', 'Ma', 'naus', 'Goi', 'â', 'nia', 'Re', 'ci', 'fe', 'Na', 'tal', 'Vi'],
    suffix: '',
  },
  {
    country: 'MX',
    region: 'mexico-central-america-caribbean',
    lang: 'es',
    local: ['Que', 'ré', 'ta', 'ro', 'Mé', 'ri', 'da', 'León', 'Pue', 'bla', 'To', 'lu', 'ca', 'Ti', 'jua', 'na'],
    suffix: '',
  },
  {
    country: 'US',
    region: 'north-america',
    lang: 'en',
    local: ['Spring', 'field', 'Port', 'land', 'Rich', 'mond', 'Ash', 'ville', 'Green', 'wood', 'Fair', 'view', 'Oak', 'ridge', 'Mil', 'ton'],
    suffix: '',
  },
  {
    country: 'KE',
    region: 'africa',
    lang: 'en',
    local: ['Nai', 'ro', 'bi', 'Mom', 'ba', 'sa', 'Ki', 'su', 'mu', 'Na', 'ku', 'ru', 'El', 'do', 'ret', 'Thi'],
    suffix: '',
  },
  {
    country: 'IN',
    region: 'south-asia',
    lang: 'en',
    local: ['Pu', 'ne', 'Chen', 'nai', 'Ko', 'chi', 'Sur', 'at', 'In', 'dore', 'Bho', 'pal', 'Na', 'gpur', 'Ra', 'jkot'],
    suffix: '',
  },
  {
    country: 'AU',
    region: 'oceania',
    lang: 'en',
    local: ['Ade', 'laide', 'Ho', 'bart', 'Dar', 'win', 'Cairns', 'Gee', 'long', 'Bal', 'larat', 'Ben', 'digo', 'Al', 'bury'],
    suffix: '',
  },
];

/** The 24 GPC lines every synthetic inventory fills: BASIC scope 1 and 2 of stationary, transport and waste. */
const INVENTORY_CODES: readonly string[] = [
  'I.1.1',
  'I.1.2',
  'I.2.1',
  'I.2.2',
  'I.3.1',
  'I.3.2',
  'I.4.1',
  'I.4.2',
  'I.5.1',
  'I.5.2',
  'I.6.1',
  'I.6.2',
  'II.1.1',
  'II.1.2',
  'II.2.1',
  'II.2.2',
  'II.3.1',
  'II.3.2',
  'II.4.1',
  'II.4.2',
  'III.1.1',
  'III.2.1',
  'III.3.1',
  'III.4.1',
];

const CATEGORIES = [
  ['full-member', 0.4],
  ['associate-member', 0.1],
  ['associate-partner', 0.05],
  ['non-member', 0.45],
] as const;

export const FIRST_YEAR = 1995;
export const YEARS = 30;

export interface SyntheticTarget {
  type: 'base-year' | 'fixed-level' | 'baseline-scenario';
  title: string;
  baseYear: number;
  baseEmissions: number;
  targetYear: number;
  reductionPercent: number | null;
  targetEmissions: number | null;
  bauEmissions: number | null;
  netZero: boolean;
}

export interface SyntheticGovernment {
  index: number;
  slug: string;
  country: string;
  region: string;
  localLang: string;
  population: number | null;
  category: string;
  names: { lang: string | null; kind: 'name' | 'alias'; name: string }[];
  targets: SyntheticTarget[];
  /** One reported total a year, FIRST_YEAR onwards; null where the year was not reported. */
  reports: { year: number; total: number }[];
  inventories: { year: number; entries: InventoryEntry[] }[];
  actions: { title: string; sector: string; status: string }[];
}

export interface NetworkOptions {
  seed?: number;
  /** How many of the latest years have a GPC inventory (default 3). */
  inventoryYears?: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The government number `index` of the network seeded `seed`. */
export function syntheticGovernment(
  index: number,
  options: NetworkOptions = {},
): SyntheticGovernment {
  const seed = options.seed ?? 20261207;
  const random = seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const plan = COUNTRIES[index % COUNTRIES.length] as CountryPlan;
  const syllables = 2 + Math.floor(random() * 2);
  const positions = Array.from({ length: syllables }, () =>
    Math.floor(random() * plan.local.length),
  );
  // A number keeps names unique without hiding the shared syllables search has to rank.
  const serial = Math.floor(index / COUNTRIES.length);
  const localStem = positions.map((p) => plan.local[p]).join('');
  const latinStem = capitalize(
    positions.map((p) => ((plan.latin ?? plan.local)[p] as string).toLowerCase()).join(''),
  );
  const local = `${localStem}${plan.suffix}${serial > 0 ? ` ${serial}` : ''}`;
  const english = `${latinStem}${serial > 0 ? ` ${serial}` : ''}`;
  const names: SyntheticGovernment['names'] = [{ lang: plan.lang, kind: 'name', name: local }];
  if (plan.lang !== 'en') names.push({ lang: 'en', kind: 'name', name: english });
  if (random() < 0.3) names.push({ lang: null, kind: 'alias', name: `City of ${english}` });

  const r = random();
  let acc = 0;
  let category: string = 'non-member';
  for (const [c, share] of CATEGORIES) {
    acc += share;
    if (r < acc) {
      category = c;
      break;
    }
  }

  // A total that grows to a peak and then falls, with noise and one year in ten not reported.
  const scale = 50_000 + Math.floor(random() * 20_000_000);
  const peak = FIRST_YEAR + 5 + Math.floor(random() * 20);
  const reports: SyntheticGovernment['reports'] = [];
  for (let k = 0; k < YEARS; k++) {
    const year = FIRST_YEAR + k;
    if (random() < 0.1) continue;
    const trend = year <= peak ? 1 + (year - peak) * 0.01 : 1 - (year - peak) * 0.02;
    reports.push({ year, total: Math.round(scale * trend * (0.95 + random() * 0.1)) });
  }
  const baseYear = 2005 + Math.floor(random() * 11);
  const baseEmissions = Math.round(scale * (0.9 + random() * 0.2));
  const targets: SyntheticTarget[] = [
    {
      type: 'base-year',
      title: `${20 + 5 * Math.floor(random() * 9)} % by 2030`,
      baseYear,
      baseEmissions,
      targetYear: 2030,
      reductionPercent: 20 + 5 * Math.floor(random() * 9),
      targetEmissions: null,
      bauEmissions: null,
      netZero: false,
    },
  ];
  if (random() < 0.6)
    targets.push({
      type: 'fixed-level',
      title: 'Net zero',
      baseYear,
      baseEmissions,
      targetYear: pick(random, [2040, 2045, 2050, 2050, 2050]),
      reductionPercent: null,
      targetEmissions: 0,
      bauEmissions: null,
      netZero: true,
    });
  if (random() < 0.25)
    targets.push({
      type: 'baseline-scenario',
      title: 'Below business as usual',
      baseYear,
      baseEmissions,
      targetYear: 2035,
      reductionPercent: 30,
      targetEmissions: null,
      bauEmissions: Math.round(scale * 1.4),
      netZero: false,
    });

  const inventoryYears = options.inventoryYears ?? 3;
  const inventories: SyntheticGovernment['inventories'] = [];
  for (let k = 0; k < inventoryYears; k++) {
    const year = FIRST_YEAR + YEARS - 1 - 2 * k;
    inventories.push({
      year,
      entries: INVENTORY_CODES.map((code) => ({
        code,
        gas: 'CO2e',
        amount: Math.round((scale / INVENTORY_CODES.length) * (0.5 + random())),
        notationKey: null,
      })),
    });
  }
  const actions = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, k) => ({
    title: k === 0 ? 'Building retrofits' : 'Bus fleet electrification',
    sector: k === 0 ? 'I' : 'II',
    status: pick(random, ['planned', 'in-progress', 'completed']),
  }));

  return {
    index,
    slug: `bench-${index}`,
    country: plan.country,
    region: plan.region,
    localLang: plan.lang,
    population: random() < 0.1 ? null : 10_000 + Math.floor(random() * 9_000_000),
    category,
    names,
    targets,
    reports,
    inventories,
    actions,
  };
}

/** The governments 0..n-1, one at a time. */
export function* syntheticNetwork(
  n: number,
  options: NetworkOptions = {},
): Generator<SyntheticGovernment> {
  for (let i = 0; i < n; i++) yield syntheticGovernment(i, options);
}

export interface LoadCounts {
  governments: number;
  targets: number;
  reports: number;
  inventories: number;
  entries: number;
  actions: number;
}

/**
 * Writes the network into an Accord database (migrated, with its regions), 250 governments per
 * transaction. It writes rows directly rather than through the services: loading 10,000
 * governments through the API would measure the loader, not what the bench is about.
 */
export async function loadNetwork(
  db: StoreDb,
  n: number,
  options: NetworkOptions = {},
  onProgress?: (done: number) => void,
): Promise<LoadCounts> {
  const regions = new Map(
    (await db.kysely.selectFrom('regions').select(['id', 'slug']).execute()).map((r) => [
      r.slug,
      r.id,
    ]),
  );
  const now = new Date().toISOString();
  const counts: LoadCounts = {
    governments: 0,
    targets: 0,
    reports: 0,
    inventories: 0,
    entries: 0,
    actions: 0,
  };
  const BATCH = 250;
  for (let start = 0; start < n; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, n - start) }, (_, i) =>
      syntheticGovernment(start + i, options),
    );
    await db.kysely.transaction().execute(async (trx) => {
      const ids = await trx
        .insertInto('governments')
        .values(
          batch.map((g) => ({
            slug: g.slug,
            kind: 'city' as const,
            country: g.country,
            region_id: regions.get(g.region) ?? (regions.values().next().value as number),
            local_lang: g.localLang,
            population: g.population,
            population_year: g.population === null ? null : 2020,
            area_km2: null,
            latitude: null,
            longitude: null,
            unlocode: null,
            cdp_account: null,
            website: null,
            is_demo: 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute();
      const idOf = (i: number) => (ids[i] as { id: number }).id;
      const chunked = async <T>(
        rows: T[],
        size: number,
        write: (part: T[]) => Promise<unknown>,
      ) => {
        for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
      };
      await chunked(
        batch.flatMap((g, i) =>
          g.names.map((name) => ({
            government_id: idOf(i),
            lang: name.lang,
            kind: name.kind,
            name: name.name,
            search_key: searchKey(name.name),
          })),
        ),
        500,
        (rows) => trx.insertInto('government_names').values(rows).execute(),
      );
      await trx
        .insertInto('memberships')
        .values(
          batch.map((g, i) => ({
            government_id: idOf(i),
            category: g.category as 'full-member',
            status: 'current' as const,
            since: null,
          })),
        )
        .execute();
      const targets = batch.flatMap((g, i) =>
        g.targets.map((t) => ({
          government_id: idOf(i),
          type: t.type,
          title: t.title,
          status: 'policy' as const,
          net_zero_label: t.netZero ? ('net-zero' as const) : null,
          base_year: t.baseYear,
          base_emissions: t.baseEmissions,
          target_year: t.targetYear,
          reduction_percent: t.reductionPercent,
          target_emissions: t.targetEmissions,
          bau_emissions: t.bauEmissions,
          version: 1,
          coverage_gases: '[]',
          coverage_scopes: '[]',
          coverage_sectors: '[]',
          boundary: 'city-wide' as const,
          initiatives: '[]',
          created_at: now,
          updated_at: now,
        })),
      );
      await chunked(targets, 200, (rows) =>
        trx.insertInto('climate_targets').values(rows).execute(),
      );
      const reports = batch.flatMap((g, i) =>
        g.reports.map((r) => ({
          government_id: idOf(i),
          year: r.year,
          source: 'cdp',
          source_label: 'bench',
          total: r.total,
          report_year: r.year + 2,
          preferred: 0,
          provenance: '{}',
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      );
      await chunked(reports, 500, (rows) =>
        trx.insertInto('emission_reports').values(rows).execute(),
      );
      for (const [i, g] of batch.entries()) {
        for (const inv of g.inventories) {
          const totals = inventoryTotals(inv.entries, 'AR5');
          const [{ id }] = (await trx
            .insertInto('inventories')
            .values({
              government_id: idOf(i),
              year: inv.year,
              gwp_set: 'AR5',
              boundary: 'city-wide',
              methodology: 'GPC 1.1',
              status: 'final',
              notes: null,
              is_illustrative: 0,
              basic_total: totals.basic,
              basic_plus_total: totals.basicPlus,
              totals: JSON.stringify({
                basic: totals.basic,
                basicPlus: totals.basicPlus,
                territorial: totals.territorial,
                byScope: totals.byScope,
                bySector: totals.bySector,
                bySubsector: totals.bySubsector,
                byGas: totals.byGas,
                completeness: totals.completeness,
              }),
              version: 1,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .execute()) as [{ id: number }];
          await trx
            .insertInto('inventory_entries')
            .values(
              inv.entries.map((e) => ({
                inventory_id: id,
                code: e.code,
                gas: e.gas,
                amount: e.amount,
                notation_key: e.notationKey,
                notes: null,
              })),
            )
            .execute();
          counts.inventories += 1;
          counts.entries += inv.entries.length;
        }
      }
      const actions = batch.flatMap((g, i) =>
        g.actions.map((a) => ({
          government_id: idOf(i),
          title: a.title,
          sector: a.sector as 'I',
          status: a.status as 'planned',
          co_benefits: '[]',
          sdgs: '[]',
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      );
      await trx.insertInto('climate_actions').values(actions).execute();
      // The names were written directly, so the directory's order by name is worked out here.
      await refreshSortNames(
        trx,
        ids.map((r) => r.id),
      );
      counts.governments += batch.length;
      counts.targets += targets.length;
      counts.reports += reports.length;
      counts.actions += actions.length;
    });
    onProgress?.(Math.min(n, start + BATCH));
  }
  return counts;
}
