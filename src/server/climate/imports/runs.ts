import type { ImportRowAction } from '../../../core/climate/types';
import { parseJsonColumn } from '../../db/json';
import type { ImportRun, ImportWarning } from '../schemas';
import type { ImportRunRecord, RowOutcomeRecord } from './repository';

/** A run's progress and every row's outcome, as the API shows them (stored by the repository). */

export type RowAction = ImportRowAction;

export interface RowOutcome {
  row: number;
  action: RowAction;
  entity: string | null;
  government: string | null;
  reason: string | null;
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
  };
}

export function toRowOutcome(
  row: Pick<RowOutcomeRecord, 'row_number' | 'action' | 'entity' | 'government' | 'reason'>,
): RowOutcome {
  return {
    row: row.row_number,
    action: row.action,
    entity: row.entity,
    government: row.government,
    reason: row.reason,
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
