import { ACCORD_ACTOR_LABELS } from '../../core/attribution';
import type { Actor } from '../../core/roles';
import { nowIso } from '../clock';
import { authorize } from '../http/authorize';
import type { Store } from '../store';
import type { AuditFilter } from './repository';
import { presentAuditEntry } from './present';
import { nameableId, recordNames } from './record-names';
import type { AuditEntry } from './schemas';

/** Who did something, as the audit log names them. */
export interface AuditActor extends Actor {
  label: string;
}

/** Changes made by Accord itself (seed, imports without a user) or by the command line. */
export interface SystemActor {
  userId: null;
  label: string;
}
export const SYSTEM_ACTOR: SystemActor = { userId: null, label: ACCORD_ACTOR_LABELS.system };

/**
 * Accord itself acting with the secretariat's rights (the demo loader). Services take an
 * AuditActor; no user stands behind this one, so the log shows the label and no user id.
 */
export const SYSTEM_ADMIN: AuditActor = {
  userId: null as unknown as number,
  role: 'admin',
  governmentId: null,
  label: ACCORD_ACTOR_LABELS.demo,
};

/** Shallow diff: only the fields that changed, so the log shows what an edit did. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

export interface AuditEntryInput {
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string | number;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry in the caller's unit of work, so the change and its record land together. */
export function recordAudit(
  tx: Store,
  actor: AuditActor | SystemActor,
  entry: AuditEntryInput,
): Promise<void> {
  return tx.audit.insertAudit({
    at: nowIso(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    summary: entry.summary,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/**
 * One page of the log, newest first: the secretariat's to read. Each entry names its record in
 * the reader's language (`lang`), read with one query per kind of record on the page.
 */
export async function auditPage(
  store: Store,
  actor: AuditActor | null,
  filter: AuditFilter,
  page: number,
  pageSize: number,
  lang = 'en',
): Promise<{ items: AuditEntry[]; total: number; page: number; pageSize: number }> {
  authorize(actor, 'audit.read', {}, 'Only administrators may do this.');
  const { rows, total } = await store.audit.listAudit(filter, page, pageSize);
  const entries = rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id }));
  const names = await recordNames(store, entries, lang);
  return {
    items: rows.map((r) =>
      presentAuditEntry(
        r,
        nameableId(r.entity_type, r.entity_id) === null
          ? null
          : names.get(`${r.entity_type}:${r.entity_id}`),
      ),
    ),
    total,
    page,
    pageSize,
  };
}
