import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../../test/setup/app';

/**
 * The inventory export through HTTP, on both databases: its words follow `lang`, else
 * Accept-Language, else English, and the answer says which (Content-Language) and that it
 * varies with the header. The demo's Changchun 2019 inventory is final, so public.
 */
const URL_CSV = '/api/v1/governments/changchun/inventories/2019/export.csv';
const URL_XLSX = '/api/v1/governments/changchun/inventories/2019/export.xlsx';

function csvRows(body: string): string[][] {
  return parse(body, { bom: true }) as string[][];
}

describe.each(dialectCases())('inventory export languages on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it_('answers in the language lang names, whatever the browser prefers', async () => {
    const res = await t.app.inject({
      url: `${URL_CSV}?lang=ko`,
      headers: { 'accept-language': 'ja' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBe('ko');
    expect(res.headers.vary).toMatch(/Accept-Language/);
    const rows = csvRows(res.body);
    expect(rows[0]?.slice(0, 4)).toEqual(['GPC 코드', '부문', '하위 부문', '스코프']);
    expect(rows[0]).toContain('합계(톤 CO₂e, AR6 GWP100)');
    const line = rows.find((r) => r[0] === 'II.1.1');
    expect(line?.slice(1, 3)).toEqual(['수송', '도로 수송']);
    expect(line?.slice(-4)).toEqual(['창춘시', '2019', 'GPC 인벤토리(AR6)', '예']);
  });

  it_('reads Accept-Language without lang, and a tag close to one of its languages', async () => {
    const res = await t.app.inject({
      url: URL_XLSX,
      headers: { 'accept-language': 'fr-FR, ja-JP;q=0.8, en;q=0.5' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBe('ja');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet?.getRow(1).values as unknown[]).slice(1, 5)).toEqual([
      'GPCコード',
      '部門',
      'サブ部門',
      'スコープ',
    ]);
    expect(sheet?.getRow(2).getCell(2).value).toBe('固定エネルギー');

    const taiwan = await t.app.inject({ url: `${URL_CSV}?lang=zh-TW` });
    expect(taiwan.headers['content-language']).toBe('zh-Hant');
    expect(csvRows(taiwan.body)[0]?.[1]).toBe('部門');
    expect(csvRows(taiwan.body)[1]?.[1]).toBe('固定能源');
  });

  it_('falls back to English, and refuses a lang that is not a language tag', async () => {
    const french = await t.app.inject({
      url: `${URL_CSV}?lang=fr`,
      headers: { 'accept-language': 'de' },
    });
    expect(french.headers['content-language']).toBe('en');
    expect(csvRows(french.body)[0]?.slice(0, 2)).toEqual(['GPC code', 'Sector']);
    const none = await t.app.inject({ url: URL_CSV });
    expect(none.headers['content-language']).toBe('en');
    expect(csvRows(none.body)[1]?.[1]).toBe('Stationary energy');

    const bad = await t.app.inject({ url: `${URL_CSV}?lang=${encodeURIComponent('<ko>')}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().errors[0].pointer).toBe('/querystring/lang');
  });

  it_('documents lang on the inventory exports, not on the tracker-format targets', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, { get: { parameters?: { name: string; in: string }[] } }>;
    };
    const queryOf = (path: string) =>
      (doc.paths[path]?.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    for (const format of ['csv', 'xlsx']) {
      expect(queryOf(`/api/v1/governments/{slug}/inventories/{year}/export.${format}`)).toEqual([
        'lang',
      ]);
      expect(queryOf(`/api/v1/exports/targets.${format}`)).not.toContain('lang');
    }
  });
});
