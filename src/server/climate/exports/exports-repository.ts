/**
 * What the exports read, page by page: part of `store.climate` (climate/repository.ts
 * re-exports it). Reads only; the tables' writers are their owners.
 */
import type { Selectable } from 'kysely';
import type { TargetType } from '../../../core/climate/types';
import type { ClimateTargetTable } from '../../db/schema';
import type { Executor } from '../../db/types';

export interface ExportGovernment {
  id: number;
  slug: string;
  kind: string;
  country: string;
  nzt_id: string | null;
}

export async function regionIdBySlug(db: Executor, slug: string): Promise<number | undefined> {
  const region = await db
    .selectFrom('regions')
    .where('slug', '=', slug)
    .select('id')
    .executeTakeFirst();
  return region?.id;
}

/** The next page of governments (by id, after `afterId`) with a target of the types. */
export function governmentsWithTargetsPage(
  db: Executor,
  options: {
    afterId: number;
    regionId: number | null;
    types: readonly TargetType[];
    limit: number;
  },
): Promise<ExportGovernment[]> {
  let query = db
    .selectFrom('governments as g')
    .where('g.id', '>', options.afterId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('climate_targets as t')
          .whereRef('t.government_id', '=', 'g.id')
          .where('t.type', 'in', [...options.types])
          .select('t.id'),
      ),
    );
  if (options.regionId !== null) query = query.where('g.region_id', '=', options.regionId);
  return query
    .select(['g.id', 'g.slug', 'g.kind', 'g.country', 'g.nzt_id'])
    .orderBy('g.id')
    .limit(options.limit)
    .execute();
}

/** The English names of the governments. */
export function englishNamesOf(db: Executor, governmentIds: number[]) {
  return db
    .selectFrom('government_names')
    .where('government_id', 'in', governmentIds)
    .where('lang', '=', 'en')
    .where('kind', '=', 'name')
    .select(['government_id', 'name'])
    .execute();
}

/** Every target of the governments, in the order they were entered. */
export function targetsOfGovernmentsById(
  db: Executor,
  governmentIds: number[],
): Promise<Selectable<ClimateTargetTable>[]> {
  return db
    .selectFrom('climate_targets')
    .where('government_id', 'in', governmentIds)
    .selectAll()
    .orderBy('id')
    .execute();
}

/** Which of the governments have at least one action. */
export async function governmentsWithActions(
  db: Executor,
  governmentIds: number[],
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('climate_actions')
    .where('government_id', 'in', governmentIds)
    .select('government_id')
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.government_id));
}

/** The sources of the governments' emission reports, each once, in order. */
export function reportSourcesOf(db: Executor, governmentIds: number[]) {
  return db
    .selectFrom('emission_reports')
    .where('government_id', 'in', governmentIds)
    .select(['government_id', 'source'])
    .distinct()
    .orderBy('source')
    .execute();
}

/** A government's inventory of a year, found by the government's slug. */
export function inventoryOfYear(db: Executor, slug: string, year: number) {
  return db
    .selectFrom('inventories as i')
    .innerJoin('governments as g', 'g.id', 'i.government_id')
    .where('g.slug', '=', slug)
    .where('i.year', '=', year)
    .select(['i.id', 'i.gwp_set', 'i.status', 'i.government_id', 'i.is_illustrative'])
    .executeTakeFirst();
}
