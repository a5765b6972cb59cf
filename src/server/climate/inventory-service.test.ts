import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInventory } from './exports/inventory';
import { dialectCases } from '../../../test/setup/databases';
import type { InventoryEntry } from './schemas';
import {
  createInventory,
  deleteInventory,
  emissionsOf,
  getInventory,
  inventoriesOf,
  updateInventory,
} from './service';
import { auditOf, climateWorld, countRows, type ClimateWorld } from './test-support';

/**
 * The inventory service without HTTP, on both databases: totals from the climate engine under
 * the inventory's GWP set, one inventory a year, lines that cannot be totalled, who may change
 * an inventory, the illustrative mark, and a damaged totals column.
 */

const ENTRIES: InventoryEntry[] = [
  { code: 'I.1.1', gas: 'CO2', amount: 1000, notationKey: null },
  { code: 'I.1.1', gas: 'CH4', amount: 10, notationKey: null },
  { code: 'I.2.2', gas: 'CO2e', amount: 500, notationKey: null, notes: 'from the utility' },
  { code: 'III.1.1', gas: 'CO2e', amount: null, notationKey: 'NE' },
];

describe.each(dialectCases())('inventory service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let w: ClimateWorld;
  beforeAll(async () => {
    if (!skip) w = await climateWorld(dialect);
  });
  afterAll(async () => {
    await w?.drop();
  });

  it_('totals the lines under the GWP set and again when the set changes', async () => {
    const created = await createInventory(w.db, w.officer('suwon'), 'suwon', {
      year: 2020,
      gwpSet: 'AR5',
      entries: ENTRIES,
    });
    // AR5: 1000 + 10 × 28 + 500
    expect(created.totals.basic).toBeCloseTo(1780, 9);
    expect(created).toMatchObject({ status: 'draft', methodology: 'GPC 1.1', version: 1 });
    expect(created.entries[2]).toEqual({
      code: 'I.2.2',
      gas: 'CO2e',
      amount: 500,
      notationKey: null,
      notes: 'from the utility',
    });
    // Final, so the emissions series counts it (a draft is not reported yet).
    const ar6 = await updateInventory(w.db, w.officer('suwon'), created.id, {
      gwpSet: 'AR6',
      status: 'final',
    });
    // AR6: 1000 + 10 × 27.9 + 500; the lines stay as they were.
    expect(ar6.totals.basic).toBeCloseTo(1779, 9);
    expect(ar6.entries).toEqual(created.entries);
    expect(ar6.version).toBe(2);
    const series = await emissionsOf(w.db, null, 'suwon');
    expect(series.years.find((y) => y.year === 2020)).toMatchObject({
      source: 'inventory',
      value: ar6.totals.basic,
    });
    expect((await inventoriesOf(w.db, w.admin, 'suwon')).map((i) => i.year)).toEqual([2020]);
    await expect(
      createInventory(w.db, w.admin, 'suwon', { year: 2020, gwpSet: 'AR6' }),
    ).rejects.toMatchObject({ status: 409, errors: [{ pointer: '/year' }] });
  });

  it_('keeps a draft to its government and the secretariat until it is final', async () => {
    const draft = await createInventory(w.db, w.officer('seoul'), 'seoul', {
      year: 2016,
      gwpSet: 'AR5',
      entries: ENTRIES,
    });
    expect(draft.status).toBe('draft');
    const years = async (reader: Parameters<typeof inventoriesOf>[1]) =>
      (await inventoriesOf(w.db, reader, 'seoul')).map((i) => i.year);
    expect(await years(null)).not.toContain(2016);
    expect(await years(w.officer('suwon'))).not.toContain(2016);
    expect(await years(w.viewer)).not.toContain(2016);
    expect(await years(w.officer('seoul'))).toContain(2016);
    expect(await years(w.admin)).toContain(2016);
    await expect(getInventory(w.db, null, draft.id)).rejects.toMatchObject({ status: 404 });
    await expect(getInventory(w.db, w.officer('suwon'), draft.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      exportInventory(w.db, null, 'seoul', 2016, 'csv', new PassThrough()),
    ).rejects.toMatchObject({ status: 404 });

    // Progress is computed from what was reported: a draft is not in the emissions series.
    const inventoryOf2016 = async () =>
      (await emissionsOf(w.db, w.admin, 'seoul')).years.find((y) => y.year === 2016)?.inventory ??
      null;
    expect(await inventoryOf2016()).toBeNull();

    await updateInventory(w.db, w.officer('seoul'), draft.id, { status: 'final' });
    expect(await years(null)).toContain(2016);
    expect(await inventoryOf2016()).toMatchObject({ id: draft.id });
    expect((await getInventory(w.db, null, draft.id)).status).toBe('final');
  });

  it_('refuses lines that cannot be totalled, naming them, and writes nothing', async () => {
    const inventories = await countRows(w.db, 'inventories');
    const audit = await countRows(w.db, 'audit_log');
    await expect(
      createInventory(w.db, w.admin, 'seoul', {
        year: 2019,
        gwpSet: 'AR6',
        entries: [
          { code: 'I.1.1', gas: 'CO2', amount: 5, notationKey: null },
          { code: 'I.1.1', gas: 'CO2', amount: 5, notationKey: 'IE' },
          { code: 'IX.9', gas: 'CO2', amount: 5, notationKey: null },
        ],
      }),
    ).rejects.toMatchObject({
      status: 422,
      errors: expect.arrayContaining([
        expect.objectContaining({ pointer: '/entries/1' }),
        expect.objectContaining({ pointer: '/entries/2' }),
      ]),
    });
    expect(await countRows(w.db, 'inventories')).toBe(inventories);
    expect(await countRows(w.db, 'audit_log')).toBe(audit);
  });

  it_('keeps an inventory its government’s to change', async () => {
    const [demo] = await inventoriesOf(w.db, w.admin, 'changchun');
    if (!demo) throw new Error('the demo has an inventory of Changchun');
    await expect(
      updateInventory(w.db, w.officer('kyoto'), demo.id, { notes: 'not mine' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(deleteInventory(w.db, w.viewer, demo.id)).rejects.toMatchObject({ status: 403 });
    // Changing the notes leaves the figures illustrative; new lines make them the member's own.
    const noted = await updateInventory(w.db, w.officer('changchun'), demo.id, { notes: 'x' });
    expect(noted.isIllustrative).toBe(true);
    const own = await updateInventory(w.db, w.officer('changchun'), demo.id, {
      entries: ENTRIES,
    });
    expect(own).toMatchObject({
      isIllustrative: false,
      notes: 'x',
      entries: ENTRIES.map((e) => ({ notes: null, ...e })),
    });
    const versions = await w.db.climate.listVersions('inventory', demo.id);
    expect(JSON.parse(versions[0]?.snapshot ?? 'null')).toEqual(own);
    expect((await auditOf(w.db, 'inventory', demo.id)).at(-1)).toMatchObject({
      action: 'update',
      summary: 'changchun: inventory 2019 changed',
    });

    await deleteInventory(w.db, w.officer('changchun'), demo.id);
    await expect(getInventory(w.db, w.admin, demo.id)).rejects.toMatchObject({ status: 404 });
    expect((await w.db.climate.listVersions('inventory', demo.id))[0]).toMatchObject({
      change: 'delete',
      snapshot: null,
    });
  });

  it_('says which inventory row is damaged rather than showing zeros', async () => {
    const created = await createInventory(w.db, w.admin, 'kyoto', { year: 2021, gwpSet: 'AR6' });
    await w.db.kysely
      .updateTable('inventories')
      .set({ totals: '{"basic": ' })
      .where('id', '=', created.id)
      .execute();
    await expect(getInventory(w.db, w.admin, created.id)).rejects.toThrow(
      `inventories ${created.id}: the stored JSON does not parse`,
    );
    await w.db.kysely
      .updateTable('inventories')
      .set({ totals: '{"basic": 1}' })
      .where('id', '=', created.id)
      .execute();
    await expect(inventoriesOf(w.db, w.admin, 'kyoto')).rejects.toMatchObject({
      name: 'JsonColumnError',
      table: 'inventories',
      id: created.id,
    });
  });
});
