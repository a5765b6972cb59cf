import type { Insertable, Updateable } from 'kysely';
import type { OfficeTable } from '../db/schema';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';

/** An office with its region's slug, as listOffices reads it. */
export type OfficeRow = Awaited<ReturnType<typeof listOffices>>[number];

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

/** One office with its region's slug, or undefined. */
export function findOffice(db: Executor, slug: string) {
  return db
    .selectFrom('offices')
    .innerJoin('regions', 'regions.id', 'offices.region_id')
    .selectAll('offices')
    .select('regions.slug as region_slug')
    .where('offices.slug', '=', slug)
    .executeTakeFirst();
}

export function findOfficeIdBySlug(db: Executor, slug: string) {
  return db.selectFrom('offices').where('slug', '=', slug).select('id').executeTakeFirst();
}

/**
 * Inserts many offices (the demo); returns their ids in the order of `rows` (slugs are unique).
 * 500 rows per INSERT keeps well under the databases' bound-parameter limits.
 */
export async function insertOffices(
  db: Executor,
  rows: Insertable<OfficeTable>[],
): Promise<number[]> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insertInto('offices')
      .values(rows.slice(i, i + 500))
      .returning(['id', 'slug'])
      .execute();
    for (const r of inserted) ids.set(r.slug, r.id);
  }
  return rows.map((r) => {
    const id = ids.get(r.slug);
    if (id === undefined) throw new Error(`insertOffices: no id returned for "${r.slug}"`);
    return id;
  });
}

/** Takes the next version of an office (its row stays locked until the transaction ends). */
export function claimOfficeVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'offices', id, expected);
}

/** Changes an office's own fields (its time zone). */
export async function updateOffice(
  db: Executor,
  id: number,
  values: Updateable<OfficeTable>,
): Promise<void> {
  await db.updateTable('offices').set(values).where('id', '=', id).execute();
}

/** The names of many offices in one query (the audit log names them). */
export function officeNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('offices').where('id', 'in', ids).select(['id', 'name', 'names']).execute();
}
