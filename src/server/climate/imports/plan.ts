import type {
  ImportReason,
  TargetRecordField,
  TargetRef,
} from '../../../core/climate/import-reasons';
import { statesSameTarget } from '../../../core/climate/same-target';
import { targetTypeHas, type TargetTypeField } from '../../../core/climate/target-fields';
import type { Store } from '../../store';
import type { ImportKind } from '../schemas';
import { targetOrigin, targetStatement } from '../target-statement';
import type { GovernmentIndex, GovernmentRef, ProspectPlan } from './governments';
import { SubjectPlacer, type MatchDecision, type UncertainMatch } from './subject-placer';
import {
  REPORT_VALUE_COLUMNS,
  TARGET_VALUE_COLUMNS,
  type MappedRow,
  type ReportValues,
  type Subject,
  type TargetValues,
  targetTitle,
} from './mapping';
import type { ExistingReport, ExistingTarget } from './repository';
import { statesSame } from './map-nzt';
import { SeenKeys, type Recall } from './seen-keys';
import type { RowAction, RowOutcome } from './runs';

/**
 * Planning a batch of an import: what each row does (create, update, keep, skip), decided
 * against the database (read set-based: one query per table per batch) and the run's own
 * memory of what earlier rows created, so a dry run reports exactly what a real run would do.
 * Applying the plan is the engine's part (engine.ts).
 */

/** What a run was asked to do. */
export interface EngineOptions {
  runId: number;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  noCreate: boolean;
  /** A preview run whose decisions on uncertain matches this run applies. */
  decisionsFrom?: number | null;
}

export type WriteOp = 'create' | 'update' | 'keep';

export interface TargetWrite {
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
  /**
   * The import key the record keeps, when not `key`: a target another source gave keeps its
   * own (the file's record is that target; the next run of the other file still finds it).
   */
  storedKey?: string | null;
}

export interface ReportWrite {
  table: 'report';
  op: WriteOp;
  key: string;
  governmentId: number;
  values: ReportValues;
  id: number | null;
  version: number;
}

export type Write = TargetWrite | ReportWrite;

export interface RowPlan {
  outcome: RowOutcome;
  prospect: ProspectPlan | null;
  link: { governmentId: number; cdpAccount: string | null; nztId: string | null } | null;
  /** A match the run was not sure of, listed for a person (once per subject). */
  match: UncertainMatch | null;
  writes: Write[];
}

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

const titleOf = (v: TargetValues) =>
  targetTitle({
    type: v.type,
    netZeroLabel: v.net_zero_label,
    baseYear: v.base_year,
    targetYear: v.target_year,
    reductionPercent: v.reduction_percent,
    targetEmissions: v.target_emissions,
    intensityUnit: v.intensity_unit,
  });

function mergeTarget(imported: TargetValues, existing: TargetValues): TargetValues {
  const merged = mergeValues(imported, existing, TARGET_VALUE_COLUMNS);
  // A title made from the figures follows the merged ones; the file's own words (an "Other"
  // target's "Peak emissions by 2025") stay as they are.
  if (imported.title === titleOf(imported)) merged.title = titleOf(merged);
  return merged;
}

/** Type-dependent columns: another source fills them only where the target's type has them. */
const TYPE_FIELD_OF: Partial<Record<keyof TargetValues, TargetTypeField>> = {
  net_zero_label: 'netZeroLabel',
  base_year: 'baseYear',
  base_emissions: 'baseEmissions',
  target_year: 'targetYear',
  reduction_percent: 'reductionPercent',
  target_emissions: 'targetEmissions',
  bau_emissions: 'bauEmissions',
  base_intensity: 'baseIntensity',
  intensity_unit: 'intensityUnit',
};
/** What a target stated by another source keeps as its own whatever this file says. */
const OWN_COLUMNS: readonly (keyof TargetValues)[] = ['type', 'title', 'status', 'source_document'];

/**
 * A target another source gave, with what it lacks taken from this file: it stays that
 * source's record (its type, words, status and provenance), and only its empty fields are
 * filled, so the two files imported in turn do not undo each other.
 */
