import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { GPC_SUBCATEGORIES } from '../../../core/climate/gpc';
import { inventoryTotals, type InventoryEntry } from '../../../core/climate/inventory';
import { SYSTEM_ADMIN } from '../../audit/service';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import { nowIso } from '../../db/types';
import { HttpProblem } from '../../http/problem';
import { exportInventory } from './inventory';
import { exportTargets, NZT_COLUMNS } from './targets';

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

const ENTRIES: InventoryEntry[] = [
  { code: 'I.1.1', gas: 'CO2', amount: 1000, notationKey: null },
  { code: 'I.1.1', gas: 'CH4', amount: 10, notationKey: null },
  { code: 'I.1.2', gas: 'CO2e', amount: 500, notationKey: null },
  { code: 'II.1.1', gas: 'N2O', amount: 1, notationKey: null },
  { code: 'III.1.1', gas: 'CO2e', amount: null, notationKey: 'NE' },
  { code: 'I.4.4', gas: 'CO2', amount: 200, notationKey: null },
  { code: 'IV.1', gas: 'CO2', amount: 300, notationKey: null },
  { code: 'VI.1', gas: 'CO2e', amount: 50, notationKey: null },
];

describe.each(dialectCases())('exports on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'test-admin-password-1' });
    const suwon = await db.kysely
      .selectFrom('governments')
      .where('slug', '=', 'suwon')
      .select('id')
      .executeTakeFirstOrThrow();
    const now = nowIso();
    const totals = inventoryTotals(ENTRIES, 'AR5');
    const inventory = await db.kysely
      .insertInto('inventories')
      .values({
        government_id: suwon.id,
        year: 2020,
        gwp_set: 'AR5',
        boundary: 'city-wide',
        methodology: 'GPC 1.1',
        status: 'draft',
        notes: null,
        is_illustrative: 1,
        basic_total: totals.basic,
        basic_plus_total: totals.basicPlus,
        totals: JSON.stringify(totals),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('inventory_entries')
      .values(
        ENTRIES.map((e) => ({
          inventory_id: inventory.id,
          code: e.code,
          gas: e.gas,
          amount: e.amount,
          notation_key: e.notationKey,
          notes: null,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await drop?.();
  });

  it_("writes targets as CSV with a byte-order mark and the tracker's columns", async () => {
    const bytes = await collect((out) => exportTargets(db, { format: 'csv' }, out));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...NZT_COLUMNS]);
    const header = rows[0] as string[];
    const record = (row: string[]) => Object.fromEntries(header.map((h, i) => [h, row[i]]));
    const kyoto = rows
      .slice(1)
      .map(record)
      .find((r) => r.name === 'Kyoto');
    expect(kyoto).toMatchObject({
      country: 'JPN',
      actor_type: 'City',
      end_target: 'Zero emissions',
      end_target_year: '2050',
      end_target_status: 'Declaration / pledge',
      // In the tracker's unit, MtCO2e, so that the file reads back as it was (7,840,000 t).
      end_target_baseline_emissions: '7.84',
      interim_target: 'Emissions reduction target',
      interim_target_year: '2030',
      interim_target_percentage_reduction: '40',
      interim_target_baseline_year: '2013',
      has_plan: 'Yes',
      reporting_mechanism: 'CDP',
    });
    // New Taipei's only target is a coal phase-out: no emissions target, no row.
    expect(rows.some((r) => r[1] === 'New Taipei')).toBe(false);
  });

  it_('filters by region and refuses an unknown one', async () => {
    const europe = await collect((out) =>
      exportTargets(db, { format: 'csv', region: 'europe' }, out),
    );
    expect(parse(europe.toString('utf8'), { bom: true })).toHaveLength(1);
    await expect(
      collect((out) => exportTargets(db, { format: 'csv', region: 'atlantis' }, out)),
    ).rejects.toBeInstanceOf(HttpProblem);
  });

  it_('writes targets as XLSX that reads back', async () => {
    const bytes = await collect((out) => exportTargets(db, { format: 'xlsx' }, out));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual([...NZT_COLUMNS]);
    const names = (sheet?.getColumn(2).values ?? []).slice(2);
    expect(names).toContain('Kyoto');
    expect(sheet?.getRow(2).getCell(6).value).toEqual(expect.any(Number));
  });

  it_('writes an inventory with one row per GPC subcategory and the engine’s totals', async () => {
    const bytes = await collect((out) =>
      exportInventory(db, SYSTEM_ADMIN, 'suwon', 2020, 'csv', out),
    );
    const rows = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    const header = rows[0] as string[];
    expect(header.slice(0, 4)).toEqual(['GPC code', 'Sector', 'Sub-sector', 'Scope']);
    const totalColumn = header.indexOf('Total (t CO2e, AR5 GWP100)');
    expect(totalColumn).toBeGreaterThan(0);
    const lines = rows.slice(1, 1 + GPC_SUBCATEGORIES.length);
    expect(lines.map((r) => r[0])).toEqual(GPC_SUBCATEGORIES.map((s) => s.code));
    const totals = inventoryTotals(ENTRIES, 'AR5');
    const byLabel = new Map(rows.map((r) => [r[0], r]));
    expect(Number(byLabel.get('Total BASIC')?.[totalColumn])).toBeCloseTo(totals.basic, 6);
    expect(Number(byLabel.get('Total BASIC+')?.[totalColumn])).toBeCloseTo(totals.basicPlus, 6);
    expect(Number(byLabel.get('Total scope 1')?.[totalColumn])).toBeCloseTo(totals.byScope[1], 6);
    expect(rows).toHaveLength(1 + GPC_SUBCATEGORIES.length + 5);
    // 1,000 t CO2 + 10 t CH4 × 28 (AR5).
    expect(Number(byLabel.get('I.1.1')?.[totalColumn])).toBe(1280);
    expect(byLabel.get('III.1.1')?.[header.indexOf('Notation key')]).toBe('NE');
    expect(byLabel.get('IV.1')?.[header.indexOf('BASIC')]).toBe('');
    expect(byLabel.get('IV.1')?.[header.indexOf('BASIC+')]).toBe('yes');
  });

  it_('writes an inventory as XLSX and refuses a year without one', async () => {
    const bytes = await collect((out) =>
      exportInventory(db, SYSTEM_ADMIN, 'suwon', 2020, 'xlsx', out),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(1 + GPC_SUBCATEGORIES.length + 5);
    await expect(
      collect((out) => exportInventory(db, SYSTEM_ADMIN, 'suwon', 1999, 'csv', out)),
    ).rejects.toMatchObject({ status: 404 });
  });
});
