import { recordAudit, type AuditActor, type SystemActor } from '../audit/service';
import { nowIso } from '../clock';
import type { Store } from '../store';

export type VersionedEntity = 'target' | 'inventory' | 'emission-report' | 'action';
export type VersionChange = 'create' | 'update' | 'delete' | 'restore';

export interface VersionRecord {
  type: VersionedEntity;
  id: number;
  version: number;
  change: VersionChange;
  /** The record as the API presents it (never raw rows), or null after a delete. */
  snapshot: unknown;
}

/**
 * Keeps whole copies of climate records after changes, in the caller's unit of work, so
 * reported data never loses its history and any version can be restored. One insert for many
 * (imports) or for one.
 */
export async function recordVersions(
  tx: Store,
  actor: AuditActor | SystemActor,
  records: VersionRecord[],
): Promise<void> {
  const at = nowIso();
  await tx.climate.insertVersions(
    records.map((r) => ({
      entity_type: r.type,
      entity_id: r.id,
      version: r.version,
      at,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      change: r.change,
      snapshot: r.snapshot === null || r.snapshot === undefined ? null : JSON.stringify(r.snapshot),
    })),
  );
}

/**
 * The versioned write's two traces, in the caller's unit of work: the whole new version (for
 * history and restore) and an audit entry saying who changed what. Every change to reported
 * climate data goes through here.
 */
export async function recordChange(
  tx: Store,
  actor: AuditActor | SystemActor,
  entity: { type: VersionedEntity; id: number; version: number },
  change: VersionChange,
  audit: { snapshot: unknown; summary: string; before?: unknown; after?: unknown },
): Promise<void> {
  await recordVersions(tx, actor, [{ ...entity, change, snapshot: audit.snapshot }]);
  await recordAudit(tx, actor, {
    action: change === 'restore' ? 'update' : change,
    entityType: entity.type,
    entityId: entity.id,
    summary: audit.summary,
    before: audit.before,
    after: audit.after,
  });
}

export function listVersions(store: Store, type: VersionedEntity, id: number) {
  return store.climate.listVersions(type, id);
}
