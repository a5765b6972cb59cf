import type { ImportReason, RecordRef, RunError } from '../../../core/climate/import-reasons';
import type { AuditActor, SystemActor } from '../../audit/service';
import { recordAudit } from '../../audit/service';
import { nowIso } from '../../clock';
import type { Store } from '../../store';
import { translator } from '../../i18n/translator';
import { presentReport, targetSnapshotOfRow } from '../present';
import { recordVersionedWrite, type VersionRecord } from '../versions';
import { GovernmentIndex, insertProspects, linkGovernments } from './governments';
import type { MatchDecision } from './subject-placer';
import { REPORT_VALUE_COLUMNS, TARGET_VALUE_COLUMNS, type MappedRow } from './mapping';
import {
  ImportPlanner,
  type EngineOptions,
  type ReportWrite,
  type RowPlan,
  type TargetWrite,
  type Write,
  targetRef,
} from './plan';
import { entitiesText, reasonsText } from './reason-text';
import type { ReportRow } from '../repository';
import type { StoredRowOutcome } from './repository';
import type { Recall } from './seen-keys';
import { RunNotRunningError, type RowOutcome, type RunCounts } from './runs';

/**
 * Runs an import's batches: each batch is planned (plan.ts) and, unless the run is a dry run,
 * applied in one unit of work with the owners' bulk writers; every run records each row's
 * outcome and its progress.
 */

export type { EngineOptions } from './plan';

/** The columns an import writes, and nothing else: every row of a bulk update sets the same. */
function pick<T extends object, K extends keyof T>(values: T, columns: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const column of columns) picked[column] = values[column];
  return picked;
}

/**
 * A row's outcome once its updates were claimed: a row whose every change met a record changed
 * meanwhile is skipped and says why; a row with other changes keeps its action and says which
 * part was left alone.
 */
function outcomeAfterClaims(plan: RowPlan, stale: ReadonlySet<Write>): RowOutcome {
  const left = plan.writes.filter((w) => stale.has(w));
  if (left.length === 0) return plan.outcome;
  const made = plan.writes.filter((w) => w.op !== 'keep' && !stale.has(w));
  if (made.length === 0 && !plan.prospect && !plan.link) {
    return { ...plan.outcome, action: 'skip', reasons: [{ code: 'changed-meanwhile' }] };
  }
  const records = left.map((w): RecordRef =>
    w.table === 'target'
      ? { kind: 'target', ...targetRef(w.values) }
      : { kind: 'report', year: w.values.year },
  );
  const note: ImportReason = { code: 'records-changed-meanwhile', params: { records } };
  return { ...plan.outcome, reasons: [...plan.outcome.reasons, note] };
}

/**
 * What planning said of the row, then the notes from its reading and mapping that it did not
 * say already (planning gives a placed row's notes; a skipped row's would be lost).
 */
function withNotes(outcome: RowOutcome, row: MappedRow | undefined): RowOutcome {
  const said = new Set(outcome.reasons.map((r) => JSON.stringify(r)));
  const notes = (row?.notes ?? []).filter((note) => !said.has(JSON.stringify(note)));
  if (notes.length === 0) return outcome;
  return { ...outcome, reasons: [...outcome.reasons, ...notes] };
}

/** The API's `reason` and `entity` for old clients and the command line: English words. */
const english = translator('en');

/**
 * The English words of a row's records, kept by what they say: a file's rows name a few kinds
 * of record in a few years over and over, and the catalog lookup costs more than the row's
 * write. Emptied when it grows past a few thousand (long tables name rows in theirs).
 */
class EntityWords {
  private readonly said = new Map<string, string>();

  of(entities: NonNullable<RowOutcome['entities']>): string {
    const key = JSON.stringify(entities);
    let text = this.said.get(key);
    if (text === undefined) {
      text = entitiesText(english, entities);
      if (this.said.size >= 5000) this.said.clear();
      this.said.set(key, text);
    }
    return text;
  }
}

function stored(
  kind: EngineOptions['kind'],
  outcome: RowOutcome,
  words: EntityWords,
): StoredRowOutcome {
  return {
    ...outcome,
    reason: outcome.reasons.length ? reasonsText(english, kind, outcome.reasons) : null,
    entity: outcome.entities ? words.of(outcome.entities) : null,
  };
}

function countsOf(outcomes: readonly RowOutcome[]): RunCounts {
  return {
    processed: outcomes.length,
    created: outcomes.filter((o) => o.action === 'create').length,
    updated: outcomes.filter((o) => o.action === 'update').length,
    skipped: outcomes.filter((o) => o.action === 'skip').length,
  };
}

