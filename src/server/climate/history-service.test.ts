import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { nowIso } from '../clock';
import { targetSnapshot } from './present';
import {
  createInventory,
  createReport,
  createTarget,
  deleteTarget,
  getInventory,
  getTarget,
  historyOf,
  restoreVersion,
  updateInventory,
  updateTarget,
} from './service';
import type { TargetCreate } from './schemas';
import { auditOf, climateWorld, type ClimateWorld } from './test-support';

/**
 * History and restore without HTTP, on both databases: every version newest first, a restore
 * written as a new version, and versions stored by earlier imports as raw rows (snake_case
 * columns, JSON lists as text) read into the API's shape, so they show and restore alike.
 */

const target: TargetCreate = {
  type: 'base-year',
  title: 'v1',
  status: 'policy',
  baseYear: 2010,
  baseEmissions: 1000,
  targetYear: 2030,
  reductionPercent: 40,
  coverage: { gases: ['CO2'], scopes: [1], sectors: ['I'], boundary: 'city-wide' },
};

describe.each(dialectCases())('history service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let w: ClimateWorld;
  beforeAll(async () => {
    if (!skip) w = await climateWorld(dialect);
  });
  afterAll(async () => {
    await w?.drop();
  });

  it_('lists every version and restores an earlier one as a new version', async () => {
    const v1 = await createTarget(w.db, w.officer('suwon'), 'suwon', target);
    const v2 = await updateTarget(w.db, w.officer('suwon'), v1.id, {
      title: 'v2',
      reductionPercent: 55,
      coverage: { gases: ['CO2', 'CH4'], scopes: [1, 2], sectors: ['I'], boundary: 'partial' },
    });
    const history = await historyOf(w.db, null, 'target', v1.id);
    expect(history.versions.map((v) => [v.version, v.change])).toEqual([
      [2, 'update'],
      [1, 'create'],
    ]);
    expect(history.versions[1]?.snapshot).toEqual(targetSnapshot(v1));

    await expect(
      restoreVersion(w.db, w.officer('seoul'), 'target', v1.id, 1),
    ).rejects.toMatchObject({ status: 403 });
    const restored = await restoreVersion(w.db, w.officer('suwon'), 'target', v1.id, 1);
    expect(restored).toMatchObject({
      title: 'v1',
      reductionPercent: 40,
      coverage: target.coverage,
      version: 3,
    });
    expect(restored).not.toMatchObject({ title: v2.title });
    const after = await historyOf(w.db, null, 'target', v1.id);
    expect(after.versions[0]).toMatchObject({ version: 3, change: 'restore' });
    expect((await auditOf(w.db, 'target', v1.id)).at(-1)).toMatchObject({
      action: 'update',
      summary: 'suwon: target "v1" restored',
    });

    await expect(restoreVersion(w.db, w.admin, 'target', v1.id, 9)).rejects.toMatchObject({
      status: 422,
      errors: [{ pointer: '/version', detail: `target ${v1.id} has no version 9` }],
    });
    await deleteTarget(w.db, w.admin, v1.id);
    await expect(restoreVersion(w.db, w.admin, 'target', v1.id, 4)).rejects.toMatchObject({
      errors: [{ detail: 'version 4 records a deletion; choose another' }],
    });
    await expect(historyOf(w.db, null, 'action', 987_654)).rejects.toMatchObject({ status: 404 });
  });

  it_('restores an inventory’s lines and GWP set', async () => {
    const first = await createInventory(w.db, w.admin, 'seoul', {
      year: 2018,
      gwpSet: 'AR5',
      entries: [{ code: 'I.1.1', gas: 'CH4', amount: 10, notationKey: null }],
    });
    await updateInventory(w.db, w.admin, first.id, { gwpSet: 'AR6', entries: [] });
    const restored = await restoreVersion(w.db, w.admin, 'inventory', first.id, 1);
    expect(restored).toMatchObject({ gwpSet: 'AR5', version: 3, totals: first.totals });
    expect((await getInventory(w.db, w.admin, first.id)).entries).toEqual(first.entries);
  });

  /** Stores a version as earlier imports did: the raw row, as the database returned it. */
  async function storeRawVersion(
    type: 'target' | 'emission-report',
    row: { id: number; version: number },
  ) {
    await w.db.climate.insertVersions([
      {
        entity_type: type,
        entity_id: row.id,
        version: row.version,
        at: nowIso(),
        actor_user_id: null,
        actor_label: 'cdp import (old)',
        change: 'update',
        snapshot: JSON.stringify(row),
      },
    ]);
  }

  it_('reads a target version stored as a raw row, and restores it', async () => {
    const created = await createTarget(w.db, w.admin, 'kyoto', { ...target, title: 'by hand' });
    // What an import did before: the row changed in place, its raw row kept as the version.
    await w.db.climate.updateTarget(created.id, {
      title: 'imported',
      base_emissions: 1200,
      coverage_gases: '["CO2","N2O"]',
      initiatives: '["Race to Zero"]',
      import_key: 'cdp-targets|old',
      version: 2,
    });
    const raw = await w.db.climate.findTarget(created.id);
    if (!raw) throw new Error('the target is stored');
    await storeRawVersion('target', raw);
    const imported = await getTarget(w.db, created.id);
    await updateTarget(w.db, w.admin, created.id, { title: 'by hand again', baseEmissions: 900 });

    const history = await historyOf(w.db, null, 'target', created.id);
    const old = history.versions.find((v) => v.version === 2)?.snapshot;
    // The same shape as the services store: camelCase, lists as lists, the government's slug.
    expect(old).toEqual(targetSnapshot(imported));
    expect(old).toMatchObject({
      governmentSlug: 'kyoto',
      baseEmissions: 1200,
      coverage: { gases: ['CO2', 'N2O'], scopes: [1], sectors: ['I'], boundary: 'city-wide' },
      initiatives: ['Race to Zero'],
    });
    expect(old).not.toHaveProperty('base_emissions');

    const restored = await restoreVersion(w.db, w.admin, 'target', created.id, 2);
    expect(restored).toMatchObject({
      title: 'imported',
      baseEmissions: 1200,
      coverage: { gases: ['CO2', 'N2O'] },
      initiatives: ['Race to Zero'],
      version: 4,
    });
  });

  it_('reads an emission report version stored as a raw row, and restores it', async () => {
    const report = await createReport(w.db, w.admin, 'changchun', {
      year: 2017,
      source: 'cdp',
      sourceLabel: 'CDP 2019',
      scope1: 10,
      scope2: 20,
    });
    await w.db.climate.updateReport(report.id, {
      total: 31,
      provenance: '{"file":"old.csv","row":7}',
      version: 2,
    });
    const raw = await w.db.climate.findReport(report.id);
    if (!raw) throw new Error('the report is stored');
    await storeRawVersion('emission-report', raw);
    const history = await historyOf(w.db, null, 'emission-report', report.id);
    expect(history.versions[0]?.snapshot).toMatchObject({
      governmentSlug: 'changchun',
      sourceLabel: 'CDP 2019',
      total: 31,
      preferred: false,
      provenance: { file: 'old.csv', row: 7 },
    });
    const restored = await restoreVersion(w.db, w.admin, 'emission-report', report.id, 1);
    expect(restored).toMatchObject({ total: null, version: 3 });
    const again = await restoreVersion(w.db, w.admin, 'emission-report', report.id, 2);
    expect(again).toMatchObject({ total: 31, version: 4 });
  });

  it_('says which stored version is damaged', async () => {
    const created = await createTarget(w.db, w.admin, 'seoul', { ...target, title: 'damaged' });
    await w.db.kysely
      .updateTable('record_versions')
      .set({ snapshot: '{"title": "v1"' })
      .where('entity_type', '=', 'target')
      .where('entity_id', '=', created.id)
      .execute();
    await expect(historyOf(w.db, null, 'target', created.id)).rejects.toThrow(
      /^record_versions \d+: the stored JSON does not parse$/,
    );
    // A raw row missing what presenting it needs is as damaged as one that does not parse.
    await w.db.kysely
      .updateTable('record_versions')
      .set({ snapshot: JSON.stringify({ id: created.id, government_id: w.gov.seoul }) })
      .where('entity_type', '=', 'target')
      .where('entity_id', '=', created.id)
      .execute();
    await expect(restoreVersion(w.db, w.admin, 'target', created.id, 1)).rejects.toMatchObject({
      name: 'JsonColumnError',
      table: 'record_versions',
    });
  });
});
