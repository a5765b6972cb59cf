import { pipeline, Transform, type Readable } from 'node:stream';
import type { RunError, RunProblem, RunWritten } from '../../../core/climate/import-reasons';
import { recordAudit, SYSTEM_ACTOR, type AuditActor, type SystemActor } from '../../audit/service';
import { HttpProblem, invalidField, notFound } from '../../http/problem';
import type { ImportKind, ImportRun } from '../schemas';
import { ImportEngine } from './engine';
import { LayoutNotRecognisedError } from './recognise';
import { mapCdpEmissionRow, mapCdpTargetRow } from './map-cdp';
import { mapNztRow } from './map-nzt';
import type { MappedRow } from './mapping';
import type { TextEncoding } from './decode';
import { LongTableReports } from './long-table';
import { openSheet, type FieldRow, type OpenedSheet } from './read-rows';
import { layoutsFor, namedLayout } from './saved-layouts';
import { UnreadNumbers } from './unread-numbers';
import { RunProblemError, UnreadableSheetError } from './unreadable';
import { columnMapOf, recordedFields } from './row-fields';
import { RunNotRunningError, toImportRun } from './runs';
import type { Store } from '../../store';
import { Spool } from './spool';

export { importReportCsv, importRunRows } from './row-report';

/**
 * Imports of CDP and Net Zero Tracker files. A run reads the upload once (streaming, into a
 * temporary spool of mapped rows), then plans and applies it in batches of BATCH_SIZE rows, each
 * batch one short transaction, so SQLite is never locked for the length of a big file and a dry
 * run can say exactly what a real run would do without writing a record.
 */

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const BATCH_SIZE = 500;
/**
 * How long a run belongs to its process without a sign of life: the process renews the lease
 * four times in that span; a sweep marks a running run whose lease ran out interrupted.
 */
export const IMPORT_LEASE_MS = 60_000;

export interface ImportOptions {
  kind: ImportKind;
  input: Readable;
  fileName: string;
  /** Plan and report every row without writing any record. */
  dryRun?: boolean;
  /** Skip rows that match no government instead of creating prospects for them. */
  noCreate?: boolean;
  /** The CSV file's character encoding, when the person importing names it; else detected. */
  encoding?: TextEncoding | undefined;
  /** Read the file with this saved layout (saved-layouts.ts) instead of recognising one. */
  layout?: string | undefined;
  /** A preview (dry run) of the same kind whose decisions on uncertain matches to apply. */
  decisionsFrom?: number | null;
  /** Uploads larger than this fail the run (default 200 MB). */
  maxBytes?: number;
  /** Called after each batch (and once the rows are counted). */
  onProgress?: (progress: { processed: number; total: number }) => void;
  /** Stops the run between rows and batches; it ends `interrupted` with the abort's reason. */
  signal?: AbortSignal;
  /** How long the run's lease lasts (default IMPORT_LEASE_MS). */
  leaseMs?: number;
}

/** Fails the stream once more than `max` bytes have passed. */
function limitBytes(input: Readable, max: number): Readable {
  if (!Number.isFinite(max)) return input;
  let seen = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) {
        const megabytes = Math.round((max / 1024 / 1024) * 10) / 10;
        const limit = max >= 1024 * 1024 ? `${Math.round(max / 1024 / 1024)} MB` : `${max} bytes`;
        callback(
          new RunProblemError(`The file is larger than ${limit}`, {
            code: 'file-too-large',
            params: { megabytes },
          }),
        );
      } else {
        callback(null, chunk);
      }
    },
  });
  return pipeline(input, limiter, () => undefined);
}

