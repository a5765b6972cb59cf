import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialectCases } from '../../../../test/setup/databases';
import { presentReport, targetSnapshot } from '../present';
import {
  emissionsOf,
  getTarget,
  historyOf,
  restoreVersion,
  targetsOf,
  updateTarget,
} from '../service';
import { ImportPlanner } from './plan';
import { climateWorld, type ClimateWorld } from '../test-support';
import { importRunRows, runImport } from './service';

/**
 * The importer's versions, on both databases: written through the one versioned write in the
 * shape the services store (the API's), so history shows an imported record like any other
 * and restores it.
 */

const TARGETS =
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Type of target,' +
  'Base year,Base year emissions (metric tonnes CO2e),Percentage reduction target,Target year,' +
  'Target year absolute emissions (metric tonnes CO2e),Sector';
const EMISSIONS =
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Accounting year,' +
  'TOTAL Scope 1 Emissions (metric tonnes CO2e),TOTAL Scope 2 emissions (metric tonnes CO2e)';
const csv = (...lines: string[]) => Readable.from([Buffer.from(lines.join('\n'))]);
const ACTOR = { userId: null, label: 'import (test)' };

describe.each(dialectCases())('import versions on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let w: ClimateWorld;
  beforeAll(async () => {
    if (!skip) w = await climateWorld(dialect);
  });
  afterAll(async () => {
    await w?.drop();
  });

  const targetRow = (baseEmissions: number) =>
    `2021,44185,Suwon City,Suwon,Republic of Korea,East Asia,Base year emissions (absolute) target,2010,${baseEmissions},30,2030,,Energy`;

  it_('stores an imported target’s versions as the services do, and restores them', async () => {
    const first = await runImport(w.db, ACTOR, {
      kind: 'cdp-targets',
      input: csv(TARGETS, targetRow(1000)),
      fileName: 'targets.csv',
    });
    expect(first).toMatchObject({ status: 'done', created: 1 });
    const imported = (await targetsOf(w.db, 'suwon')).find((t) => t.importKey !== null);
    if (!imported) throw new Error('the import created a target of Suwon');
    const second = await runImport(w.db, ACTOR, {
      kind: 'cdp-targets',
      input: csv(TARGETS, targetRow(1200)),
      fileName: 'targets.csv',
    });
    expect(second).toMatchObject({ status: 'done', updated: 1 });
    const updated = await getTarget(w.db, imported.id);
    expect(updated).toMatchObject({ baseEmissions: 1200, version: 2 });

    const history = await historyOf(w.db, null, 'target', imported.id);
    expect(history.versions).toEqual([
      expect.objectContaining({
        version: 2,
        change: 'update',
        actor: { kind: 'user', label: 'import (test)' },
      }),
      expect.objectContaining({
        version: 1,
        change: 'create',
        actor: { kind: 'user', label: 'import (test)' },
      }),
    ]);
    expect(history.versions[0]?.snapshot).toEqual(targetSnapshot(updated));
    expect(history.versions[1]?.snapshot).toEqual(targetSnapshot(imported));
    // Stored so, not only read so.
    const [stored] = await w.db.climate.listVersions('target', imported.id);
    expect(JSON.parse(stored?.snapshot ?? 'null')).toEqual(targetSnapshot(updated));

    const restored = await restoreVersion(w.db, w.admin, 'target', imported.id, 1);
    expect(restored).toMatchObject({ baseEmissions: 1000, version: 3 });
  });

  it_('stores an imported emission report’s version as the services do', async () => {
    const run = await runImport(w.db, ACTOR, {
      kind: 'cdp-emissions',
      input: csv(
        EMISSIONS,
        '2021,31187,Seoul Metropolitan Government,Seoul,Republic of Korea,East Asia,2017-01-01 - 2017-12-31,100,200',
      ),
      fileName: 'emissions.csv',
    });
    expect(run).toMatchObject({ status: 'done', created: 1 });
    const year = (await emissionsOf(w.db, null, 'seoul')).years.find((y) => y.year === 2017);
    const report = year?.reports[0];
    if (!report) throw new Error('the import created a report of Seoul');
    expect(report.provenance).toMatchObject({ file: 'emissions.csv', row: 2 });
    const [stored] = await w.db.climate.listVersions('emission-report', report.id);
    expect(stored).toMatchObject({ version: 1, change: 'create' });
    const row = await w.db.climate.findReport(report.id);
    expect(JSON.parse(stored?.snapshot ?? 'null')).toEqual(presentReport(row!, 'seoul'));
    expect(JSON.parse(stored?.snapshot ?? 'null')).toEqual(report);
  });

  it_(
    'versions a batch’s created and updated reports as they are stored, figure for figure',
    async () => {
      const header =
        'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Accounting year,' +
        'Primary Protocol,Gases Included,TOTAL Scope 1 Emissions (metric tonnes CO2e),' +
        'TOTAL Scope 2 emissions (metric tonnes CO2e),TOTAL Scope 3 Emissions,' +
        'TOTAL BASIC Emissions (GPC)';
      const seoul = (reported: number, scope1: string) =>
        `${reported},31187,Seoul Metropolitan Government,Seoul,Republic of Korea,East Asia,` +
        `${reported - 2}-01-01 - ${reported - 2}-12-31,GPC,"CO2, CH4",${scope1},200.25,17,1200.5`;
      const first = await runImport(w.db, ACTOR, {
        kind: 'cdp-emissions',
        input: csv(header, seoul(2015, '1000'), seoul(2016, '1100')),
        fileName: 'batch.csv',
      });
      expect(first).toMatchObject({ status: 'done', created: 2 });
      // One batch that updates a report and creates another.
      const second = await runImport(w.db, ACTOR, {
        kind: 'cdp-emissions',
        input: csv(header, seoul(2015, '1000'), seoul(2016, '1150.5'), seoul(2017, '990')),
        fileName: 'batch.csv',
      });
      expect(second).toMatchObject({ status: 'done', created: 1, updated: 1 });
      const reports = (await emissionsOf(w.db, null, 'seoul')).years
        .flatMap((y) => y.reports)
        .filter((r) => r.provenance?.file === 'batch.csv');
      expect(reports).toHaveLength(3);
      for (const report of reports) {
        const versions = await w.db.climate.listVersions('emission-report', report.id);
        const latest = versions.find((v) => v.version === report.version);
        const row = await w.db.climate.findReport(report.id);
        expect(JSON.parse(latest?.snapshot ?? 'null')).toEqual(presentReport(row!, 'seoul'));
      }
      expect(reports.map((r) => r.version).sort()).toEqual([1, 1, 2]);
    },
  );

  const raceRow = (baseEmissions: number) =>
    `2021,44185,Suwon City,Suwon,Republic of Korea,East Asia,Base year emissions (absolute) target,2005,${baseEmissions},40,2035,,Energy`;

  it_(
    'leaves alone a record changed between a batch’s plan and its writing, and says so',
    async () => {
      const first = await runImport(w.db, ACTOR, {
        kind: 'cdp-targets',
        input: csv(TARGETS, raceRow(5000)),
        fileName: 'race.csv',
      });
      expect(first).toMatchObject({ status: 'done', created: 1 });
      const target = (await targetsOf(w.db, 'suwon')).find((t) => t.baseEmissions === 5000);
      if (!target) throw new Error('the import created the target');

      // Someone saves the target after the import planned its batch and before it writes it.
      const plan = ImportPlanner.prototype.plan;
      const spy = vi.spyOn(ImportPlanner.prototype, 'plan').mockImplementation(async function (
        this: ImportPlanner,
        rows,
      ) {
        const plans = await plan.call(this, rows);
        await updateTarget(w.db, w.admin, target.id, { baseEmissions: 5100 });
        return plans;
      });
      try {
        const second = await runImport(w.db, ACTOR, {
          kind: 'cdp-targets',
          input: csv(TARGETS, raceRow(6000)),
          fileName: 'race.csv',
        });
        expect(second).toMatchObject({ status: 'done', updated: 0, skipped: 1 });
        const rows = await importRunRows(w.db, second.id, { page: 1, pageSize: 10 });
        expect(rows).toMatchObject({
          items: [
            expect.objectContaining({
              action: 'skip',
              reason: expect.stringContaining('changed by someone else'),
            }),
          ],
        });
      } finally {
        spy.mockRestore();
      }
      // The officer's change stands, versions are numbered once each, history has no gap.
      expect(await getTarget(w.db, target.id)).toMatchObject({ baseEmissions: 5100, version: 2 });
      const history = await historyOf(w.db, null, 'target', target.id);
      expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
    },
  );
});
