import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { targetSnapshot } from './present';
import {
  createReport,
  createTarget,
  deleteTarget,
  getTarget,
  targetsOf,
  updateTarget,
} from './service';
import type { TargetCreate } from './schemas';
import { auditOf, climateWorld, countRows, type ClimateWorld } from './test-support';

/**
 * The target service without HTTP, on both databases: who may change a government's targets
 * (the policy's climate.edit), what each type needs (the core's target fields), interim targets,
 * and the versioned write (a version and an audit entry in the change's own transaction).
 */

const baseYear: TargetCreate = {
  type: 'base-year',
  title: '50 % below 2015 by 2035',
  status: 'policy',
  baseYear: 2015,
  baseEmissions: 1_000_000,
  targetYear: 2035,
  reductionPercent: 50,
  coverage: { gases: ['CO2', 'CH4'], scopes: [2, 1], sectors: ['I', 'II'], boundary: 'city-wide' },
  initiatives: ['Race to Zero'],
};

describe.each(dialectCases())('target service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let w: ClimateWorld;
  beforeAll(async () => {
    if (!skip) w = await climateWorld(dialect);
  });
  afterAll(async () => {
    await w?.drop();
  });

  it_('lets the secretariat and the own officer change targets, and no one else', async () => {
    const before = await countRows(w.db, 'climate_targets');
    const other = createTarget(w.db, w.officer('seoul'), 'suwon', baseYear);
    await expect(other).rejects.toMatchObject({
      status: 403,
      detail: 'You may change only your own government\'s climate records, not "suwon".',
    });
    await expect(createTarget(w.db, w.viewer, 'suwon', baseYear)).rejects.toMatchObject({
      status: 403,
    });
    await expect(createTarget(w.db, null as never, 'suwon', baseYear)).rejects.toMatchObject({
      status: 401,
    });
    await expect(createTarget(w.db, w.admin, 'atlantis', baseYear)).rejects.toMatchObject({
      status: 404,
    });
    expect(await countRows(w.db, 'climate_targets')).toBe(before);

    const own = await createTarget(w.db, w.officer('suwon'), 'suwon', baseYear);
    expect(own).toMatchObject({ governmentSlug: 'suwon', version: 1, interimTargetIds: [] });
    // Scopes are stored in order, whatever order they came in.
    expect(own.coverage.scopes).toEqual([1, 2]);
    await expect(
      updateTarget(w.db, w.officer('seoul'), own.id, { title: 'taken over' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(deleteTarget(w.db, w.officer('kyoto'), own.id)).rejects.toMatchObject({
      status: 403,
    });
    expect((await getTarget(w.db, own.id)).title).toBe(baseYear.title);
    const changed = await updateTarget(w.db, w.admin, own.id, { title: 'by the secretariat' });
    expect(changed).toMatchObject({ title: 'by the secretariat', version: 2 });
  });

  it_('asks for what each type of target needs, naming the field', async () => {
    const refused = (input: Partial<TargetCreate>) =>
      createTarget(w.db, w.admin, 'seoul', { ...baseYear, ...input } as TargetCreate);
    await expect(refused({ baseYear: null })).rejects.toMatchObject({
      status: 422,
      errors: [{ pointer: '/baseYear', detail: 'is required for a base-year target' }],
    });
    await expect(refused({ reductionPercent: null })).rejects.toMatchObject({
      errors: [
        {
          pointer: '/reductionPercent',
          detail: 'give the reduction in percent or the target emissions',
        },
      ],
    });
    await expect(refused({ type: 'fixed-level', reductionPercent: null })).rejects.toMatchObject({
      errors: [
        {
          pointer: '/targetEmissions',
          detail: 'is required for a fixed-level target (0 for net zero)',
        },
      ],
    });
    await expect(refused({ type: 'air-quality', pollutant: 'PM2.5' })).rejects.toMatchObject({
      errors: [{ pointer: '/levelValue', detail: 'is required for an air-quality target' }],
    });
    await expect(refused({ targetYear: 2015 })).rejects.toMatchObject({
      errors: [{ pointer: '/targetYear', detail: 'must be after the base year' }],
    });
    // A change is checked against the stored record with the change applied.
    const stored = await createTarget(w.db, w.admin, 'seoul', baseYear);
    await expect(
      updateTarget(w.db, w.admin, stored.id, { type: 'fuel-phase-out' }),
    ).rejects.toMatchObject({ errors: [{ pointer: '/fuel' }] });
    const phaseOut = await updateTarget(w.db, w.admin, stored.id, {
      type: 'fuel-phase-out',
      fuel: 'coal',
    });
    expect(phaseOut).toMatchObject({ type: 'fuel-phase-out', fuel: 'coal', version: 2 });
  });

  it_(
    'links an interim target to an earlier-ending end target of the same government',
    async () => {
      const end = await createTarget(w.db, w.admin, 'seoul', {
        type: 'fixed-level',
        title: 'Carbon neutral by 2050',
        status: 'law',
        targetYear: 2050,
        targetEmissions: 0,
        netZeroLabel: 'carbon-neutral',
      });
      const kyotoEnd = (await targetsOf(w.db, 'kyoto')).find((t) => t.targetYear === 2050);
      await expect(
        createTarget(w.db, w.admin, 'seoul', { ...baseYear, parentTargetId: kyotoEnd?.id ?? -1 }),
      ).rejects.toMatchObject({
        errors: [{ pointer: '/parentTargetId', detail: 'must be a target of the same government' }],
      });
      const interim = await createTarget(w.db, w.admin, 'seoul', {
        ...baseYear,
        parentTargetId: end.id,
      });
      expect((await getTarget(w.db, end.id)).interimTargetIds).toEqual([interim.id]);
      await expect(
        updateTarget(w.db, w.admin, interim.id, { targetYear: 2055 }),
      ).rejects.toMatchObject({ errors: [{ pointer: '/parentTargetId' }] });
      await expect(
        updateTarget(w.db, w.admin, end.id, { parentTargetId: end.id }),
      ).rejects.toMatchObject({
        errors: [{ pointer: '/parentTargetId', detail: 'a target cannot be its own end target' }],
      });
    },
  );

  it_('keeps each version in the API shape with its audit entry, or neither', async () => {
    const target = await createTarget(w.db, w.officer('changchun'), 'changchun', baseYear);
    const changed = await updateTarget(w.db, w.officer('changchun'), target.id, {
      reductionPercent: 60,
    });
    const versions = await w.db.climate.listVersions('target', target.id);
    expect(versions.map((v) => [v.version, v.change, v.actor_label])).toEqual([
      [2, 'update', 'changchun officer (test)'],
      [1, 'create', 'changchun officer (test)'],
    ]);
    // The snapshot is the target as presented, less what is computed on reading.
    expect(JSON.parse(versions[0]?.snapshot ?? 'null')).toEqual(targetSnapshot(changed));
    expect(JSON.parse(versions[1]?.snapshot ?? 'null')).not.toHaveProperty('assessment');
    expect(await auditOf(w.db, 'target', target.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        summary: `changchun: target "${baseYear.title}" added`,
      }),
      expect.objectContaining({
        action: 'update',
        summary: `changchun: target "${baseYear.title}" changed`,
      }),
    ]);

    // A refused change leaves no trace: not the change, not a version, not an audit entry.
    await expect(
      updateTarget(w.db, w.admin, target.id, { reductionPercent: null, targetEmissions: null }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await w.db.climate.listVersions('target', target.id)).toHaveLength(2);
    expect(await auditOf(w.db, 'target', target.id)).toHaveLength(2);
    expect((await getTarget(w.db, target.id)).version).toBe(2);

    await deleteTarget(w.db, w.admin, target.id);
    await expect(getTarget(w.db, target.id)).rejects.toMatchObject({ status: 404 });
    const [deleted] = await w.db.climate.listVersions('target', target.id);
    expect(deleted).toMatchObject({ version: 3, change: 'delete', snapshot: null });
    expect((await auditOf(w.db, 'target', target.id)).at(-1)).toMatchObject({ action: 'delete' });
  });

  it_('assesses targets against the government’s series as of a year', async () => {
    const target = await createTarget(w.db, w.admin, 'new-taipei', {
      ...baseYear,
      baseYear: 2010,
      baseEmissions: 1000,
      targetYear: 2030,
      reductionPercent: 40,
    });
    await createReport(w.db, w.admin, 'new-taipei', {
      year: 2020,
      source: 'national',
      sourceLabel: 'National statistics',
      total: 800,
      preferred: true,
    });
    const [assessed] = (await targetsOf(w.db, 'new-taipei', 2021)).filter(
      (t) => t.id === target.id,
    );
    // Half way in time (2010 → 2030), the pathway is at 800: on it exactly.
    expect(assessed?.assessment).toMatchObject({
      computed: true,
      asOfYear: 2021,
      actual: 800,
      actualYear: 2020,
      actualSource: 'national',
      status: 'on-track',
    });
    expect(assessed?.assessment.progress).toBeCloseTo(0.5, 9);
  });

  it_('keeps an "other" target in its words, and says why it is not assessed', async () => {
    const peak = await createTarget(w.db, w.admin, 'changchun', {
      type: 'other',
      title: 'Peak emissions by 2025',
      description: 'Carbon emissions peak by 2025.',
      status: 'policy',
      targetYear: 2025,
      baseYear: 2015,
      baseEmissions: 30_000_000,
      coverage: { gases: ['CO2'], scopes: [1, 2], sectors: [], boundary: 'city-wide' },
    });
    expect(peak).toMatchObject({
      type: 'other',
      targetYear: 2025,
      baseYear: 2015,
      baseEmissions: 30_000_000,
      coverage: { gases: ['CO2'], scopes: [1, 2] },
      assessment: { status: 'not-assessable', reason: 'not-quantified', targetLevel: null },
    });
  });
});
