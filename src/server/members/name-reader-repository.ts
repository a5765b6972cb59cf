/**
 * Readers of many governments' names at once, for pages that name a set of ids (the audit
 * log). Re-exported by members/repository.ts as part of store.members.
 */
import type { Executor } from '../db/types';

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
