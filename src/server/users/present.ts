/** Users and API tokens as the API shows them, from their rows. */
import { textFor } from '../../core/names';
import type { AuditActor } from '../audit/service';
import type { UserRow } from './repository';
import type { User } from './schemas';

/** An officer's government's names by language, as the user's row carries them. */
function governmentNamesOfRow(row: UserRow): Record<string, string> {
  const byLang: [string, string | null][] = [
    ['en', row.government_name_en],
    ['ko', row.government_name_ko],
    ['ja', row.government_name_ja],
    ['zh-Hans', row.government_name_zh_hans],
    ['zh-Hant', row.government_name_zh_hant],
    [row.government_local_lang ?? 'en', row.government_name_local],
  ];
  const names: Record<string, string> = {};
  for (const [lang, name] of byLang) if (name) names[lang] ??= name;
  return names;
}

export function presentUser(row: UserRow): User {
  const names = governmentNamesOfRow(row);
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
            name: textFor(names, 'en') || row.government_slug,
            names,
            localLang: row.government_local_lang ?? 'en',
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