export class ImportEngine {
  private counts: RunCounts = { processed: 0, created: 0, updated: 0, skipped: 0 };
  /** Real runs: import key → id of every target this run created, updated or kept. */
  private readonly ids = new Map<string, number>();
  private readonly planner: ImportPlanner;
  private readonly entityWords = new EntityWords();

  private constructor(
    private readonly store: Store,
    private readonly actor: AuditActor | SystemActor,
    private readonly options: EngineOptions,
    private readonly index: GovernmentIndex,
    private readonly regionIds: ReadonlyMap<string, number>,
    decisions: ReadonlyMap<string, MatchDecision>,
    recall: Recall | null,
  ) {
    this.planner = new ImportPlanner(store, options, index, decisions, recall);
  }

  static async start(
    store: Store,
    actor: AuditActor | SystemActor,
    options: EngineOptions,
    /** Reads back a row of the run's spool by its place: the run then keeps no key in the heap. */
    recall: Recall | null = null,
  ): Promise<ImportEngine> {
    const index = await GovernmentIndex.load(store);
    const regionIds = await store.imports.regionIdsBySlug();
    // A person's decisions in the preview of this file, on the matches it was not sure of.
    const decisions = new Map<string, MatchDecision>();
    const from = options.decisionsFrom ?? null;
    for (const d of from === null ? [] : await store.importMatches.decidedMatches(from)) {
      if (d.decision) {
        decisions.set(d.subject_key, {
          runId: from as number,
          decision: d.decision,
          slug: d.decision_slug,
        });
      }
    }
    return new ImportEngine(store, actor, options, index, regionIds, decisions, recall);
  }

  get progress(): RunCounts {
    return { ...this.counts };
  }

  /**
   * Plans a batch (≤ 500 rows) and, in a real run, applies it in one transaction with the
   * batch's audit entry, so a process killed between batches leaves every committed record
   * audited. Throws RunNotRunningError (and writes nothing) once the run is no longer running.
   */
  async process(rows: readonly MappedRow[], places?: readonly number[]): Promise<void> {
    const plans = await this.planner.plan(rows, places);
    const writes = plans.some((p) => p.prospect || p.link || p.writes.some((w) => w.op !== 'keep'));
    const counts = await this.store.transaction(async (tx) => {
      const stale = this.options.dryRun ? new Set<Write>() : await this.apply(tx, plans);
      const outcomes = plans.map((p, i) =>
        stored(
          this.options.kind,
          {
            ...withNotes(outcomeAfterClaims(p, stale), rows[i]),
            // The fields the row had a value for, whatever became of it.
            fields: rows[i]?.fields ?? null,
          },
          this.entityWords,
        ),
      );
      const batch = countsOf(outcomes);
      const counts: RunCounts = {
        processed: this.counts.processed + batch.processed,
        created: this.counts.created + batch.created,
        updated: this.counts.updated + batch.updated,
        skipped: this.counts.skipped + batch.skipped,
        governments: {
          created: this.planner.governmentsCreated,
          rows: this.planner.newGovernmentRows,
        },
      };
      await tx.imports.insertRowOutcomes(this.options.runId, outcomes);
      await tx.importMatches.insertRunMatches(
        this.options.runId,
        plans.flatMap((p) => (p.match ? [p.match] : [])),
      );
      if (!(await tx.imports.updateRunIfRunning(this.options.runId, { counts }))) {
        throw new RunNotRunningError(this.options.runId);
      }
      if (!this.options.dryRun && writes) await this.auditBatch(tx, outcomes, batch);
      return counts;
    });
    this.counts = counts;
  }

  /** Marks the run done and, for a real run, writes its audit entry, in one transaction. */
  async finish(): Promise<void> {
    await this.store.transaction(async (tx) => {
      const ended = await tx.imports.updateRunIfRunning(this.options.runId, {
        counts: this.counts,
        status: 'done',
        error: null,
        errorJson: null,
      });
      if (!ended) throw new RunNotRunningError(this.options.runId);
      if (!this.options.dryRun) await this.audit(tx, null);
    });
  }

