/**
 * Sends an import file as it is (CSV or XLSX) through api.upload, with the session cookie and
 * the CSRF token like every other change; a refusal is read for the columns it names.
 */
import { api, ApiError, query, type FieldError, type UploadProgress } from '../api';
import type { ImportKind, ImportRun } from './types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type the server expects for a file, from its name (browsers often give none). */
export function contentTypeFor(file: { name: string; type: string }): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'text/csv';
  if (name.endsWith('.xlsx') || file.type === XLSX_TYPE) return XLSX_TYPE;
  return null;
}

export interface ImportOptions {
  dryRun: boolean;
  noCreate: boolean;
  fileName: string;
  /** A preview whose decisions on uncertain matches the import applies. */
  decisionsFrom?: number | null;
}

export function importPath(kind: ImportKind, options: ImportOptions): string {
  return `/api/v1/imports/${kind}${query({
    dryRun: String(options.dryRun),
    noCreate: String(options.noCreate),
    fileName: options.fileName,
    decisionsFrom: options.decisionsFrom ?? null,
  })}`;
}

/** An import the server refused, with the columns it missed when it did not know the layout. */
export class ImportProblem extends ApiError {
  constructor(
    status: number,
    title: string,
    detail: string | undefined,
    errors: FieldError[],
    readonly missingColumns: string[],
  ) {
    super(status, title, detail, errors);
  }
}

/**
 * Reads a problem body: the missing columns come from field errors worded `missing column "…"`
 * (what the server sends), from `missingColumns` or `missing` lists, or from pointers at a
 * column ("/columns/…").
 */
export function importProblem(status: number, statusText: string, body: unknown): ImportProblem {
  const p = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(p.errors) ? (p.errors as FieldError[]) : [];
  const listed = Array.isArray(p.missingColumns)
    ? p.missingColumns
    : Array.isArray(p.missing)
      ? p.missing
      : [];
  const fromErrors = errors.flatMap((e) => {
    // The server's wording: { pointer: '/body', detail: 'missing column "Target.year"' }.
    const named = /^missing column "(.+)"$/.exec(e.detail ?? '');
    if (named?.[1]) return [named[1]];
    if (typeof e.pointer === 'string' && /^\/(columns|headers?)\//.test(e.pointer)) {
      return [decodeURIComponent(e.pointer.replace(/^\/(columns|headers?)\//, ''))];
    }
    return [];
  });
  const missing = [...listed.filter((c): c is string => typeof c === 'string'), ...fromErrors];
  return new ImportProblem(
    status,
    typeof p.title === 'string' ? p.title : statusText,
    typeof p.detail === 'string' ? p.detail : undefined,
    errors,
    [...new Set(missing)],
  );
}

/** Starts an import run; the server answers 202 with the run, which the page then polls. */
export async function uploadImport(
  kind: ImportKind,
  file: File,
  options: Omit<ImportOptions, 'fileName'>,
  onProgress?: (progress: UploadProgress) => void,
): Promise<ImportRun> {
  const body = await api.upload<ImportRun | { run?: ImportRun }>(
    importPath(kind, { ...options, fileName: file.name }),
    {
      body: file,
      contentType: contentTypeFor(file) ?? 'application/octet-stream',
      onProgress,
      problem: importProblem,
    },
  );
  const run = (body as { run?: ImportRun }).run ?? (body as ImportRun);
  return run;
}

/** Rows counted as neither created, updated nor skipped: unchanged (the run has no such count). */
export function unchangedCount(run: ImportRun): number {
  const given = (run as ImportRun & { unchanged?: number }).unchanged;
  if (typeof given === 'number') return given;
  return Math.max(0, run.processedRows - run.created - run.updated - run.skipped);
}

/**
 * Whether an interrupted run can be run again from the chosen file: the server keeps no
 * upload, so it is the same file (by name) chosen again for the same kind.
 */
export function canRerun(
  run: Pick<ImportRun, 'status' | 'fileName' | 'kind'> | undefined,
  chosen: { name: string } | null,
  kind: ImportKind,
): boolean {
  return (
    run?.status === 'interrupted' &&
    chosen !== null &&
    chosen.name === run.fileName &&
    kind === run.kind
  );
}
