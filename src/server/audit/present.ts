import { parseJsonColumn } from '../db/json';
import type { AuditRow } from './repository';
import type { AuditEntry } from './schemas';

/** A log entry as the API shows it; a damaged before/after names its row (JsonColumnError). */
export function presentAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: { userId: r.actor_user_id, label: r.actor_label },
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    summary: r.summary,
    before: parseJsonColumn('audit_log', r.id, r.before_json),
    after: parseJsonColumn('audit_log', r.id, r.after_json),
  };
}
