import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../test/setup/databases';
import { searchKey } from '../../core/names';
import { compareRanked, searchRank } from '../../core/search-rank';
import { migrateTo, migrateToLatest } from '../db/migrate';
import type { StoreDb as Db } from '../store';
import { namesContaining, namesContainingByScan } from './search-repository';

/**
 * The name search of migration 0024 on both databases: every path (SQLite's trigram phrase, its
 * short queries through the trigrams they start, the scan; PostgreSQL's pg_trgm and its short
 * grams) finds exactly what the LIKE scan it replaces found, the indexes follow every write, and
 * the directory ranks what it finds by src/core/search-rank.ts.
 */

interface Fixture {
  slug: string;
  localLang: string;
  names: Record<string, string>;
  aliases?: string[];
}

/** Written before migration 0024, so its backfill is what indexes them. */
const BEFORE: Fixture[] = [
  { slug: 'tokyo', localLang: 'ja', names: { ja: '東京都', en: 'Tokyo', ko: '도쿄도' } },
  {
    slug: 'kyoto',
    localLang: 'ja',
    names: { ja: '京都市', en: 'Kyoto', ko: '교토시', 'zh-Hans': '京都市' },
    aliases: ['Kyōto City'],
  },
  { slug: 'kyoto-pref', localLang: 'ja', names: { ja: '京都府', en: 'Kyoto Prefecture' } },
];
/** Written after it, so the triggers index them. */
const AFTER: Fixture[] = [
  { slug: 'tsu', localLang: 'ja', names: { ja: '津', en: 'Tsu' } },
  {
    slug: 'seoul',
    localLang: 'ko',
    names: { ko: '서울특별시', en: 'Seoul' },
    aliases: ['Seoul Metropolitan Government', '서울'],
  },
  {
    slug: 'beijing',
    localLang: 'zh-Hans',
    names: { 'zh-Hans': '北京市', 'zh-Hant': '北京市', en: 'Beijing' },
  },
  { slug: 'sao-paulo', localLang: 'pt', names: { pt: 'São Paulo', en: 'Sao Paulo' } },
  { slug: 'odd', localLang: 'en', names: { en: '100% "Green"_Town' }, aliases: ['a\\b'] },
  { slug: 'kyotamba', localLang: 'ja', names: { ja: '京丹波町', en: 'Kyotamba' } },
];

const QUERIES = [
  '京',
  '都',
  '京都',
  '京都市',
  '東京',
  '서울',
  '울',
  '서울특별시',
  'ky',
  'k',
  'o',
  'kyoto',
  'oto',
  'tōkyō',
  'São',
  '津',
  '%',
  '_',
  '"',
  '"g',
  '\\',
  'a\\b',
  '\uffff',
  'zz',
  'nowhere',
];

