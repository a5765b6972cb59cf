import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema';
import type { Executor } from '../db/types';

export interface AuditRecord {
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
}

export async function insertAudit(db: Executor, r: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: r.at,
      actor_user_id: r.actorUserId,
      actor_label: r.actorLabel,
      action: r.action,
      entity_type: r.entityType,
      entity_id: r.entityId,
      summary: r.summary,
      before_json: r.before === null || r.before === undefined ? null : JSON.stringify(r.before),
      after_json: r.after === null || r.after === undefined ? null : JSON.stringify(r.after),
    })
    .execute();
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: number | undefined;
}

/** One stored log entry. */
export type AuditRow = Selectable<AuditLogTable>;

export async function listAudit(db: Executor, filter: AuditFilter, page: number, pageSize: number) {
  let q = db.selectFrom('audit_log');
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorUserId) q = q.where('actor_user_id', '=', filter.actorUserId);
  const [{ total } = { total: 0 }] = await q
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await q
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total) };
}
