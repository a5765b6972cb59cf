import { readerLanguages } from './names';

/*
 * How the directory ranks the governments a search finds (GET /api/v1/governments?q=…). The
 * query and every name are compared folded (searchKey). A government is as relevant as its best
 * matching name or alias:
 *
 * 1. a name that is the query (exact) before one that starts with it (prefix) before one that
 *    merely contains it: "京都" finds 京都市 (prefix) before 東京都 (infix);
 * 2. within a tier, a name in the viewer's language (for a Chinese reader, either Chinese
 *    script) before a name in another language or an alias;
 * 3. then the directory's alphabetical order (the name in the viewer's language, else English,
 *    else the slug), then the id.
 *
 * The SQL of src/server/members/search-repository.ts computes the same number per name and
 * takes the smallest per government; search-rank.test.ts and the repository tests hold both to
 * this rule. A sort the user chooses (by name, population or country) replaces the rank.
 */

export interface SearchableName {
  /** The name's language; null for an alias. */
  lang: string | null;
  /** searchKey(name). */
  search_key: string;
}

/** 0 exact, 1 prefix, 2 anywhere else; null when the folded name does not contain the query. */
export function matchTier(key: string, query: string): 0 | 1 | 2 | null {
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  return key.includes(query) ? 2 : null;
}

/**
 * The rank of one name for a folded query and a viewer, lower first: 2 × tier, plus one when
 * the name is not in a language the viewer reads. Null when the name does not match.
 */
export function nameRank(name: SearchableName, query: string, viewer: string): number | null {
  const tier = matchTier(name.search_key, query);
  if (tier === null) return null;
  const own = name.lang !== null && readerLanguages(viewer).includes(name.lang);
  return tier * 2 + (own ? 0 : 1);
}

/** A government's rank: that of its best matching name; null when no name matches. */
export function searchRank(
  names: readonly SearchableName[],
  query: string,
  viewer: string,
): number | null {
  let best: number | null = null;
  for (const name of names) {
    const rank = nameRank(name, query, viewer);
    if (rank !== null && (best === null || rank < best)) best = rank;
  }
  return best;
}

export interface RankedGovernment {
  id: number;
  /** searchRank of its names. */
  rank: number;
  /** The key it sorts by alphabetically: its name's searchKey in the viewer's language, else English, else its slug. */
  sortKey: string;
}

/**
 * The order of search results: rank, then the alphabetical key, then id. Keys compare by code
 * point, as both databases compare search keys (SQLite's BINARY, PostgreSQL's C collation of
 * the test and bench databases).
 */
export function compareRanked(a: RankedGovernment, b: RankedGovernment): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.sortKey !== b.sortKey) return codePointCompare(a.sortKey, b.sortKey);
  return a.id - b.id;
}

function codePointCompare(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
