import { storedAttribution } from '../../core/attribution';
import { parseJsonColumn } from '../db/json';
import type { AuditRow } from './repository';
import type { AuditEntry, AuditRecordName } from './schemas';

/**
 * A log entry as the API shows it; a damaged before/after names its row (JsonColumnError).
 * `record` is the record's name (null when it has none), undefined when it is gone.
 */
export function presentAuditEntry(
  r: AuditRow,
  record: AuditRecordName | null | undefined,
): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor:
      r.actor_user_id === null
        ? { userId: null, ...storedAttribution(r.actor_label) }
        : { userId: r.actor_user_id, kind: 'user', label: r.actor_label },
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    record: record ?? null,
    recordState: record ? 'named' : record === null ? 'unnamed' : 'gone',
    summary: r.summary,
    before: parseJsonColumn('audit_log', r.id, r.before_json),
    after: parseJsonColumn('audit_log', r.id, r.after_json),
  };
}
