import { inventoryTotals, validateEntries } from '../../core/climate/inventory';
import type { GwpSet } from '../../core/climate/types';
import { can } from '../../core/policy';
import type { Actor } from '../../core/roles';
import type { AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { conflict, HttpProblem, notFound } from '../http/problem';
import type { Store } from '../store';
import {
  editableGovernment,
  editableGovernmentBySlug,
  governmentById,
  governmentOrThrow,
} from './access';
import { presentInventory, type InventorySummary } from './present';
import type { EntryValues } from './repository';
import type { Inventory, InventoryCreate, InventoryPatch } from './schemas';
import { recordVersionedWrite } from './versions';

/** GPC inventories: their lines, the totals the climate engine computes from them. */

/** The totals of the lines under the GWP set; 422 naming the lines that cannot be totalled. */
function totalsFor(entries: readonly EntryValues[], gwpSet: GwpSet): Inventory['totals'] {
  const problems = validateEntries(entries);
  if (problems.length > 0) {
    const first = problems[0] as (typeof problems)[number];
    throw new HttpProblem(
      422,
      'Unprocessable Content',
      `${problems.length} inventory line(s) cannot be totalled: ${first.message}`,
      problems.slice(0, 50).map((p) => ({
        pointer: `/entries/${p.index}`,
        detail: p.message,
        code: 'inventory-line-invalid',
      })),
      undefined,
      'inventory-line-invalid',
    );
  }
  const t = inventoryTotals(entries, gwpSet);
  return {
    basic: t.basic,
    basicPlus: t.basicPlus,
    territorial: t.territorial,
    byScope: t.byScope,
    bySector: t.bySector,
    bySubsector: t.bySubsector,
    byGas: t.byGas,
    completeness: t.completeness,
  };
}

/**
 * A draft inventory is its government's and the secretariat's until it is final
 * (climate.readDraft): to anyone else it does not exist.
 */
export function mayReadInventory(
  reader: Actor | null,
  inventory: { status: string; government_id: number },
): boolean {
  return (
    inventory.status !== 'draft' ||
    can(reader, 'climate.readDraft', { governmentId: inventory.government_id })
  );
}

export async function inventoriesOf(
  store: Store,
  reader: Actor | null,
  slug: string,
): Promise<InventorySummary[]> {
  const gov = await governmentOrThrow(store, slug);
  const rows = await store.climate.inventoriesOfGovernments([gov.id]);
  return rows.filter((r) => mayReadInventory(reader, r)).map((r) => presentInventory(r, slug));
}

export async function getInventory(
  store: Store,
  reader: Actor | null,
  id: number,
): Promise<Inventory> {
  const row = await store.climate.findInventory(id);
  if (!row || !mayReadInventory(reader, row)) throw notFound('inventory', `no inventory ${id}`);
  const gov = await governmentById(store, row.government_id);
  return presentInventory(row, gov.slug, await store.climate.entriesOf(id));
}

export function createInventory(
  store: Store,
  actor: AuditActor,
  slug: string,
  input: InventoryCreate,
): Promise<Inventory> {
  return store.transaction(async (tx) => {
    const gov = await editableGovernmentBySlug(tx, actor, slug);
    if (await tx.climate.findInventoryByYear(gov.id, input.year)) {
      throw conflict('inventory-year-taken', `${slug} already has an inventory for ${input.year}`, {
        params: { year: input.year },
        pointer: '/year',
        fieldDetail: 'there is already an inventory for this year',
      });
    }
    const entries = input.entries ?? [];
    const totals = totalsFor(entries, input.gwpSet);
    const now = nowIso();
    const id = await tx.climate.insertInventory({
      government_id: gov.id,
      year: input.year,
      gwp_set: input.gwpSet,
      boundary: input.boundary ?? 'city-wide',
      methodology: input.methodology ?? 'GPC 1.1',
      status: input.status ?? 'draft',
      notes: input.notes ?? null,
      is_illustrative: 0,
      basic_total: totals.basic,
      basic_plus_total: totals.basicPlus,
      totals: JSON.stringify(totals),
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await tx.climate.replaceEntries(id, entries);
    const inventory = await getInventory(tx, actor, id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'inventory', id, version: 1, change: 'create', snapshot: inventory }],
      {
        summary: `${slug}: inventory ${input.year} added`,
        after: {
          year: input.year,
          gwpSet: input.gwpSet,
          basic: totals.basic,
          basicPlus: totals.basicPlus,
        },
      },
    );
    return inventory;
  });
}

/** The audit log's view of an inventory: its set, totals and size (the lines are in history). */
const auditView = (i: Inventory) => ({
  gwpSet: i.gwpSet,
  basic: i.totals.basic,
  basicPlus: i.totals.basicPlus,
  entries: i.entries.length,
});

export function updateInventory(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: InventoryPatch,
  change: 'update' | 'restore' = 'update',
  expected?: ExpectedVersions,
): Promise<Inventory> {
  return store.transaction(async (tx) => {
    const seen = await tx.climate.findInventory(id);
    if (!seen) throw notFound('inventory', `no inventory ${id}`);
    const gov = await editableGovernment(tx, actor, seen.government_id);
    // Concurrent changes of the inventory queue here; each then reads what the one before wrote.
    const version = claimedVersion(await tx.climate.claimInventoryVersion(id, expected));
    const row = await tx.climate.findInventory(id);
    if (!row) throw notFound('inventory', `no inventory ${id}`);
    const before = await getInventory(tx, actor, id);
    const entries = patch.entries ?? before.entries;
    const gwpSet = patch.gwpSet ?? row.gwp_set;
    // Every total is recomputed when the entries or the GWP set change.
    const totals = totalsFor(entries, gwpSet);
    await tx.climate.updateInventory(id, {
      gwp_set: gwpSet,
      ...(patch.boundary !== undefined ? { boundary: patch.boundary } : {}),
      ...(patch.methodology !== undefined ? { methodology: patch.methodology } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      // An edited demo inventory is the editor's own figures, no longer illustrative.
      ...(patch.entries ? { is_illustrative: 0 } : {}),
      basic_total: totals.basic,
      basic_plus_total: totals.basicPlus,
      totals: JSON.stringify(totals),
      updated_at: nowIso(),
    });
    if (patch.entries) await tx.climate.replaceEntries(id, patch.entries);
    const after = await getInventory(tx, actor, id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'inventory', id, version, change, snapshot: after }],
      {
        summary: `${gov.slug}: inventory ${row.year} ${change === 'restore' ? 'restored' : 'changed'}`,
        before: auditView(before),
        after: auditView(after),
      },
    );
    return after;
  });
}

export async function deleteInventory(store: Store, actor: AuditActor, id: number): Promise<void> {
  await store.transaction(async (tx) => {
    const row = await tx.climate.findInventory(id);
    if (!row) throw notFound('inventory', `no inventory ${id}`);
    const gov = await editableGovernment(tx, actor, row.government_id);
    const version = claimedVersion(await tx.climate.claimInventoryVersion(id));
    await tx.climate.deleteInventory(id);
    await recordVersionedWrite(
      tx,
      actor,
      [{ type: 'inventory', id, version, change: 'delete', snapshot: null }],
      {
        summary: `${gov.slug}: inventory ${row.year} deleted`,
        before: { year: row.year, basic: row.basic_total },
      },
    );
  });
}