function fillFromOtherSource(existing: TargetValues, imported: TargetValues): TargetValues {
  const filled = { ...existing };
  for (const column of TARGET_VALUE_COLUMNS) {
    if (OWN_COLUMNS.includes(column)) continue;
    const field = TYPE_FIELD_OF[column];
    if (field && !targetTypeHas(existing.type, field)) continue;
    if (isBlank(column, existing[column]) && !isBlank(column, imported[column])) {
      (filled as Record<string, unknown>)[column] = imported[column];
    }
  }
  if (existing.title === titleOf(existing)) filled.title = titleOf(filled);
  return filled;
}

/** A target's columns by the names the web's target form shows them under. */
const RECORD_FIELD_OF: Record<(typeof TARGET_VALUE_COLUMNS)[number], TargetRecordField> = {
  type: 'type',
  net_zero_label: 'netZeroLabel',
  title: 'title',
  description: 'description',
  base_year: 'baseYear',
  base_emissions: 'baseEmissions',
  target_year: 'targetYear',
  reduction_percent: 'reductionPercent',
  target_emissions: 'targetEmissions',
  bau_emissions: 'bauEmissions',
  base_intensity: 'baseIntensity',
  intensity_unit: 'intensityUnit',
  coverage_gases: 'gases',
  coverage_scopes: 'scopes',
  coverage_sectors: 'sectors',
  boundary: 'boundary',
  status: 'status',
  date_set: 'dateSet',
  source_url: 'sourceUrl',
  source_document: 'sourceDocument',
  initiatives: 'initiatives',
  offsets_allowed: 'offsetsAllowed',
  self_reported_progress: 'selfReported',
  self_reported_source: 'selfReported',
};

/** A target as a row's reason names it: by its title, type and year, never its id. */
export const targetRef = (v: Pick<TargetValues, 'title' | 'type' | 'target_year'>): TargetRef => ({
  title: v.title,
  type: v.type,
  year: v.target_year,
});

/** The government a row's outcome names: its slug, and the name it has or would get. */
const onRow = (ref: GovernmentRef | null) => (ref ? { slug: ref.slug, name: ref.name } : null);

/** Whether a target keyed `existingKey` came from another source than a record keyed `key`. */
const fromAnotherSource = (existingKey: string | null, key: string) =>
  existingKey !== null && targetOrigin(existingKey) !== targetOrigin(key);

const ACTION_RANK: Record<WriteOp, number> = { create: 3, update: 2, keep: 1 };

/** The run's memory across batches: what it has seen, taken over and created. */
export class ImportPlanner {
  /** Records this run has handled: import key → the row that carried it (seen-keys.ts). */
  private readonly seen: SeenKeys;
  /**
   * Records without an import key that this run has taken over (matched by their figures), and
   * targets of another source this run's records were found to state.
   */
  private readonly adopted = new Set<number>();
  /** A record's key → the key of the other source's target it states (kept by that target). */
  private readonly storedKeys = new Map<string, string>();
  governmentsCreated = 0;
  governmentsLinked = 0;
  /** Rows about a government this run creates (or its preview would create). */
  newGovernmentRows = 0;
  /** The slugs of the governments this run creates: later rows name them by a real id. */
  private readonly newGovernments = new Set<string>();
  private readonly placer: SubjectPlacer;

  constructor(
    private readonly store: Store,
    private readonly options: EngineOptions,
    private readonly index: GovernmentIndex,
    decisions: ReadonlyMap<string, MatchDecision> = new Map(),
    recall: Recall | null = null,
  ) {
    this.placer = new SubjectPlacer(index, options, decisions);
    this.seen = new SeenKeys(recall);
  }

  private skipOutcome(
    row: MappedRow,
    reason: ImportReason,
    government: GovernmentRef | null,
  ): RowPlan {
    return {
      outcome: {
        row: row.row,
        action: 'skip',
        entities: null,
        government: onRow(government),
        reasons: [reason],
      },
      prospect: null,
      link: null,
      match: null,
      writes: [],
    };
  }

