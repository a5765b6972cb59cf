import fs from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../../test/setup/databases';
import { runImport } from '../imports/service';
import { createTarget } from '../service';
import type { TargetCreate } from '../schemas';
import { climateWorld, countRows, type ClimateWorld } from '../test-support';
import type { TableFormat } from './write-table';
import { exportTargets } from './targets';

/**
 * Accord's targets export read back by Accord's tracker importer changes nothing: every row is
 * unchanged, whether its government came from the tracker (its id_code and keys) or not (an
 * Accord id_code, accord:SLUG, matched back to the same government), for every target type the
 * tracker's columns carry.
 */

const FIXTURES = fileURLToPath(new URL('../imports/fixtures/', import.meta.url));

async function exported(w: ClimateWorld, format: TableFormat): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await exportTargets(w.db, { format }, out);
  return Buffer.concat(chunks);
}

const coverage = {
  gases: ['CO2', 'CH4', 'N2O'] as ('CO2' | 'CH4' | 'N2O')[],
  scopes: [1, 2],
  sectors: ['I' as const],
  boundary: 'city-wide' as const,
};

const EXTRA: [string, TargetCreate][] = [
  [
    'seoul',
    {
      type: 'fixed-level',
      title: 'At most 12.5 Mt by 2060',
      status: 'law',
      targetYear: 2060,
      targetEmissions: 12_500_000,
      baseYear: 2018,
      baseEmissions: 46_123_456.7,
      coverage,
      initiatives: ['Race to Zero', 'Covenant of Mayors'],
      offsetsAllowed: false,
      dateSet: '2021-03-04',
    },
  ],
  [
    'suwon',
    {
      type: 'baseline-scenario',
      title: '30 % below BAU by 2070',
      status: 'policy',
      baseYear: 2017,
      baseEmissions: 4_100_000,
      targetYear: 2070,
      reductionPercent: 30,
      bauEmissions: 6_000_000,
      targetEmissions: 4_200_000,
      coverage: { gases: [], scopes: [], sectors: [], boundary: 'unknown' },
      initiatives: [],
      sourceUrl: 'https://example.org/suwon-plan',
    },
  ],
  [
    'changchun',
    {
      type: 'intensity',
      title: '65 % less per unit of GDP by 2080',
      status: 'declaration',
      baseYear: 2005,
      baseIntensity: 2.5,
      intensityUnit: 'per-gdp',
      targetYear: 2080,
      reductionPercent: 65,
      coverage: { gases: ['CO2'], scopes: [1, 2, 3], sectors: [], boundary: 'city-wide' },
      initiatives: [],
    },
  ],
  [
    'new-taipei',
    {
      type: 'other',
      title: 'Peak emissions by 2025',
      description: '=HYPERLINK("x") is not a formula here',
      status: 'proposed',
      targetYear: 2025,
      baseYear: 2020,
      baseEmissions: 21_000_000,
      coverage: { gases: ['CO2', 'CH4'], scopes: [], sectors: [], boundary: 'unknown' },
      initiatives: [],
    },
  ],
];

describe.each(dialectCases())('the targets export read back on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let w: ClimateWorld;
  beforeAll(async () => {
    if (skip) return;
    w = await climateWorld(dialect);
    for (const [slug, target] of EXTRA) await createTarget(w.db, w.admin, slug, target);
    // Governments from the tracker, with its ids and keyed targets of every type.
    const run = await runImport(w.db, w.admin, {
      kind: 'nzt',
      input: Readable.from([fs.readFileSync(`${FIXTURES}nzt-2023.csv`)]),
      fileName: 'nzt-2023.csv',
    });
    expect(run.status).toBe('done');
  });
  afterAll(async () => {
    await w?.drop();
  });

  it_('gives every row a stable id_code and changes nothing when imported again', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const bytes = await exported(w, format);
      if (format === 'csv') {
        const rows = parse(bytes.toString('utf8'), { bom: true }) as string[][];
        const header = rows[0] as string[];
        const records = rows
          .slice(1)
          .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
        expect(records.every((r) => (r.id_code ?? '') !== '')).toBe(true);
        const bySlug = (id: string) => records.find((r) => r.id_code === id);
        expect(bySlug('accord:seoul')).toMatchObject({
          end_target: 'Absolute emissions target',
          end_target_target_emissions: '12.5',
          end_target_baseline_emissions: '46.1234567',
          gasses_coverage: 'Carbon dioxide and other GHGs',
          race_to_zero_member: 'Yes',
        });
        expect(bySlug('accord:suwon')).toMatchObject({
          end_target: 'Reduction v. BAU',
          end_target_bau_emissions: '6',
          end_target_target_emissions: '4.2',
          gasses_coverage: 'Not Specified',
        });
        expect(bySlug('accord:changchun')).toMatchObject({
          end_target: 'Emissions intensity target',
          end_target_intensity_unit: 'tCO2e per unit of GDP',
          gasses_coverage: 'Carbon dioxide only',
        });
        expect(bySlug('accord:new-taipei')).toMatchObject({
          end_target: 'Other',
          end_target_other: 'Peak emissions by 2025',
          end_target_text: `'=HYPERLINK("x") is not a formula here`,
        });
        // The tracker's own governments keep the tracker's ids.
        expect(bySlug('CIT-8002')).toMatchObject({ end_target: 'Reduction v. BAU' });
      }
      const before = await countRows(w.db, 'climate_targets');
      const run = await runImport(w.db, w.admin, {
        kind: 'nzt',
        input: Readable.from([bytes]),
        fileName: `accord-targets.${format}`,
      });
      const outcomes = await w.db.kysely
        .selectFrom('import_run_rows')
        .where('run_id', '=', run.id)
        .select(['row_number', 'action', 'government', 'reason'])
        .orderBy('row_number')
        .execute();
      expect(outcomes.filter((o) => o.action !== 'unchanged')).toEqual([]);
      expect(run).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 0 });
      expect(outcomes.map((o) => o.government)).toEqual(
        expect.arrayContaining(['kyoto', 'seoul', 'suwon', 'changchun', 'new-taipei']),
      );
      expect(await countRows(w.db, 'climate_targets')).toBe(before);
    }
  });
});
