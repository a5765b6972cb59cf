import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { createGovernment } from '../members/service';
import { mergeGovernments } from '../members/merge-service';
import { createReport, createTarget } from './service';
import { NetworkAssessment } from './summary-assessment';
import { RESTORE_JUMP } from '../db/restore-jump';
import { climateSummary } from './summary-service';
import { climateWorld, type ClimateWorld } from './test-support';

/**
 * The summary kept government by government (summary-assessment.ts, migration 0029) equals the
 * summary computed afresh after any sequence of writes of any kind: targets, reports and
 * inventories (through the services and directly), names, memberships, a government's region
 * and figures, a region's slug, merges, deletions and new governments. One server follows
 * every write; another is asked only after a whole sequence, as a server sharing the database
 * that learns of several writes at once.
 */

const KINDS = [
  'target',
  'target-edit',
  'target-delete',
  'report',
  'report-edit',
  'report-delete',
  'inventory-status',
  'inventory-delete',
  'name-edit',
  'name-add',
  'membership-edit',
  'membership-delete',
  'membership-add',
  'government-edit',
  'region-rename',
  'merge',
  'government-delete',
  'government-create',
] as const;

interface Op {
  kind: (typeof KINDS)[number];
  a: number;
  b: number;
  c: number;
}

const op = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
});

