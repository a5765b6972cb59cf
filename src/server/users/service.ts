import { isLocale } from '../../core/locales';
import type { Actor, Role } from '../../core/roles';
import { recordAuditOnExecutor, changedFields, type AuditActor } from '../audit/service';
import type { Db } from '../db/database';
import { nowIso } from '../db/types';
import { conflict, forbidden, invalidField, notFound } from '../http/problem';
import { findGovernmentIdBySlug } from '../members/repository';
import {
  generatePassword,
  hashPassword,
  randomSecret,
  sha256,
  verifyPassword,
} from '../auth/secrets';
import * as repo from './repository';
import type { UserRow } from './repository';
import type { User, UserCreate, UserPatch } from './schemas';

export const SESSION_DAYS = 14;
/** API tokens start with this so that they are recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'acc_';

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
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
  };
}

export function actorOf(row: UserRow): AuditActor {
  return {
    userId: row.id,
    role: row.role as Role,
    governmentId: row.government_id,
    label: row.email,
  };
}

// A hash to verify against when the e-mail is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

/** The user whose e-mail and password match, or null (never says which of the two was wrong). */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
): Promise<UserRow | null> {
  const user = await repo.findUserByEmail(db.kysely, email.trim());
  if (!user || user.disabled) {
    dummyHash ??= hashPassword(randomSecret());
    await verifyPassword(await dummyHash, password);
    return null;
  }
  return (await verifyPassword(user.password_hash, password)) ? user : null;
}

export async function startSession(db: Db, userId: number) {
  const token = randomSecret();
  const csrf = randomSecret();
  const now = new Date();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await repo.deleteExpiredSessions(db.kysely, now.toISOString());
  await repo.insertSession(db.kysely, {
    id: sha256(token),
    userId,
    csrf,
    now: now.toISOString(),
    expiresAt: expires.toISOString(),
  });
  return { token, csrf, expires };
}

export async function resolveSession(db: Db, token: string) {
  const session = await repo.findSession(db.kysely, sha256(token), nowIso());
  if (!session) return null;
  const user = await repo.findUserById(db.kysely, session.user_id);
  if (!user || user.disabled) return null;
  return { user, csrf: session.csrf_token };
}

export function endSession(db: Db, token: string): Promise<void> {
  return repo.deleteSession(db.kysely, sha256(token));
}

export async function resolveApiToken(db: Db, secret: string): Promise<UserRow | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await repo.findTokenByHash(db.kysely, sha256(secret));
  const now = nowIso();
  if (!token || (token.expires_at && token.expires_at <= now)) return null;
  const user = await repo.findUserById(db.kysely, token.user_id);
  if (!user || user.disabled) return null;
  await repo.touchToken(db.kysely, token.id, now);
  return user;
}

async function governmentIdFor(db: Db, role: Role, slug: string | null | undefined) {
  if (role !== 'officer') {
    if (slug) throw invalidField('/governmentSlug', 'only officers are bound to a government');
    return null;
  }
  if (!slug) throw invalidField('/governmentSlug', 'an officer must be bound to a government');
  const id = await findGovernmentIdBySlug(db.kysely, slug);
  if (id === undefined) throw invalidField('/governmentSlug', `no government "${slug}"`);
  return id;
}

export async function createUser(
  db: Db,
  actor: AuditActor | { userId: null; label: string },
  input: UserCreate,
): Promise<{ user: User; generatedPassword?: string }> {
  const email = input.email.trim().toLowerCase();
  if (await repo.findUserByEmail(db.kysely, email)) {
    throw conflict(`a user with e-mail ${email} exists`, [
      { pointer: '/email', detail: 'is already used by another user' },
    ]);
  }
  const governmentId = await governmentIdFor(db, input.role, input.governmentSlug);
  const password = input.password ?? generatePassword();
  const hash = await hashPassword(password);
  const id = await db.kysely.transaction().execute(async (trx) => {
    const id = await repo.insertUser(trx, {
      email,
      display_name: input.displayName.trim(),
      password_hash: hash,
      role: input.role,
      government_id: governmentId,
      now: nowIso(),
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: id,
      summary: `User ${email} created as ${input.role}`,
      after: { email, displayName: input.displayName, role: input.role, governmentId },
    });
    return id;
  });
  const user = presentUser((await repo.findUserById(db.kysely, id)) as UserRow);
  return input.password ? { user } : { user, generatedPassword: password };
}

