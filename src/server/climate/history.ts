import { recordAuditOnExecutor, type AuditActor, type SystemActor } from '../audit/service';
import { nowIso, type Executor } from '../db/types';

export type VersionedEntity = 'target' | 'inventory' | 'emission-report' | 'action';
export type VersionChange = 'create' | 'update' | 'delete' | 'restore';

/**
 * Keeps a whole copy of a climate record after each change, in the caller's transaction, so
 * reported data never loses its history and any version can be restored.
 */
export async function recordVersion(
  trx: Executor,
  actor: AuditActor | SystemActor,
  entity: { type: VersionedEntity; id: number; version: number },
  change: VersionChange,
  snapshot: unknown,
): Promise<void> {
  await trx
    .insertInto('record_versions')
    .values({
      entity_type: entity.type,
      entity_id: entity.id,
      version: entity.version,
      at: nowIso(),
      actor_user_id: actor.userId,
      actor_label: actor.label,
      change,
      snapshot: snapshot === null || snapshot === undefined ? null : JSON.stringify(snapshot),
    })
    .execute();
}

/**
 * A change to a climate record leaves two traces, in the caller's transaction: the whole new
 * version (for history and restore) and an audit entry saying who changed what.
 */
export async function recordChange(
  trx: Executor,
  actor: AuditActor | SystemActor,
  entity: { type: VersionedEntity; id: number; version: number },
  change: VersionChange,
  audit: { snapshot: unknown; summary: string; before?: unknown; after?: unknown },
): Promise<void> {
  await recordVersion(trx, actor, entity, change, audit.snapshot);
  await recordAuditOnExecutor(trx, actor, {
    action: change === 'restore' ? 'update' : change,
    entityType: entity.type,
    entityId: entity.id,
    summary: audit.summary,
    before: audit.before,
    after: audit.after,
  });
}

/** Many versions in one insert (imports). */
export async function recordVersions(
  trx: Executor,
  actor: AuditActor | SystemActor,
  rows: {
    type: VersionedEntity;
    id: number;
    version: number;
    change: VersionChange;
    snapshot: unknown;
  }[],
): Promise<void> {
  const at = nowIso();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    if (chunk.length === 0) continue;
    await trx
      .insertInto('record_versions')
      .values(
        chunk.map((r) => ({
          entity_type: r.type,
          entity_id: r.id,
          version: r.version,
          at,
          actor_user_id: actor.userId,
          actor_label: actor.label,
          change: r.change,
          snapshot:
            r.snapshot === null || r.snapshot === undefined ? null : JSON.stringify(r.snapshot),
        })),
      )
      .execute();
  }
}

export function listVersions(db: Executor, type: VersionedEntity, id: number) {
  return db
    .selectFrom('record_versions')
    .where('entity_type', '=', type)
    .where('entity_id', '=', id)
    .selectAll()
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
