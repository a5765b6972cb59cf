import type { Database } from './schema';
import type { Executor } from './types';

/** The tables whose rows point at one government by `government_id` and move in a merge. */
export type GovernmentRowTable =
  | 'users'
  | 'seats'
  | 'invitations'
  | 'attendance'
  | 'motion_votes'
  | 'candidates'
  | 'election_voters'
  | 'news_governments'
  | 'climate_targets'
  | 'climate_actions'
  | 'inventories'
  | 'positions'
  | 'membership_periods'
  | 'invoices';

const CHUNK = 500;

/**
 * Points these rows at another government, in chunks that keep every statement's parameters
 * well under each dialect's limit (a merge of two governments, and its undo). Nothing else of
 * the rows changes, their version included: the undo puts them back exactly. Called by a
 * table's owning repository only, which names its own table.
 */
export async function moveRowsToGovernment(
  db: Executor,
  table: GovernmentRowTable,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  // Kysely types a query against one table; every table named has `id` and `government_id`.
  const name = table as 'seats' & keyof Database;
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .updateTable(name)
      .set({ government_id: governmentId })
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
  }
}
