import { Type } from 'typebox';
import { clearSessionCookie, requireActor, setSessionCookie } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem } from '../http/common-schemas';
import { expectedVersions, IfMatchHeaders, withEtag } from '../http/preconditions';
import { unauthorized } from '../http/problem';
import {
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  LoginBody,
  PasswordChange,
  SessionInfo,
  User,
  UserCreate,
  UserCreated,
  UserPage,
  UserPatch,
  UserQuery,
} from './schemas';
import * as service from './service';
import { changeOwnPassword } from './password-service';
import * as sessions from './session-service';

const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};

export function authRoutes(app: AppInstance, { store, config }: AppContext): void {
  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, and the CSRF token to send with changes',
        response: { 200: SessionInfo },
      },
    },
    async (request) => ({
      user: await sessions.sessionUser(store, request.actor),
      csrfToken: request.csrfToken,
    }),
  );

  app.post(
    '/auth/login',
    {
      config: { anonymousWrites: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        description:
          'After 5 failed attempts within 15 minutes the account (known or not) is locked, and ' +
          'after 50 the client address: 429 with Retry-After, the right password included; ' +
          'each further lock lasts twice as long.',
        body: LoginBody,
        response: { 200: SessionInfo, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const user = await sessions.authenticate(store, { email, password, address: request.ip });
      if (!user) throw unauthorized('The e-mail or the password is wrong.', 'sign-in-failed');
      const session = await sessions.startSession(store, user.id);
      setSessionCookie(reply, session.token, session.expires, config.secureCookies);
      return { user: service.presentUser(user), csrfToken: session.csrf };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { anonymousWrites: true },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      if (request.sessionToken) await sessions.endSession(store, request.sessionToken);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (the current one is required)',
        description:
          'Ends every session and API token of yours and starts a new session (a new cookie ' +
          'and CSRF token). A wrong current password counts towards the sign-in lock.',
        body: PasswordChange,
        response: { 200: SessionInfo, ...problems, 429: Problem },
      },
    },
    async (request, reply) => {
      const { user, session } = await changeOwnPassword(
        store,
        requireActor(request),
        request.body,
        request.ip,
      );
      setSessionCookie(reply, session.token, session.expires, config.secureCookies);
      return { user, csrfToken: session.csrf };
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: "The caller's API tokens",
        response: { 200: Type.Object({ items: Type.Array(ApiToken) }), 401: Problem },
      },
    },
    async (request) => ({ items: await sessions.listApiTokens(store, requireActor(request)) }),
  );
  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token for scripts (the secret is shown once)',
        body: ApiTokenCreate,
        response: { 201: ApiTokenCreated, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sessions.createApiToken(store, requireActor(request), request.body)),
  );
  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: IdParam,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await sessions.revokeApiToken(store, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

export function userRoutes(app: AppInstance, { store }: AppContext): void {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users and their roles (administrators)',
        querystring: UserQuery,
        response: { 200: UserPage, ...problems },
      },
    },
    (request) => {
      const { page = 1, pageSize = 20, q, role } = request.query;
      return service.listUsersPage(store, requireActor(request), { q, role }, page, pageSize);
    },
  );
  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user; the password is generated and returned once when not given',
        body: UserCreate,
        response: { 201: UserCreated, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createUser(store, requireActor(request), request.body)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: "Change a user's name, role, government, password or access",
        params: IdParam,
        headers: IfMatchHeaders,
        body: UserPatch,
        response: { 200: User, ...problems, 412: Problem },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.updateUser(
          store,
          requireActor(request),
          request.params.id,
          request.body,
          expectedVersions(request.headers['if-match']),
        ),
      ),
  );
}
