/**
 * Readers of many governments' names at once, for pages that name a region or a set of ids (the
 * summary, the audit log). Re-exported by members/repository.ts as part of store.members.
 */
import type { Executor } from '../db/types';

/** Names (not aliases) of every government of a region, in one query. */
export function namesOfRegion(db: Executor, region: string | undefined) {
  let q = db
    .selectFrom('government_names')
    .innerJoin('governments', 'governments.id', 'government_names.government_id')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .where('government_names.kind', '=', 'name')
    .selectAll('government_names');
  if (region) q = q.where('regions.slug', '=', region);
  return q.execute();
}

/**
 * The names (not aliases) and local language of many governments in one query, for naming
 * them where a page holds only their ids (the audit log). A government without names has one
 * row with null lang and name; one that is gone has none.
 */
export function governmentNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('governments')
    .leftJoin('government_names', (join) =>
      join
        .onRef('government_names.government_id', '=', 'governments.id')
        .on('government_names.kind', '=', 'name'),
    )
    .where('governments.id', 'in', ids)
    .select([
      'governments.id',
      'governments.slug',
      'governments.local_lang',
      'government_names.lang',
      'government_names.name',
    ])
    .execute();
}
