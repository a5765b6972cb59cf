import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { createReport, deleteReport, emissionsOf, updateReport } from './service';
import { auditOf, climateWorld, type ClimateWorld } from './test-support';

/**
 * The emission report service without HTTP, on both databases: the figure each year uses
 * (staff's choice, else the newest report) and where it comes from, who entered a report, and
 * its versions.
 */

describe.each(dialectCases())('emission report service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let w: ClimateWorld;
  beforeAll(async () => {
    if (!skip) w = await climateWorld(dialect);
  });
  afterAll(async () => {
    await w?.drop();
  });

  it_('uses the report staff chose for a year, else the newest report', async () => {
    const cdp = await createReport(w.db, w.officer('seoul'), 'seoul', {
      year: 2016,
      source: 'cdp',
      sourceLabel: 'CDP 2018',
      reportYear: 2018,
      scope1: 60,
      scope2: 40,
    });
    expect(cdp).toMatchObject({
      governmentSlug: 'seoul',
      preferred: false,
      basic: null,
      reportYear: 2018,
      dataset: null,
      provenance: { enteredBy: 'seoul officer (test)' },
    });
    const national = await createReport(w.db, w.admin, 'seoul', {
      year: 2016,
      source: 'national',
      sourceLabel: 'National statistics',
      reportYear: 2019,
      total: 90,
    });
    const yearOf = async () =>
      (await emissionsOf(w.db, null, 'seoul')).years.find((y) => y.year === 2016);
    // Nobody chose: the newest report (2019), the other listed after it.
    expect(await yearOf()).toMatchObject({
      value: 90,
      source: 'national',
      basis: 'newest-report',
      reportId: national.id,
      coverage: 'unstated',
      inventory: null,
    });
    expect((await yearOf())?.reports.map((r) => r.id)).toEqual([national.id, cdp.id]);

    await updateReport(w.db, w.admin, cdp.id, { preferred: true });
    expect(await yearOf()).toMatchObject({ value: 100, source: 'cdp', basis: 'staff-choice' });
    await updateReport(w.db, w.admin, national.id, { preferred: true });
    expect(await yearOf()).toMatchObject({ value: 90, basis: 'staff-choice' });
    await updateReport(w.db, w.admin, cdp.id, { preferred: true, basic: 95 });
    const year = await yearOf();
    expect(year).toMatchObject({ value: 95, source: 'cdp', coverage: 'basic' });
    // Only one report of the year is chosen, and it comes first.
    expect(year?.reports.map((r) => [r.id, r.preferred])).toEqual([
      [cdp.id, true],
      [national.id, false],
    ]);
  });

  it_('keeps reports their government’s to change, each change a version', async () => {
    const report = await createReport(w.db, w.officer('kyoto'), 'kyoto', {
      year: 2012,
      source: 'national',
      sourceLabel: 'National statistics',
      total: 8_000_000,
    });
    await expect(
      updateReport(w.db, w.officer('suwon'), report.id, { total: 1 }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(deleteReport(w.db, w.viewer, report.id)).rejects.toMatchObject({ status: 403 });
    const moved = await updateReport(w.db, w.officer('kyoto'), report.id, { year: 2013 });
    expect(moved).toMatchObject({ year: 2013, version: 2, total: 8_000_000 });
    const versions = await w.db.climate.listVersions('emission-report', report.id);
    expect(versions.map((v) => JSON.parse(v.snapshot ?? 'null'))).toEqual([moved, report]);
    await deleteReport(w.db, w.officer('kyoto'), report.id);
    expect(await auditOf(w.db, 'emission-report', report.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        summary: 'kyoto: National statistics 2012 added',
      }),
      expect.objectContaining({
        action: 'update',
        summary: 'kyoto: National statistics 2013 changed',
      }),
      expect.objectContaining({
        action: 'delete',
        summary: 'kyoto: National statistics 2013 deleted',
      }),
    ]);
    expect((await emissionsOf(w.db, null, 'kyoto')).years.map((y) => y.year)).not.toContain(2013);
  });
});
