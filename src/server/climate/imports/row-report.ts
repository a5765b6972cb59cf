import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { safeCsvCell } from '../../http/csv-cell';
import { notFound } from '../../http/problem';
import type { Store } from '../../store';
import type { ImportFieldSources, ImportKind, ImportRunRow } from '../schemas';
import { fieldLabel } from './field-labels';
import type { ImportRunRecord } from './repository';
import { columnMapOfRun, toRowOutcome, type RowAction } from './runs';

/**
 * A run's row report: every row's outcome, with the fields it had a value for and the source
 * columns they came from, page by page (the API) or whole as CSV.
 */

async function findRun(store: Store, id: number): Promise<ImportRunRecord> {
  const run = await store.imports.findRun(id);
  if (!run) throw notFound(`No import run ${id}.`);
  return run;
}

export async function importRunRows(
  store: Store,
  id: number,
  options: { page: number; pageSize: number; action?: RowAction | undefined },
): Promise<{ items: ImportRunRow[]; total: number; page: number; pageSize: number }> {
  const columns = columnMapOfRun(await findRun(store, id));
  const { rows, total } = await store.imports.pageRowOutcomes(id, options);
  return {
    items: rows.map((row) => toRowOutcome(row, columns)),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}

/**
 * A row's fields in the CSV report: `Field ← "Header"`, a value made from several columns
 * naming each (`Scope 1 total (t CO2e) ← "Direct …", "Direct …"`), separated by semicolons.
 * Empty when the row's fields were not recorded.
 */
export function fieldSourcesText(
  kind: ImportKind,
  fields: readonly ImportFieldSources[] | null,
): string {
  return (fields ?? [])
    .map(({ field, sources }) => {
      const from = sources.map((source) => `"${source}"`).join(', ');
      return `${fieldLabel(kind, field)} ← ${from}`;
    })
    .join('; ');
}

/**
 * Every row's outcome as CSV (row, action, government, entity, reason, fields), UTF-8 with a
 * byte-order mark so that Excel opens it in the right encoding in every locale. Streamed page
 * by page.
 */
export function importReportCsv(store: Store, id: number): Readable {
  async function* outcomes() {
    const run = await findRun(store, id);
    const columns = columnMapOfRun(run);
    let after: { row: number; id: number } | null = null;
    for (;;) {
      const rows = await store.imports.rowOutcomesAfter(id, after, 1000);
      for (const r of rows) {
        const fields = toRowOutcome(r, columns).fields;
        yield [
          r.row_number,
          r.action,
          r.government,
          r.entity,
          r.reason,
          fieldSourcesText(run.kind, fields),
        ].map(safeCsvCell);
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < 1000) return;
      after = { row: last.row_number, id: last.id };
    }
  }
  const csv = stringify({
    bom: true,
    header: true,
    columns: ['row', 'action', 'government', 'entity', 'reason', 'fields'],
  });
  return pipeline(Readable.from(outcomes()), csv, () => undefined);
}
