import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import type { ImportKind } from '../schemas';
import { importRunRows, runImport } from './service';

/** The importer's rules on small files written here (SQLite; the big files run on both). */

const TARGET_HEADER =
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Type of target,' +
  'Base year,Base year emissions (metric tonnes CO2e),Percentage reduction target,Target year,' +
  'Target year absolute emissions (metric tonnes CO2e),Sector';
const EMISSIONS_HEADER =
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Accounting year,' +
  'TOTAL Scope 1 Emissions (metric tonnes CO2e),TOTAL Scope 2 emissions (metric tonnes CO2e)';

const csv = (...lines: string[]) => Readable.from([Buffer.from(lines.join('\n'))]);
const ACTOR = { userId: null, label: 'test' };

describe('import rules', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase('sqlite'));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'test-admin-password-1' });
  });
  afterAll(async () => {
    await drop?.();
  });

  const run = (kind: ImportKind, input: Readable, options: { dryRun?: boolean } = {}) =>
    runImport(db, ACTOR, { kind, input, fileName: `${kind}.csv`, ...options });
  const rowsOf = async (id: number) =>
    (await importRunRows(db, id, { page: 1, pageSize: 100 })).items;

  it('links earlier targets with the same base year to the latest one, whatever the order', async () => {
    const file = () =>
      csv(
        TARGET_HEADER,
        '2021,880001,Ciudad Uno,Ciudad Uno,Chile,Latin America,Base year emissions (absolute) target,2010,1000,30,2030,700,Energy',
        '2021,880001,Ciudad Uno,Ciudad Uno,Chile,Latin America,Base year emissions (absolute) target,2010,1000,100,2050,0,All emissions sources included in city inventory',
        '2021,880001,Ciudad Uno,Ciudad Uno,Chile,Latin America,Base year emissions (absolute) target,2010,1000,50,2040,500,Energy',
        // Identical figures twice (CDP lists sector targets this way): two records.
        '2021,880001,Ciudad Uno,Ciudad Uno,Chile,Latin America,Fixed level target,NA,NA,NA,2035,200,Waste',
        '2021,880001,Ciudad Uno,Ciudad Uno,Chile,Latin America,Fixed level target,NA,NA,NA,2035,200,Transport',
      );
    const preview = await run('cdp-targets', file(), { dryRun: true });
    const first = await run('cdp-targets', file());
    expect(first).toMatchObject({ status: 'done', created: 5, skipped: 0 });
    expect(await rowsOf(first.id)).toEqual(await rowsOf(preview.id));
    const targets = await db.kysely
      .selectFrom('climate_targets')
      .where('import_key', 'like', 'cdp-targets|2021|880001|%')
      .select(['id', 'target_year', 'parent_target_id', 'import_key', 'net_zero_label', 'title'])
      .orderBy('target_year')
      .execute();
    const end = targets.find((t) => t.target_year === 2050);
    expect(end).toMatchObject({ net_zero_label: 'net-zero', title: 'Net zero by 2050' });
    expect(targets.filter((t) => t.parent_target_id === end?.id).map((t) => t.target_year)).toEqual(
      [2030, 2040],
    );
    expect(targets.filter((t) => t.target_year === 2035).map((t) => t.import_key)).toEqual([
      'cdp-targets|2021|880001|fixed-level|-|2035|200t',
      'cdp-targets|2021|880001|fixed-level|-|2035|200t#2',
    ]);
    const prospect = await db.kysely
      .selectFrom('governments as g')
      .innerJoin('regions as r', 'r.id', 'g.region_id')
      .where('g.cdp_account', '=', '880001')
      .select(['g.slug', 'g.country', 'r.slug as region'])
      .execute();
    expect(prospect).toEqual([{ slug: 'ciudad-uno', country: 'CL', region: 'south-america' }]);

    const again = await run('cdp-targets', file());
    expect(again).toMatchObject({ created: 0, updated: 0 });
  });

  it('updates only what changed and keeps a version of it', async () => {
    const changed = await run(
      'cdp-targets',
      csv(
        TARGET_HEADER,
        '2021,880001,Ciudad Uno,Ciudad Uno,Chile,Latin America,Base year emissions (absolute) target,2010,1200,30,2030,700,Energy',
      ),
    );
    expect(changed).toMatchObject({ updated: 1, created: 0 });
    const target = await db.kysely
      .selectFrom('climate_targets')
      .where('import_key', '=', 'cdp-targets|2021|880001|base-year|2010|2030|30%')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(target).toMatchObject({ base_emissions: 1200, version: 2 });
    // The file of one row names no end target: the link made by the earlier run stays.
    expect(target.parent_target_id).not.toBeNull();
    const versions = await db.kysely
      .selectFrom('record_versions')
      .where('entity_type', '=', 'target')
      .where('entity_id', '=', target.id)
      .select(['version', 'change', 'snapshot'])
      .orderBy('version')
      .execute();
    expect(versions.map((v) => [v.version, v.change])).toEqual([
      [1, 'create'],
      [2, 'update'],
    ]);
    // The version holds the target in the API's shape, as the services store it.
    expect(JSON.parse(versions[1]?.snapshot ?? '{}')).toMatchObject({ baseEmissions: 1200 });
  });

  it('matches by name and country, records the account, and plans a prospect once', async () => {
    const input = () =>
      csv(
        EMISSIONS_HEADER,
        // Changchun is in the demo without a CDP account.
        '2021,880100,Changchun City,Changchun,China,East Asia,2019-01-01 - 2019-12-31,100,200',
        '2021,880101,Villa Nueva,Villa Nueva,Argentina,Latin America,2019-01-01 - 2019-12-31,1,2',
        '2021,880101,Villa Nueva,Villa Nueva,Argentina,Latin America,2018-01-01 - 2018-12-31,3,4',
        '2021,880102,Nowhere,Nowhere,Atlantis,Latin America,2019-01-01 - 2019-12-31,1,2',
      );
    const preview = await run('cdp-emissions', input(), { dryRun: true });
    const real = await run('cdp-emissions', input());
    const rows = await rowsOf(real.id);
    expect(rows).toEqual(await rowsOf(preview.id));
    expect(rows.map((r) => [r.row, r.action, r.government])).toEqual([
      [2, 'create', 'changchun'],
      [3, 'create', 'villa-nueva'],
      [4, 'skip', 'villa-nueva'],
      [5, 'skip', null],
    ]);
    expect(rows.map((r) => r.reasons)).toEqual([
      [
        { code: 'matched-by-name' },
        { code: 'cdp-account-recorded', params: { account: '880100' } },
      ],
      // A prospect by the name it gets, never its slug.
      [{ code: 'new-prospect', params: { name: 'Villa Nueva' } }],
      [{ code: 'same-record-as-rows', params: { rows: [3] } }],
      // The file ends without a line break after its last row: said too.
      [
        { code: 'country-unknown', params: { value: 'Atlantis' } },
        { code: 'last-row-unterminated' },
      ],
    ]);
    expect(rows.map((r) => r.governmentNames?.name ?? null)).toEqual([
      'Changchun',
      'Villa Nueva',
      'Villa Nueva',
      null,
    ]);
    // And in English, for the API's `reason` and the command line.
    expect(rows[0]?.reason).toBe('matched by name; CDP account 880100 recorded');
    expect(rows[1]?.reason).toBe('new prospect government "Villa Nueva"');
    expect(rows[2]?.reason).toBe('same record as row 3');
    expect(rows[3]?.reason).toMatch(/^country unknown \("Atlantis"\): no government created; /);
    const changchun = await db.kysely
      .selectFrom('governments')
      .where('slug', '=', 'changchun')
      .select('cdp_account')
      .executeTakeFirstOrThrow();
    expect(changchun.cdp_account).toBe('880100');
    const reports = await db.kysely
      .selectFrom('emission_reports as r')
      .innerJoin('governments as g', 'g.id', 'r.government_id')
      .where('g.slug', '=', 'changchun')
      .select([
        'r.year',
        'r.total',
        'r.total_coverage',
        'r.report_year',
        'r.dataset',
        'r.preferred',
      ])
      .execute();
    // The source is kept; which report of a year counts is decided on reading, not here.
    expect(reports).toEqual([
      {
        year: 2019,
        total: 300,
        total_coverage: 'scope-1-2',
        report_year: 2021,
        dataset: 'cdp-emissions',
        preferred: 0,
      },
    ]);
  });

  it('fails a run whose file is too large, and says nothing was written', async () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, i) =>
        `2021,8${String(100000 + i)},Town ${i},Town ${i},Chile,Latin America,2019-01-01 - 2019-12-31,1,2`,
    );
    // Line by line, as an upload arrives: the limit strikes after the header was read.
    const chunks = [EMISSIONS_HEADER, ...lines].map((line) => Buffer.from(`${line}\n`));
    const result = await runImport(db, ACTOR, {
      kind: 'cdp-emissions',
      input: Readable.from(chunks),
      fileName: 'big.csv',
      maxBytes: 500_000,
    });
    expect(result.status).toBe('failed');
    expect(result.error).toBe('The file is larger than 500000 bytes. Nothing was written.');
    expect(result.errorReason).toEqual({
      code: 'file-too-large',
      params: { megabytes: 0.5 },
      written: { code: 'nothing' },
    });
    expect(await rowsOf(result.id)).toEqual([]);
  });
});
