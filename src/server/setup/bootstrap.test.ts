import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../test/setup/databases';
import { TABLE_OWNERS } from '../db/table-owners';
import type { Database } from '../db/schema';
import type { StoreDb as Db } from '../store';
import { bootstrapDatabase, DEMO_ADMIN_EMAIL } from './bootstrap';
import { DEMO_REXCOM_SLUG } from './demo/governance';

const ADMIN_PASSWORD = 'x'.repeat(12);

let db: Db;
let drop: () => Promise<void>;

/** Rows in every table (migrations' own bookkeeping excluded). */
async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of Object.keys(TABLE_OWNERS) as (keyof Database)[]) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describe.each(dialectCases())('bootstrapDatabase on $label', ({ dialect, skip }) => {
  beforeEach(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
  });
  afterEach(async () => {
    if (!skip) await drop();
  });

  describe.skipIf(skip)('with the demo', () => {
    it('loads the whole demo and the administrator on the first start', async () => {
      const report = await bootstrapDatabase(db, {
        seedDemo: true,
        adminPassword: ADMIN_PASSWORD,
      });
      expect(report.migrations.length).toBeGreaterThan(0);
      expect(report.demoSeeded).toBe(true);
      expect(report.adminCreated).toEqual({ email: DEMO_ADMIN_EMAIL, password: null });

      const counts = await rowCounts();
      for (const table of [
        'regions',
        'offices',
        'governments',
        'people',
        'positions',
        'climate_targets',
        'climate_actions',
        'inventories',
        'bodies',
        'meetings',
        'attendance',
        'news_posts',
      ]) {
        expect(counts[table], table).toBeGreaterThan(0);
      }
      expect(await db.health.settingValue('demo')).toBe('true');
      // The demo's own marks, written through the owning repositories.
      const kyoto = await db.members.findGovernmentIdBySlug('kyoto');
      const targets = await db.climate.targetsOfGovernments([kyoto ?? -1]);
      expect(targets.filter((t) => t.self_reported_progress === 74)).toHaveLength(1);
      const bodies = await db.governance.listBodies();
      expect(bodies.every((b) => Number(b.is_demo) === 1)).toBe(true);
      expect(bodies.map((b) => b.slug)).toContain(DEMO_REXCOM_SLUG);
      const admin = await db.users.findUserByEmail(DEMO_ADMIN_EMAIL);
      expect(admin?.role).toBe('admin');
    });

    it('changes nothing when it runs again', async () => {
      await bootstrapDatabase(db, { seedDemo: true, adminPassword: ADMIN_PASSWORD });
      const before = await rowCounts();
      const again = await bootstrapDatabase(db, { seedDemo: true, adminPassword: ADMIN_PASSWORD });
      expect(again).toEqual({ migrations: [], demoSeeded: false, adminCreated: null });
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe.skipIf(skip)('without the demo', () => {
    it('loads the regions and an administrator with a generated password, once', async () => {
      const first = await bootstrapDatabase(db, { seedDemo: false, adminPassword: undefined });
      expect(first.demoSeeded).toBe(false);
      expect(first.adminCreated?.email).toBe(DEMO_ADMIN_EMAIL);
      expect(first.adminCreated?.password).toMatch(/^\S{12,}$/);
      const counts = await rowCounts();
      expect(counts.regions).toBe(10);
      expect(counts.governments).toBe(0);
      expect(counts.users).toBe(1);
      expect(await db.health.settingValue('demo')).toBeNull();

      const again = await bootstrapDatabase(db, { seedDemo: false, adminPassword: undefined });
      expect(again).toEqual({ migrations: [], demoSeeded: false, adminCreated: null });
      expect(await rowCounts()).toEqual(counts);
    });
  });
});
