import type { AuditActor, SystemActor } from '../../audit/service';
import { recordAuditOnExecutor } from '../../audit/service';
import type { Db } from '../../db/database';
import { nowIso, type Executor } from '../../db/types';
import { recordVersions } from '../history';
import { legacyStore } from '../../store';
import type { ImportKind } from '../schemas';
import { bulkUpdateById, type BulkColumn } from './bulk-update';
import {
  GovernmentIndex,
  insertProspects,
  linkGovernments,
  type GovernmentRef,
  type ProspectPlan,
} from './governments';
import type { NetZeroLabel, TargetType } from '../../../core/climate/types';
import {
  REPORT_VALUE_COLUMNS,
  TARGET_VALUE_COLUMNS,
  type MappedRow,
  type ReportValues,
  type Subject,
  type TargetValues,
  targetTitle,
} from './mapping';
import {
  insertRowOutcomes,
  updateRun,
  type RowAction,
  type RowOutcome,
  type RunCounts,
} from './runs';

/**
 * Decides what each row of an import does and, unless the run is a dry run, does it. Rows come
 * in batches; a batch is planned against the database (read set-based: one query per table per
 * batch) and the run's own memory of what earlier rows created, so a dry run reports exactly
 * what a real run would do. A real run then writes the batch in one transaction with bulk
 * statements; every run records each row's outcome and its progress.
 */

export interface EngineOptions {
  runId: number;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  noCreate: boolean;
}

type WriteOp = 'create' | 'update' | 'keep';

interface TargetWrite {
  table: 'target';
  op: WriteOp;
  key: string;
  governmentId: number;
  parentKey: string | null;
  /** The parent an existing target keeps when the import names none. */
  keptParentId: number | null;
  values: TargetValues;
  id: number | null;
  version: number;
}

interface ReportWrite {
  table: 'report';
  op: WriteOp;
  key: string;
  governmentId: number;
  values: ReportValues;
  preferred: boolean;
  id: number | null;
  version: number;
}

type Write = TargetWrite | ReportWrite;

type ExistingTarget = TargetValues & {
  id: number;
  version: number;
  parent_target_id: number | null;
  government_slug: string;
  parent_key: string | null;
};
type ExistingReport = ReportValues & {
  id: number;
  version: number;
  preferred: number;
  government_slug: string;
};

interface RowPlan {
  outcome: RowOutcome;
  prospect: ProspectPlan | null;
  link: { governmentId: number; cdpAccount: string | null; nztId: string | null } | null;
  writes: Write[];
}

const TARGET_TYPES: Record<(typeof TARGET_VALUE_COLUMNS)[number], BulkColumn['type']> = {
  type: 'text',
  net_zero_label: 'text',
  title: 'text',
  description: 'text',
  base_year: 'integer',
  base_emissions: 'double precision',
  target_year: 'integer',
  reduction_percent: 'double precision',
  target_emissions: 'double precision',
  bau_emissions: 'double precision',
  base_intensity: 'double precision',
  intensity_unit: 'text',
  coverage_gases: 'text',
  coverage_scopes: 'text',
  coverage_sectors: 'text',
  boundary: 'text',
  status: 'text',
  date_set: 'text',
  source_url: 'text',
  source_document: 'text',
  initiatives: 'text',
  offsets_allowed: 'integer',
  self_reported_progress: 'double precision',
  self_reported_source: 'text',
};

const REPORT_TYPES: Record<(typeof REPORT_VALUE_COLUMNS)[number], BulkColumn['type']> = {
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
};

const BOOKKEEPING: BulkColumn[] = [
  { name: 'government_id', type: 'integer' },
  { name: 'import_key', type: 'text' },
  { name: 'version', type: 'integer' },
  { name: 'updated_at', type: 'text' },
];
const TARGET_UPDATE_COLUMNS: BulkColumn[] = [
  ...TARGET_VALUE_COLUMNS.map((name) => ({ name, type: TARGET_TYPES[name] })),
  { name: 'parent_target_id', type: 'integer' },
  ...BOOKKEEPING,
];
const REPORT_UPDATE_COLUMNS: BulkColumn[] = [
  ...REPORT_VALUE_COLUMNS.map((name) => ({ name, type: REPORT_TYPES[name] })),
  { name: 'provenance', type: 'text' },
  ...BOOKKEEPING,
];

