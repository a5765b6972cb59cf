import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ImportEntity, ImportReason } from '../../../core/climate/import-reasons';
import type { Locale } from '../../../core/locales';
import { displayName } from '../../../core/names';
import { safeCsvCell, type CsvCell } from '../../http/csv-cell';
import { notFound } from '../../http/problem';
import { translator, type Translate } from '../../i18n/translator';
import type { Store } from '../../store';
import type { ImportFieldSources, ImportKind, ImportRunRow } from '../schemas';
import { entitiesText, fieldLabel, reasonsText } from './reason-text';
import type { ImportRunRecord, RowOutcomeRecord } from './repository';
import { columnMapOfRun, toRowOutcome, type RowAction } from './runs';

/**
 * A run's row report: every row's outcome, with the fields it had a value for and the source
 * columns they came from, page by page (the API) or whole as CSV in the reader's language.
 */

async function findRun(store: Store, id: number): Promise<ImportRunRecord> {
  const run = await store.imports.findRun(id);
  if (!run) throw notFound('import-run', `No import run ${id}.`);
  return run;
}

/** The rows with their governments' names as they are now. */
async function withNames(store: Store, rows: readonly RowOutcomeRecord[]) {
  const slugs = rows.flatMap((r) => (r.government === null ? [] : [r.government]));
  return store.imports.governmentNamesOnRows(slugs);
}

export async function importRunRows(
  store: Store,
  id: number,
  options: { page: number; pageSize: number; action?: RowAction | undefined },
): Promise<{ items: ImportRunRow[]; total: number; page: number; pageSize: number }> {
  const columns = columnMapOfRun(await findRun(store, id));
  const { rows, total } = await store.imports.pageRowOutcomes(id, options);
  const names = await withNames(store, rows);
  return {
    items: rows.map((row) => toRowOutcome(row, columns, names)),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}

/**
 * A row's fields in the CSV report: `Field ← "Header"`, a value made from several columns
 * naming each (`Scope 1 total (t CO2e) ← "Direct …", "Direct …"`), separated by semicolons,
 * each field by its name in the translator's language. Empty when not recorded.
 */
export function fieldSourcesText(
  t: Translate,
  kind: ImportKind,
  fields: readonly ImportFieldSources[] | null,
): string {
  return (fields ?? [])
    .map(({ field, sources }) => {
      const from = sources.map((source) => `"${source}"`).join(', ');
      return `${fieldLabel(t, kind, field)} ← ${from}`;
    })
    .join('; ');
}

/**
 * A row of the CSV report in the translator's language: its action, its government by the name
 * the reader sees in Accord (else the one it had or would get), its records and reasons in
 * words; a row from before reasons were kept as codes keeps its English words.
 */
function reportRow(t: Translate, kind: ImportKind, row: ImportRunRow): CsvCell[] {
  // The API's shapes of reasons and records are the core's, read back and checked (runs.ts).
  const entities = row.entities as ImportEntity[] | null;
  const reasons = row.reasons as ImportReason[] | null;
  const government = row.governmentNames;
  const name = government
    ? government.exists
      ? (() => {
          const shown = displayName(government.names, government.localLang ?? 'en', t.locale);
          return shown.primary || government.name;
        })()
      : government.name
    : null;
  return [
    row.row,
    t.or(`imports:report.actions.${row.action}`, row.action),
    name,
    entities ? entitiesText(t, entities) : row.entity,
    reasons ? reasonsText(t, kind, reasons) || null : row.reason,
    fieldSourcesText(t, kind, row.fields),
  ];
}

/**
 * Every row's outcome as CSV (row, action, government, entity, reason, fields) in the reader's
 * language, UTF-8 with a byte-order mark so that Excel opens it in the right encoding in every
 * locale, every cell through the formula guard. Streamed page by page.
 */
export function importReportCsv(store: Store, id: number, locale: Locale = 'en'): Readable {
  const t = translator(locale);
  async function* outcomes() {
    const run = await findRun(store, id);
    const columns = columnMapOfRun(run);
    let after: { row: number; id: number } | null = null;
    for (;;) {
      const rows = await store.imports.rowOutcomesAfter(id, after, 1000);
      const names = await withNames(store, rows);
      for (const r of rows) {
        yield reportRow(t, run.kind, toRowOutcome(r, columns, names)).map(safeCsvCell);
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < 1000) return;
      after = { row: last.row_number, id: last.id };
    }
  }
  const headers = ['row', 'action', 'government', 'entity', 'reason', 'fields'] as const;
  const csv = stringify({
    bom: true,
    header: true,
    columns: headers.map((key) => ({ key, header: t(`imports:report.headers.${key}`) })),
  });
  return pipeline(Readable.from(outcomes()), csv, () => undefined);
}