describe.each(dialectCases())('the summary kept per government on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let w: ClimateWorld;
  let created = 0;
  /** The kinds of write that went through at least once (the others were refused). */
  const applied = new Set<Op['kind']>();
  beforeAll(async () => {
    if (!skip) w = await climateWorld(dialect);
  });
  afterAll(async () => {
    await w?.drop();
  });

  const db = () => w.db.kysely;
  const pick = <T>(rows: readonly T[], n: number): T | undefined =>
    rows.length === 0 ? undefined : rows[n % rows.length];
  const governments = () =>
    db().selectFrom('governments').select(['id', 'slug']).orderBy('id').execute();
  const idsOf = async (
    table: 'climate_targets' | 'emission_reports' | 'inventories' | 'government_names',
  ) => (await db().selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);

  /** One write; a write a rule refuses (a duplicate, a government still referenced) is skipped. */
  async function apply({ kind, a, b, c }: Op): Promise<void> {
    const govs = await governments();
    const gov = pick(govs, a);
    const other = pick(govs, b);
    if (!gov || !other) return;
    try {
      await write({ kind, a, b, c }, gov, other);
      applied.add(kind);
    } catch (error) {
      // A write the database or a service refuses changes nothing (the property still holds).
      if (!(error instanceof Error)) throw error;
    }
  }

  async function write(
    { kind, a, b, c }: Op,
    gov: { id: number; slug: string },
    other: { id: number; slug: string },
  ): Promise<void> {
    const now = new Date().toISOString();
    switch (kind) {
      case 'target':
        await createTarget(w.db, w.admin, gov.slug, {
          type: c % 3 === 0 ? 'fixed-level' : 'base-year',
          title: `Target ${a}`,
          status: 'policy',
          baseYear: 2000 + (b % 20),
          baseEmissions: 100_000 * (1 + (c % 50)),
          targetYear: 2025 + (c % 30),
          ...(c % 3 === 0
            ? { targetEmissions: c % 2 === 0 ? 0 : 50_000 }
            : { reductionPercent: 10 + ((b * 7) % 80) }),
        });
        return;
      case 'target-edit': {
        const id = pick(await idsOf('climate_targets'), b);
        if (id === undefined) return;
        await db()
          .updateTable('climate_targets')
          .set({ target_year: 2020 + (c % 35), base_emissions: 1000 * (1 + (a % 900)) })
          .where('id', '=', id)
          .execute();
        return;
      }
      case 'target-delete': {
        const id = pick(await idsOf('climate_targets'), b);
        if (id !== undefined)
          await db().deleteFrom('climate_targets').where('id', '=', id).execute();
        return;
      }
      case 'report':
        await createReport(w.db, w.admin, gov.slug, {
          year: 2000 + (b % 24),
          source: c % 2 === 0 ? 'national' : 'cdp',
          sourceLabel: 'Test statistics',
          total: 10_000 * (1 + (c % 500)),
        });
        return;
      case 'report-edit': {
        const id = pick(await idsOf('emission_reports'), b);
        if (id === undefined) return;
        await db()
          .updateTable('emission_reports')
          .set({ total: 5_000 * (1 + (c % 700)), basic: null })
          .where('id', '=', id)
          .execute();
        return;
      }
      case 'report-delete': {
        const id = pick(await idsOf('emission_reports'), b);
        if (id !== undefined) {
          await db().deleteFrom('emission_reports').where('id', '=', id).execute();
        }
        return;
      }
      case 'inventory-status': {
        const id = pick(await idsOf('inventories'), b);
        if (id === undefined) return;
        await db()
          .updateTable('inventories')
          .set({ status: c % 2 === 0 ? 'draft' : 'final', basic_total: 1000 * (1 + (c % 99)) })
          .where('id', '=', id)
          .execute();
        return;
      }
      case 'inventory-delete': {
        const id = pick(await idsOf('inventories'), b);
        if (id !== undefined) await db().deleteFrom('inventories').where('id', '=', id).execute();
        return;
      }
      case 'name-edit': {
        const id = pick(await idsOf('government_names'), b);
        if (id === undefined) return;
        await db()
          .updateTable('government_names')
          .set({ name: `Renamed ${c}`, search_key: `renamed${c}` })
          .where('id', '=', id)
          .execute();
        return;
      }
      case 'name-add':
        await db()
          .insertInto('government_names')
          .values({
            government_id: gov.id,
            lang: pick(['en', 'ja', 'ko'], c) ?? 'en',
            kind: c % 4 === 0 ? 'alias' : 'name',
            name: `Added ${c}`,
            search_key: `added${c}`,
          })
          .execute();
        return;
      case 'membership-edit':
        await db()
          .updateTable('memberships')
          .set({ category: pick(['full-member', 'non-member', 'associate-partner'], c) })
          .where('government_id', '=', gov.id)
          .execute();
        return;
      case 'membership-delete':
        await db().deleteFrom('memberships').where('government_id', '=', gov.id).execute();
        return;
      case 'membership-add':
        await db()
          .insertInto('memberships')
          .values({ government_id: gov.id, category: 'full-member', status: 'current' })
          .execute();
        return;
      case 'government-edit': {
        const regions = await db().selectFrom('regions').select('id').orderBy('id').execute();
        await db()
          .updateTable('governments')
          .set({
            region_id: pick(regions, c)?.id,
            country: pick(['JP', 'KR', 'FR'], b),
            latitude: c % 90,
            population: c % 3 === 0 ? null : 10_000 * (1 + c),
            population_year: c % 3 === 0 ? null : 2015 + (c % 8),
            updated_at: now,
          })
          .where('id', '=', gov.id)
          .execute();
        return;
      }
      case 'region-rename': {
        const regions = await db().selectFrom('regions').select(['id', 'slug']).execute();
        const region = pick(regions, c);
        if (!region) return;
        const slug = region.slug.endsWith('-r') ? region.slug.slice(0, -2) : `${region.slug}-r`;
        await db().updateTable('regions').set({ slug }).where('id', '=', region.id).execute();
        return;
      }
      case 'merge':
        if (gov.id !== other.id) {
          await mergeGovernments(w.db, w.admin, { keep: gov.slug, merge: other.slug });
        }
        return;
      case 'government-delete':
        await db().deleteFrom('governments').where('id', '=', gov.id).execute();
        return;
      case 'government-create':
        created += 1;
        await createGovernment(w.db, w.admin, {
          slug: `made-${created}`,
          names: { en: `Made ${created}`, ja: `作${created}` },
          kind: 'city',
          country: 'JP',
          region: 'east-asia',
          localLang: 'ja',
        });
        return;
    }
  }

  /** The kept summary of `server` for the network and two regions equals a fresh one. */
  async function expectCurrent(server: NetworkAssessment, asOf: number, n: number) {
    const version = await w.db.climate.climateDataVersion();
    const regions = await db().selectFrom('regions').select('slug').orderBy('id').execute();
    for (const region of [undefined, pick(regions, n)?.slug, pick(regions, n + 3)?.slug]) {
      const kept = await server.summary(w.db, version, region, asOf);
      const fresh = await climateSummary(w.db, region, asOf);
      expect(kept).toEqual(fresh);
    }
  }

  it_(
    'equals a full computation after any sequence of writes',
    async () => {
      const following = new NetworkAssessment();
      const asOf = 2021;
      await expectCurrent(following, asOf, 0);
      expect(following.kept(asOf)).toBeGreaterThan(10);
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
          const another = new NetworkAssessment();
          // Another server, built before the writes: it learns of all of them at once.
          await another.summary(w.db, await w.db.climate.climateDataVersion(), undefined, asOf);
          for (const [i, o] of ops.entries()) {
            await apply(o);
            await expectCurrent(following, asOf, i);
          }
          await expectCurrent(another, asOf, ops.length);
        }),
        { numRuns: 15, seed: 1313 },
      );
    },
    240_000,
  );

  it_('assesses again only the governments written since, and forgets a deleted one', async () => {
    const gone = await createGovernment(w.db, w.admin, {
      slug: 'soon-gone',
      names: { en: 'Soon gone', ko: '곧' },
      kind: 'city',
      country: 'KR',
      region: 'east-asia',
      localLang: 'ko',
    });
    const server = new NetworkAssessment();
    const version = await w.db.climate.climateDataVersion();
    const before = await server.summary(w.db, version, undefined, 2022);
    expect(before.rows.some((r) => r.slug === gone.slug)).toBe(true);
    const first = (await governments())[0];
    if (!first) throw new Error('the demo has governments');
    await db()
      .updateTable('governments')
      .set({ updated_at: new Date().toISOString() })
      .where('id', '=', first.id)
      .execute();
    const afterTouch = await w.db.climate.climateDataVersion();
    expect(BigInt(afterTouch)).toBeGreaterThan(BigInt(version));
    expect(await w.db.climate.governmentsChangedSince(version)).toEqual([first.id]);
    const goneId = (await governments()).find((g) => g.slug === gone.slug)?.id;
    await db().deleteFrom('governments').where('slug', '=', gone.slug).execute();
    expect(await w.db.climate.governmentsChangedSince(afterTouch)).toEqual([goneId]);
    const after = await server.summary(
      w.db,
      await w.db.climate.climateDataVersion(),
      undefined,
      2022,
    );
    expect(after.rows).toHaveLength(before.rows.length - 1);
    expect(after.rows.some((r) => r.slug === gone.slug)).toBe(false);
    expect(server.kept(2022)).toBe(before.rows.length - 1);
  });

  it_('starts afresh after a restore, whose rows carry marks older than it holds', async () => {
    const server = new NetworkAssessment();
    const before = await server.summary(
      w.db,
      await w.db.climate.climateDataVersion(),
      undefined,
      2022,
    );
    // As a restore leaves it: a government the server never saw, marked at the backup's day.
    const restored = await createGovernment(w.db, w.admin, {
      slug: 'from-the-backup',
      names: { en: 'From the backup', ja: 'バックアップから' },
      kind: 'city',
      country: 'JP',
      region: 'east-asia',
      localLang: 'ja',
    });
    await db().updateTable('climate_gov_versions').set({ version: 0 }).execute();
    await w.db.climate.advanceDataVersions(RESTORE_JUMP + 7);
    const after = await server.summary(
      w.db,
      await w.db.climate.climateDataVersion(),
      undefined,
      2022,
    );
    expect(after.rows).toHaveLength(before.rows.length + 1);
    expect(after.rows.some((r) => r.slug === restored.slug)).toBe(true);
  });
});
