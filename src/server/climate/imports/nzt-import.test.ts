import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import { runImport } from './service';

/** Net Zero Tracker exports, written here with exceljs in both of the tracker's layouts. */

const PLAIN_HEADERS = [
  'id_code',
  'name',
  'country',
  'actor_type',
  'end_target',
  'end_target_year',
  'end_target_status',
  'end_target_percentage_reduction',
  'end_target_baseline_year',
  'end_target_baseline_emissions',
  'interim_target',
  'interim_target_year',
  'interim_target_percentage_reduction',
  'interim_target_baseline_year',
  'status_date',
  'source_url',
  'race_to_zero_member',
  'gasses_coverage',
  'scope_1',
  'scope_2',
  'scope_3',
  'has_plan',
  'reporting_mechanism',
  'carbon_credit_offsets',
];

type Cell = string | number | Date | null;

const KYOTO: Cell[] = [
  'CIT-0001',
  'Kyoto',
  'JPN',
  'City',
  'Net zero',
  2050,
  'In policy document',
  100,
  2013,
  7_840_000,
  'Emissions reduction target',
  2030,
  40,
  2013,
  new Date(Date.UTC(2021, 1, 16)),
  'https://www.city.kyoto.lg.jp/kankyo/',
  'Yes',
  'All GHGs',
  'Yes',
  'Yes',
  'No',
  'Yes',
  'CDP',
  'No',
];
const PLAIN_ROWS: Cell[][] = [
  KYOTO,
  // Matched by its CDP alias and the ISO3 country.
  [
    'CIT-0002',
    'Seoul Metropolitan Government',
    'KOR',
    'City',
    'Carbon neutral(ity)',
    2050,
    'Declaration / pledge',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    '2020-07-08',
    null,
    'Yes',
    'CO2 only',
    'Yes',
    'Yes',
    'Partial',
    null,
    null,
    'Not specified',
  ],
  // Nobody in the directory: a prospect unless --no-create.
  [
    'CIT-0003',
    'Springfield',
    'USA',
    'City',
    'Zero carbon',
    2040,
    'Proposed / in discussion',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    'No',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  [
    'COU-0001',
    'Japan',
    'JPN',
    'Country',
    'Net zero',
    2050,
    'In law',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  [
    'CIT-0004',
    'Nowhere',
    'FRA',
    'City',
    'No target',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
];

async function xlsx(rows: Cell[][]): Promise<Readable> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Net Zero Tracker');
  for (const row of rows) sheet.addRow(row);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return Readable.from([buffer]);
}

const ACTOR = { userId: null, label: 'test' };

async function targetsOf(db: Db, slug: string) {
  return db.kysely
    .selectFrom('climate_targets as t')
    .innerJoin('governments as g', 'g.id', 't.government_id')
    .where('g.slug', '=', slug)
    .selectAll('t')
    .orderBy('t.target_year')
    .execute();
}

async function outcomes(db: Db, runId: number) {
  return db.kysely
    .selectFrom('import_run_rows')
    .where('run_id', '=', runId)
    .select(['row_number', 'action', 'government', 'reason'])
    .orderBy('row_number')
    .execute();
}

describe.each(dialectCases())('Net Zero Tracker import on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'test-admin-password-1' });
  });
  afterAll(async () => {
    await drop?.();
  });

  it_('skips unmatched actors with --no-create', async () => {
    const run = await runImport(db, ACTOR, {
      kind: 'nzt',
      input: await xlsx([PLAIN_HEADERS, ...PLAIN_ROWS]),
      fileName: 'nzt.xlsx',
      dryRun: true,
      noCreate: true,
    });
    expect(run).toMatchObject({ status: 'done', layout: 'nzt', totalRows: 5 });
    expect((await outcomes(db, run.id)).find((o) => o.row_number === 4)).toMatchObject({
      action: 'skip',
      reason: 'no matching government',
    });
  });

  it_('matches by name and country, links interim targets and records the tracker id', async () => {
    const run = await runImport(db, ACTOR, {
      kind: 'nzt',
      input: await xlsx([PLAIN_HEADERS, ...PLAIN_ROWS]),
      fileName: 'nzt.xlsx',
    });
    expect(run).toMatchObject({ status: 'done', layout: 'nzt', totalRows: 5, skipped: 2 });
    const rows = await outcomes(db, run.id);
    expect(rows.map((r) => [r.row_number, r.action, r.government])).toEqual([
      [2, 'update', 'kyoto'],
      [3, 'create', 'seoul'],
      [4, 'create', 'springfield'],
      [5, 'skip', null],
      [6, 'skip', null],
    ]);
    expect(rows[3]?.reason).toContain('not a local or regional government');
    expect(rows[4]?.reason).toBe('No target');

    const governments = await db.kysely
      .selectFrom('governments')
      .where('nzt_id', 'is not', null)
      .select(['slug', 'nzt_id'])
      .orderBy('nzt_id')
      .execute();
    expect(governments).toEqual([
      { slug: 'kyoto', nzt_id: 'CIT-0001' },
      { slug: 'seoul', nzt_id: 'CIT-0002' },
      { slug: 'springfield', nzt_id: 'CIT-0003' },
    ]);

    const kyoto = (await targetsOf(db, 'kyoto')).filter((t) => t.import_key?.startsWith('nzt|'));
    const end = kyoto.find((t) => t.import_key === 'nzt|CIT-0001|end');
    const interim = kyoto.find((t) => t.import_key === 'nzt|CIT-0001|interim');
    expect(end).toMatchObject({
      type: 'fixed-level',
      net_zero_label: 'net-zero',
      target_year: 2050,
      status: 'policy',
      date_set: '2021-02-16',
      source_url: 'https://www.city.kyoto.lg.jp/kankyo/',
      offsets_allowed: 0,
      title: 'Net zero by 2050',
    });
    expect(JSON.parse(end?.coverage_scopes ?? '')).toEqual([1, 2]);
    expect(JSON.parse(end?.coverage_gases ?? '')).toHaveLength(7);
    expect(interim).toMatchObject({
      type: 'base-year',
      base_year: 2013,
      reduction_percent: 40,
      target_year: 2030,
      parent_target_id: end?.id,
    });

    const seoul = await targetsOf(db, 'seoul');
    expect(seoul.find((t) => t.import_key === 'nzt|CIT-0002|end')).toMatchObject({
      net_zero_label: 'carbon-neutral',
      status: 'declaration',
      date_set: '2020-07-08',
    });
    const springfield = await db.kysely
      .selectFrom('governments as g')
      .innerJoin('memberships as m', 'm.government_id', 'g.id')
      .innerJoin('regions as r', 'r.id', 'g.region_id')
      .where('g.slug', '=', 'springfield')
      .select(['g.country', 'm.category', 'm.status', 'r.slug as region'])
      .executeTakeFirstOrThrow();
    expect(springfield).toEqual({
      country: 'US',
      category: 'non-member',
      status: 'none',
      region: 'north-america',
    });
  });

  it_('finds nothing to change when the same file comes again', async () => {
    const before = await db.kysely
      .selectFrom('climate_targets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const run = await runImport(db, ACTOR, {
      kind: 'nzt',
      input: await xlsx([PLAIN_HEADERS, ...PLAIN_ROWS]),
      fileName: 'nzt.xlsx',
    });
    expect(run).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 2 });
    const after = await db.kysely
      .selectFrom('climate_targets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it_('reads the newer export: headers on the second row, renamed columns', async () => {
    const groups = ['Actor', null, null, null, 'End target information'];
    const headers = [
      'id_code',
      'Name',
      'Country',
      'Entity_type',
      'End_target',
      'End_target_year',
      'Status_of_end_target',
      'End_target_percentage_reduction',
      'End_target_baseline_year',
      'End_target_baseline_emissions',
      'Interim_target',
      'Interim_target_year',
      'Interim_target_percentage_reduction',
      'Interim_target_baseline_year',
      'Date_of_last_status_update',
      'End_target_source_url',
      'GHG_coverage',
      'Scope_1_coverage',
      'Scope_2_coverage',
      'Scope_3_coverage',
    ];
    const run = await runImport(db, ACTOR, {
      kind: 'nzt',
      input: await xlsx([
        groups,
        headers,
        [...KYOTO.slice(0, 16), 'All GHGs', 'Yes', 'Yes', 'No'],
        [
          'CIT-0005',
          'Suwon',
          'KOR',
          'City',
          'Net zero',
          2050,
          'In law',
          100,
          2005,
          null,
          'Emissions reduction target',
          2030,
          40,
          2005,
          '2022-05-01',
          null,
          null,
          null,
          null,
          null,
        ],
      ]),
      fileName: 'nzt-newer.xlsx',
    });
    expect(run).toMatchObject({ status: 'done', layout: 'nzt-grouped', totalRows: 2 });
    const rows = await outcomes(db, run.id);
    expect(rows.map((r) => [r.row_number, r.action, r.government])).toEqual([
      [3, 'unchanged', 'kyoto'],
      [4, 'create', 'suwon'],
    ]);
    const suwon = await targetsOf(db, 'suwon');
    const end = suwon.find((t) => t.import_key === 'nzt|CIT-0005|end');
    const interim = suwon.find((t) => t.import_key === 'nzt|CIT-0005|interim');
    expect(end).toMatchObject({ status: 'law', target_year: 2050 });
    expect(interim?.parent_target_id).toBe(end?.id);
  });
});