/** What decides "changed": the mapped fields, the government and the parent, by stable keys. */
function targetFingerprint(slug: string, parentKey: string | null, values: TargetValues): string {
  return JSON.stringify([slug, parentKey, ...TARGET_VALUE_COLUMNS.map((c) => values[c])]);
}

/** Provenance (file and row) is written but not compared: a renamed file is no change. */
function reportFingerprint(slug: string, values: ReportValues): string {
  return JSON.stringify([slug, ...REPORT_VALUE_COLUMNS.map((c) => values[c])]);
}

const sameOrUnknown = (a: number | null, b: number | null) => a === null || b === null || a === b;

/**
 * A target entered in Accord without an import key (by hand, or by the demo loader) is the
 * imported one when type and target year agree and base year and level do not contradict, so
 * the import takes it over instead of adding a duplicate beside it.
 */
function sameTarget(existing: TargetValues, imported: TargetValues): boolean {
  if (existing.type !== imported.type || existing.target_year !== imported.target_year) {
    return false;
  }
  if (!sameOrUnknown(existing.base_year, imported.base_year)) return false;
  if (existing.reduction_percent !== null && imported.reduction_percent !== null) {
    return existing.reduction_percent === imported.reduction_percent;
  }
  return sameOrUnknown(existing.target_emissions, imported.target_emissions);
}

/** What an import leaves empty: no value, an empty list, an unknown boundary. */
function isBlank(column: string, value: unknown): boolean {
  return value === null || value === '[]' || (column === 'boundary' && value === 'unknown');
}

/**
 * The record an update writes: the file's values, except where the file says nothing and
 * Accord knows something. An import fills and corrects; an empty cell never erases.
 */
function mergeValues<T extends object>(imported: T, existing: T, columns: readonly (keyof T)[]): T {
  const merged = { ...imported };
  for (const column of columns) {
    if (isBlank(String(column), imported[column]) && !isBlank(String(column), existing[column])) {
      merged[column] = existing[column];
    }
  }
  return merged;
}

function mergeTarget(imported: TargetValues, existing: TargetValues): TargetValues {
  const merged = mergeValues(imported, existing, TARGET_VALUE_COLUMNS);
  // The title is made from the figures, so it follows the merged ones.
  merged.title = targetTitle({
    type: merged.type as TargetType,
    netZeroLabel: merged.net_zero_label as NetZeroLabel | null,
    baseYear: merged.base_year,
    targetYear: merged.target_year,
    reductionPercent: merged.reduction_percent,
    targetEmissions: merged.target_emissions,
    intensityUnit: merged.intensity_unit,
  });
  return merged;
}

const ACTION_RANK: Record<WriteOp, number> = { create: 3, update: 2, keep: 1 };

export class ImportEngine {
  private counts: RunCounts = { processed: 0, created: 0, updated: 0, skipped: 0 };
  /** Records this run has handled: import key → the row that carried it. */
  private readonly seen = new Map<string, number>();
  /** Records without an import key that this run has taken over (matched by their figures). */
  private readonly adopted = new Set<number>();
  /** Real runs: import key → id of every record this run created, updated or kept. */
  private readonly ids = new Map<string, number>();
  /** "slug|year" of governments' years this run gave a preferred report. */
  private readonly preferredYears = new Set<string>();
  private governmentsCreated = 0;
  private governmentsLinked = 0;

  private constructor(
    private readonly db: Db,
    private readonly actor: AuditActor | SystemActor,
    private readonly options: EngineOptions,
    private readonly index: GovernmentIndex,
    private readonly regionIds: ReadonlyMap<string, number>,
  ) {}

  static async start(
    db: Db,
    actor: AuditActor | SystemActor,
    options: EngineOptions,
  ): Promise<ImportEngine> {
    const index = await GovernmentIndex.load(db.kysely);
    const regions = await db.kysely.selectFrom('regions').select(['id', 'slug']).execute();
    return new ImportEngine(db, actor, options, index, new Map(regions.map((r) => [r.slug, r.id])));
  }

  get progress(): RunCounts {
    return { ...this.counts };
  }

  /** Plans a batch (≤ 500 rows) and, in a real run, applies it in one transaction. */
  async process(rows: readonly MappedRow[]): Promise<void> {
    const plans = await this.plan(rows);
    const outcomes = plans.map((p) => p.outcome);
    const counts: RunCounts = {
      processed: this.counts.processed + outcomes.length,
      created: this.counts.created + outcomes.filter((o) => o.action === 'create').length,
      updated: this.counts.updated + outcomes.filter((o) => o.action === 'update').length,
      skipped: this.counts.skipped + outcomes.filter((o) => o.action === 'skip').length,
    };
    await this.db.kysely.transaction().execute(async (trx) => {
      if (!this.options.dryRun) await this.apply(trx, plans);
      await insertRowOutcomes(trx, this.options.runId, outcomes);
      await updateRun(trx, this.options.runId, { counts });
    });
    this.counts = counts;
  }

