import fs from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import { targetsOf as assessedTargetsOf } from '../target-service';
import { runImport } from './service';

/**
 * Net Zero Tracker exports, written here with exceljs in both of the tracker's layouts, and the
 * two small fixtures (fixtures/nzt-2023.csv, fixtures/nzt-2024-grouped.csv) with the header rows
 * of the tracker's plain and grouped exports and one row for each of its target types.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => Readable.from([fs.readFileSync(`${FIXTURES}${name}`)]);
const ALL_GASES = ['CO2', 'CH4', 'N2O', 'HFCs', 'PFCs', 'SF6', 'NF3'];

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
  // MtCO2e, as the tracker's codebook gives its emissions columns.
  7.84,
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
    .select(['row_number', 'action', 'government', 'reason', 'reasons_json'])
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
    expect(end).toMatchObject({ base_year: 2013, base_emissions: 7_840_000, target_emissions: 0 });
    expect(interim).toMatchObject({
      type: 'base-year',
      base_year: 2013,
      // The end target's base year, so the tracker's one figure for 2013.
      base_emissions: 7_840_000,
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
  it_(
    "maps each of the tracker's target types, with its levels in tonnes (plain export)",
    async () => {
      const run = await runImport(db, ACTOR, {
        kind: 'nzt',
        input: fixture('nzt-2023.csv'),
        fileName: 'nzt-2023.csv',
      });
      expect(run).toMatchObject({ status: 'done', layout: 'nzt', totalRows: 7, skipped: 1 });
      const rows = await outcomes(db, run.id);
      expect(rows.map((r) => [r.row_number, r.action, r.government])).toEqual([
        [2, 'create', 'fixture-bay'],
        [3, 'create', 'fixture-harbour'],
        [4, 'create', 'fixture-falls'],
        [5, 'create', 'fixture-heights'],
        [6, 'create', 'fixture-vale'],
        [7, 'create', 'fixture-ridge'],
        [8, 'skip', null],
      ]);
      // The figure Accord cannot read without a guess is named in the row's report.
      expect(JSON.parse(rows[5]?.reasons_json ?? '[]')).toContainEqual({
        code: 'value-not-read',
        params: {
          field: 'endTargetBaselineEmissions',
          value: '350000 MTCO2e',
          problem: 'ambiguous-unit',
          unit: 'MTCO2e',
        },
      });
      expect(rows[5]?.reason).toContain(
        'End target base year emissions "350000 MTCO2e" not read: the unit "MTCO2e" may mean megatonnes or metric tonnes',
      );

      const assessed = async (slug: string) =>
        Object.fromEntries(
          (await assessedTargetsOf(db, slug, 2024)).map((t) => [t.title, t] as const),
        );

      // Net zero by 2050 from 7.84 MtCO2e in 2013, with 40 % by 2030 on the way.
      const bay = await assessed('fixture-bay');
      expect(bay['Net zero by 2050']).toMatchObject({
        type: 'fixed-level',
        netZeroLabel: 'net-zero',
        baseYear: 2013,
        baseEmissions: 7_840_000,
        targetEmissions: 0,
        coverage: { gases: ALL_GASES, scopes: [1, 2] },
      });
      const bayInterim = bay['40 % below 2013 by 2030'];
      expect(bayInterim).toMatchObject({ type: 'base-year', baseEmissions: 7_840_000 });
      // Assessable now: no figure after 2013 yet, but the level is 7,840,000 × 0.6 = 4,704,000 t.
      expect(bayInterim?.assessment.reason).toBe('no-inventory-after-base-year');
      expect(bayInterim?.assessment.targetLevel).toBeCloseTo(4_704_000, 6);

      // Reduction v. BAU: 29 % below 5.1 MtCO2e = 5,100,000 × 0.71 = 3,621,000 t.
      const harbour = (await assessedTargetsOf(db, 'fixture-harbour', 2024))[0];
      expect(harbour).toMatchObject({
        type: 'baseline-scenario',
        reductionPercent: 29,
        baseYear: 2010,
        baseEmissions: 2_400_000,
        bauEmissions: 5_100_000,
        targetEmissions: null,
        coverage: { gases: ['CO2'], scopes: [1, 2] },
      });
      expect(harbour?.assessment.targetLevel).toBeCloseTo(3_621_000, 6);

      // An absolute level of 0.6 MtCO2e from 1,250,000 tCO2e in 2015; its interim "Other" target.
      const falls = await assessed('fixture-falls');
      expect(falls['600,000 t CO2e by 2035']).toMatchObject({
        type: 'fixed-level',
        targetEmissions: 600_000,
        baseEmissions: 1_250_000,
        coverage: { gases: [] },
      });
      expect(falls['600,000 t CO2e by 2035']?.assessment.targetLevel).toBe(600_000);
      expect(falls['Peak emissions by 2025']).toMatchObject({
        type: 'other',
        targetYear: 2025,
        assessment: { status: 'not-assessable', reason: 'not-quantified' },
      });

      // An intensity target keeps its unit; without a base intensity it says so.
      const heights = (await assessedTargetsOf(db, 'fixture-heights', 2024))[0];
      expect(heights).toMatchObject({
        type: 'intensity',
        intensityUnit: 'per-gdp',
        reductionPercent: 65,
        baseYear: 2005,
        assessment: { status: 'not-assessable', reason: 'no-base-emissions' },
      });

      const vale = (await assessedTargetsOf(db, 'fixture-vale', 2024))[0];
      expect(vale).toMatchObject({
        type: 'other',
        title: 'Peak emissions by 2025',
        description: 'The city aims for its emissions to peak by 2025.',
        targetEmissions: null,
        assessment: { status: 'not-assessable', reason: 'not-quantified' },
      });

      const ridge = (await assessedTargetsOf(db, 'fixture-ridge', 2024))[0];
      expect(ridge).toMatchObject({
        type: 'base-year',
        reductionPercent: 50,
        baseEmissions: null,
        assessment: { reason: 'no-base-emissions' },
      });

      // Again: nothing changes.
      const again = await runImport(db, ACTOR, {
        kind: 'nzt',
        input: fixture('nzt-2023.csv'),
        fileName: 'nzt-2023.csv',
      });
      expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 1 });
    },
  );

  it_("maps the newer export's renamed columns (grouped export)", async () => {
    const run = await runImport(db, ACTOR, {
      kind: 'nzt',
      input: fixture('nzt-2024-grouped.csv'),
      fileName: 'nzt-2024-grouped.csv',
    });
    expect(run).toMatchObject({ status: 'done', layout: 'nzt-grouped', totalRows: 2, skipped: 0 });

    // 37 % below 12.4 MtCO2e BAU = 12,400,000 × 0.63 = 7,812,000 t; 640 ktCO2e by 2026.
    const point = await assessedTargetsOf(db, 'fixture-point', 2024);
    const bau = point.find((t) => t.type === 'baseline-scenario');
    expect(bau).toMatchObject({
      reductionPercent: 37,
      baseYear: 2018,
      baseEmissions: 1_100_000,
      bauEmissions: 12_400_000,
      coverage: { gases: ALL_GASES, scopes: [1, 2, 3] },
      status: 'policy',
      dateSet: '2024-03-15',
    });
    expect(bau?.assessment.targetLevel).toBeCloseTo(7_812_000, 6);
    expect(point.find((t) => t.type === 'fixed-level')).toMatchObject({
      title: '640,000 t CO2e by 2026',
      targetEmissions: 640_000,
      baseEmissions: 1_100_000,
      parentTargetId: bau?.id,
    });

    // 40 % below 11.5 tCO2e per person (2010) by 2030: 6.9 t per person.
    const lake = await assessedTargetsOf(db, 'fixture-lake', 2024);
    const intensity = lake.find((t) => t.type === 'intensity');
    expect(intensity).toMatchObject({
      intensityUnit: 'per-capita',
      baseIntensity: 11.5,
      baseEmissions: null,
      reductionPercent: 40,
      coverage: { gases: [] },
    });
    expect(intensity?.assessment.targetLevel).toBeCloseTo(6.9, 9);
    expect(lake.find((t) => t.netZeroLabel === 'net-zero')).toMatchObject({ status: 'law' });
  });
});