function mapperFor(kind: ImportKind, context: { fileName: string; layoutId: string }) {
  // Identical natural keys (CDP lists some sector targets with the same figures) are numbered
  // in file order, so each keeps its own record across runs of the same file.
  const occurrences = new Map<string, number>();
  const keyOf = (natural: string) => {
    const n = (occurrences.get(natural) ?? 0) + 1;
    occurrences.set(natural, n);
    return n === 1 ? natural : `${natural}#${n}`;
  };
  const mapRow = (row: FieldRow): MappedRow => {
    try {
      if (kind === 'cdp-targets') return mapCdpTargetRow(row, { ...context, keyOf });
      if (kind === 'cdp-emissions') return mapCdpEmissionRow(row, context);
      return mapNztRow(row);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return {
        row: row.number,
        subject: null,
        skip: { code: 'row-not-read', params: { detail } },
        records: [],
      };
    }
  };
  // What the reading noted of a row (a last row that may be cut short) goes with it to its
  // outcome, whatever the mapper made of it, and so do the fields it had a value for.
  return (row: FieldRow): MappedRow => {
    const mapped = withReason(mapRow(row));
    const fields = mapped.fields ?? recordedFields(row.fields, row.derived);
    if (!row.notes?.length) return { ...mapped, fields };
    return { ...mapped, fields, notes: [...row.notes, ...(mapped.notes ?? [])] };
  };
}

/**
 * Every row ends created, updated, unchanged or skipped with a reason: a row a mapper left with
 * nothing to write and no reason is skipped saying so.
 */
function withReason(row: MappedRow): MappedRow {
  if (row.skip === null && row.records.length === 0) {
    return { ...row, skip: { code: 'nothing-to-import' } };
  }
  return row;
}

/**
 * CDP lists a city's targets side by side. Of the targets with the same base year, the one with
 * the latest target year is the end target and the earlier ones are its interim targets.
 */
class InterimLinks {
  private readonly groups = new Map<string, { key: string; targetYear: number }[]>();

  add(row: MappedRow): void {
    if (row.skip !== null || row.subject === null) return;
    for (const record of row.records) {
      if (record.table !== 'target' || record.parentKey !== null) continue;
      const { base_year: baseYear, target_year: targetYear } = record.values;
      if (baseYear === null || targetYear === null) continue;
      const group = `${row.subject.key}|${baseYear}`;
      let members = this.groups.get(group);
      if (!members) this.groups.set(group, (members = []));
      members.push({ key: record.key, targetYear });
    }
  }

  /** Interim target key → end target key. */
  parents(): Map<string, string> {
    const parents = new Map<string, string>();
    for (const members of this.groups.values()) {
      if (members.length < 2) continue;
      const end = members.reduce((latest, m) => (m.targetYear > latest.targetYear ? m : latest));
      for (const m of members) if (m.targetYear < end.targetYear) parents.set(m.key, end.key);
    }
    return parents;
  }
}

function withParents(row: MappedRow, parents: ReadonlyMap<string, string>): MappedRow {
  if (parents.size === 0) return row;
  return {
    ...row,
    records: row.records.map((r) =>
      r.table === 'target' && r.parentKey === null && parents.has(r.key)
        ? { ...r, parentKey: parents.get(r.key) as string }
        : r,
    ),
  };
}

/** Rows whose target points at an end target in another row wait until that row is written. */
function dependsOnOtherRows(row: MappedRow): boolean {
  return row.records.some(
    (r) =>
      r.table === 'target' &&
      r.parentKey !== null &&
      !row.records.some((other) => other.key === r.parentKey),
  );
}

/** What an interrupted or failed run had written, as a code and in English. */
function written(dryRun: boolean, committed: number, stopped: boolean): RunWritten {
  if (dryRun) return { code: 'dry-run' };
  if (committed === 0) return { code: 'nothing' };
  return { code: stopped ? 'kept-after-stop' : 'kept-after-failure', params: { rows: committed } };
}

function committedNote(note: RunWritten): string {
  if (note.code === 'dry-run') return 'Nothing was written (dry run).';
  if (note.code === 'nothing') return 'Nothing was written.';
  return (
    `The batches committed before it ${note.code === 'kept-after-stop' ? 'stopped' : 'failed'} ` +
    `(${note.params.rows} rows) stay applied; running the same import again completes it ` +
    'without duplicates.'
  );
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
}

/**
 * Why a run ended early, as a code: what the reading found (where and why), a stop, or a fault
 * of Accord's (the database, the disk), whose English words go with it.
 */
function problemOf(err: unknown, stopped: boolean, opening = false): RunProblem {
  if (err instanceof RunProblemError || err instanceof LayoutNotRecognisedError) {
    return err.problem;
  }
  if (stopped) return { code: 'stopped' };
  // What fails while the file is opened is the file; later, the database or the disk.
  return { code: opening ? 'file-not-read' : 'unexpected', params: { detail: messageOf(err) } };
}

