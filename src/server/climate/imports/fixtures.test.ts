import fs from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import type { ImportKind } from '../schemas';
import { layoutById } from './layouts';
import { importRunRows, runImport } from './service';

/**
 * Each layout imported from a small file kept in this repository (fixtures/, with the real
 * header rows of CDP's 2021 exports; the Net Zero Tracker workbook is written here with the
 * headers of its layout), on both databases: what a dry run, a real run, a rerun and a run with
 * one changed row do. The full files' suites (cdp-import.test.ts) need ../shared/data.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => fs.readFileSync(`${FIXTURES}${name}`, 'utf8');
const csv = (text: string) => Readable.from([Buffer.from(text)]);
const ACTOR = { userId: null, label: 'fixture test' };

type Cell = string | number | null;

/** The plain Net Zero Tracker layout's headers, as layouts.ts knows them. */
function nztHeaders(): string[] {
  const layout = layoutById('nzt');
  if (!layout) throw new Error('no nzt layout');
  return Object.values(layout.columns).map((names) => names?.[0] as string);
}

async function nztWorkbook(rows: Record<string, Cell>[]): Promise<Readable> {
  const headers = nztHeaders();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Net Zero Tracker');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Readable.from([Buffer.from(await workbook.xlsx.writeBuffer())]);
}

const NZT_ROWS: Record<string, Cell>[] = [
  // In the directory without a tracker id: matched by name and country (ISO3).
  {
    id_code: 'CIT-9001',
    name: 'Beijing',
    country: 'CHN',
    actor_type: 'City',
    end_target: 'Carbon neutral(ity)',
    end_target_year: 2060,
    end_target_status: 'Declaration / pledge',
    source_url: 'https://example.org/beijing',
  },
  // Not in the directory: a prospect.
  {
    id_code: 'CIT-9002',
    name: 'Pueblo Nuevo Fixture',
    country: 'CHL',
    actor_type: 'City',
    end_target: 'Net zero',
    end_target_year: 2050,
    end_target_status: 'In policy document',
    interim_target: 'Emissions reduction target',
    interim_target_year: 2030,
    interim_target_percentage_reduction: 45,
    interim_target_baseline_year: 2018,
  },
  // Not a government: skipped.
  {
    id_code: 'COM-9003',
    name: 'Fixture Corporation',
    country: 'USA',
    actor_type: 'Company',
    end_target: 'Net zero',
    end_target_year: 2040,
  },
];

interface LayoutCase {
  kind: ImportKind;
  fileName: string;
  file: () => Promise<Readable>;
  /** The same file with one record's figures changed, and whose record that is. */
  changed: () => Promise<Readable>;
  changedSlug: string;
  table: 'climate_targets' | 'emission_reports';
  created: number;
  /** Governments the file matches by name: slug and the key the run records on it. */
  linked: { slug: string; column: 'cdp_account' | 'nzt_id'; value: string };
  prospect: { slug: string; name: string; column: 'cdp_account' | 'nzt_id'; value: string };
}

const LAYOUTS: LayoutCase[] = [
  {
    kind: 'cdp-targets',
    fileName: 'cdp-targets.csv',
    file: () => Promise.resolve(csv(fixture('cdp-targets.csv'))),
    changed: () =>
      Promise.resolve(csv(fixture('cdp-targets.csv').replace(',20000000,', ',21000000,'))),
    changedSlug: 'yokohama',
    table: 'climate_targets',
    created: 3,
    linked: { slug: 'bonn', column: 'cdp_account', value: '880301' },
    prospect: {
      slug: 'villa-fixture',
      name: 'Villa Fixture',
      column: 'cdp_account',
      value: '880302',
    },
  },
  {
    kind: 'cdp-emissions',
    fileName: 'cdp-emissions.csv',
    file: () => Promise.resolve(csv(fixture('cdp-emissions.csv'))),
    changed: () =>
      Promise.resolve(csv(fixture('cdp-emissions.csv').replace(',1200000,', ',1250000,'))),
    changedSlug: 'ulaanbaatar',
    table: 'emission_reports',
    created: 3,
    linked: { slug: 'ulaanbaatar', column: 'cdp_account', value: '880311' },
    prospect: {
      slug: 'pueblo-fixture',
      name: 'Pueblo Fixture',
      column: 'cdp_account',
      value: '880312',
    },
  },
  {
    kind: 'nzt',
    fileName: 'nzt.xlsx',
    file: () => nztWorkbook(NZT_ROWS),
    changed: () =>
      nztWorkbook(
        NZT_ROWS.map((r) => (r.id_code === 'CIT-9001' ? { ...r, end_target_status: 'In law' } : r)),
      ),
    changedSlug: 'beijing',
    table: 'climate_targets',
    // Beijing's end target; the prospect's end and interim targets.
    created: 3,
    linked: { slug: 'beijing', column: 'nzt_id', value: 'CIT-9001' },
    prospect: {
      slug: 'pueblo-nuevo-fixture',
      name: 'Pueblo Nuevo Fixture',
      column: 'nzt_id',
      value: 'CIT-9002',
    },
  },
];