  /** Marks the run done and, for a real run, writes its audit entry. */
  async finish(): Promise<void> {
    await this.db.kysely.transaction().execute(async (trx) => {
      await updateRun(trx, this.options.runId, {
        counts: this.counts,
        status: 'done',
        error: null,
      });
      if (!this.options.dryRun) await this.audit(trx, null);
    });
  }

  /** The audit entry of a real run that failed after committing some batches. */
  async auditFailure(error: string): Promise<void> {
    if (this.options.dryRun || this.counts.processed === 0) return;
    await this.audit(this.db.kysely, error);
  }

  private async audit(trx: Executor, error: string | null): Promise<void> {
    const c = this.counts;
    const unchanged = c.processed - c.created - c.updated - c.skipped;
    await recordAuditOnExecutor(trx, this.actor, {
      action: 'create',
      entityType: 'import',
      entityId: this.options.runId,
      summary:
        `Import ${this.options.kind} of ${this.options.fileName}${error ? ' (failed)' : ''}: ` +
        `${c.processed} rows, ${c.created} created, ${c.updated} updated, ${unchanged} unchanged, ` +
        `${c.skipped} skipped; ${this.governmentsCreated} governments created, ` +
        `${this.governmentsLinked} linked by name`,
      after: { runId: this.options.runId, ...c, unchanged, error },
    });
  }

  private skipOutcome(row: MappedRow, reason: string, government: string | null): RowPlan {
    return {
      outcome: { row: row.row, action: 'skip', entity: null, government, reason },
      prospect: null,
      link: null,
      writes: [],
    };
  }

