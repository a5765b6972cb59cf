import type { Executor } from '../db/types';

export function listOffices(db: Executor, region?: string) {
  let q = db
    .selectFrom('offices')
    .innerJoin('regions', 'regions.id', 'offices.region_id')
    .selectAll('offices')
    .select('regions.slug as region_slug');
  if (region) q = q.where('regions.slug', '=', region);
  return q
    .orderBy('regions.sort_order')
    .orderBy('offices.sort_order')
    .orderBy('offices.id')
    .execute();
}

export function findOfficeIdBySlug(db: Executor, slug: string) {
  return db.selectFrom('offices').where('slug', '=', slug).select('id').executeTakeFirst();
}