describe.each(dialectCases())('importing the small fixtures on $label', ({ dialect, skip }) => {
  let db: Db;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'x'.repeat(12) });
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  const count = async (
    table:
      | 'climate_targets'
      | 'emission_reports'
      | 'governments'
      | 'memberships'
      | 'record_versions'
      | 'audit_log',
  ) => {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const counts = async () => ({
    governments: await count('governments'),
    memberships: await count('memberships'),
    targets: await count('climate_targets'),
    reports: await count('emission_reports'),
    versions: await count('record_versions'),
    audit: await count('audit_log'),
  });
  const government = (slug: string) =>
    db.kysely
      .selectFrom('governments as g')
      .leftJoin('memberships as m', 'm.government_id', 'g.id')
      .where('g.slug', '=', slug)
      .select(['g.id', 'g.cdp_account', 'g.nzt_id', 'm.category'])
      .executeTakeFirst();
  const rowsOf = async (id: number) =>
    (await importRunRows(db, id, { page: 1, pageSize: 100 })).items;

  for (const layout of LAYOUTS) {
    it.skipIf(skip)(
      `${layout.kind}: a dry run writes nothing, a run creates, a rerun changes nothing, a changed row updates`,
      async () => {
        const run = async (input: Readable, dryRun = false) =>
          runImport(db, ACTOR, { kind: layout.kind, input, fileName: layout.fileName, dryRun });
        const start = await counts();
        expect(await government(layout.prospect.slug)).toBeUndefined();

        const preview = await run(await layout.file(), true);
        expect(preview).toMatchObject({
          status: 'done',
          dryRun: true,
          totalRows: 3 + (layout.kind === 'nzt' ? 0 : 1),
          created: layout.kind === 'nzt' ? 2 : 3,
          updated: 0,
          skipped: 1,
        });
        expect(await counts()).toEqual(start);
        expect(await government(layout.prospect.slug)).toBeUndefined();
        // The prospect the preview would create is shown by the name it would get.
        const previewed = (await rowsOf(preview.id)).find(
          (r) => r.government === layout.prospect.slug,
        );
        expect(previewed?.governmentNames).toEqual({
          name: layout.prospect.name,
          names: {},
          localLang: null,
          exists: false,
        });
        expect((await government(layout.linked.slug))?.[layout.linked.column]).toBeNull();

        const real = await run(await layout.file());
        expect(real).toMatchObject({
          status: 'done',
          dryRun: false,
          created: preview.created,
          updated: 0,
          skipped: 1,
        });
        const previewRows = await rowsOf(preview.id);
        expect(await rowsOf(real.id)).toEqual(previewRows);
        expect(previewRows.filter((r) => r.action === 'skip')).toHaveLength(1);
        const prospectRow = previewRows.find((r) => r.government === layout.prospect.slug);
        expect(prospectRow?.reasons).toContainEqual({
          code: 'new-prospect',
          params: { name: layout.prospect.name },
        });
        expect(prospectRow?.governmentNames).toMatchObject({
          name: layout.prospect.name,
          exists: true,
        });
        const afterRun = await counts();
        expect(afterRun.governments).toBe(start.governments + 1);
        expect(afterRun.memberships).toBe(start.memberships + 1);
        const records = layout.table === 'climate_targets' ? 'targets' : 'reports';
        expect(afterRun[records]).toBe(start[records] + layout.created);
        expect(afterRun.versions).toBe(start.versions + layout.created);
        // The batch's audit entry (committed with its records) and the run's.
        expect(afterRun.audit).toBe(start.audit + 2);
        expect(await government(layout.prospect.slug)).toMatchObject({
          [layout.prospect.column]: layout.prospect.value,
          category: 'non-member',
        });
        expect((await government(layout.linked.slug))?.[layout.linked.column]).toBe(
          layout.linked.value,
        );

        const again = await run(await layout.file());
        expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 1 });
        expect((await rowsOf(again.id)).map((r) => r.action)).toEqual(
          previewRows.map((r) => (r.action === 'skip' ? 'skip' : 'unchanged')),
        );
        expect(await counts()).toEqual({ ...afterRun, audit: afterRun.audit + 1 });

        const changed = await run(await layout.changed());
        expect(changed).toMatchObject({ status: 'done', created: 0, updated: 1, skipped: 1 });
        const afterChange = await counts();
        expect(afterChange).toEqual({
          ...afterRun,
          versions: afterRun.versions + 1,
          // The rerun's entry; the change's batch and run entries.
          audit: afterRun.audit + 3,
        });
        const updated = await db.kysely
          .selectFrom(layout.table)
          .where('government_id', '=', (await government(layout.changedSlug))?.id ?? -1)
          .where('import_key', 'is not', null)
          .select('version')
          .execute();
        expect(updated).toEqual([{ version: 2 }]);
      },
      120_000,
    );
  }
});
