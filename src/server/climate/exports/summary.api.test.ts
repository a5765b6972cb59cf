import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../../test/setup/app';

/**
 * The climate dashboard's table as a file, through HTTP, on both databases: for every region at
 * once (no `region`) or for one, assessed as of a year, its words in the reader's language.
 *
 * Hand-checked against the demo (src/server/setup/demo): 38 governments in nine regions, 27 of
 * them in East Asia, two in Europe; five members, all in East Asia. Kyoto is the one member with
 * an emissions target assessed in 2021: 46 % below FY2013's 7.84 Mt by 2030, on track, 41.4 % of
 * the way, from the FY2018 CDP report (3,636,204 t scope 1 + 2,904,444 t scope 2 = 6,540,648 t);
 * its net-zero target is for 2050. Changchun's latest figure, 2019, is illustrative.
 */
const URL_CSV = '/api/v1/exports/climate-summary.csv';
const URL_XLSX = '/api/v1/exports/climate-summary.xlsx';

function csvRows(body: string): string[][] {
  return parse(body, { bom: true }) as string[][];
}

describe.each(dialectCases())('the climate dashboard export on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it_('exports every region at once, in Korean, with a byte-order mark', async () => {
    const res = await t.app.inject({ url: `${URL_CSV}?asOf=2021&lang=ko` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="accord-climate-all-regions-2021.csv"',
    );
    expect(res.headers['content-language']).toBe('ko');
    // Excel in East Asian locales reads UTF-8 only with the mark.
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const [header, ...rows] = csvRows(res.body);
    expect(header).toEqual([
      '지방정부',
      '국가',
      '지역',
      '회원 여부',
      '목표 수',
      '대표 목표',
      '목표 연도',
      '상태',
      '진척도(%)',
      '기준 연도 배출량(톤 CO₂e)',
      '넷제로 연도',
      '최근 배출량(톤 CO₂e)',
      '최근 배출량 연도',
      '예시 수치',
    ]);
    // The whole network, not one region: every government of the demo, each naming its region.
    expect(rows).toHaveLength(38);
    const byRegion = new Map<string, number>();
    for (const r of rows) byRegion.set(r[2] as string, (byRegion.get(r[2] as string) ?? 0) + 1);
    expect(byRegion.get('동아시아')).toBe(27);
    expect(byRegion.get('유럽')).toBe(2);
    expect(byRegion.size).toBe(9);
    expect(rows.filter((r) => r[3] === '회원')).toHaveLength(5);
    expect(rows.filter((r) => r[3] === '잠재 회원')).toHaveLength(33);

    const kyoto = rows.find((r) => r[0]?.startsWith('교토시'));
    expect(kyoto?.slice(1, 5)).toEqual(['일본', '동아시아', '회원', '2']);
    expect(kyoto?.slice(6)).toEqual([
      '2030',
      '순조로움',
      '41.4',
      '7840000',
      '2050',
      '6540648',
      '2018',
      '아니요',
    ]);
    // The headline target by its Korean title, as the dashboard shows it, not as entered.
    const kyotoSummary = (
      (await t.app.inject({ url: '/api/v1/climate/summary?asOf=2021' })).json() as {
        rows: { slug: string; headline: { title: string; titles: Record<string, string> } }[];
      }
    ).rows.find((r) => r.slug === 'kyoto');
    expect(kyotoSummary?.headline.titles.ko).toBeTruthy();
    expect(kyoto?.[5]).toBe(kyotoSummary?.headline.titles.ko);
    expect(kyoto?.[5]).not.toBe(kyotoSummary?.headline.title);
    const changchun = rows.find((r) => r[12] === '2019' && r[13] === '예');
    expect(changchun?.[1]).toBe('중국');

    // The members' base-year emissions add up to the dashboard's headline figure.
    const summary = (await t.app.inject({ url: '/api/v1/climate/summary?asOf=2021' })).json() as {
      members: { baseEmissionsCovered: number };
    };
    const covered = rows
      .filter((r) => r[3] === '회원')
      .reduce((sum, r) => sum + Number(r[9] || 0), 0);
    expect(covered).toBe(7_840_000);
    expect(summary.members.baseEmissionsCovered).toBe(covered);
  });

  it_('exports one region in the language Accept-Language prefers, as XLSX', async () => {
    const res = await t.app.inject({
      url: `${URL_XLSX}?region=east-asia&asOf=2021`,
      headers: { 'accept-language': 'ja-JP, en;q=0.5' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBe('ja');
    expect(res.headers.vary).toMatch(/Accept-Language/);
    expect(res.headers['content-disposition']).toMatch(/accord-climate-east-asia-2021\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('東アジア 2021');
    expect((sheet?.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['自治体', '国', '地域']);
    expect(sheet?.rowCount).toBe(1 + 27);
    const values: unknown[][] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) values.push((row.values as unknown[]).slice(1));
    });
    expect(values.every((v) => v[2] === '東アジア')).toBe(true);
    const kyoto = values.find((v) => v[0] === '京都市');
    // Numbers stay numbers in the workbook.
    expect(kyoto?.slice(6, 12)).toEqual([2030, '順調', 41.4, 7_840_000, 2050, 6_540_648]);
  });

  it_(
    'answers 404 for a region that does not exist, and a region without governments empty',
    async () => {
      const missing = await t.app.inject({ url: `${URL_CSV}?region=atlantis` });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
      // The world secretariat's region has no governments: the file has its header and no rows.
      const global = await t.app.inject({ url: `${URL_CSV}?region=global&lang=en` });
      expect(global.statusCode).toBe(200);
      expect(csvRows(global.body)).toHaveLength(1);
    },
  );

  it_(
    'gives every summary row its region, so the whole network reads region by region',
    async () => {
      const res = await t.app.inject({ url: '/api/v1/climate/summary?asOf=2021' });
      const body = res.json() as {
        region: string | null;
        rows: { slug: string; region: string }[];
      };
      expect(body.region).toBeNull();
      expect(body.rows).toHaveLength(38);
      expect(body.rows.find((r) => r.slug === 'kyoto')?.region).toBe('east-asia');
      expect(new Set(body.rows.map((r) => r.region)).size).toBe(9);
    },
  );
});
