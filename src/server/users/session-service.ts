/** Signing in, sessions and API tokens: who a caller is. */
import type { Actor } from '../../core/roles';
import { recordAudit, type AuditActor } from '../audit/service';
import type { SessionResolver } from '../auth/resolver';
import { hashPassword, randomSecret, sha256, verifyPassword } from '../auth/secrets';
import { now as clockNow, nowIso } from '../clock';
import { notFound } from '../http/problem';
import type { Store } from '../store';
import { throttledPasswordCheck } from './throttle-service';
import { actorOf, presentToken, presentUser } from './present';
import type { UserRow } from './repository';
import type { User } from './schemas';

export const SESSION_DAYS = 14;
/** API tokens start with this so that they are recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'acc_';

// A hash to verify against when the e-mail is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

/** The user whose e-mail and password match, or null (never says which of the two was wrong). */
async function matchingUser(store: Store, email: string, password: string) {
  const user = await store.users.findUserByEmail(email.trim());
  if (!user || user.disabled) {
    dummyHash ??= hashPassword(randomSecret());
    await verifyPassword(await dummyHash, password);
    return null;
  }
  return (await verifyPassword(user.password_hash, password)) ? user : null;
}

/**
 * Signing in from the client address: the matching user, or null; 429 while the account (or
 * the address) is locked after too many failures, whether or not the account exists.
 */
export function authenticate(
  store: Store,
  attempt: { email: string; password: string; address: string },
): Promise<UserRow | null> {
  return throttledPasswordCheck(store, attempt, () =>
    matchingUser(store, attempt.email, attempt.password),
  );
}

export async function startSession(store: Store, userId: number) {
  const token = randomSecret();
  const csrf = randomSecret();
  const now = clockNow();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await store.users.deleteExpiredSessions(now.toISOString());
  await store.users.insertSession({
    id: sha256(token),
    userId,
    csrf,
    now: now.toISOString(),
    expiresAt: expires.toISOString(),
  });
  return { token, csrf, expires };
}

export async function resolveSession(store: Store, token: string) {
  const session = await store.users.findSession(sha256(token), nowIso());
  if (!session) return null;
  const user = await store.users.findUserById(session.user_id);
  if (!user || user.disabled) return null;
  return { user, csrf: session.csrf_token };
}

export function endSession(store: Store, token: string): Promise<void> {
  return store.users.deleteSession(sha256(token));
}

export async function resolveApiToken(store: Store, secret: string): Promise<UserRow | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await store.users.findTokenByHash(sha256(secret));
  const now = nowIso();
  if (!token || (token.expires_at && token.expires_at <= now)) return null;
  const user = await store.users.findUserById(token.user_id);
  if (!user || user.disabled) return null;
  await store.users.touchToken(token.id, now);
  return user;
}

/** Who stands behind session cookies and API tokens, for the auth hook (src/server/auth). */
export function sessionResolver(store: Store): SessionResolver {
  return {
    async actorForSession(token) {
      const session = await resolveSession(store, token);
      return session && { actor: actorOf(session.user), csrf: session.csrf };
    },
    async actorForApiToken(token) {
      const user = await resolveApiToken(store, token);
      return user && actorOf(user);
    },
  };
}

/** The signed-in user as the API shows them (null for the public or a user gone since). */
export async function sessionUser(store: Store, actor: Actor | null): Promise<User | null> {
  if (!actor) return null;
  const row = await store.users.findUserById(actor.userId);
  return row ? presentUser(row) : null;
}

export async function listApiTokens(store: Store, actor: Actor) {
  return (await store.users.listTokens(actor.userId)).map(presentToken);
}

export async function createApiToken(
  store: Store,
  actor: AuditActor,
  input: { name: string; expiresInDays?: number | undefined },
) {
  const secret = TOKEN_PREFIX + randomSecret();
  const now = clockNow();
  const expiresAt = input.expiresInDays
    ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
    : null;
  const row = await store.transaction(async (tx) => {
    const row = await tx.users.insertToken({
      userId: actor.userId,
      name: input.name.trim(),
      hash: sha256(secret),
      now: now.toISOString(),
      expiresAt,
    });
    await recordAudit(tx, actor, {
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

export async function revokeApiToken(store: Store, actor: AuditActor, id: number): Promise<void> {
  await store.transaction(async (tx) => {
    const n = await tx.users.deleteToken(id, actor.userId);
    if (n === 0) throw notFound('api-token', `no API token ${id} of yours`);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'api-token',
      entityId: id,
      summary: `API token ${id} revoked`,
    });
  });
}
