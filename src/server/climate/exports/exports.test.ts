import fs from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { plainFormulas } from '../../../core/climate/formulas';
import { GPC_SUBCATEGORIES } from '../../../core/climate/gpc';
import { inventoryTotals, type InventoryEntry } from '../../../core/climate/inventory';
import { SYSTEM_ADMIN } from '../../audit/service';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import { nowIso } from '../../db/types';
import { HttpProblem } from '../../http/problem';
import { runImport } from '../imports/service';
import { translator } from '../../i18n/translator';
import { exportInventory, reportedHeader } from './inventory';
import { exportTargets, NZT_COLUMNS } from './targets';

const FIXTURES = fileURLToPath(new URL('../imports/fixtures/', import.meta.url));
const REPORTED_HEADER = reportedHeader(translator('en'));

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

/** A CSV or XLSX file as rows of cells (XLSX keeps its numbers as numbers). */
async function tableOf(bytes: Buffer, format: 'csv' | 'xlsx'): Promise<unknown[][]> {
  if (format === 'csv') {
    // The byte-order mark stays in every language: Excel in East Asian locales needs it.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parse(bytes.toString('utf8'), { bom: true }) as string[][];
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** What a Korean and a Japanese reader see in Suwon's 2020 inventory (the catalogs' words). */
const IN_LANGUAGE = {
  ko: {
    header: ['GPC 코드', '부문', '하위 부문', '스코프', 'CO₂(톤)', 'CH₄(톤)'],
    total: '합계(톤 CO₂e, AR5 GWP100)',
    notationKey: '표기 기호',
    sector: '고정 에너지',
    subsector: '주거용 건물',
    totalBasic: 'BASIC 합계',
    provenance: ['수원시', '2020', 'GPC 인벤토리(AR5)', '예'],
    sheet: 'GPC 인벤토리 2020',
  },
  ja: {
    header: ['GPCコード', '部門', 'サブ部門', 'スコープ', 'CO₂（トン）', 'CH₄（トン）'],
    total: '合計（トン CO₂換算、AR5 GWP100）',
    notationKey: '表記記号',
    sector: '固定エネルギー',
    subsector: '住宅',
    totalBasic: 'BASIC 合計',
    provenance: ['水原市', '2020', 'GPCインベントリ（AR5）', 'はい'],
    sheet: 'GPCインベントリ 2020',
  },
} as const;

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
    // New Taipei's only target is a coal phase-out, which the tracker's columns cannot carry.
    expect(rows.some((r) => r.includes('New Taipei'))).toBe(false);
    // Every row has an id_code: the tracker's, else Accord's own.
    expect(rows.slice(1).map((r) => record(r).id_code)).toContain('accord:kyoto');
    expect(rows.slice(1).every((r) => record(r).id_code !== '')).toBe(true);
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
    const column = (name: string) => NZT_COLUMNS.indexOf(name as never) + 1;
    const names = (sheet?.getColumn(column('name')).values ?? []).slice(2);
    expect(names).toContain('Kyoto');
    expect(sheet?.getRow(2).getCell(column('end_target_year')).value).toEqual(expect.any(Number));
  });

  it_('writes an inventory with one row per GPC subcategory and the engine’s totals', async () => {
    const bytes = await collect((out) =>
      exportInventory(db, SYSTEM_ADMIN, 'suwon', 2020, 'csv', out),
    );
    const rows = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    const header = rows[0] as string[];
    expect(header.slice(0, 4)).toEqual(['GPC code', 'Sector', 'Sub-sector', 'Scope']);
    // Gases as readers write them; the data's codes (CO2, CO2e) stay in the API only.
    expect(header.slice(4, 6)).toEqual(['CO₂ (t)', 'CH₄ (t)']);
    expect(header).toContain('Reported as CO₂e (t CO₂e)');
    expect(plainFormulas(header.join(' | '))).toEqual([]);
    const totalColumn = header.indexOf('Total (t CO₂e, AR5 GWP100)');
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
    // Every row names the government, the year, the source and whether it is illustrative.
    for (const row of rows.slice(1)) {
      expect(row.slice(-4)).toEqual(['Suwon', '2020', 'GPC inventory (AR5)', 'yes']);
    }
  });

  it_('writes the reported totals by scope of a year without an inventory', async () => {
    // An imported city: its figures come from CDP's file, not from a GPC inventory.
    const run = await runImport(db, SYSTEM_ADMIN, {
      kind: 'cdp-emissions',
      input: Readable.from([fs.readFileSync(`${FIXTURES}cdp-emissions.csv`)]),
      fileName: 'cdp-emissions.csv',
    });
    expect(run.status).toBe('done');
    const bytes = await collect((out) => exportInventory(db, null, 'busan', 2018, 'csv', out));
    const rows = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...REPORTED_HEADER]);
    expect(rows.length).toBeGreaterThan(1);
    const record = Object.fromEntries(
      (rows[0] as string[]).map((h, i) => [h, (rows[1] as string[])[i]]),
    );
    expect(record).toMatchObject({
      Government: expect.stringMatching(/Busan/),
      Year: '2018',
      // The source by its name; the report's own label beside it.
      Source: 'CDP',
      Used: 'yes',
      'Imported from': expect.stringMatching(/^cdp-emissions\.csv, row \d+$/),
      Illustrative: 'no',
    });
    expect(Number(record['Scope 1 (t CO₂e)'])).toBeGreaterThan(0);
    // The demo's Kyoto figure of 2018 (CDP 2021), entered without a file.
    const kyotoCsv = await collect((out) => exportInventory(db, null, 'kyoto', 2018, 'csv', out));
    const kyoto = parse(kyotoCsv.toString('utf8'), { bom: true }) as string[][];
    expect(kyoto[1]?.slice(0, 4)).toEqual([
      'Kyoto',
      '2018',
      'CDP',
      'CDP 2021 city-wide emissions (FY2018)',
    ]);
    expect(kyoto[1]?.[REPORTED_HEADER.indexOf('Scope 1 (t CO₂e)')]).toBe('3636204');
    await expect(
      collect((out) => exportInventory(db, null, 'busan', 1999, 'csv', out)),
    ).rejects.toMatchObject({ status: 404 });
  });

  for (const lang of ['ko', 'ja'] as const) {
    for (const format of ['csv', 'xlsx'] as const) {
      it_(`writes an inventory in ${lang} as ${format}: headers, sectors, words`, async () => {
        const words = IN_LANGUAGE[lang];
        const bytes = await collect((out) =>
          exportInventory(db, SYSTEM_ADMIN, 'suwon', 2020, format, out, lang),
        );
        const rows = await tableOf(bytes, format);
        const header = rows[0] as string[];
        expect(header.slice(0, 6)).toEqual([...words.header]);
        // Not a word of English left in the header but codes (CO2, GPC, BASIC, GWP100…).
        expect(header.join(' ')).not.toMatch(/Sector|Scope|Total|Notation|Government|Year/);
        const totalColumn = header.indexOf(words.total);
        expect(totalColumn).toBeGreaterThan(0);
        const byLabel = new Map(rows.map((r) => [String(r[0]), r]));
        const line = byLabel.get('I.1.1') ?? [];
        expect(line.slice(1, 3)).toEqual([words.sector, words.subsector]);
        // Numbers stay numbers: typed in XLSX, digits in CSV.
        expect(line[totalColumn]).toEqual(format === 'xlsx' ? 1280 : '1280');
        expect(line[3]).toEqual(format === 'xlsx' ? 1 : '1');
        // Notation keys are GPC codes practitioners write in every language.
        expect(byLabel.get('III.1.1')?.[header.indexOf(words.notationKey)]).toBe('NE');
        const totals = inventoryTotals(ENTRIES, 'AR5');
        expect(Number(byLabel.get(words.totalBasic)?.[totalColumn])).toBeCloseTo(totals.basic, 6);
        for (const row of rows.slice(1)) {
          expect(row.slice(-4).map(String)).toEqual([...words.provenance]);
        }
        if (format === 'xlsx') {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
          expect(workbook.worksheets[0]?.name).toBe(words.sheet);
        }
      });
    }
  }

  it_('writes the reported totals in Korean and Japanese', async () => {
    // After the import above: Busan's 2018 figures came from a file, with its row.
    const ko = await tableOf(
      await collect((out) => exportInventory(db, null, 'busan', 2018, 'csv', out, 'ko')),
      'csv',
    );
    const header = ko[0] as string[];
    expect(header).toEqual([...reportedHeader(translator('ko'))]);
    expect(header.slice(0, 5)).toEqual([
      '지방정부',
      '연도',
      '출처',
      '공표 명칭',
      '진척도 계산에 사용',
    ]);
    expect(header).toContain('스코프 1(톤 CO₂e)');
    const record = Object.fromEntries(header.map((h, i) => [h, (ko[1] as string[])[i]]));
    expect(record).toMatchObject({
      출처: 'CDP',
      '진척도 계산에 사용': '예',
      '가져온 곳': expect.stringMatching(/^cdp-emissions\.csv, \d+행$/),
      예시: '아니요',
    });
    const ja = await tableOf(
      await collect((out) => exportInventory(db, null, 'kyoto', 2018, 'xlsx', out, 'ja')),
      'xlsx',
    );
    expect((ja[0] as string[]).slice(0, 5)).toEqual([
      '自治体',
      '年',
      '出典',
      '公表名',
      '進捗の計算に使用',
    ]);
    expect(ja[1]?.slice(0, 5)).toEqual([
      '京都市',
      2018,
      'CDP',
      'CDP 2021 city-wide emissions (FY2018)',
      'はい',
    ]);
    expect(ja[1]?.[(ja[0] as string[]).indexOf('スコープ1（トン CO₂換算）')]).toBe(3636204);
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
