import type { Insertable, Selectable, Updateable } from 'kysely';
import type { InventoryEntryTable, InventoryTable } from '../db/schema';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';
import { moveRowsToGovernment } from '../db/government-move';

/** Inventories and their lines (re-exported by repository.ts as part of `store.climate`). */

export type InventoryRow = Selectable<InventoryTable>;
export type InventoryEntryRow = Pick<
  Selectable<InventoryEntryTable>,
  'code' | 'gas' | 'amount' | 'notation_key' | 'notes'
>;
/** An inventory as a year of the emissions series sees it. */
export type InventorySeriesRow = Pick<
  InventoryRow,
  'id' | 'government_id' | 'year' | 'basic_total' | 'basic_plus_total' | 'is_illustrative'
>;

export interface EntryValues {
  code: string;
  gas: InventoryEntryTable['gas'];
  amount: number | null;
  notationKey: InventoryEntryTable['notation_key'];
  notes?: string | null | undefined;
}

export function inventoriesOfGovernments(
  db: Executor,
  governmentIds: number[],
): Promise<InventoryRow[]> {
  if (governmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inventories')
    .where('government_id', 'in', governmentIds)
    .selectAll()
    .orderBy('government_id')
    .orderBy('year')
    .execute();
}

/**
 * The few columns the emissions series needs, of a few governments: final inventories only,
 * since progress is computed from what was reported, and a draft is not reported yet.
 */
export function inventorySeriesOfGovernments(
  db: Executor,
  governmentIds: number[],
): Promise<InventorySeriesRow[]> {
  return db
    .selectFrom('inventories')
    .where('government_id', 'in', governmentIds.length ? governmentIds : [-1])
    .where('status', '=', 'final')
    .select(['id', 'government_id', 'year', 'basic_total', 'basic_plus_total', 'is_illustrative'])
    .execute();
}

export function findInventory(db: Executor, id: number): Promise<InventoryRow | undefined> {
  return db.selectFrom('inventories').where('id', '=', id).selectAll().executeTakeFirst();
}

export function findInventoryByYear(
  db: Executor,
  governmentId: number,
  year: number,
): Promise<InventoryRow | undefined> {
  return db
    .selectFrom('inventories')
    .where('government_id', '=', governmentId)
    .where('year', '=', year)
    .selectAll()
    .executeTakeFirst();
}

export function entriesOf(db: Executor, inventoryId: number): Promise<InventoryEntryRow[]> {
  return db
    .selectFrom('inventory_entries')
    .where('inventory_id', '=', inventoryId)
    .select(['code', 'gas', 'amount', 'notation_key', 'notes'])
    .orderBy('id')
    .execute();
}

export async function insertInventory(
  db: Executor,
  values: Insertable<InventoryTable>,
): Promise<number> {
  const row = await db
    .insertInto('inventories')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes the next version of an inventory (its entries are part of it) (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimInventoryVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'inventories', id, expected);
}

export async function updateInventory(
  db: Executor,
  id: number,
  values: Updateable<InventoryTable>,
): Promise<void> {
  await db.updateTable('inventories').set(values).where('id', '=', id).execute();
}

export async function replaceEntries(
  db: Executor,
  inventoryId: number,
  entries: readonly EntryValues[],
): Promise<void> {
  await db.deleteFrom('inventory_entries').where('inventory_id', '=', inventoryId).execute();
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    if (chunk.length === 0) continue;
    await db
      .insertInto('inventory_entries')
      .values(
        chunk.map((e) => ({
          inventory_id: inventoryId,
          code: e.code,
          gas: e.gas,
          amount: e.amount,
          notation_key: e.notationKey,
          notes: e.notes ?? null,
        })),
      )
      .execute();
  }
}

export async function deleteInventory(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('inventories').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- merges of governments

/** Points inventories at another government (a merge of governments, and its undo). */
export async function setInventoriesGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'inventories', ids, governmentId);
}