export async function updateUser(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: UserPatch,
): Promise<User> {
  const current = await repo.findUserById(db.kysely, id);
  if (!current) throw notFound(`no user ${id}`);
  const role = (patch.role ?? current.role) as Role;
  let governmentId = current.government_id;
  if (patch.governmentSlug !== undefined || patch.role !== undefined) {
    const slug =
      patch.governmentSlug !== undefined
        ? patch.governmentSlug
        : role === 'officer'
          ? current.government_slug
          : null;
    governmentId = await governmentIdFor(db, role, slug);
  }
  if (patch.locale && !isLocale(patch.locale)) {
    throw invalidField('/locale', 'must be one of en, ko, ja, zh-Hans, zh-Hant');
  }
  const disabled = patch.disabled === undefined ? current.disabled : patch.disabled ? 1 : 0;
  const losesAdmin = current.role === 'admin' && (role !== 'admin' || disabled === 1);
  const before = {
    displayName: current.display_name,
    role: current.role,
    governmentId: current.government_id,
    disabled: current.disabled === 1,
    locale: current.locale,
  };
  const after = {
    displayName: patch.displayName?.trim() ?? current.display_name,
    role,
    governmentId,
    disabled: disabled === 1,
    locale: patch.locale === undefined ? current.locale : patch.locale,
  };
  const hash = patch.password ? await hashPassword(patch.password) : undefined;
  await db.kysely.transaction().execute(async (trx) => {
    if (losesAdmin && (await repo.countAdmins(trx)) <= 1) {
      throw conflict('the last administrator cannot be demoted or disabled', [
        {
          pointer: patch.role !== undefined ? '/role' : '/disabled',
          detail: 'would leave no administrator',
        },
      ]);
    }
    await repo.updateUser(trx, id, {
      display_name: after.displayName,
      role,
      government_id: governmentId,
      disabled,
      locale: after.locale,
      ...(hash ? { password_hash: hash } : {}),
      updated_at: nowIso(),
    });
    // Disabling or a new password ends the user's sessions everywhere.
    if (disabled === 1 || hash) await repo.deleteSessionsOfUser(trx, id);
    const diff = changedFields(before, after);
    if (hash) diff.after.password = 'changed';
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      summary: `User ${current.email} updated`,
      before: diff.before,
      after: diff.after,
    });
  });
  return presentUser((await repo.findUserById(db.kysely, id)) as UserRow);
}

export async function listUsersPage(
  db: Db,
  filter: { q?: string | undefined; role?: string | undefined },
  page: number,
  pageSize: number,
) {
  const { rows, total } = await repo.listUsers(db.kysely, filter, page, pageSize);
  return { items: rows.map(presentUser), total, page, pageSize };
}

function presentToken(t: {
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

export async function listApiTokens(db: Db, actor: Actor) {
  return (await repo.listTokens(db.kysely, actor.userId)).map(presentToken);
}

export async function createApiToken(
  db: Db,
  actor: AuditActor,
  input: { name: string; expiresInDays?: number | undefined },
) {
  const secret = TOKEN_PREFIX + randomSecret();
  const now = new Date();
  const expiresAt = input.expiresInDays
    ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
    : null;
  const row = await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.insertToken(trx, {
      userId: actor.userId,
      name: input.name.trim(),
      hash: sha256(secret),
      now: now.toISOString(),
      expiresAt,
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'api-token',
      entityId: row.id,
      summary: `API token "${row.name}" created`,
      after: { name: row.name, expiresAt },
    });
    return row;
  });
  return { token: presentToken(row), secret };
}

export async function revokeApiToken(db: Db, actor: AuditActor, id: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const n = await repo.deleteToken(trx, id, actor.userId);
    if (n === 0) throw notFound(`no API token ${id} of yours`);
    await recordAuditOnExecutor(trx, actor, {
      action: 'delete',
      entityType: 'api-token',
      entityId: id,
      summary: `API token ${id} revoked`,
    });
  });
}

export function requireSameUserOrAdmin(actor: Actor, userId: number): void {
  if (actor.role !== 'admin' && actor.userId !== userId) throw forbidden('not your account');
}