  /**
   * Ends a run that failed or was stopped after it started writing: its status, reason and (for
   * a real run that committed batches) the run's audit entry, together. False when the run was
   * no longer running (a sweep marked it interrupted first).
   */
  async end(
    status: 'failed' | 'interrupted',
    error: string,
    reason: RunError | null = null,
  ): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const ended = await tx.imports.updateRunIfRunning(this.options.runId, {
        counts: this.counts,
        status,
        error,
        errorJson: reason ? JSON.stringify(reason) : null,
      });
      if (ended && !this.options.dryRun && this.counts.processed > 0) {
        await this.audit(tx, { status, error });
      }
      return ended;
    });
  }

  private async auditBatch(tx: Store, outcomes: readonly RowOutcome[], batch: RunCounts) {
    const rows = outcomes.map((o) => o.row);
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const unchanged = batch.processed - batch.created - batch.updated - batch.skipped;
    await recordAudit(tx, this.actor, {
      action: 'update',
      entityType: 'import',
      entityId: this.options.runId,
      summary:
        `Import ${this.options.kind} of ${this.options.fileName}, rows ${first}–${last}: ` +
        `${batch.created} created, ${batch.updated} updated, ${unchanged} unchanged, ` +
        `${batch.skipped} skipped`,
      after: { runId: this.options.runId, firstRow: first, lastRow: last, ...batch, unchanged },
    });
  }

  private async audit(
    tx: Store,
    ended: { status: 'failed' | 'interrupted'; error: string } | null,
  ): Promise<void> {
    const c = this.counts;
    const unchanged = c.processed - c.created - c.updated - c.skipped;
    await recordAudit(tx, this.actor, {
      action: 'create',
      entityType: 'import',
      entityId: this.options.runId,
      summary:
        `Import ${this.options.kind} of ${this.options.fileName}${ended ? ` (${ended.status})` : ''}: ` +
        `${c.processed} rows, ${c.created} created, ${c.updated} updated, ${unchanged} unchanged, ` +
        `${c.skipped} skipped; ${this.planner.governmentsCreated} governments created, ` +
        `${this.planner.governmentsLinked} linked by name`,
      after: { runId: this.options.runId, ...c, unchanged, error: ended?.error ?? null },
    });
  }

  /**
   * Writes a batch's plan and answers the updates it left alone: records changed (or deleted)
   * by someone else since the batch was planned, whose change the import must not overwrite
   * unseen. Every other update first takes its record's next version, which locks the record
   * until the batch commits.
   */
  private async apply(tx: Store, plans: RowPlan[]): Promise<Set<Write>> {
    const now = nowIso();
    const stale = await this.claimUpdates(tx, plans);
    const prospects = plans.flatMap((p) => (p.prospect ? [p.prospect] : []));
    const created = await insertProspects(tx, prospects, this.regionIds);
    for (const [tempId, id] of created) this.index.resolve(tempId, id);
    const governmentId = (id: number) => (id < 0 ? (created.get(id) as number) : id);
    await linkGovernments(
      tx,
      plans.flatMap((p) =>
        p.link ? [{ ...p.link, governmentId: governmentId(p.link.governmentId) }] : [],
      ),
    );

    const writes = plans.flatMap((p) => p.writes);
    for (const w of writes) {
      if (w.table === 'target' && w.op === 'keep' && w.id !== null) this.ids.set(w.key, w.id);
    }

    const targets = writes.filter((w): w is TargetWrite => w.table === 'target');
    const creates = targets.filter((w) => w.op === 'create');
    const createdKeys = new Set(creates.map((w) => w.key));
    // End targets before the interim targets that point at them.
    const independent = creates.filter((w) => !w.parentKey || !createdKeys.has(w.parentKey));
    const dependent = creates.filter((w) => w.parentKey && createdKeys.has(w.parentKey));
    const parentId = (w: TargetWrite) => (w.parentKey ? (this.ids.get(w.parentKey) ?? null) : null);
    for (const group of [independent, dependent]) {
      const ids = await tx.climate.insertTargets(
        group.map((w) => ({
          ...pick(w.values, TARGET_VALUE_COLUMNS),
          government_id: governmentId(w.governmentId),
          parent_target_id: parentId(w),
          // Fields of types no imported file gives (phase-out, renewable share, air quality).
          fuel: null,
          share_percent: null,
          pollutant: null,
          level_value: null,
          level_unit: null,
          import_key: w.key,
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      );
      group.forEach((w, i) => this.ids.set(w.key, ids[i] as number));
    }
    const targetUpdates = targets.filter((w) => w.op === 'update' && !stale.has(w));
    for (const w of targetUpdates) this.ids.set(w.key, w.id as number);
    await tx.climate.updateTargetsById(
      targetUpdates.map((w) => ({
        id: w.id as number,
        values: {
          ...pick(w.values, TARGET_VALUE_COLUMNS),
          parent_target_id: w.parentKey ? parentId(w) : w.keptParentId,
          government_id: governmentId(w.governmentId),
          import_key: w.storedKey === undefined ? w.key : w.storedKey,
          version: w.version,
          updated_at: now,
        },
      })),
    );

    const reports = writes.filter((w): w is ReportWrite => w.table === 'report');
    const reportCreates = reports.filter((w) => w.op === 'create');
    const createdRows = reportCreates.map((w): Omit<ReportRow, 'id'> => ({
      ...pick(w.values, REPORT_VALUE_COLUMNS),
      provenance: w.values.provenance,
      government_id: governmentId(w.governmentId),
      // Only staff choose a report for its year (sources.ts decides otherwise).
      preferred: 0,
      import_key: w.key,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    const reportIds = await tx.climate.insertEmissionReports(createdRows);
    // A report's id matters within its batch only (nothing points at a report): the run keeps
    // no memory of them, so it does not grow with the file.
    const batchReportIds = new Map<string, number>();
    const createdReports = new Map<number, ReportRow>();
    reportCreates.forEach((w, i) => {
      const id = reportIds[i] as number;
      batchReportIds.set(w.key, id);
      createdReports.set(id, { id, ...(createdRows[i] as Omit<ReportRow, 'id'>) });
    });
    const reportUpdates = reports.filter((w) => w.op === 'update' && !stale.has(w));
    for (const w of reportUpdates) batchReportIds.set(w.key, w.id as number);
    await tx.climate.updateEmissionReportsById(
      reportUpdates.map((w) => ({
        id: w.id as number,
        values: {
          ...pick(w.values, REPORT_VALUE_COLUMNS),
          provenance: w.values.provenance,
          government_id: governmentId(w.governmentId),
          import_key: w.key,
          version: w.version,
          updated_at: now,
        },
      })),
    );

    await this.recordVersions(
      tx,
      targets.filter((w) => !stale.has(w)),
      reports.filter((w) => !stale.has(w)),
      { ids: batchReportIds, created: createdReports },
    );
    return stale;
  }

  /** Claims the next version of every record the batch updates; answers those it could not. */
  private async claimUpdates(tx: Store, plans: readonly RowPlan[]): Promise<Set<Write>> {
    const updates = plans.flatMap((p) => p.writes).filter((w) => w.op === 'update' && w.id);
    const claim = (ws: readonly Write[]) =>
      ws.map((w) => ({ id: w.id as number, expected: w.version - 1 }));
    const targets = updates.filter((w) => w.table === 'target');
    const reports = updates.filter((w) => w.table === 'report');
    const claimedTargets = await tx.climate.claimTargetVersions(claim(targets));
    const claimedReports = await tx.climate.claimReportVersions(claim(reports));
    return new Set([
      ...targets.filter((w) => !claimedTargets.has(w.id as number)),
      ...reports.filter((w) => !claimedReports.has(w.id as number)),
    ]);
  }

  /**
   * A version of every record created or updated, in the shape history keeps (the API's, as
   * the services store it); the run's one audit entry is written when it ends.
   */
  private async recordVersions(
    tx: Store,
    targets: TargetWrite[],
    reports: ReportWrite[],
    batch: { ids: ReadonlyMap<string, number>; created: ReadonlyMap<number, ReportRow> },
  ) {
    const changed = (
      writes: readonly (TargetWrite | ReportWrite)[],
      idOf: (key: string) => number | undefined,
    ) => {
      const changes = new Map<number, 'create' | 'update'>();
      for (const w of writes) {
        if (w.op !== 'keep') changes.set(idOf(w.key) as number, w.op);
      }
      return changes;
    };
    const targetChanges = changed(targets, (key) => this.ids.get(key));
    const reportChanges = changed(reports, (key) => batch.ids.get(key));
    const targetRows = await tx.climate.targetsByIds([...targetChanges.keys()]);
    // A report created just now is what was inserted: only updated ones are read back.
    const reportRows = [
      ...batch.created.values(),
      ...(await tx.climate.reportsByIds(
        [...reportChanges.keys()].filter((id) => !batch.created.has(id)),
      )),
    ].sort((a, b) => a.id - b.id);
    const slugs = await tx.climate.governmentSlugs(
      [...targetRows, ...reportRows].map((r) => r.government_id),
    );
    const slugOf = (governmentId: number) => slugs.get(governmentId) as string;
    const versions: VersionRecord[] = [
      ...targetRows.map((row): VersionRecord => ({
        type: 'target',
        id: row.id,
        version: row.version,
        change: targetChanges.get(row.id) ?? 'update',
        snapshot: targetSnapshotOfRow(row, slugOf(row.government_id)),
      })),
      ...reportRows.map((row): VersionRecord => ({
        type: 'emission-report',
        id: row.id,
        version: row.version,
        change: reportChanges.get(row.id) ?? 'update',
        snapshot: presentReport(row, slugOf(row.government_id)),
      })),
    ];
    await recordVersionedWrite(tx, this.actor, versions, null);
  }
}
