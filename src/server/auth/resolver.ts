import type { AuditActor } from '../audit/service';

/**
 * What the auth hook needs to know about callers, and nothing more: who stands behind a session
 * cookie or an API token. The users area implements it; app.ts passes it to registerAuth, so
 * the hook does not depend on the users area.
 */
export interface SessionResolver {
  /** The caller of a session, with the session's CSRF token; null if unknown or expired. */
  actorForSession(token: string): Promise<{ actor: AuditActor; csrf: string } | null>;
  /** The caller of an API token; null if unknown, revoked or expired. */
  actorForApiToken(token: string): Promise<AuditActor | null>;
}
