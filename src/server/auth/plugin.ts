import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/service';
import type { Action } from '../../core/policy';
import { authorize } from '../http/authorize';
import { forbidden, unauthorized } from '../http/problem';
import type { SessionResolver } from './resolver';

export type { SessionResolver } from './resolver';

export const SESSION_COOKIE = 'accord_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, by session cookie or API token; null for the public. */
    actor: AuditActor | null;
    authVia: 'session' | 'token' | null;
    /** The session's CSRF token (session requests only). */
    csrfToken: string | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /**
     * The route takes changes from callers who have not signed in (signing in and out). Every
     * other POST, PUT, PATCH and DELETE is refused with 401 before its body is read.
     */
    anonymousWrites?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling as each request arrives, before its body is read: an API token
 * (Authorization: Bearer) or a session cookie. Browser requests that change state must echo the
 * session's CSRF token, and a change from someone not signed in is refused with 401 there and
 * then (unless the route is for the public), so that no upload is received only to be dropped
 * and an anonymous caller learns nothing about a route's rules from the checks of its body.
 */
export function registerAuth(app: FastifyInstance, callers: SessionResolver): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);

  // onRequest runs after @fastify/cookie's own (registered before this) has read the cookies.
  // A callback hook: the public's reads (no token, no cookie) pass without a promise.
  app.addHook('onRequest', (request, _reply, done) => {
    if (
      !UNSAFE.has(request.method) &&
      !request.headers.authorization &&
      !request.cookies[SESSION_COOKIE]
    ) {
      done();
      return;
    }
    resolveCaller(request, callers).then(() => done(), done);
  });
}

/** Who calls, by API token or session cookie, and the checks on changes (see registerAuth). */
async function resolveCaller(request: FastifyRequest, callers: SessionResolver): Promise<void> {
  if (!request.url.startsWith('/api/')) return;
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match?.[1] ? await callers.actorForApiToken(match[1]) : null;
    if (!actor)
      throw unauthorized('The API token is unknown, revoked or expired.', 'token-invalid');
    request.actor = actor;
    request.authVia = 'token';
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const session = await callers.actorForSession(token);
    if (session) {
      request.actor = session.actor;
      request.authVia = 'session';
      request.csrfToken = session.csrf;
      request.sessionToken = token;
    }
  }
  if (UNSAFE.has(request.method) && request.authVia === 'session') {
    if (request.headers[CSRF_HEADER] !== request.csrfToken) {
      throw forbidden(
        'csrf-failed',
        'Missing or wrong CSRF token: send the X-CSRF-Token header from /auth/session.',
      );
    }
  }
  // An unknown path or method keeps its 404 or 405; a known route refuses the anonymous.
  const route = request.routeOptions;
  if (
    UNSAFE.has(request.method) &&
    !request.actor &&
    route.url !== undefined &&
    route.config.anonymousWrites !== true
  ) {
    throw unauthorized();
  }
}

/** The caller, or 401. */
export function requireActor(request: FastifyRequest): AuditActor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/**
 * The caller when the policy (src/core/policy.ts) lets them do the action, else 401/403. For
 * routes that must refuse before reading a large body (uploads) or where the action needs no
 * record to judge; the services ask the policy again for everything else.
 */
export function requireAllowed(
  request: FastifyRequest,
  action: Action,
  detail = 'Only administrators may do this.',
): AuditActor {
  const actor = requireActor(request);
  authorize(actor, action, {}, detail);
  return actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expires: Date,
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
