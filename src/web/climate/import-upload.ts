/**
 * Sends an import file as it is (CSV or XLSX) through api.upload, with the session cookie and
 * the CSRF token like every other change; a refusal is read for the columns it names.
 */
import { api, ApiError, query, type FieldError, type UploadProgress } from '../api';
import type { ImportColumns, ImportEncoding, ImportKind, ImportLayout, ImportRun } from './types';

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
  /** A saved layout to read the file with, by name; else the server recognises one. */
  layout?: string | null;
  /** The CSV file's encoding when the person chose one; detected by the server otherwise. */
  encoding?: ImportEncoding | undefined;
  /** A preview whose decisions on uncertain matches the import applies. */
  decisionsFrom?: number | null;
}

export function importPath(kind: ImportKind, options: ImportOptions): string {
  return `/api/v1/imports/${kind}${query({
    dryRun: String(options.dryRun),
    noCreate: String(options.noCreate),
    fileName: options.fileName,
    layout: options.layout ?? null,
    encoding: options.encoding,
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
    code?: string,
    /** The parameters of `code`: where and why the file could not be read. */
    override readonly params: Record<string, unknown> = {},
  ) {
    super(status, title, detail, errors, code);
  }

  /** No layout fits the file: the page offers to map its columns. */
  get layoutNotRecognised(): boolean {
    return this.status === 422 && this.code === 'layout-not-recognised';
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
    typeof p.code === 'string' ? p.code : undefined,
    typeof p.params === 'object' && p.params !== null && !Array.isArray(p.params)
      ? (p.params as Record<string, unknown>)
      : {},
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

/** The file's columns and what Accord would read from each: the mapping step's table. */
export function inspectColumns(
  kind: ImportKind,
  file: File,
  encoding?: ImportEncoding,
): Promise<ImportColumns> {
  return api.upload<ImportColumns>(`/api/v1/imports/${kind}/columns${query({ encoding })}`, {
    body: file,
    contentType: contentTypeFor(file) ?? 'application/octet-stream',
  });
}

/** One source column's choice in the mapping step: a field, or '' to ignore it. */
export type ColumnChoices = Record<number, string>;

/** The choices the page starts from: what the server read from each column, if anything. */
export function initialChoices(columns: ImportColumns['columns']): ColumnChoices {
  return Object.fromEntries(columns.map((c) => [c.index, c.field ?? '']));
}

/**
 * What the mapping still lacks before it can import (the server's needs): each missing field,
 * or a list of which one is wanted. Empty when it is complete.
 */
export function mappingGaps(needs: ImportColumns['needs'], choices: ColumnChoices): string[][] {
  const chosen = new Set(Object.values(choices).filter((f) => f !== ''));
  return [
    ...needs.all.filter((f) => !chosen.has(f)).map((f) => [f]),
    ...needs.oneOf.filter((set) => !set.some((f) => chosen.has(f))),
  ];
}

/** Fields chosen for two columns: each field may hold one. */
export function doubleChoices(choices: ColumnChoices): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const field of Object.values(choices)) {
    if (field === '') continue;
    if (seen.has(field)) twice.add(field);
    seen.add(field);
  }
  return twice;
}

/** Saves the mapping under a name (replacing one of the same name). */
export function saveLayout(
  name: string,
  kind: ImportKind,
  columns: ImportColumns['columns'],
  choices: ColumnChoices,
): Promise<ImportLayout> {
  return api.put<ImportLayout>(`/api/v1/imports/layouts/${encodeURIComponent(name.trim())}`, {
    kind,
    columns: columns.map((c) => ({ header: c.header, field: choices[c.index] || null })),
  });
}
