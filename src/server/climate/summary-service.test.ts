import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { climateSummary, createReport, createTarget } from './service';
import { climateWorld, type ClimateWorld } from './test-support';

/**
 * The network dashboard without HTTP, on both databases: a region's governments, members and
 * prospects apart, each with its headline target assessed as of a year.
 */

describe.each(dialectCases())('climate summary on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let w: ClimateWorld;
  beforeAll(async () => {
    if (!skip) w = await climateWorld(dialect);
  });
  afterAll(async () => {
    await w?.drop();
  });

  it_('rolls a region up from the demo, members and prospects apart', async () => {
    const s = await climateSummary(w.db, 'east-asia', 2021);
    expect(s).toMatchObject({ region: 'east-asia', asOfYear: 2021 });
    expect(s.members).toMatchObject({ governments: 5, withTargets: 2, withNetZero: 1 });
    expect(s.prospects.withTargets).toBe(0);
    expect(s.rows.every((r) => ['KR', 'JP', 'CN', 'TW', 'MN'].includes(r.country))).toBe(true);
    const kyoto = s.rows.find((r) => r.slug === 'kyoto');
    // The 2030 target, assessed from the FY2018 CDP report (PRODUCT.md: 41.4 % of the way).
    expect(kyoto).toMatchObject({
      isMember: true,
      targets: 2,
      netZeroYear: 2050,
      latestYear: 2018,
      latestEmissions: 3_636_204 + 2_904_444,
      baseEmissions: 7_840_000,
      headline: { targetYear: 2030, status: 'on-track', illustrative: false },
      latestIllustrative: false,
    });
    expect(kyoto?.headline?.progress).toBeCloseTo(0.414, 3);
    expect(kyoto?.names.en).toBe('Kyoto');
    expect(s.members.byStatus['on-track']).toBe(1);
    expect(s.members.byCountry.JP).toMatchObject({ governments: 1, withTargets: 1 });
  });

  it_('counts a prospect’s target among the prospects, and other regions not at all', async () => {
    await createTarget(w.db, w.admin, 'tokyo', {
      type: 'fixed-level',
      title: 'Zero emission Tokyo by 2050',
      status: 'policy',
      targetYear: 2050,
      targetEmissions: 0,
      netZeroLabel: 'zero-emissions',
    });
    await createReport(w.db, w.admin, 'tokyo', {
      year: 2019,
      source: 'national',
      sourceLabel: 'National statistics',
      total: 60_000_000,
    });
    const s = await climateSummary(w.db, 'east-asia', 2021);
    expect(s.prospects).toMatchObject({ withTargets: 1, withNetZero: 1 });
    expect(s.members).toMatchObject({ governments: 5, withTargets: 2 });
    expect(s.rows.find((r) => r.slug === 'tokyo')).toMatchObject({
      isMember: false,
      netZeroYear: 2050,
      latestYear: 2019,
      latestEmissions: 60_000_000,
    });
    const europe = await climateSummary(w.db, 'europe', 2021);
    expect(europe.rows.map((r) => r.slug)).not.toContain('tokyo');
    const network = await climateSummary(w.db, undefined, 2021);
    expect(network.region).toBeNull();
    expect(network.rows.length).toBeGreaterThan(s.rows.length);
  });

  it_(
    'says when a figure comes from an illustrative inventory, so the dashboard labels it',
    async () => {
      // Changchun's only figures are the demo's illustrative 2019 inventory.
      await createTarget(w.db, w.admin, 'changchun', {
        type: 'base-year',
        title: '30 % below 2015 by 2030',
        status: 'policy',
        baseYear: 2015,
        baseEmissions: 25_000_000,
        targetYear: 2030,
        reductionPercent: 30,
      });
      const s = await climateSummary(w.db, 'east-asia', 2021);
      const changchun = s.rows.find((r) => r.slug === 'changchun');
      expect(changchun).toMatchObject({
        latestYear: 2019,
        latestIllustrative: true,
        headline: { targetYear: 2030, illustrative: true },
      });
      expect(changchun?.latestEmissions).toBeGreaterThan(0);
      expect(s.rows.find((r) => r.slug === 'kyoto')?.latestIllustrative).toBe(false);
    },
  );
});
