import type { Database } from './schema';
import type { Executor } from './types';

/** The tables whose rows carry a version that every change takes the next of. */
export type VersionedTable =
  | 'governments'
  | 'people'
  | 'bodies'
  | 'meetings'
  | 'climate_targets'
  | 'inventories'
  | 'emission_reports'
  | 'climate_actions'
  | 'seats'
  | 'positions'
  | 'users'
  | 'elections'
  | 'news_posts'
  | 'files'
  | 'invitations'
  | 'attendance'
  | 'invoices'
  | 'offices';

/**
 * Takes the next version of a row (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match). Called by a table's owning repository only,
 * which names its own table.
 */
export async function claimVersionById(
  db: Executor,
  table: VersionedTable,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  if (expected?.length === 0) return undefined;
  // Kysely types a query against one table; every versioned table has `id` and `version`.
  const name = table as 'bodies' & keyof Database;
  let query = db
    .updateTable(name)
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expected) query = query.where('version', 'in', expected);
  const row = await query.returning('version').executeTakeFirst();
  return row?.version;
}

/**
 * Takes the next version of many rows at once, each only if it still has the version it was
 * read at (`expected`): the ids whose version was taken (and which stay locked until the
 * transaction ends). A row changed or deleted since it was read is left out, for the caller to
 * leave alone rather than overwrite a change it has not seen.
 */
export async function claimVersionsById(
  db: Executor,
  table: VersionedTable,
  claims: readonly { id: number; expected: number }[],
): Promise<Set<number>> {
  const claimed = new Set<number>();
  const name = table as 'bodies' & keyof Database;
  // Chunks keep the statement's parameters well under every dialect's limit.
  for (let start = 0; start < claims.length; start += 250) {
    const chunk = claims.slice(start, start + 250);
    const rows = await db
      .updateTable(name)
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where((eb) =>
        eb.or(chunk.map((c) => eb.and([eb('id', '=', c.id), eb('version', '=', c.expected)]))),
      )
      .returning('id')
      .execute();
    for (const row of rows) claimed.add(row.id);
  }
  return claimed;
}
