import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { Db } from '../database';
import { migrateTo, migrateToLatest } from '../migrate';

/**
 * Migration 0029: every write to a government's climate rows records, in climate_gov_versions,
 * the network version it raised (an update both governments a row moves between, a PostgreSQL
 * TRUNCATE every government); undone, the network version is still raised by 0025's triggers.
 */
describe.each(dialectCases())('migration 0029 (climate versions per government) on $label', (c) => {
  const it_ = c.skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;
  const ids: number[] = [];

  beforeAll(async () => {
    if (c.skip) return;
    ({ db, drop } = await freshDatabase(c.dialect));
    await migrateToLatest(db);
    const region = await db.kysely
      .insertInto('regions')
      .values({ slug: 'r', name: 'R', sort_order: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const slug of ['a', 'b', 'c']) {
      const row = await db.kysely
        .insertInto('governments')
        .values({
          slug,
          kind: 'city',
          country: 'JP',
          region_id: region.id,
          local_lang: 'ja',
          is_demo: 0,
          created_at: 'x',
          updated_at: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
  });
  afterAll(async () => {
    await drop?.();
  });

  const version = async () =>
    String(
      (
        await db.kysely
          .selectFrom('data_versions')
          .select('version')
          .where('name', '=', 'climate')
          .executeTakeFirstOrThrow()
      ).version,
    );
  const changedSince = async (v: string) =>
    (
      await db.kysely
        .selectFrom('climate_gov_versions')
        .select('government_id')
        .where('version', '>', v)
        .orderBy('government_id')
        .execute()
    ).map((r) => r.government_id);
  const report = (governmentId: number, year: number) =>
    db.kysely
      .insertInto('emission_reports')
      .values({
        government_id: governmentId,
        year,
        source: 'national',
        source_label: 'National',
        preferred: 0,
        provenance: '{}',
        version: 1,
        total: 1,
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();

  it_('marks the governments a write touches with the version it raised', async () => {
    const [a, b, cId] = ids as [number, number, number];
    const start = await version();
    await report(a, 2020);
    const afterInsert = await version();
    expect(BigInt(afterInsert)).toBeGreaterThan(BigInt(start));
    expect(await changedSince(start)).toEqual([a]);
    const marked = await db.kysely
      .selectFrom('climate_gov_versions')
      .select('version')
      .where('government_id', '=', a)
      .executeTakeFirstOrThrow();
    // Never newer than the network version a reader sees with it.
    expect(BigInt(String(marked.version))).toBeLessThanOrEqual(BigInt(afterInsert));
    // A row moved from a to b (as a merge moves them) marks both.
    await db.kysely
      .updateTable('emission_reports')
      .set({ government_id: b })
      .where('government_id', '=', a)
      .execute();
    expect(await changedSince(afterInsert)).toEqual([a, b]);
    const afterMove = await version();
    await db.kysely.deleteFrom('emission_reports').where('government_id', '=', b).execute();
    expect(await changedSince(afterMove)).toEqual([b]);
    const afterDelete = await version();
    await db.kysely
      .updateTable('governments')
      .set({ updated_at: 'y' })
      .where('id', '=', cId)
      .execute();
    expect(await changedSince(afterDelete)).toEqual([cId]);
    if (c.dialect === 'postgres') {
      const beforeTruncate = await version();
      await sql`TRUNCATE emission_reports`.execute(db.kysely);
      expect(await changedSince(beforeTruncate)).toEqual([a, b, cId]);
    }
  });

  it_('undone, leaves the network version raised by every write as before', async () => {
    await migrateTo(db, '0028_government_sort_names');
    const before = await version();
    await report(ids[0] as number, 2021);
    expect(BigInt(await version())).toBeGreaterThan(BigInt(before));
    await migrateToLatest(db);
    const again = await version();
    await report(ids[1] as number, 2021);
    expect(await changedSince(again)).toEqual([ids[1]]);
  });
});
