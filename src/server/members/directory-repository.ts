/**
 * The directory's pages (re-exported by repository.ts): one page of governments in the order
 * asked, and how many there are in all.
 */
import { sql, type Selectable } from 'kysely';
import type { MembershipCategory } from '../../core/membership';
import { isLocale } from '../../core/locales';
import { searchKey } from '../../core/names';
import type { Executor } from '../db/types';
import type { GovernmentTable } from '../db/schema';
import { nameContains, nameRankSql } from './search-repository';

export type GovernmentRow = Selectable<GovernmentTable> & {
  region_slug: string;
  category: string | null;
  status: string | null;
  since: string | null;
};

/** Governments with their region's slug and membership: a directory row. */
export function governmentsQuery(db: Executor) {
  return db
    .selectFrom('governments')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .leftJoin('memberships', 'memberships.government_id', 'governments.id')
    .selectAll('governments')
    .select([
      'regions.slug as region_slug',
      'memberships.category',
      'memberships.status',
      'memberships.since',
    ]);
}

export interface GovernmentFilter {
  q?: string | undefined;
  region?: string | undefined;
  country?: string | undefined;
  category?: MembershipCategory | undefined;
}

/** `relevance` ranks search results (src/core/search-rank.ts); without a query it is `name`. */
export type GovernmentSortKey = 'name' | 'population' | 'country' | 'relevance';

/** One page of governments and the total, in two queries whatever the page size. */
export async function listGovernments(
  db: Executor,
  filter: GovernmentFilter,
  sort: { key: GovernmentSortKey; descending: boolean; lang: string },
  page: number,
  pageSize: number,
): Promise<{ rows: GovernmentRow[]; total: number }> {
  const key = filter.q ? searchKey(filter.q) : '';
  // The governments with a matching name, each once, with the rank of its best name.
  const matches = key ? await nameContains(db, key) : undefined;
  const found = matches
    ? db
        .selectFrom('government_names as gn')
        .where(matches)
        .select(['gn.government_id', sql<number>`MIN(${nameRankSql(key, sort.lang)})`.as('rank')])
        .groupBy('gn.government_id')
    : undefined;
  let q = found
    ? governmentsQuery(db).innerJoin(found.as('found'), 'found.government_id', 'governments.id')
    : governmentsQuery(db);
  if (filter.region) q = q.where('regions.slug', '=', filter.region);
  if (filter.country) q = q.where('governments.country', '=', filter.country);
  if (filter.category) {
    q =
      filter.category === 'non-member'
        ? q.where((eb) =>
            eb.or([
              eb('memberships.category', '=', 'non-member'),
              eb('memberships.id', 'is', null),
            ]),
          )
        : q.where('memberships.category', '=', filter.category);
  }
  const totalRow = await countQuery(db, filter, matches).executeTakeFirst();

  const dir = sort.descending ? 'desc' : 'asc';
  let ordered = q;
  if (sort.key === 'population') {
    // Unknown populations go last in both directions.
    ordered = ordered
      .orderBy(sql`CASE WHEN governments.population IS NULL THEN 1 ELSE 0 END`)
      .orderBy('governments.population', dir);
  } else if (sort.key === 'country') {
    ordered = ordered.orderBy('governments.country', dir);
  } else if (sort.key === 'relevance' && found) {
    ordered = ordered.orderBy(sql`found.rank`);
  }
  // Name in the viewer's language, else English, else the web address: the order the viewer
  // reads, stored per language (sort-name-repository.ts) so no listing works it out per row.
  // Every writer of governments and names keeps a row per language (sort-names.api.test.ts).
  const sortLang = isLocale(sort.lang) ? sort.lang : 'en';
  const sortDir = sort.key === 'name' ? dir : 'asc';
  ordered = found
    ? // A search's few matches are each looked up: joined, the planner would walk the whole
      // index in name order and probe the matches for every government.
      ordered.orderBy(
        sql`(SELECT sort_names.sort_key FROM government_sort_names sort_names WHERE sort_names.government_id = governments.id AND sort_names.lang = ${sortLang})`,
        sortDir,
      )
    : // A listing reads the index in name order: the first page by name is 20 entries of it,
      // not a sort of every government.
      ordered
        .innerJoin('government_sort_names as sort_names', (join) =>
          join
            .onRef('sort_names.government_id', '=', 'governments.id')
            .on('sort_names.lang', '=', sortLang),
        )
        .orderBy('sort_names.sort_key', sortDir);
  const rows = await ordered
    .orderBy('governments.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

/**
 * How many governments a filter finds, reading only what the filter needs (issue 13): without
 * one, the number of rows of governments (an index's count), not a join of every government
 * with its region and membership. Every government has one region and at most one membership,
 * so the joins of the page's query never change the count.
 */
function countQuery(
  db: Executor,
  filter: GovernmentFilter,
  matches: Awaited<ReturnType<typeof nameContains>> | undefined,
) {
  let q = db.selectFrom('governments');
  if (matches)
    q = q.where('governments.id', 'in', (eb) =>
      eb.selectFrom('government_names as gn').where(matches).select('gn.government_id'),
    );
  if (filter.region)
    q = q.where('governments.region_id', '=', (eb) =>
      eb
        .selectFrom('regions')
        .where('regions.slug', '=', filter.region as string)
        .select('id'),
    );
  if (filter.country) q = q.where('governments.country', '=', filter.country);
  const category = filter.category;
  if (category) {
    const ofCategory = db
      .selectFrom('memberships')
      .select('memberships.government_id')
      .where('memberships.category', category === 'non-member' ? '<>' : '=', category);
    // A government without a membership row is a prospect, as one whose category says so.
    q =
      category === 'non-member'
        ? q.where('governments.id', 'not in', ofCategory)
        : q.where('governments.id', 'in', ofCategory);
  }
  return q.select((eb) => eb.fn.countAll<number>().as('n'));
}
