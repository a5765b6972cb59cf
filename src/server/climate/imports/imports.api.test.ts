import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../../test/setup/app';
import type { ImportRun } from '../schemas';

/** A small CDP targets export with the raw (spaced) headers. */
const TARGETS_CSV = [
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Type of target,Base year,Base year emissions (metric tonnes CO2e),Percentage reduction target,Target year,Target year absolute emissions (metric tonnes CO2e),Percentage of target achieved so far,Target description',
  '2021,49389,Kyoto,Kyoto,Japan,East Asia,Base year emissions (absolute) target,2013,"7,840,000",40,2030,4704000,74,NA',
  '2021,999001,Ville Test,Ville Test,France,Europe,No target,NA,NA,NA,NA,NA,NA,NA',
  '2021,999002,Pueblo Nuevo,Pueblo Nuevo,Mexico,Latin America,Fixed level target,NA,NA,NA,2050,0,NA,Carbono neutralidad',
].join('\r\n');

const DIRECT_GENERATION =
  'Direct emissions (metric tonnes CO2e) for Total generation of grid-supplied energy';
const DIRECT_EXCLUDING =
  'Direct emissions (metric tonnes CO2e) for Total emissions (excluding generation of grid-supplied energy)';
/** City-wide emissions in CDP's 2021 headers, scope 1 given only in its two split columns. */
const SPLIT_EMISSIONS_CSV = [
  `Account Number,Organization,Country,Accounting year,${DIRECT_GENERATION},${DIRECT_EXCLUDING},TOTAL Scope 2 emissions (metric tonnes CO2e),Population`,
  '999301,Split Town,Japan,2019,1200,800,500,',
].join('\r\n');

