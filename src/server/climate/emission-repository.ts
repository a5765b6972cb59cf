import type { Insertable, Selectable, Updateable } from 'kysely';
import type { EmissionReportTable } from '../db/schema';
import { bulkUpdateById, type SqlType } from '../db/bulk-update';
import type { Executor } from '../db/types';
import { bulkColumns, inInputOrder } from './bulk-columns';

/** Emission reports: totals reported elsewhere (re-exported by repository.ts). */

export type ReportRow = Selectable<EmissionReportTable>;

/** Only the columns a year's figure needs: the dashboard reads hundreds of thousands of rows. */
export type ReportFigureRow = Pick<
  ReportRow,
  'id' | 'government_id' | 'year' | 'source' | 'preferred' | 'basic' | 'total' | 'scope1' | 'scope2'
>;

export function reportsOfGovernments(db: Executor, governmentIds: number[]): Promise<ReportRow[]> {
  if (governmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('emission_reports')
    .where('government_id', 'in', governmentIds)
    .selectAll()
    .orderBy('government_id')
    .orderBy('year')
    .orderBy('id')
    .execute();
}

export function findReport(db: Executor, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('emission_reports').where('id', '=', id).selectAll().executeTakeFirst();
}

/** Reports by id, in chunks the databases' parameter limits allow (order not kept). */
export async function reportsByIds(db: Executor, ids: readonly number[]): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('emission_reports')
        .where('id', 'in', ids.slice(i, i + 500))
        .selectAll()
        .execute()),
    );
  }
  return rows;
}

export async function insertReport(
  db: Executor,
  values: Insertable<EmissionReportTable>,
): Promise<number> {
  const row = await db
    .insertInto('emission_reports')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReport(
  db: Executor,
  id: number,
  values: Updateable<EmissionReportTable>,
): Promise<void> {
  await db.updateTable('emission_reports').set(values).where('id', '=', id).execute();
}

/** Only one report of a government and year is preferred. */
export async function clearPreferred(
  db: Executor,
  governmentId: number,
  year: number,
  exceptId: number,
): Promise<number[]> {
  const others = await db
    .selectFrom('emission_reports')
    .where('government_id', '=', governmentId)
    .where('year', '=', year)
    .where('preferred', '=', 1)
    .where('id', '!=', exceptId)
    .select('id')
    .execute();
  if (others.length) {
    await db
      .updateTable('emission_reports')
      .set({ preferred: 0 })
      .where(
        'id',
        'in',
        others.map((o) => o.id),
      )
      .execute();
  }
  return others.map((o) => o.id);
}

export async function deleteReport(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('emission_reports').where('id', '=', id).execute();
}

// Bulk writers (the importer)

/** Inserts many emission reports in chunks; returns their ids in input order. */
export async function insertEmissionReports(
  db: Executor,
  rows: Insertable<EmissionReportTable>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const created = await db
      .insertInto('emission_reports')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    ids.push(...inInputOrder(created));
  }
  return ids;
}

const REPORT_COLUMN_TYPES: Record<Exclude<keyof EmissionReportTable, 'id'>, SqlType> = {
  government_id: 'integer',
  year: 'integer',
  source: 'text',
  source_label: 'text',
  period_start: 'text',
  period_end: 'text',
  scope1: 'double precision',
  scope2: 'double precision',
  scope3: 'double precision',
  basic: 'double precision',
  basic_plus: 'double precision',
  total: 'double precision',
  gases: 'text',
  protocol: 'text',
  boundary: 'text',
  preferred: 'integer',
  provenance: 'text',
  import_key: 'text',
  version: 'integer',
  created_at: 'text',
  updated_at: 'text',
};

/** Updates many emission reports, each with its own values (every row setting the same columns). */
export async function updateEmissionReportsById(
  db: Executor,
  rows: readonly { id: number; values: Updateable<EmissionReportTable> }[],
): Promise<void> {
  await bulkUpdateById(
    db,
    'emission_reports',
    bulkColumns(REPORT_COLUMN_TYPES, rows),
    rows.map((r) => ({ id: r.id, values: r.values })),
  );
}