  /** `places`: where each row is in the run's spool (see SeenKeys), when read from one. */
  async plan(rows: readonly MappedRow[], places?: readonly number[]): Promise<RowPlan[]> {
    // Governments first, in memory: matches, prospects to create, keys learnt by name.
    const placed: {
      row: MappedRow;
      place: number | undefined;
      ref: GovernmentRef;
      plan: Omit<RowPlan, 'outcome' | 'writes'>;
      notes: ImportReason[];
    }[] = [];
    const plans = new Map<MappedRow, RowPlan>();
    for (const [i, row] of rows.entries()) {
      const subject = row.subject;
      if (row.skip !== null || subject === null) {
        const known = subject ? this.index.match(subject) : null;
        plans.set(
          row,
          this.skipOutcome(
            row,
            row.skip ?? { code: 'no-government-named' },
            known?.kind === 'matched' ? known.ref : null,
          ),
        );
        continue;
      }
      const placement = this.place(subject, row.row);
      if ('skip' in placement) {
        plans.set(row, { ...this.skipOutcome(row, placement.skip, null), match: placement.match });
        continue;
      }
      placed.push({ row, place: places?.[i], ...placement });
    }

    const keys = placed.flatMap((p) => p.row.records.map((r) => r.key));
    const governmentIds = [...new Set(placed.map((p) => p.ref.id).filter((id) => id > 0))];
    const [targets, reports, unkeyed, stated] = await Promise.all([
      this.existingTargets(keys),
      this.existingReports(keys),
      this.unkeyedRecords(governmentIds),
      this.statedTargets(
        placed.map((p) => p.row),
        governmentIds,
      ),
    ]);

    for (const { row, place, ref, plan, notes } of placed) {
      notes.push(...(row.notes ?? []));
      const writes: Write[] = [];
      const duplicates: number[] = [];
      for (const record of row.records) {
        const earlier = this.seen.get(record.key);
        if (earlier !== undefined) {
          duplicates.push(earlier);
          continue;
        }
        this.seen.set(record.key, row.row, place);
        if (record.table === 'target') {
          // The parent must be a record of this run (an end target in the same file). Without
          // one the import has no say, and a link made in Accord stays.
          const parentKey =
            record.parentKey !== null && this.seen.has(record.parentKey) ? record.parentKey : null;
          // A parent this run found stated by another source's target is known by that one's key.
          const parentShown = (key: string | null) =>
            parentKey === null ? '(kept)' : key === null ? null : (this.storedKeys.get(key) ?? key);
          let existing = targets.get(record.key);
          let adopted = false;
          const statesSameAs = record.statesSameAs;
          const same =
            !existing && statesSameAs
              ? this.adopt(stated, ref.slug, (t) =>
                  statesSame(record.values, t, statesSameAs === 'all'),
                )
              : undefined;
          if (same) {
            // The government already has a target saying this (Accord's own export read back):
            // it is this record, unchanged, whatever key it has or lacks.
            if (same.import_key !== record.key) {
              notes.push({ code: 'already-stated', params: { target: targetRef(same) } });
            }
            writes.push({
              table: 'target',
              op: 'keep',
              key: record.key,
              governmentId: ref.id,
              parentKey: null,
              keptParentId: same.parent_target_id,
              values: same,
              id: same.id,
              version: same.version,
            });
            continue;
          }
          if (!existing) {
            existing = this.adopt(unkeyed.targets, ref.slug, (t) => sameTarget(t, record.values));
            adopted = existing !== undefined;
          }
          const other = existing
            ? undefined
            : this.adopt(stated, ref.slug, (t) => {
                if (!fromAnotherSource(t.import_key, record.key)) return false;
                return statesSameTarget(targetStatement(t), targetStatement(record.values));
              });
          if (other) {
            // Another source (CDP, the tracker) gave the government this target already: it is
            // that one, kept with its own key and words, its empty fields filled from this row
            // (an end target too, when it has none and this row names one).
            const values = fillFromOtherSource(other, record.values);
            const linksParent = parentKey !== null && other.parent_target_id === null;
            const filled = [
              ...new Set<TargetRecordField>([
                ...TARGET_VALUE_COLUMNS.filter((c) => values[c] !== other[c]).map(
                  (c) => RECORD_FIELD_OF[c],
                ),
                ...(linksParent ? (['parentTargetId'] as const) : []),
              ]),
            ];
            notes.push({
              code: 'states-target-of-other-source',
              params: { target: targetRef(other), origin: targetOrigin(other.import_key), filled },
            });
            this.storedKeys.set(record.key, other.import_key as string);
            writes.push({
              table: 'target',
              op: filled.length ? 'update' : 'keep',
              key: record.key,
              storedKey: other.import_key,
              governmentId: ref.id,
              parentKey: linksParent ? parentKey : null,
              keptParentId: other.parent_target_id,
              values,
              id: other.id,
              version: other.version + (filled.length ? 1 : 0),
            });
            continue;
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
          if (adopted && existing) {
            notes.push({ code: 'took-over-target', params: { target: targetRef(existing) } });
          }
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
            notes.push({ code: 'took-over-report', params: { year: existing.year } });
          }
          // Which report of a year counts is a rule applied on reading (core/climate/sources.ts),
          // not decided here: the order files come in must not matter.
          writes.push({
            table: 'report',
            op,
            key: record.key,
            governmentId: ref.id,
            values,
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
        const rows = [...new Set(duplicates)];
        plans.set(row, {
          ...this.skipOutcome(row, { code: 'same-record-as-rows', params: { rows } }, ref),
          ...plan,
        });
        continue;
      }
      if (duplicates.length) {
        notes.push({ code: 'part-given-in-rows', params: { rows: [...new Set(duplicates)] } });
      }
      const action: RowAction = top === 'keep' ? 'unchanged' : top;
      plans.set(row, {
        outcome: {
          row: row.row,
          action,
          entities: row.records.map((r) => r.entity),
          government: onRow(ref),
          reasons: notes,
        },
        ...plan,
        writes,
      });
    }
    return rows.map((row) => plans.get(row) as RowPlan);
  }

  /** Matches a subject or plans its prospect (governments.ts); later rows see the result. */
  private place(
    subject: Subject,
    row: number,
  ):
    | { ref: GovernmentRef; plan: Omit<RowPlan, 'outcome' | 'writes'>; notes: ImportReason[] }
    | { skip: ImportReason; match: UncertainMatch | null } {
    // A row of Accord's own export names its government by slug; elsewhere it is matched by name.
    const own = subject.accordSlug ? this.index.bySlug(subject.accordSlug) : undefined;
    if (own) return { ref: own, plan: { prospect: null, link: null, match: null }, notes: [] };
    const placed = this.placer.place(subject, row);
    if ('skip' in placed) return placed;
    if (placed.prospect) {
      this.governmentsCreated += 1;
      this.newGovernments.add(placed.ref.slug);
    }
    if (placed.link) this.governmentsLinked += 1;
    if (this.newGovernments.has(placed.ref.slug)) this.newGovernmentRows += 1;
    const { ref, prospect, link, match, notes } = placed;
    return { ref, plan: { prospect, link, match }, notes };
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

  /**
   * Every target of the governments whose rows carry targets: a record matches one by what it
   * states (Accord's own export read back, or a target another source gave).
   */
  private async statedTargets(rows: readonly MappedRow[], governmentIds: number[]) {
    const wanted = rows.some((r) => r.records.some((c) => c.table === 'target'));
    if (!wanted || governmentIds.length === 0) return [];
    return this.store.imports.targetsOfGovernmentsForImport(governmentIds);
  }

  /** Records of the batch's governments that no import has keyed yet. */
  private async unkeyedRecords(governmentIds: number[]) {
    const emissions = this.options.kind === 'cdp-emissions';
    return {
      targets: emissions ? [] : await this.store.imports.unkeyedTargetsOf(governmentIds),
      reports: emissions ? await this.store.imports.unkeyedReportsOf(governmentIds) : [],
    };
  }

  private async existingTargets(keys: string[]) {
    const found = new Map<string, ExistingTarget>();
    if (keys.length === 0 || this.options.kind === 'cdp-emissions') return found;
    for (const row of await this.store.imports.targetsByImportKeys(keys)) {
      if (row.import_key) found.set(row.import_key, row);
    }
    return found;
  }

  private async existingReports(keys: string[]) {
    const found = new Map<string, ExistingReport>();
    if (keys.length === 0 || this.options.kind !== 'cdp-emissions') return found;
    for (const row of await this.store.imports.reportsByImportKeys(keys)) {
      if (row.import_key) found.set(row.import_key, row);
    }
    return found;
  }
}