/** A CDP targets file of `rows` generated rows: big enough that the 202 comes before its end. */
function manyTargets(rows: number): string[] {
  const lines = [
    'Account Number,Organization,City,Country,Type of target,Base year,Base year emissions (metric tonnes CO2e),Percentage reduction target,Target year',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${880000 + i},Town ${i},Town ${i},Japan,Base year emissions (absolute) target,2013,4000,50,2030`,
    );
  }
  return lines;
}

describe.each(dialectCases())('imports API on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: { cookie: string; 'x-csrf-token': string };
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  async function waitForRun(id: number): Promise<ImportRun> {
    for (let i = 0; i < 100; i++) {
      const res = await t.app.inject({ url: `/api/v1/imports/${id}`, headers: admin });
      expect(res.statusCode).toBe(200);
      const run = res.json() as ImportRun;
      if (run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  }

  it_('says which encoding it read a CSV upload in, and reads the one chosen', async () => {
    const file = iconv.encode(TARGETS_CSV.replace('Ville Test', 'Genève'), 'windows-1252');
    const upload = (query: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/cdp-targets?dryRun=true${query}`,
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: file,
      });
    const detected = await upload('');
    expect(detected.statusCode).toBe(202);
    expect(detected.json().run).toMatchObject({ encoding: 'windows-1252' });
    expect(await waitForRun(detected.json().run.id)).toMatchObject({ status: 'done' });

    const wrong = await upload('&encoding=utf-8');
    expect(wrong.statusCode).toBe(202);
    const failed = await waitForRun(wrong.json().run.id);
    expect(failed).toMatchObject({ status: 'failed', encoding: 'utf-8', processedRows: 0 });
    expect(failed.error).toMatch(/not valid UTF-8 on line 3/);
    // The same as a code, for the run page to say in the reader's language.
    expect(failed.errorReason).toEqual({
      code: 'encoding-not-readable',
      params: { encoding: 'UTF-8', line: 3 },
      written: { code: 'dry-run' },
    });

    const unknown = await upload('&encoding=ebcdic');
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toMatch(/encoding/);
  });

  it_('previews a CSV upload, reports each row and offers the report as CSV', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/cdp-targets?dryRun=true&fileName=targets.csv',
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: TARGETS_CSV,
    });
    expect(res.statusCode).toBe(202);
    const { run } = res.json() as { run: ImportRun };
    expect(res.headers.location).toBe(`/api/v1/imports/${run.id}`);
    expect(run).toMatchObject({
      kind: 'cdp-targets',
      fileName: 'targets.csv',
      layout: 'cdp-targets',
      dryRun: true,
    });

    const done = await waitForRun(run.id);
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 3,
      processedRows: 3,
      // The demo already holds Kyoto's target, entered without an import key: it is taken over.
      created: 1,
      updated: 1,
      skipped: 1,
      // Pueblo Nuevo is not in the directory: the preview says the import would add it.
      newGovernments: { count: 1, rows: 1 },
    });

    const rows = await t.app.inject({
      url: `/api/v1/imports/${run.id}/rows`,
      query: { pageSize: '2' },
      headers: admin,
    });
    expect(rows.statusCode).toBe(200);
    expect(rows.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(rows.json().items[0]).toMatchObject({
      row: 2,
      action: 'update',
      government: 'kyoto',
      governmentNames: { name: 'Kyoto', names: { en: 'Kyoto', ja: '京都市' }, exists: true },
      entity: 'target 2030 (Base-year reduction)',
      entities: [{ kind: 'target', year: 2030, type: 'base-year' }],
    });
    // The demo's target is described by its title, type and year, never its id.
    expect(rows.json().items[0].reasons).toContainEqual({
      code: 'took-over-target',
      params: { target: { title: expect.any(String), type: 'base-year', year: 2030 } },
    });
    expect(rows.json().items[0].reason).not.toMatch(/#\d/);
    const skipped = await t.app.inject({
      url: `/api/v1/imports/${run.id}/rows`,
      query: { action: 'skip' },
      headers: admin,
    });
    expect(skipped.json().items).toEqual([
      {
        row: 3,
        action: 'skip',
        entity: null,
        entities: null,
        government: null,
        governmentNames: null,
        reason: 'No target',
        reasons: [{ code: 'no-target' }],
        fields: [
          { field: 'reportingYear', sources: ['Year Reported to CDP'] },
          { field: 'account', sources: ['Account Number'] },
          { field: 'organization', sources: ['Organization'] },
          { field: 'city', sources: ['City'] },
          { field: 'country', sources: ['Country'] },
          { field: 'cdpRegion', sources: ['CDP Region'] },
          { field: 'targetType', sources: ['Type of target'] },
        ],
      },
    ]);

    const report = await t.app.inject({
      url: `/api/v1/imports/${run.id}/report.csv`,
      headers: admin,
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.headers['content-disposition']).toContain('attachment');
    expect(report.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('row,action,government,entity,reason,fields');
    expect(lines).toHaveLength(4);
    // The government by its name: a prospect by the name the preview would give it.
    expect(lines[3]).toMatch(/^4,create,Pueblo Nuevo,target 2050 \(Fixed level\),/);

    // In the reader's language: `lang`, else Accept-Language.
    const korean = await t.app.inject({
      url: `/api/v1/imports/${run.id}/report.csv?lang=ko`,
      headers: admin,
    });
    expect(korean.statusCode).toBe(200);
    expect(korean.headers['content-language']).toBe('ko');
    expect(korean.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const ko = parse(korean.body, { bom: true }) as string[][];
    expect(ko[0]).toEqual(['행', '결과', '지방정부', '기록', '이유', '파일에서 읽은 값']);
    expect(ko[1]?.slice(0, 3)).toEqual(['2', '수정', '교토시']);
    expect(ko[1]?.[3]).toBe('목표 2030(기준연도 대비 감축)');
    expect(ko[2]?.slice(0, 5)).toEqual(['3', '건너뜀', '', '', '목표 없음']);
    expect(ko[2]?.[5]).toMatch(/^CDP 보고 연도 ← "Year Reported to CDP"; /);
    expect(ko[3]?.slice(0, 5)).toEqual([
      '4',
      '생성',
      'Pueblo Nuevo',
      '목표 2050(고정 수준)',
      // Every reason of the row, one after the other (the file ends without a line break).
      '새 잠재 회원 지방정부 “Pueblo Nuevo”; ' +
        '이 마지막 행 뒤에 줄바꿈 없이 파일이 끝납니다: 파일이 온전한지 확인하십시오',
    ]);
    const japanese = await t.app.inject({
      url: `/api/v1/imports/${run.id}/report.csv`,
      headers: { ...admin, 'accept-language': 'ja-JP,ja;q=0.9' },
    });
    expect(japanese.headers['content-language']).toBe('ja');
    expect(japanese.headers.vary).toMatch(/Accept-Language/);
    expect((parse(japanese.body, { bom: true }) as string[][])[2]?.[4]).toBe('目標なし');

    // Nothing was written by the preview.
    const prospects = await t.app.inject({ url: '/api/v1/governments/pueblo-nuevo' });
    expect(prospects.statusCode).toBe(404);

    const list = await t.app.inject({ url: '/api/v1/imports', headers: admin });
    expect(list.json().items[0]).toMatchObject({ id: run.id });
  });

  it_(
    'says which source column fed which field: on the run, on each row, in the report',
    async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/cdp-emissions?dryRun=true&fileName=split.csv',
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: SPLIT_EMISSIONS_CSV,
      });
      expect(res.statusCode).toBe(202);
      const run = await waitForRun((res.json() as { run: ImportRun }).run.id);
      expect(run).toMatchObject({ status: 'done', layout: 'cdp-emissions-2021', created: 1 });
      // The column map: every field the run reads, from the column as the file spells it.
      expect(run.columns).toEqual([
        { field: 'account', sources: ['Account Number'] },
        { field: 'organization', sources: ['Organization'] },
        { field: 'country', sources: ['Country'] },
        { field: 'accountingYear', sources: ['Accounting year'] },
        { field: 'directGeneration', sources: [DIRECT_GENERATION] },
        { field: 'directExcludingGeneration', sources: [DIRECT_EXCLUDING] },
        { field: 'scope2Total', sources: ['TOTAL Scope 2 emissions (metric tonnes CO2e)'] },
        { field: 'population', sources: ['Population'] },
      ]);

      const rows = await t.app.inject({ url: `/api/v1/imports/${run.id}/rows`, headers: admin });
      expect(rows.statusCode).toBe(200);
      // The total summed from the split columns names both; an empty population is not listed.
      expect(rows.json().items[0]).toMatchObject({
        row: 2,
        action: 'create',
        fields: [
          { field: 'account', sources: ['Account Number'] },
          { field: 'organization', sources: ['Organization'] },
          { field: 'country', sources: ['Country'] },
          { field: 'accountingYear', sources: ['Accounting year'] },
          { field: 'scope1Total', sources: [DIRECT_GENERATION, DIRECT_EXCLUDING] },
          { field: 'scope2Total', sources: ['TOTAL Scope 2 emissions (metric tonnes CO2e)'] },
        ],
      });

      const report = await t.app.inject({
        url: `/api/v1/imports/${run.id}/report.csv`,
        headers: admin,
      });
      const [header, row] = parse(report.body, { bom: true }) as string[][];
      expect(header).toEqual(['row', 'action', 'government', 'entity', 'reason', 'fields']);
      expect(row?.[5]).toBe(
        'CDP account number ← "Account Number"; Organisation ← "Organization"; ' +
          'Country ← "Country"; Inventory year or period ← "Accounting year"; ' +
          `Scope 1 total (t CO₂e) ← "${DIRECT_GENERATION}", "${DIRECT_EXCLUDING}"; ` +
          'Scope 2 total (t CO₂e) ← "TOTAL Scope 2 emissions (metric tonnes CO2e)"',
      );

      // A run from before the sources were kept: not recorded, said as such.
      await t.db.kysely
        .updateTable('import_runs')
        .set({ columns_json: null })
        .where('id', '=', run.id)
        .execute();
      await t.db.kysely
        .updateTable('import_run_rows')
        .set({ fields_json: null })
        .where('run_id', '=', run.id)
        .execute();
      const old = await t.app.inject({ url: `/api/v1/imports/${run.id}`, headers: admin });
      expect(old.json().columns).toBeNull();
      const oldRows = await t.app.inject({ url: `/api/v1/imports/${run.id}/rows`, headers: admin });
      expect(oldRows.json().items[0].fields).toBeNull();
      const oldReport = await t.app.inject({
        url: `/api/v1/imports/${run.id}/report.csv`,
        headers: admin,
      });
      expect((parse(oldReport.body, { bom: true }) as string[][])[1]?.[5]).toBe('');
    },
  );

  it_(
    'counts in the preview the governments an import would add, and adds none when told not to',
    async () => {
      const csv = [
        'Account Number,Organization,City,Country,Type of target,Base year,Base year emissions (metric tonnes CO2e),Percentage reduction target,Target year',
        '999501,Villa Nueva Uno,Villa Nueva Uno,Mexico,Base year emissions (absolute) target,2015,9000,40,2030',
        '999501,Villa Nueva Uno,Villa Nueva Uno,Mexico,Base year emissions (absolute) target,2015,9000,90,2050',
        '999502,Villa Nueva Dos,Villa Nueva Dos,Mexico,Base year emissions (absolute) target,2015,5000,50,2030',
        '49389,Kyoto,Kyoto,Japan,Base year emissions (absolute) target,2013,7840000,40,2030',
      ].join('\r\n');
      const upload = async (query: string) => {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/imports/cdp-targets?fileName=new.csv${query}`,
          headers: { ...admin, 'content-type': 'text/csv' },
          payload: csv,
        });
        expect(res.statusCode).toBe(202);
        return waitForRun((res.json() as { run: ImportRun }).run.id);
      };
      const preview = await upload('&dryRun=true');
      // Two governments, three rows about them; Kyoto is known.
      expect(preview.newGovernments).toEqual({ count: 2, rows: 3 });
      const governments = async () =>
        (await t.app.inject({ url: '/api/v1/governments?q=Villa%20Nueva' })).json().total;
      expect(await governments()).toBe(0);

      const left = await upload('&noCreate=true');
      expect(left).toMatchObject({ status: 'done', newGovernments: { count: 0, rows: 0 } });
      expect(left.skipped).toBeGreaterThanOrEqual(3);
      expect(await governments()).toBe(0);

      const added = await upload('');
      expect(added).toMatchObject({ status: 'done', newGovernments: { count: 2, rows: 3 } });
      expect(await governments()).toBe(2);
    },
  );

  it_('imports for real and creates the prospect', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/cdp-targets',
      headers: { ...admin, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(TARGETS_CSV),
    });
    expect(res.statusCode).toBe(202);
    const done = await waitForRun((res.json() as { run: ImportRun }).run.id);
    expect(done).toMatchObject({ status: 'done', dryRun: false, skipped: 1 });
    const prospect = await t.app.inject({ url: '/api/v1/governments/pueblo-nuevo' });
    expect(prospect.statusCode).toBe(200);
    expect(prospect.json()).toMatchObject({
      region: 'mexico-central-america-caribbean',
      membership: { category: 'non-member' },
    });
  });

  it_(
    'fails a run whose file ends inside a quoted field, says where, and keeps answering',
    async () => {
      const lines = manyTargets(3000);
      // Line 3002: the last row opens a quote in its second field and the file ends.
      lines.push('990777,"Town that never closes,Nowhere,Japan,No target');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/cdp-targets?dryRun=true&fileName=cut.csv',
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: lines.join('\n'),
      });
      expect(res.statusCode).toBe(202);
      const run = await waitForRun((res.json() as { run: ImportRun }).run.id);
      expect(run.status).toBe('failed');
      expect(run.error).toBe(
        'The file ends inside a quoted field that starts on line 3002 (row 3002, column 2): ' +
          'its closing quote (") is missing. Nothing was written (dry run).',
      );
      expect((await t.app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);

      // A file cut short before its layout is known is refused at once, in the same words.
      const small = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/cdp-targets',
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: `${TARGETS_CSV}\r\n2021,1,"Cut`,
      });
      expect(small.statusCode).toBe(422);
      expect(small.json().detail).toBe(
        'The file ends inside a quoted field that starts on line 5 (row 5, column 3): ' +
          'its closing quote (") is missing',
      );
    },
  );

  it_('fails a run whose upload stops half way, instead of waiting for ever', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const body = Buffer.from(manyTargets(20_000).join('\n'));
    const upload = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/imports/cdp-targets?dryRun=true',
      headers: { ...admin, 'content-type': 'text/csv', 'content-length': body.length },
    });
    upload.on('error', () => undefined);
    const answer = new Promise<http.IncomingMessage>((resolve) => upload.on('response', resolve));
    // Half the file: enough for the layout, then the client goes away.
    upload.write(body.subarray(0, body.length / 2));
    const response = await answer;
    expect(response.statusCode).toBe(202);
    const location = response.headers.location as string;
    upload.destroy();
    const run = await waitForRun(Number(location.split('/').pop()));
    expect(run).toMatchObject({
      status: 'failed',
      error: 'The upload stopped before the whole file arrived. Nothing was written (dry run).',
    });
  });

  it_('answers 422 naming the columns a file lacks', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/cdp-emissions',
      headers: { ...admin, 'content-type': 'text/csv' },
      // No accounting year: a report without a year cannot be placed.
      payload:
        'Account Number,Organization,Country,TOTAL Scope 1 Emissions (metric tonnes CO2e),TOTAL Scope 2 emissions (metric tonnes CO2e)\n' +
        '1,A,Japan,100,200\n',
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'layout-not-recognised' });
    expect(res.json().detail).toContain('"Accounting year"');
    expect(res.json().errors).toEqual([
      {
        pointer: '/body',
        detail: 'missing column "Accounting year"',
        code: 'missing-column',
        params: { column: 'Accounting year' },
      },
    ]);
    const runs = await t.app.inject({ url: '/api/v1/imports', headers: admin });
    expect(runs.json().items[0]).toMatchObject({ status: 'failed', kind: 'cdp-emissions' });
  });

  it_('is for administrators only', async () => {
    const officer = await t.signInOfficer('kyoto');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/cdp-targets?dryRun=true',
      headers: { ...officer, 'content-type': 'text/csv' },
      payload: TARGETS_CSV,
    });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/imports/1', headers: officer })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: '/api/v1/imports' })).statusCode).toBe(401);
  });

  it_('serves the exports publicly as attachments', async () => {
    const csv = await t.app.inject({ url: '/api/v1/exports/targets.csv?region=east-asia' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="accord-targets-east-asia.csv"',
    );
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(
      /^last_updated,id_code,name,country,/,
    );
    const xlsx = await t.app.inject({ url: '/api/v1/exports/targets.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const unknown = await t.app.inject({ url: '/api/v1/exports/targets.csv?region=atlantis' });
    expect(unknown.statusCode).toBe(404);

    const inventory = await t.app.inject({
      url: '/api/v1/governments/changchun/inventories/2019/export.csv',
    });
    expect(inventory.statusCode).toBe(200);
    expect(inventory.headers['content-disposition']).toContain('changchun-gpc-inventory-2019.csv');
    // Kyoto has no inventory of 2018 but reported figures: they are the export.
    const reported = await t.app.inject({
      url: '/api/v1/governments/kyoto/inventories/2018/export.csv',
    });
    expect(reported.statusCode).toBe(200);
    expect(reported.headers['content-disposition']).toContain('kyoto-reported-emissions-2018.csv');
    const none = await t.app.inject({
      url: '/api/v1/governments/kyoto/inventories/1999/export.xlsx',
    });
    expect(none.statusCode).toBe(404);
  });

  it_('documents the routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/imports/{kind}',
        '/api/v1/imports/{id}/rows',
        '/api/v1/exports/targets.csv',
        '/api/v1/governments/{slug}/inventories/{year}/export.xlsx',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/imports/{kind}'].post.requestBody.content)).toContain(
      'text/csv',
    );
    // The run's column map and each row's fields are described.
    const run = doc.paths['/api/v1/imports/{id}'].get.responses['200'].content['application/json'];
    expect(JSON.stringify(run.schema.properties.columns)).toMatch(/column map/);
    const rows = doc.paths['/api/v1/imports/{id}/rows'].get;
    expect(rows.description).toMatch(/fields/);
  });
});