  private async plan(rows: readonly MappedRow[]): Promise<RowPlan[]> {
    // Governments first, in memory: matches, prospects to create, keys learnt by name.
    const placed: {
      row: MappedRow;
      ref: GovernmentRef;
      plan: Omit<RowPlan, 'outcome' | 'writes'>;
      notes: string[];
    }[] = [];
    const plans = new Map<MappedRow, RowPlan>();
    for (const row of rows) {
      const subject = row.subject;
      if (row.skip !== null || subject === null) {
        const known = subject ? this.index.match(subject) : null;
        plans.set(
          row,
          this.skipOutcome(
            row,
            row.skip ?? 'no government named',
            known?.kind === 'matched' ? known.ref.slug : null,
          ),
        );
        continue;
      }
      const placement = this.place(subject);
      if ('skip' in placement) {
        plans.set(row, this.skipOutcome(row, placement.skip, null));
        continue;
      }
      placed.push({ row, ...placement });
    }

    const keys = placed.flatMap((p) => p.row.records.map((r) => r.key));
    const governmentIds = [...new Set(placed.map((p) => p.ref.id).filter((id) => id > 0))];
    const [targets, reports, preferred, unkeyed] = await Promise.all([
      this.existingTargets(keys),
      this.existingReports(keys),
      this.preferredOf(governmentIds),
      this.unkeyedRecords(governmentIds),
    ]);

    for (const { row, ref, plan, notes } of placed) {
      const writes: Write[] = [];
      const duplicates: number[] = [];
      for (const record of row.records) {
        const earlier = this.seen.get(record.key);
        if (earlier !== undefined) {
          duplicates.push(earlier);
          continue;
        }
        this.seen.set(record.key, row.row);
        if (record.table === 'target') {
          // The parent must be a record of this run (an end target in the same file). Without
          // one the import has no say, and a link made in Accord stays.
          const parentKey =
            record.parentKey !== null && this.seen.has(record.parentKey) ? record.parentKey : null;
          const parentShown = (key: string | null) => (parentKey === null ? '(kept)' : key);
          let existing = targets.get(record.key);
          let adopted = false;
          if (!existing) {
            existing = this.adopt(unkeyed.targets, ref.slug, (t) => sameTarget(t, record.values));
            adopted = existing !== undefined;
          }
          const values = existing ? mergeTarget(record.values, existing) : record.values;
          const op: WriteOp = !existing
            ? 'create'
            : !adopted &&
                targetFingerprint(
                  existing.government_slug,
                  parentShown(existing.parent_key),
                  existing,
                ) === targetFingerprint(ref.slug, parentShown(parentKey), values)
              ? 'keep'
              : 'update';
          if (adopted && existing)
            notes.push(`took over target #${existing.id}, entered without an import key`);
          writes.push({
            table: 'target',
            op,
            key: record.key,
            governmentId: ref.id,
            parentKey,
            keptParentId: existing?.parent_target_id ?? null,
            values,
            id: existing?.id ?? null,
            version: existing ? existing.version + (op === 'update' ? 1 : 0) : 1,
          });
        } else {
          let existing = reports.get(record.key);
          let adopted = false;
          if (!existing) {
            existing = this.adopt(
              unkeyed.reports,
              ref.slug,
              (r) => r.year === record.values.year && r.source === record.values.source,
            );
            adopted = existing !== undefined;
          }
          const values: ReportValues = existing
            ? {
                ...mergeValues(record.values, existing, REPORT_VALUE_COLUMNS),
                provenance: record.values.provenance,
              }
            : record.values;
          const op: WriteOp = !existing
            ? 'create'
            : !adopted &&
                reportFingerprint(existing.government_slug, existing) ===
                  reportFingerprint(ref.slug, values)
              ? 'keep'
              : 'update';
          if (adopted && existing) {
            notes.push(`took over emission report #${existing.id}, entered without an import key`);
          }
          const year = `${ref.slug}|${record.values.year}`;
          const isPreferred = existing
            ? existing.preferred === 1
            : !preferred.has(year) && !this.preferredYears.has(year);
          if (isPreferred) this.preferredYears.add(year);
          writes.push({
            table: 'report',
            op,
            key: record.key,
            governmentId: ref.id,
            values,
            preferred: isPreferred,
            id: existing?.id ?? null,
            version: existing ? existing.version + (op === 'update' ? 1 : 0) : 1,
          });
        }
      }
      const top = writes.reduce<WriteOp | null>(
        (best, w) => (best === null || ACTION_RANK[w.op] > ACTION_RANK[best] ? w.op : best),
        null,
      );
      if (top === null) {
        plans.set(row, {
          ...this.skipOutcome(row, `same record as row ${duplicates.join(', ')}`, ref.slug),
          ...plan,
        });
        continue;
      }
      if (duplicates.length) notes.push(`part already given in row ${duplicates.join(', ')}`);
      const action: RowAction = top === 'keep' ? 'unchanged' : top;
      plans.set(row, {
        outcome: {
          row: row.row,
          action,
          entity: row.records.map((r) => r.label).join(' + '),
          government: ref.slug,
          reason: notes.length ? notes.join('; ') : null,
        },
        ...plan,
        writes,
      });
    }
    return rows.map((row) => plans.get(row) as RowPlan);
  }

  /** Matches a subject or plans its prospect; updates the index so later rows see the result. */
  private place(
    subject: Subject,
  ):
    | { ref: GovernmentRef; plan: Omit<RowPlan, 'outcome' | 'writes'>; notes: string[] }
    | { skip: string } {
    const match = this.index.match(subject);
    if (match.kind === 'ambiguous') {
      return { skip: `name matches several governments (${match.slugs.join(', ')})` };
    }
    if (match.kind === 'matched') {
      const notes: string[] = [];
      let link: RowPlan['link'] = null;
      if (match.by === 'name') {
        const learnt = this.index.link(match.ref, subject);
        if (learnt) {
          link = { governmentId: match.ref.id, ...learnt };
          this.governmentsLinked += 1;
          notes.push(
            learnt.cdpAccount
              ? `matched by name; CDP account ${learnt.cdpAccount} recorded`
              : `matched by name; Net Zero Tracker id ${learnt.nztId} recorded`,
          );
        } else {
          notes.push('matched by name');
        }
      }
      return { ref: match.ref, plan: { prospect: null, link }, notes };
    }
    if (this.options.noCreate) return { skip: 'no matching government' };
    const planned = this.index.planProspect(subject);
    if ('error' in planned) return { skip: planned.error };
    this.governmentsCreated += 1;
    return {
      ref: planned.ref,
      plan: { prospect: planned.plan, link: null },
      notes: [`new prospect government "${planned.plan.slug}"`],
    };
  }

