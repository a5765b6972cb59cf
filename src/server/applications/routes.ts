/**
 * The public routes of membership applications: the form's submission, the private status
 * link and the officers' set-password links. They take changes from people who have not signed
 * in (`anonymousWrites`), so each is bounded per client address (throttle.ts).
 */
import type { FastifySchemaCompiler } from 'fastify';
import { Type } from 'typebox';
import { setSessionCookie } from '../auth/plugin';
import { fileStoreOf } from '../files/service';
import type { AppContext, AppInstance } from '../http/app-types';
import { Problem } from '../http/common-schemas';
import { validatorCompiler } from '../http/validation';
import { readUpload } from '../media/upload';
import { startSession } from '../users/session-service';
import { APPLICATION_DOCUMENT_MAX_BYTES } from './documents';
import * as members from './member-service';
import {
  ApplicantAnswer,
  ApplicantWithdraw,
  ApplicationStatus,
  ApplicationSubmit,
  ApplicationSubmitted,
  InvitationAccept,
  OfficerInvitation,
  TokenParam,
} from './schemas';
import * as service from './service';

const tags = ['applications'];
const PUBLIC = { anonymousWrites: true } as const;
const problems = { 400: Problem, 404: Problem, 409: Problem, 422: Problem, 429: Problem };

/** The form as OpenAPI shows it; the route reads it itself. */
const multipartValidator: FastifySchemaCompiler<object> = (route) =>
  route.httpPart === 'body' ? () => true : validatorCompiler(route);

const applicantUploadSchema = {
  tags,
  summary: 'Send the council resolution (or another paper) through the status link (public)',
  description:
    'multipart/form-data: `file` (PDF, .docx, .odt, JPEG or PNG, at most 10 MB, checked from ' +
    'its bytes) and optional `kind` (resolution, the default, or other). At most 10 documents.',
  consumes: ['multipart/form-data'],
  params: TokenParam,
  body: Type.Object({
    file: Type.String({ format: 'binary' }),
    kind: Type.Optional(Type.Enum(['resolution', 'other'] as const)),
  }),
  response: { 201: ApplicationStatus, ...problems, 413: Problem },
};

export function applicationRoutes(app: AppInstance, { store, config }: AppContext): void {
  const bytes = fileStoreOf(config);
  // The status and invitation pages are private to the link's holder: never cached on the way.
  const noStore = { 'cache-control': 'no-store' };

  app.post(
    '/apply',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Apply for membership (public; at most 10 applications an hour per address)',
        description:
          'Stores the application, then queues a confirmation letter with a private status ' +
          'link; the link is also in the answer. Every rule of the form is checked and all ' +
          'problems are named at once (422). The hidden field alternateUrl must stay empty.',
        body: ApplicationSubmit,
        response: { 201: ApplicationSubmitted, ...problems },
      },
    },
    async (request, reply) => {
      const submitted = await service.submitApplication(store, config, request.body, request.ip);
      return reply.status(201).headers(noStore).send(submitted);
    },
  );

  app.get(
    '/apply/:token',
    {
      schema: {
        tags,
        summary: 'Where an application stands, for the holder of its status link (public)',
        description:
          'Unknown links count towards a lock-out of the address (429 with Retry-After).',
        params: TokenParam,
        response: { 200: ApplicationStatus, 404: Problem, 429: Problem },
      },
    },
    async (request, reply) =>
      reply
        .headers(noStore)
        .send(await service.readStatus(store, request.params.token, request.ip)),
  );

  app.post(
    '/apply/:token/answer',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Answer the secretariat’s request for more information (status link; public)',
        params: TokenParam,
        body: ApplicantAnswer,
        response: { 200: ApplicationStatus, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .headers(noStore)
        .send(
          await service.answerRequest(
            store,
            config,
            request.params.token,
            request.body.comment,
            request.ip,
          ),
        ),
  );

  app.post(
    '/apply/:token/withdraw',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Withdraw the application (status link; public)',
        params: TokenParam,
        body: ApplicantWithdraw,
        response: { 200: ApplicationStatus, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .headers(noStore)
        .send(
          await service.withdrawApplication(
            store,
            config,
            request.params.token,
            request.body.comment,
            request.ip,
          ),
        ),
  );

  app.post(
    '/apply/:token/documents',
    { config: PUBLIC, schema: applicantUploadSchema, validatorCompiler: multipartValidator },
    async (request, reply) => {
      // The link is checked before a byte of the file is read.
      const id = await service.applicationForUpload(store, request.params.token, request.ip);
      const upload = await readUpload(request, {
        field: '/file',
        maxBytes: APPLICATION_DOCUMENT_MAX_BYTES,
      });
      const status = await service.uploadByApplicant(store, bytes, id, upload);
      return reply.status(201).headers(noStore).send(status);
    },
  );

  app.get(
    '/account-invitations/:token',
    {
      schema: {
        tags,
        summary: 'An officer’s set-password invitation: whose, for which government (public)',
        description:
          '410 with code invitation-used or invitation-expired for a link that no longer works.',
        params: TokenParam,
        response: { 200: OfficerInvitation, 404: Problem, 410: Problem, 429: Problem },
      },
    },
    async (request, reply) =>
      reply
        .headers(noStore)
        .send(await members.readInvitation(store, request.params.token, request.ip)),
  );

  app.post(
    '/account-invitations/:token',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Choose a password: opens the officer’s account and signs them in (public)',
        description:
          'Works once, within seven days of the invitation; sets the session cookie. Read the ' +
          'account and the CSRF token from GET /auth/session afterwards.',
        params: TokenParam,
        body: InvitationAccept,
        response: { 204: Type.Null(), ...problems, 410: Problem },
      },
    },
    async (request, reply) => {
      const userId = await members.acceptInvitation(
        store,
        request.params.token,
        request.body.password,
        request.ip,
      );
      const session = await startSession(store, userId);
      setSessionCookie(reply, session.token, session.expires, config.secureCookies);
      return reply.status(204).send(null);
    },
  );
}
