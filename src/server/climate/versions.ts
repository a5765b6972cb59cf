import type { VersionChange, VersionedRecord } from '../../core/climate/types';
import { recordAudit, type AuditActor, type SystemActor } from '../audit/service';
import { nowIso } from '../clock';
import type { Store } from '../store';
import type { TargetSnapshot } from './present';
import type { Action, EmissionReport, Inventory } from './schemas';

/**
 * The versioned write: every change to reported climate data leaves, in the same unit of work,
 * a whole copy of the record after it (for history and restore) and an audit entry saying who
 * changed what. Services, the importer and the demo loader all record their changes here.
 */

/** Each record as history stores it: the API's shape (see present.ts), never a raw row. */
export interface RecordSnapshots {
  target: TargetSnapshot;
  inventory: Inventory;
  'emission-report': EmissionReport;
  action: Action;
}
export type RecordSnapshot = RecordSnapshots[VersionedRecord];

export type VersionRecord = {
  [T in VersionedRecord]: {
    type: T;
    id: number;
    version: number;
    change: VersionChange;
    /** The record after the change, or null after a delete. */
    snapshot: RecordSnapshots[T] | null;
  };
}[VersionedRecord];

/** The audit entry of a write: what it did, in words and (optionally) as before and after. */
export interface VersionAudit {
  summary: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Records a write of climate records in the caller's unit of work: one version row per record
 * (in one insert however many) and one audit entry for the write. A write of one record is
 * audited as that record's change (a restore as an update). `audit` null: the caller writes
 * the entry of a larger whole itself (an import writes one per run, not one per batch).
 */
export async function recordVersionedWrite(
  tx: Store,
  actor: AuditActor | SystemActor,
  versions: readonly VersionRecord[],
  audit: VersionAudit | null,
): Promise<void> {
  const at = nowIso();
  await tx.climate.insertVersions(
    versions.map((v) => ({
      entity_type: v.type,
      entity_id: v.id,
      version: v.version,
      at,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      change: v.change,
      snapshot: v.snapshot === null ? null : JSON.stringify(v.snapshot),
    })),
  );
  if (audit === null) return;
  const [only, ...more] = versions;
  if (!only || more.length > 0) {
    throw new Error('An audit entry of a versioned write names one record.');
  }
  await recordAudit(tx, actor, {
    action: only.change === 'restore' ? 'update' : only.change,
    entityType: only.type,
    entityId: only.id,
    summary: audit.summary,
    before: audit.before,
    after: audit.after,
  });
}