  /** The first record without an import key that fits, once per run. */
  private adopt<R extends { id: number; government_slug: string }>(
    candidates: readonly R[],
    slug: string,
    fits: (record: R) => boolean,
  ): R | undefined {
    const found = candidates.find(
      (c) => c.government_slug === slug && !this.adopted.has(c.id) && fits(c),
    );
    if (found) this.adopted.add(found.id);
    return found;
  }

  /** Records of the batch's governments that no import has keyed yet. */
  private async unkeyedRecords(governmentIds: number[]) {
    const found = {
      targets: [] as ExistingTarget[],
      reports: [] as ExistingReport[],
    };
    for (let i = 0; i < governmentIds.length; i += 500) {
      const ids = governmentIds.slice(i, i + 500);
      if (this.options.kind === 'cdp-emissions') {
        found.reports.push(
          ...(await this.db.kysely
            .selectFrom('emission_reports as r')
            .innerJoin('governments as g', 'g.id', 'r.government_id')
            .where('r.import_key', 'is', null)
            .where('r.government_id', 'in', ids)
            .selectAll('r')
            .select('g.slug as government_slug')
            .orderBy('r.id')
            .execute()),
        );
      } else {
        found.targets.push(
          ...(await this.db.kysely
            .selectFrom('climate_targets as t')
            .innerJoin('governments as g', 'g.id', 't.government_id')
            .leftJoin('climate_targets as p', 'p.id', 't.parent_target_id')
            .where('t.import_key', 'is', null)
            .where('t.government_id', 'in', ids)
            .selectAll('t')
            .select(['g.slug as government_slug', 'p.import_key as parent_key'])
            .orderBy('t.id')
            .execute()),
        );
      }
    }
    return found;
  }

