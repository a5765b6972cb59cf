import {
  IMPORT_ENTITY_KINDS,
  IMPORT_REASON_CODES,
  RUN_PROBLEM_CODES,
  type ImportEntity,
  type ImportReason,
  type RunError,
} from '../../../core/climate/import-reasons';
import type { ImportRowAction } from '../../../core/climate/types';
import { parseJsonColumn } from '../../db/json';
import type { ImportFieldSources, ImportRun, ImportRunRow, ImportWarning } from '../schemas';
import type { GovernmentNamesOnRows, ImportRunRecord, RowOutcomeRecord } from './repository';
import { isColumnMap, isRecordedFields, rowSources, type RecordedField } from './row-fields';

/** A run's progress and every row's outcome, as the API shows them (stored by the repository). */

export type RowAction = ImportRowAction;

export interface RowOutcome {
  row: number;
  action: RowAction;
  /** The records the row carries; null for a skipped row. */
  entities: ImportEntity[] | null;
  /** The government the row is about: its slug, and the name it has (or would get). */
  government: { slug: string; name: string } | null;
  /** Why it did what it did, and what of it was not read or kept (empty: nothing to say). */
  reasons: ImportReason[];
  /** The fields the row had a value for (row-fields.ts); absent when not known. */
  fields?: readonly RecordedField[] | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function hasCode(codes: readonly string[]) {
  return (value: unknown): boolean =>
    isObject(value) &&
    codes.includes(value.code as string) &&
    (value.params === undefined || isObject(value.params));
}

const isReasonList = (value: unknown): value is ImportReason[] =>
  Array.isArray(value) && value.every(hasCode(IMPORT_REASON_CODES));

const isEntityList = (value: unknown): value is ImportEntity[] =>
  Array.isArray(value) &&
  value.every((e) => isObject(e) && (IMPORT_ENTITY_KINDS as readonly unknown[]).includes(e.kind));

const isRunError = (value: unknown): value is RunError => hasCode(RUN_PROBLEM_CODES)(value);

export interface RunCounts {
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  /** Governments the run created (a preview: would create), and the rows about them. */
  governments?: { created: number; rows: number };
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
    newGovernments: { count: row.governments_created, rows: row.new_government_rows },
    error: row.error,
    errorReason: parseJsonColumn('import_runs', row.id, row.error_json, isRunError),
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
 * A row's outcome as the API shows it: its reasons and records as codes (null for rows from
 * before they were kept, which have their English words only), its government by name (the
 * names it has now when it exists, else the name it had or would have got), its fields with the
 * columns they came from, through the run's column map (null when they were not recorded).
 */
export function toRowOutcome(
  row: RowOutcomeRecord,
  columns: readonly ImportFieldSources[] | null,
  governments: GovernmentNamesOnRows,
): ImportRunRow {
  const recorded = parseJsonColumn('import_run_rows', row.id, row.fields_json, isRecordedFields);
  const now = row.government === null ? undefined : governments.get(row.government);
  const name = row.government_name ?? now?.primary ?? row.government;
  return {
    row: row.row_number,
    action: row.action,
    entity: row.entity,
    government: row.government,
    reason: row.reason,
    reasons: parseJsonColumn('import_run_rows', row.id, row.reasons_json, isReasonList),
    entities: parseJsonColumn('import_run_rows', row.id, row.entity_json, isEntityList),
    governmentNames:
      name === null
        ? null
        : {
            name,
            names: now?.names ?? {},
            localLang: now?.localLang ?? null,
            exists: now !== undefined,
          },
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
