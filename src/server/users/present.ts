/** Users and API tokens as the API shows them, from their rows. */
import type { AuditActor } from '../audit/service';
import type { UserRow } from './repository';
import type { User } from './schemas';

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    government:
      row.government_id !== null && row.government_slug
        ? {
            id: row.government_id,
            slug: row.government_slug,
            name: row.government_name ?? row.government_slug,
          }
        : null,
    locale: row.locale,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** The user as the policy and the audit log see them. */
export function actorOf(row: UserRow): AuditActor {
  return {
    userId: row.id,
    role: row.role,
    governmentId: row.government_id,
    label: row.email,
  };
}

export function presentToken(t: {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}) {
  return {
    id: t.id,
    name: t.name,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
    expiresAt: t.expires_at,
  };
}