  private async existingTargets(keys: string[]) {
    const found = new Map<string, ExistingTarget>();
    if (keys.length === 0 || this.options.kind === 'cdp-emissions') return found;
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db.kysely
        .selectFrom('climate_targets as t')
        .innerJoin('governments as g', 'g.id', 't.government_id')
        .leftJoin('climate_targets as p', 'p.id', 't.parent_target_id')
        .where('t.import_key', 'in', keys.slice(i, i + 500))
        .selectAll('t')
        .select(['g.slug as government_slug', 'p.import_key as parent_key'])
        .execute();
      for (const row of rows) if (row.import_key) found.set(row.import_key, row);
    }
    return found;
  }

  private async existingReports(keys: string[]) {
    const found = new Map<string, ExistingReport>();
    if (keys.length === 0 || this.options.kind !== 'cdp-emissions') return found;
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db.kysely
        .selectFrom('emission_reports as r')
        .innerJoin('governments as g', 'g.id', 'r.government_id')
        .where('r.import_key', 'in', keys.slice(i, i + 500))
        .selectAll('r')
        .select('g.slug as government_slug')
        .execute();
      for (const row of rows) if (row.import_key) found.set(row.import_key, row);
    }
    return found;
  }

  /** "slug|year" of the years that already have a preferred report. */
  private async preferredOf(governmentIds: number[]): Promise<Set<string>> {
    const years = new Set<string>();
    if (this.options.kind !== 'cdp-emissions' || governmentIds.length === 0) return years;
    const unique = [...new Set(governmentIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db.kysely
        .selectFrom('emission_reports as r')
        .innerJoin('governments as g', 'g.id', 'r.government_id')
        .where('r.preferred', '=', 1)
        .where('r.government_id', 'in', unique.slice(i, i + 500))
        .select(['g.slug', 'r.year'])
        .execute();
      for (const r of rows) years.add(`${r.slug}|${r.year}`);
    }
    return years;
  }

  private async apply(trx: Executor, plans: RowPlan[]): Promise<void> {
    const now = nowIso();
    const prospects = plans.flatMap((p) => (p.prospect ? [p.prospect] : []));
    const created = await insertProspects(trx, prospects, this.regionIds);
    for (const [tempId, id] of created) this.index.resolve(tempId, id);
    const governmentId = (id: number) => (id < 0 ? (created.get(id) as number) : id);
    await linkGovernments(
      trx,
      plans.flatMap((p) =>
        p.link ? [{ ...p.link, governmentId: governmentId(p.link.governmentId) }] : [],
      ),
    );

    const writes = plans.flatMap((p) => p.writes);
    for (const w of writes) if (w.op === 'keep' && w.id !== null) this.ids.set(w.key, w.id);

    const targets = writes.filter((w): w is TargetWrite => w.table === 'target');
    const creates = targets.filter((w) => w.op === 'create');
    const createdKeys = new Set(creates.map((w) => w.key));
    // End targets before the interim targets that point at them.
    const independent = creates.filter((w) => !w.parentKey || !createdKeys.has(w.parentKey));
    const dependent = creates.filter((w) => w.parentKey && createdKeys.has(w.parentKey));
    const parentId = (w: TargetWrite) => (w.parentKey ? (this.ids.get(w.parentKey) ?? null) : null);
    for (const group of [independent, dependent]) {
      for (let i = 0; i < group.length; i += 200) {
        const part = group.slice(i, i + 200);
        const rows = await trx
          .insertInto('climate_targets')
          .values(
            part.map((w) => ({
              ...w.values,
              government_id: governmentId(w.governmentId),
              parent_target_id: parentId(w),
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
          )
          .returning(['id', 'import_key'])
          .execute();
        for (const r of rows) if (r.import_key) this.ids.set(r.import_key, r.id);
      }
    }
    const targetUpdates = targets.filter((w) => w.op === 'update' && w.id !== null);
    for (const w of targetUpdates) this.ids.set(w.key, w.id as number);
    await bulkUpdateById(
      trx,
      'climate_targets',
      TARGET_UPDATE_COLUMNS,
      targetUpdates.map((w) => ({
        id: w.id as number,
        values: {
          ...w.values,
          parent_target_id: w.parentKey ? parentId(w) : w.keptParentId,
          government_id: governmentId(w.governmentId),
          import_key: w.key,
          version: w.version,
          updated_at: now,
        },
      })),
      100,
    );

    const reports = writes.filter((w): w is ReportWrite => w.table === 'report');
    const reportCreates = reports.filter((w) => w.op === 'create');
    for (let i = 0; i < reportCreates.length; i += 200) {
      const rows = await trx
        .insertInto('emission_reports')
        .values(
          reportCreates.slice(i, i + 200).map((w) => ({
            ...w.values,
            government_id: governmentId(w.governmentId),
            preferred: w.preferred ? 1 : 0,
            import_key: w.key,
            version: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'import_key'])
        .execute();
      for (const r of rows) if (r.import_key) this.ids.set(r.import_key, r.id);
    }
    const reportUpdates = reports.filter((w) => w.op === 'update' && w.id !== null);
    for (const w of reportUpdates) this.ids.set(w.key, w.id as number);
    await bulkUpdateById(
      trx,
      'emission_reports',
      REPORT_UPDATE_COLUMNS,
      reportUpdates.map((w) => ({
        id: w.id as number,
        values: {
          ...w.values,
          government_id: governmentId(w.governmentId),
          import_key: w.key,
          version: w.version,
          updated_at: now,
        },
      })),
    );

    await this.recordVersions(trx, targets, reports);
  }

  /** A version row for every record created or updated, holding the row as stored. */
  private async recordVersions(trx: Executor, targets: TargetWrite[], reports: ReportWrite[]) {
    const changes = new Map<number, 'create' | 'update'>();
    for (const w of targets) if (w.op !== 'keep') changes.set(this.ids.get(w.key) as number, w.op);
    const versions: Parameters<typeof recordVersions>[2] = [];
    const targetIds = [...changes.keys()];
    for (let i = 0; i < targetIds.length; i += 500) {
      const rows = await trx
        .selectFrom('climate_targets')
        .where('id', 'in', targetIds.slice(i, i + 500))
        .selectAll()
        .execute();
      for (const row of rows) {
        versions.push({
          type: 'target',
          id: row.id,
          version: row.version,
          change: changes.get(row.id) ?? 'update',
          snapshot: row,
        });
      }
    }
    const reportChanges = new Map<number, 'create' | 'update'>();
    for (const w of reports) {
      if (w.op !== 'keep') reportChanges.set(this.ids.get(w.key) as number, w.op);
    }
    const reportIds = [...reportChanges.keys()];
    for (let i = 0; i < reportIds.length; i += 500) {
      const rows = await trx
        .selectFrom('emission_reports')
        .where('id', 'in', reportIds.slice(i, i + 500))
        .selectAll()
        .execute();
      for (const row of rows) {
        versions.push({
          type: 'emission-report',
          id: row.id,
          version: row.version,
          change: reportChanges.get(row.id) ?? 'update',
          snapshot: row,
        });
      }
    }
    await recordVersions(legacyStore(trx), this.actor, versions);
  }
}
