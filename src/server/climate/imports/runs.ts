import type { ImportRowAction } from '../../../core/climate/types';
import { parseJsonColumn } from '../../db/json';
import type { ImportFieldSources, ImportRun, ImportRunRow, ImportWarning } from '../schemas';
import type { ImportRunRecord, RowOutcomeRecord } from './repository';
import { isColumnMap, isRecordedFields, rowSources, type RecordedField } from './row-fields';

/** A run's progress and every row's outcome, as the API shows them (stored by the repository). */

export type RowAction = ImportRowAction;

export interface RowOutcome {
  row: number;
  action: RowAction;
  entity: string | null;
  government: string | null;
  reason: string | null;
  /** The fields the row had a value for (row-fields.ts); absent when not known. */
  fields?: readonly RecordedField[] | null;
}

export interface RunCounts {
  processed: number;
  created: number;
  updated: number;
  skipped: number;
}

export function toImportRun(row: ImportRunRecord): ImportRun {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    layout: row.layout,
    encoding: row.encoding ?? null,
    dryRun: row.dry_run === 1,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    created: row.created_count,
    updated: row.updated_count,
    skipped: row.skipped_count,
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    warnings:
      parseJsonColumn<ImportWarning[]>('import_runs', row.id, row.warnings_json, Array.isArray) ??
      [],
    columns: columnMapOfRun(row),
  };
}

/** The run's column map; null before its layout is known and for runs from before 0013. */
export function columnMapOfRun(
  row: Pick<ImportRunRecord, 'id' | 'columns_json'>,
): ImportFieldSources[] | null {
  return parseJsonColumn('import_runs', row.id, row.columns_json, isColumnMap);
}

/**
 * A row's outcome as the API shows it: its fields with the columns they came from, through the
 * run's column map (null when the row's fields were not recorded).
 */
export function toRowOutcome(
  row: RowOutcomeRecord,
  columns: readonly ImportFieldSources[] | null,
): ImportRunRow {
  const recorded = parseJsonColumn('import_run_rows', row.id, row.fields_json, isRecordedFields);
  return {
    row: row.row_number,
    action: row.action,
    entity: row.entity,
    government: row.government,
    reason: row.reason,
    fields: recorded === null ? null : rowSources(recorded, columns ?? []),
  };
}

/**
 * The run is no longer running: a sweep marked it interrupted after its lease ran out (its
 * process seemed dead). Whatever the process was writing is rolled back and the run stays so.
 */
export class RunNotRunningError extends Error {
  override name = 'RunNotRunningError';
  constructor(readonly runId: number) {
    super(`Import run ${runId} is no longer running`);
  }
}