/** Why a sweep marked a run interrupted. */
const ABANDONED = 'The import was interrupted: the process running it stopped without finishing';

/** Why a run stopped when the caller aborts it without saying why. */
const STOPPED = 'The import was stopped before it finished';

/**
 * Renews a run's lease while its process works on it (a timer that never keeps the process
 * alive), and tells when the run was taken away: a sweep marked it interrupted because the
 * lease had run out, so this process must stop writing.
 */
class RunLease {
  private readonly timer: NodeJS.Timeout;
  lost = false;

  constructor(store: Store, runId: number, leaseMs: number, onLost: () => void) {
    this.timer = setInterval(
      () => {
        store.imports.renewRunLease(runId).then(
          (running) => {
            if (!running && !this.lost) {
              this.lost = true;
              onLost();
            }
          },
          // A missed renewal is not fatal: the next one or the lease's end decides.
          () => undefined,
        );
      },
      Math.max(100, Math.floor(leaseMs / 4)),
    );
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

async function execute(
  store: Store,
  actor: AuditActor | SystemActor,
  runId: number,
  sheet: OpenedSheet,
  options: ImportOptions,
  stop: AbortSignal,
): Promise<void> {
  let spool: Spool<MappedRow> | null = null;
  let engine: ImportEngine | null = null;
  const checkStop = () => {
    if (stop.aborted) throw stop.reason;
  };
  try {
    spool = await Spool.create<MappedRow>();
    const map = mapperFor(options.kind, {
      fileName: options.fileName,
      layoutId: sheet.recognised.layout.id,
    });
    const links = new InterimLinks();
    const unread = new UnreadNumbers(sheet.recognised.columns);
    // A long table's rows are lines of reports: gathered first, each report is then one row.
    const long = sheet.recognised.layout.long;
    const reports = long ? new LongTableReports(long) : null;
    let total = 0;
    const write = async (mapped: MappedRow) => {
      total += 1;
      if (options.kind === 'cdp-targets') links.add(mapped);
      await spool?.write(mapped);
      if (total % 5000 === 0) await store.imports.updateRun(runId, { totalRows: total });
    };
    for await (const row of sheet.rows) {
      checkStop();
      unread.see(row);
      if (reports) {
        const stray = reports.add(row);
        if (stray !== null) {
          await write({
            row: row.number,
            subject: null,
            skip: stray,
            records: [],
            fields: recordedFields(row.fields),
          });
        }
        continue;
      }
      await write(map(row));
    }
    if (reports) {
      for (const report of reports.rows()) {
        checkStop();
        await write(map(report));
      }
    }
    await spool.close();
    const warnings = unread.warnings();
    await store.imports.updateRun(runId, {
      totalRows: total,
      ...(warnings.length > 0 ? { warnings: JSON.stringify(warnings) } : {}),
    });
    options.onProgress?.({ processed: 0, total });

    const parents = links.parents();
    checkStop();
    const spooled = spool;
    engine = await ImportEngine.start(
      store,
      actor,
      {
        runId,
        kind: options.kind,
        fileName: options.fileName,
        dryRun: options.dryRun ?? false,
        noCreate: options.noCreate ?? false,
        decisionsFrom: options.decisionsFrom ?? null,
      },
      (place) => {
        const row = spooled.readAt(place);
        return { row: row.row, keys: row.records.map((r) => r.key) };
      },
    );
    const phases = parents.size > 0 ? [false, true] : [false];
    for (const dependentPhase of phases) {
      let batch: MappedRow[] = [];
      let places: number[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        checkStop();
        await (engine as ImportEngine).process(batch, places);
        batch = [];
        places = [];
        options.onProgress?.({ processed: (engine as ImportEngine).progress.processed, total });
      };
      for await (const { item, place } of spool.readPlaced()) {
        const row = withParents(item, parents);
        if (dependsOnOtherRows(row) !== dependentPhase) continue;
        batch.push(row);
        places.push(place);
        if (batch.length >= BATCH_SIZE) await flush();
      }
      await flush();
    }
    checkStop();
    await engine.finish();
  } catch (err) {
    // A run a sweep marked interrupted keeps what the sweep wrote; this process only stops.
    if (err instanceof RunNotRunningError || stop.reason instanceof RunNotRunningError) return;
    const stopped = stop.aborted;
    const status = stopped ? 'interrupted' : 'failed';
    const committed = engine?.progress.processed ?? 0;
    const cause: unknown = stopped ? (stop.reason ?? STOPPED) : err;
    const note = written(options.dryRun ?? false, committed, stopped);
    const error = `${messageOf(cause)}. ${committedNote(note)}`;
    const reason: RunError = { ...problemOf(cause, stopped), written: note };
    await (
      engine
        ? engine.end(status, error, reason)
        : store.imports.updateRunIfRunning(runId, {
            status,
            error,
            errorJson: JSON.stringify(reason),
          })
    ).catch(() => undefined);
  } finally {
    await sheet.close().catch(() => undefined);
    await spool?.remove().catch(() => undefined);
  }
}

/**
 * The problem an unreadable upload becomes: 422 naming what is missing, with the reason as a
 * code and its parameters (`code`, `params`) for the page to say in its reader's words.
 */
function unreadable(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (err instanceof LayoutNotRecognisedError) {
    const { code, params } = err.problem;
    // An empty file lacks no column: it has none to map.
    const missing = code === 'file-empty' ? [] : err.closest.missing;
    return new HttpProblem(
      422,
      'Unprocessable Content',
      err.message,
      missing.map((column) => ({
        pointer: '/body',
        detail: `missing column "${column}"`,
        code: 'missing-column',
        params: { column },
      })),
      undefined,
      // The import page answers layout-not-recognised with its column-mapping step.
      code,
      params,
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  const { code, params } = problemOf(err, false, true);
  const detail =
    err instanceof UnreadableSheetError ? message : `The file could not be read: ${message}`;
  return new HttpProblem(422, 'Unprocessable Content', detail, undefined, undefined, code, params);
}

/**
 * Starts an import: resolves once the layout is recognised with the run as it stands and a
 * promise of the finished run, which never rejects: every error, in the upload, the sheet,
 * the spool or the database, ends the run `failed` with its reason, and an abort through
 * `options.signal` (a shutdown, Ctrl-C) ends it `interrupted`.
 */
export async function beginImport(
  store: Store,
  actor: AuditActor | SystemActor,
  options: ImportOptions,
): Promise<{ run: ImportRun; done: Promise<ImportRun> }> {
  if (options.decisionsFrom != null) await checkPreview(store, options.decisionsFrom, options.kind);
  const runId = await store.imports.insertRun(actor, {
    kind: options.kind,
    fileName: options.fileName,
    dryRun: options.dryRun ?? false,
  });
  // One signal for every reason to stop: the caller's, and the run's lease taken away.
  const stop = new AbortController();
  const forward = () => stop.abort(options.signal?.reason ?? new Error(STOPPED));
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener('abort', forward, { once: true });
  // Stopping also ends a read that waits on the upload.
  const onStop = () => options.input.destroy(stop.signal.reason as Error);
  stop.signal.addEventListener('abort', onStop, { once: true });
  const lease = new RunLease(store, runId, options.leaseMs ?? IMPORT_LEASE_MS, () =>
    stop.abort(new RunNotRunningError(runId)),
  );
  const cleanUp = () => {
    lease.stop();
    options.signal?.removeEventListener('abort', forward);
    stop.signal.removeEventListener('abort', onStop);
  };

  let sheet: OpenedSheet;
  try {
    // A layout asked for by name is the only one tried; else every layout of the kind is,
    // the saved ones with the built-in ones.
    const layouts = options.layout
      ? [await namedLayout(store, options.kind, options.layout)]
      : await layoutsFor(store, options.kind);
    sheet = await openSheet(
      limitBytes(options.input, options.maxBytes ?? MAX_UPLOAD_BYTES),
      options.kind,
      layouts,
      { encoding: options.encoding },
    );
  } catch (err) {
    cleanUp();
    const stopped = stop.signal.aborted;
    const problem = stopped
      ? new HttpProblem(
          503,
          'Service Unavailable',
          `${messageOf(stop.signal.reason)}.`,
          undefined,
          undefined,
          'server-stopping',
        )
      : unreadable(err);
    const reason: RunError = problemOf(stopped ? stop.signal.reason : err, stopped, true);
    await store.imports
      .updateRunIfRunning(runId, {
        status: stopped ? 'interrupted' : 'failed',
        error: problem.detail ?? problem.title,
        errorJson: JSON.stringify(reason),
      })
      .catch(() => undefined);
    throw problem;
  }
  let run: ImportRun;
  try {
    await store.imports.updateRun(runId, {
      layout: sheet.recognised.layout.id,
      encoding: sheet.encoding,
      columns: JSON.stringify(columnMapOf(sheet.recognised)),
    });
    run = await getImportRun(store, runId);
  } catch (err) {
    cleanUp();
    await sheet.close().catch(() => undefined);
    throw err;
  }
  const done = execute(store, actor, runId, sheet, options, stop.signal)
    .catch(() => undefined)
    .finally(cleanUp)
    .then(() => getImportRun(store, runId))
    .catch(() => run);
  return { run, done };
}

/** The preview whose decisions a run applies: a finished dry run of the same kind. */
async function checkPreview(store: Store, id: number, kind: ImportKind): Promise<void> {
  const preview = await store.imports.findRun(id);
  const problem = !preview
    ? `no import run ${id}`
    : !preview.dry_run
      ? `run ${id} is not a preview`
      : preview.kind !== kind
        ? `run ${id} is a preview of ${preview.kind}, not ${kind}`
        : preview.status !== 'done'
          ? `run ${id} has not finished`
          : null;
  if (problem) throw invalidField('/querystring/decisionsFrom', 'preview-not-usable', problem);
}

/** Imports a file and resolves with the finished run (done or failed). */
export async function runImport(
  store: Store,
  actor: AuditActor | SystemActor,
  options: ImportOptions,
): Promise<ImportRun> {
  return (await beginImport(store, actor, options)).done;
}

/**
 * Marks interrupted the runs left running by a process that died (kill -9, a crash, a lost
 * machine): those whose lease ended more than `leaseMs` ago. Each gets its reason and, when
 * it had committed rows, an audit entry, in the transaction that claims it; with several
 * servers on one database, each run is claimed by one sweep (claimAbandonedRuns).
 */
export async function interruptAbandonedRuns(
  store: Store,
  options: { leaseMs?: number; now?: Date } = {},
): Promise<ImportRun[]> {
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - (options.leaseMs ?? IMPORT_LEASE_MS)).toISOString();
  return store.transaction(async (tx) => {
    const claimed = await tx.imports.claimAbandonedRuns(staleBefore, {
      error: ABANDONED,
      errorJson: JSON.stringify({ code: 'stopped' } satisfies RunError),
    });
    const runs: ImportRun[] = [];
    for (const row of claimed) {
      const lastSign = row.heartbeat_at ?? row.started_at;
      const dryRun = row.dry_run === 1;
      const note = written(dryRun, row.processed_rows, true);
      const error = `${ABANDONED} (its last sign of life was at ${lastSign}). ${committedNote(note)}`;
      const reason: RunError = { code: 'process-died', params: { lastSign }, written: note };
      const errorJson = JSON.stringify(reason);
      await tx.imports.updateRun(row.id, { error, errorJson });
      if (!dryRun && row.processed_rows > 0) {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'update',
          entityType: 'import',
          entityId: row.id,
          summary:
            `Import ${row.kind} of ${row.file_name} (interrupted): the process running it ` +
            `stopped after committing ${row.processed_rows} of ${row.total_rows} rows`,
          after: { runId: row.id, status: 'interrupted', processed: row.processed_rows, lastSign },
        });
      }
      runs.push(toImportRun({ ...row, error, error_json: errorJson }));
    }
    return runs;
  });
}

export async function getImportRun(store: Store, id: number): Promise<ImportRun> {
  const row = await store.imports.findRun(id);
  if (!row) throw notFound('import-run', `No import run ${id}.`);
  return toImportRun(row);
}

export async function listImportRuns(
  store: Store,
  options: { page: number; pageSize: number },
): Promise<{ items: ImportRun[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await store.imports.pageRuns(options);
  return { items: rows.map(toImportRun), total, ...options };
}