describe.each(dialectCases())('name search on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;
  let regionId = 0;

  /**
   * Governments and their names through the members repository, or, before the newest
   * migrations (whose tables the repository's writers keep), straight into the two tables as
   * the code of that time wrote them.
   */
  async function add(fixtures: Fixture[], { direct = false } = {}) {
    const now = '2026-01-01T00:00:00.000Z';
    const rows = fixtures.map((f) => ({
      slug: f.slug,
      kind: 'city' as const,
      country: 'JP',
      region_id: regionId,
      local_lang: f.localLang,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    }));
    if (!direct) {
      const ids = await db.members.insertGovernments(rows);
      for (const [i, f] of fixtures.entries())
        await db.members.replaceNames(ids[i] as number, f.names, f.aliases ?? []);
      return;
    }
    for (const [i, f] of fixtures.entries()) {
      const { id } = await db.kysely
        .insertInto('governments')
        .values(rows[i] as (typeof rows)[number])
        .returning('id')
        .executeTakeFirstOrThrow();
      const names = [
        ...Object.entries(f.names).map(([lang, name]) => ({ lang, kind: 'name' as const, name })),
        ...(f.aliases ?? []).map((name) => ({ lang: null, kind: 'alias' as const, name })),
      ];
      if (names.length)
        await db.kysely
          .insertInto('government_names')
          .values(names.map((n) => ({ ...n, government_id: id, search_key: searchKey(n.name) })))
          .execute();
    }
  }

  /** What the directory's search found before migration 0024: a LIKE over every key. */
  const likeScan = (key: string) => namesContainingByScan(db.kysely, key);

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await migrateTo(db, '0023_import_new_governments');
    await db.members.insertRegions([{ slug: 'east-asia', name: 'East Asia', sort_order: 0 }]);
    regionId = (await db.members.regionIdsBySlug()).get('east-asia') as number;
    await add(BEFORE, { direct: true });
    await migrateToLatest(db);
    await add(AFTER);
  });
  afterAll(async () => {
    await drop?.();
  });

  it_.each(QUERIES)('finds for %j what the LIKE scan finds', async (q) => {
    const key = searchKey(q);
    const expected = await likeScan(key);
    expect(await namesContaining(db.kysely, key)).toEqual(expected);
    // The short queries again with the scan taking over at once (the path of common grams).
    expect(await namesContaining(db.kysely, key, 0)).toEqual(expected);
  });

  it_('finds 京都 in 京都市, 京都府 and 東京都, and 津 by its one character', async () => {
    const slugsFor = async (q: string) => {
      const ids = await namesContaining(db.kysely, searchKey(q));
      const rows = await db.kysely
        .selectFrom('government_names')
        .innerJoin('governments', 'governments.id', 'government_names.government_id')
        .where('government_names.id', 'in', ids.length ? ids : [-1])
        .select('governments.slug')
        .distinct()
        .execute();
      return rows.map((r) => r.slug).sort();
    };
    expect(await slugsFor('京都')).toEqual(['kyoto', 'kyoto-pref', 'tokyo']);
    expect(await slugsFor('津')).toEqual(['tsu']);
    expect(await slugsFor('서울')).toEqual(['seoul']);
  });

  it_('ranks exact, then prefix, then the rest; the viewer language first', async () => {
    const list = (q: string, lang: string) =>
      db.members.listGovernments({ q }, { key: 'relevance', descending: false, lang }, 1, 50);
    const ja = await list('京都', 'ja');
    expect(ja.rows.map((r) => r.slug)).toEqual(['kyoto', 'kyoto-pref', 'tokyo']);
    expect(ja.total).toBe(3);
    // An English reader: "kyoto" is Kyoto's exact English name, then the prefixes.
    const en = await list('kyoto', 'en');
    expect(en.rows.map((r) => r.slug)).toEqual(['kyoto', 'kyoto-pref']);
    // A chosen sort wins over relevance: by English name, Z to A.
    const byName = await db.members.listGovernments(
      { q: '京都' },
      { key: 'name', descending: true, lang: 'en' },
      1,
      50,
    );
    expect(byName.rows.map((r) => r.slug)).toEqual(['tokyo', 'kyoto-pref', 'kyoto']);
    const tsu = await list('津', 'ko');
    expect(tsu.rows.map((r) => r.slug)).toEqual(['tsu']);
  });

  it_('orders every query as the rule of src/core/search-rank.ts says', async () => {
    const names = await db.kysely.selectFrom('government_names').selectAll().execute();
    const govs = await db.kysely.selectFrom('governments').select(['id', 'slug']).execute();
    for (const lang of ['ja', 'en', 'ko', 'zh-Hant']) {
      for (const q of QUERIES) {
        const key = searchKey(q);
        if (!key) continue;
        const { rows, total } = await db.members.listGovernments(
          { q },
          { key: 'relevance', descending: false, lang },
          1,
          50,
        );
        const expected = govs
          .map((g) => {
            const own = names.filter((n) => n.government_id === g.id);
            const rank = searchRank(own, key, lang);
            const nameIn = (l: string) =>
              own
                .filter((n) => n.kind === 'name' && n.lang === l)
                .map((n) => n.search_key)
                .sort()[0];
            return {
              id: g.id,
              slug: g.slug,
              rank,
              sortKey: nameIn(lang) ?? nameIn('en') ?? g.slug,
            };
          })
          .filter((g): g is typeof g & { rank: number } => g.rank !== null)
          .sort(compareRanked);
        expect(
          rows.map((r) => r.slug),
          `${q} for ${lang}`,
        ).toEqual(expected.map((g) => g.slug));
        expect(total).toBe(expected.length);
      }
    }
  });

  it_('pages and filters a ranked search', async () => {
    const page = (n: number) =>
      db.members.listGovernments(
        { q: 'o', category: 'non-member' },
        { key: 'relevance', descending: false, lang: 'en' },
        n,
        2,
      );
    const all = await db.members.listGovernments(
      { q: 'o' },
      { key: 'relevance', descending: false, lang: 'en' },
      1,
      50,
    );
    const pages = [await page(1), await page(2), await page(3), await page(4)];
    expect(pages[0]?.total).toBe(all.total);
    expect(pages.flatMap((p) => p.rows.map((r) => r.slug))).toEqual(all.rows.map((r) => r.slug));
    const elsewhere = await db.members.listGovernments(
      { q: 'o', region: 'nowhere' },
      { key: 'relevance', descending: false, lang: 'en' },
      1,
      50,
    );
    expect(elsewhere.total).toBe(0);
  });

  it_('follows every write: names replaced, moved and removed', async () => {
    const tsu = (await db.members.findGovernmentIdBySlug('tsu')) as number;
    await db.members.replaceNames(tsu, { ja: '津市', en: 'Tsu City' }, ['Anotsu']);
    for (const q of ['津', '津市', 'anotsu', 'tsucity', 'tsu']) {
      expect(await namesContaining(db.kysely, searchKey(q))).toEqual(await likeScan(searchKey(q)));
    }
    const row = await db.kysely
      .selectFrom('government_names')
      .where('search_key', '=', 'anotsu')
      .select('id')
      .executeTakeFirstOrThrow();
    await db.members.deleteNamesById([row.id]);
    expect(await namesContaining(db.kysely, 'anotsu')).toEqual([]);
  });

  // Names drawn from a few characters of several scripts, so that queries often hit.
  const ALPHABET = ['a', 'b', 'o', '京', '都', '東', '서', '울', 'ō', '%', '"', ' ', '-'];
  const text = (max: number) =>
    fc
      .array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: max })
      .map((cs) => cs.join(''));

  it_('finds exactly the governments whose some name contains the folded query', async () => {
    const id = (await db.members.findGovernmentIdBySlug('odd')) as number;
    await fc.assert(
      fc.asyncProperty(
        fc.array(text(6), { minLength: 1, maxLength: 6 }),
        fc.array(text(4), { minLength: 1, maxLength: 6 }),
        async (drawn, queries) => {
          const [first, ...aliases] = drawn;
          await db.members.replaceNames(id, { en: first as string }, aliases);
          const keys = [first as string, ...aliases].map(searchKey);
          for (const q of queries) {
            const key = searchKey(q);
            if (!key) continue;
            const found = await db.members.listGovernments(
              { q, region: 'east-asia' },
              { key: 'relevance', descending: false, lang: 'en' },
              1,
              100,
            );
            const hasOdd = found.rows.some((r) => r.id === id);
            expect(hasOdd).toBe(keys.some((k) => k.includes(key)));
            expect(await namesContaining(db.kysely, key)).toEqual(await likeScan(key));
          }
        },
      ),
      { numRuns: dialect === 'postgres' ? 40 : 100 },
    );
  });
});
