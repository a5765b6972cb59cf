import { gasesOfText } from '../../core/climate/sources';
import { TARGET_TYPE_FIELDS } from '../../core/climate/target-fields';
import type { VersionedRecord } from '../../core/climate/types';
import type { Actor } from '../../core/roles';
import type { AuditActor } from '../audit/service';
import { JsonColumnError, parseJsonColumn } from '../db/json';
import { invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import { attributionsFor } from '../users/attribution';
import { updateAction } from './action-service';
import { enteredByOf, updateReport, withEnteredByShown } from './emission-service';
import { mayReadInventory, updateInventory } from './inventory-service';
import { isRecord, presentReport, targetSnapshotOfRow } from './present';
import type { ReportRow, TargetRow, VersionRow } from './repository';
import type { ActionPatch, EmissionReportCreate, InventoryPatch, TargetPatch } from './schemas';
import { updateTarget } from './target-service';

/**
 * Every version of a climate record, and restoring one. Versions are stored in the API's shape
 * (versions.ts); imports before that stored the raw row (snake_case columns, JSON lists as
 * text), which is read here into the same shape, so old versions show and restore alike.
 */

type Snapshot = Record<string, unknown>;

/** A snapshot stored as the raw row: it has the row's government_id, not a governmentSlug. */
const isRawRow = (s: Snapshot): boolean =>
  typeof s.government_id === 'number' && !('governmentSlug' in s);

type ColumnKind = 'number' | 'string' | 'number?' | 'string?';

/** Whether a raw row has the columns presenting it reads, each of its kind (? also null). */
function hasColumns(s: Snapshot, columns: Record<string, ColumnKind>): boolean {
  return Object.entries(columns).every(([name, kind]) => {
    const value = s[name];
    if (kind.endsWith('?') && value === null) return true;
    return typeof value === kind.replace('?', '');
  });
}

/** Columns added after imports stopped storing raw rows (migration 0022): read as empty. */
type LaterTargetColumn = 'titles';
const LATER_TARGET_COLUMNS = { titles: '{}' };

const RAW_TARGET_COLUMNS: Record<Exclude<keyof TargetRow, LaterTargetColumn>, ColumnKind> = {
  id: 'number',
  government_id: 'number',
  parent_target_id: 'number?',
  type: 'string',
  net_zero_label: 'string?',
  title: 'string',
  description: 'string?',
  base_year: 'number?',
  base_emissions: 'number?',
  target_year: 'number?',
  reduction_percent: 'number?',
  target_emissions: 'number?',
  bau_emissions: 'number?',
  base_intensity: 'number?',
  intensity_unit: 'string?',
  fuel: 'string?',
  share_percent: 'number?',
  pollutant: 'string?',
  level_value: 'number?',
  level_unit: 'string?',
  coverage_gases: 'string',
  coverage_scopes: 'string',
  coverage_sectors: 'string',
  boundary: 'string',
  status: 'string',
  date_set: 'string?',
  source_url: 'string?',
  source_document: 'string?',
  initiatives: 'string',
  offsets_allowed: 'number?',
  self_reported_progress: 'number?',
  self_reported_source: 'string?',
  import_key: 'string?',
  version: 'number',
  created_at: 'string',
  updated_at: 'string',
};

/** Columns added after imports stopped storing raw rows (migration 0011): read as null. */
type LaterReportColumn = 'total_coverage' | 'report_year' | 'dataset';
const LATER_REPORT_COLUMNS = { total_coverage: null, report_year: null, dataset: null };

const RAW_REPORT_COLUMNS: Record<Exclude<keyof ReportRow, LaterReportColumn>, ColumnKind> = {
  id: 'number',
  government_id: 'number',
  year: 'number',
  source: 'string',
  source_label: 'string',
  period_start: 'string?',
  period_end: 'string?',
  scope1: 'number?',
  scope2: 'number?',
  scope3: 'number?',
  basic: 'number?',
  basic_plus: 'number?',
  total: 'number?',
  gases: 'string?',
  protocol: 'string?',
  boundary: 'string?',
  preferred: 'number',
  provenance: 'string',
  import_key: 'string?',
  version: 'number',
  created_at: 'string',
  updated_at: 'string',
};

const isRawTarget = (s: Snapshot): s is Snapshot & Omit<TargetRow, LaterTargetColumn> =>
  hasColumns(s, RAW_TARGET_COLUMNS);
const isRawReport = (s: Snapshot): s is Snapshot & Omit<ReportRow, LaterReportColumn> =>
  hasColumns(s, RAW_REPORT_COLUMNS);

/** The stored snapshots of the versions, each in the API's shape (null after a delete). */
async function readSnapshots(
  store: Store,
  type: VersionedRecord,
  rows: readonly VersionRow[],
): Promise<(Snapshot | null)[]> {
  const stored = rows.map((r) => parseJsonColumn('record_versions', r.id, r.snapshot, isRecord));
  const raw = stored.filter((s): s is Snapshot => s !== null && isRawRow(s));
  const slugs = await store.climate.governmentSlugs(raw.map((s) => s.government_id as number));
  return stored.map((s, i) => {
    if (s === null || !isRawRow(s)) return s;
    const source = { table: 'record_versions', id: (rows[i] as VersionRow).id };
    const slug = slugs.get(s.government_id as number) ?? `#${String(s.government_id)}`;
    // Only the importer stored raw rows, and it writes targets and emission reports alone.
    if (type === 'target' && isRawTarget(s)) {
      return targetSnapshotOfRow({ ...LATER_TARGET_COLUMNS, ...s }, slug, source);
    }
    if (type === 'emission-report' && isRawReport(s)) {
      return presentReport({ ...LATER_REPORT_COLUMNS, ...s }, slug, source);
    }
    throw new JsonColumnError(source.table, source.id, new TypeError('unexpected raw row'));
  });
}

/**
 * Whether the reader may see an inventory's history: what they may see of the inventory itself
 * (a draft is its government's and the secretariat's), judged from the newest snapshot when the
 * inventory has been deleted.
 */
async function mayReadInventoryHistory(
  store: Store,
  reader: Actor | null,
  id: number,
  snapshots: (Snapshot | null)[],
): Promise<boolean> {
  const row = await store.climate.findInventory(id);
  if (row) return mayReadInventory(reader, row);
  const last = snapshots.find((s) => s !== null);
  if (!last || last.status !== 'draft') return true;
  const gov = await store.climate.governmentRef(String(last.governmentSlug));
  return gov !== undefined && mayReadInventory(reader, { status: 'draft', government_id: gov.id });
}

/** Every version of a record; who made each as the viewer (null: the public) may see them. */
export async function historyOf(
  store: Store,
  viewer: Actor | null,
  type: VersionedRecord,
  id: number,
) {
  const rows = await store.climate.listVersions(type, id);
  if (rows.length === 0) throw notFound('history', `no history for ${type} ${id}`);
  const snapshots = await readSnapshots(store, type, rows);
  if (type === 'inventory' && !(await mayReadInventoryHistory(store, viewer, id, snapshots))) {
    throw notFound('history', `no history for ${type} ${id}`);
  }
  // An emission report entered by hand names who entered it in its provenance.
  const reports = snapshots.map((s) =>
    type === 'emission-report' && s !== null && isRecord(s.provenance)
      ? (s as Snapshot & { provenance: Record<string, unknown> })
      : null,
  );
  const shown = await attributionsFor(store, viewer, [
    ...rows.map((r) => r.actor_label),
    ...reports.flatMap((s) => (s ? (enteredByOf(s) ?? []) : [])),
  ]);
  return {
    entityType: type,
    entityId: id,
    versions: rows.map((r, i) => {
      const report = reports[i];
      return {
        version: r.version,
        at: r.at,
        actor: shown(r.actor_label),
        change: r.change,
        snapshot: report
          ? withEnteredByShown(report, (label) => shown(label).label)
          : (snapshots[i] ?? null),
      };
    }),
  };
}

/** The fields a restore writes back, by record type (the rest is computed or fixed). */
const RESTORED_FIELDS: Record<VersionedRecord, readonly string[]> = {
  target: [
    'parentTargetId',
    'type',
    'title',
    'titles',
    'description',
    // The fields that depend on the type, as the core defines them once.
    ...TARGET_TYPE_FIELDS,
    'coverage',
    'status',
    'dateSet',
    'sourceUrl',
    'sourceDocument',
    'initiatives',
    'offsetsAllowed',
  ],
  inventory: ['gwpSet', 'boundary', 'methodology', 'status', 'notes', 'entries'],
  'emission-report': [
    'year',
    'source',
    'sourceLabel',
    'periodStart',
    'periodEnd',
    'scope1',
    'scope2',
    'scope3',
    'basic',
    'basicPlus',
    'total',
    'totalCoverage',
    'gases',
    'protocol',
    'boundary',
    'reportYear',
    'preferred',
  ],
  action: [
    'title',
    'titles',
    'description',
    'sector',
    'status',
    'startDate',
    'endDate',
    'expectedReduction',
    'cost',
    'costCurrency',
    'coBenefits',
    'sdgs',
    'targetIds',
  ],
};

/**
 * Restores a record to an earlier version by writing that version's fields as a new version:
 * history only grows, so the restore itself can be undone. The service that changes the record
 * checks who may, and the fields, as for any change.
 */
export async function restoreVersion(
  store: Store,
  actor: AuditActor,
  type: VersionedRecord,
  id: number,
  version: number,
) {
  const rows = await store.climate.listVersions(type, id);
  const wanted = rows.find((r) => r.version === version);
  if (!wanted) {
    throw invalidField('/version', 'no-such-version', `${type} ${id} has no version ${version}`, {
      version,
    });
  }
  const [s] = await readSnapshots(store, type, [wanted]);
  if (!s) {
    throw invalidField(
      '/version',
      'version-is-deletion',
      `version ${version} records a deletion; choose another`,
      { version },
    );
  }
  const fields = Object.fromEntries(
    RESTORED_FIELDS[type].filter((k) => k in s).map((k) => [k, s[k]]),
  );
  switch (type) {
    case 'target':
      return updateTarget(store, actor, id, fields as TargetPatch, 'restore');
    case 'inventory':
      return updateInventory(store, actor, id, fields as InventoryPatch, 'restore');
    case 'emission-report': {
      // Versions keep the gases as reports show them ("CO2, CH4"); a change names them.
      const gases = typeof fields.gases === 'string' ? gasesOfText(fields.gases) : fields.gases;
      return updateReport(
        store,
        actor,
        id,
        { ...fields, gases } as Partial<EmissionReportCreate>,
        'restore',
      );
    }
    case 'action':
      return updateAction(store, actor, id, fields as ActionPatch, 'restore');
  }
}
