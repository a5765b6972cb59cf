import { PostgresAdapter, sql, type Expression, type SqlBool } from 'kysely';
import { readerLanguages } from '../../core/names';
import type { Executor } from '../db/types';

/*
 * Finding names by any part of their folded form, through the indexes of migration 0024
 * (its comment says how each database indexes them). Reads only: government_names is written
 * by members/repository.ts, and the databases keep the indexes in step themselves.
 *
 * Whatever the path, the set found is the names whose search_key contains the folded query,
 * as `search_key LIKE '%query%'` finds them (search.repository.test.ts holds every path to it).
 */

/** What follows every key in SQLite's trigram index (migration 0024): U+FFFF twice. */
const INDEX_END = '\uffff';
/** The greatest code point: a trigram that starts with a short query sorts at or below query + this. */
const TOP = '\u{10ffff}';
/**
 * A short query held by more names than this is looked for by reading every key instead: the
 * trigram index costs some microseconds a name found, a plain scan well under one a name read,
 * so for a query most names hold ("a", "市") the scan is the quicker of two right answers.
 */
export const SHORT_QUERY_SCAN_ABOVE = 4000;

export function isPostgresExecutor(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Escapes LIKE wildcards in user input; both dialects honour ESCAPE '\'. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

const characters = (text: string) => [...text].length;

/** The condition on `gn` (government_names) that holds for the names containing `key`. */
export async function nameContains(
  db: Executor,
  key: string,
  scanAbove = SHORT_QUERY_SCAN_ABOVE,
): Promise<Expression<SqlBool>> {
  const scan = sql<SqlBool>`gn.search_key LIKE ${likeContains(key)} ESCAPE '\\'`;
  if (key === '') return sql<SqlBool>`1 = 1`;
  const length = characters(key);
  if (isPostgresExecutor(db)) {
    // pg_trgm answers LIKE from three characters; shorter ones are substrings of their own index.
    return length >= 3
      ? scan
      : sql<SqlBool>`accord_short_grams(gn.search_key) @> ARRAY[CAST(${key} AS text)]`;
  }
  if (key.includes(INDEX_END)) return scan;
  if (length >= 3) {
    const phrase = `"${key.replace(/"/g, '""')}"`;
    return sql<SqlBool>`gn.id IN (SELECT rowid FROM government_names_fts WHERE government_names_fts MATCH ${phrase})`;
  }
  const grams = await sql<{ term: string; doc: number }>`
    SELECT term, doc FROM government_names_grams
    WHERE term >= ${key} AND term <= ${key + TOP.repeat(3 - length)}`.execute(db);
  if (grams.rows.length === 0) return sql<SqlBool>`1 = 0`;
  const held = grams.rows.reduce((n, r) => n + Number(r.doc), 0);
  if (held > scanAbove) return scan;
  const any = grams.rows.map((r) => `"${r.term.replace(/"/g, '""')}"`).join(' OR ');
  return sql<SqlBool>`gn.id IN (SELECT rowid FROM government_names_fts WHERE government_names_fts MATCH ${any})`;
}

/**
 * The rank of a matching name (src/core/search-rank.ts nameRank): 2 × tier (exact 0, prefix 1,
 * elsewhere 2), plus one when the name is not in a language the viewer reads.
 */
export function nameRankSql(key: string, viewer: string) {
  const langs = readerLanguages(viewer);
  return sql<number>`(CASE WHEN gn.search_key = ${key} THEN 0
      WHEN substr(gn.search_key, 1, ${characters(key)}) = ${key} THEN 2 ELSE 4 END
    + CASE WHEN gn.lang IN (${sql.join(langs)}) THEN 0 ELSE 1 END)`;
}

/** The ids of the names whose search key contains `key`, in id order. */
export async function namesContaining(
  db: Executor,
  key: string,
  scanAbove = SHORT_QUERY_SCAN_ABOVE,
): Promise<number[]> {
  const rows = await db
    .selectFrom('government_names as gn')
    .where(await nameContains(db, key, scanAbove))
    .select('gn.id')
    .orderBy('gn.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The directory's search before the name index (a LIKE over every key, first page by name), as
 * it ran then: the reference bench/search.ts measures the index against, and the tests' oracle.
 */
export async function searchBeforeIndex(
  db: Executor,
  key: string,
  lang: string,
): Promise<{ ids: number[]; total: number }> {
  const base = db
    .selectFrom('governments')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .leftJoin('memberships', 'memberships.government_id', 'governments.id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('government_names as gn')
          .whereRef('gn.government_id', '=', 'governments.id')
          .where(sql<SqlBool>`gn.search_key LIKE ${likeContains(key)} ESCAPE '\\'`)
          .select('gn.id'),
      ),
    );
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const nameFor = (l: string) =>
    sql`(SELECT MIN(n.search_key) FROM government_names n WHERE n.government_id = governments.id AND n.kind = 'name' AND n.lang = ${l})`;
  const rows = await base
    .selectAll('governments')
    .select(['regions.slug as region_slug', 'memberships.category'])
    .orderBy(sql`COALESCE(${nameFor(lang)}, ${nameFor('en')}, governments.slug)`)
    .orderBy('governments.id')
    .limit(20)
    .execute();
  return { ids: rows.map((r) => r.id), total: Number(total?.n ?? 0) };
}

/** The names that hold `key` by the LIKE scan alone, in id order: what every index path must find. */
export async function namesContainingByScan(db: Executor, key: string): Promise<number[]> {
  const rows = await db
    .selectFrom('government_names as gn')
    .where(sql<SqlBool>`gn.search_key LIKE ${likeContains(key)} ESCAPE '\\'`)
    .select('gn.id')
    .orderBy('gn.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Fresh planner statistics after a bulk load (PostgreSQL; SQLite's planner needs none here). */
export async function refreshStatistics(db: Executor): Promise<void> {
  if (isPostgresExecutor(db)) await sql`ANALYZE`.execute(db);
}
