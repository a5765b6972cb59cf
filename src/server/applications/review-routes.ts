/** The secretariat's routes of membership applications (the policy's application.manage). */
import fs from 'node:fs';
import type { FastifyReply, FastifySchemaCompiler } from 'fastify';
import { Type } from 'typebox';
import { requireAllowed } from '../auth/plugin';
import { fileStoreOf } from '../files/service';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem } from '../http/common-schemas';
import { validatorCompiler } from '../http/validation';
import { readUpload } from '../media/upload';
import { APPLICATION_DOCUMENT_MAX_BYTES, openDocument } from './documents';
import { makeMember } from './member-service';
import {
  addDocumentAsSecretariat,
  applicationDetail,
  applicationQueue,
  requireReviewer,
  takeStep,
} from './review-service';
import {
  ApplicationDetail,
  ApplicationQuery,
  ApplicationQueue,
  DocumentParams,
  MakeMemberRequest,
  StepRequest,
} from './schemas';

const tags = ['applications'];
const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};

const multipartValidator: FastifySchemaCompiler<object> = (route) =>
  route.httpPart === 'body' ? () => true : validatorCompiler(route);

const secretariatUploadSchema = {
  tags,
  summary: 'Add a document the secretariat received for an application (administrators)',
  description:
    'multipart/form-data: `file` (PDF, .docx, .odt, JPEG or PNG, at most 10 MB) and optional ' +
    '`kind` (resolution, the default, or other).',
  consumes: ['multipart/form-data'],
  params: IdParam,
  body: Type.Object({
    file: Type.String({ format: 'binary' }),
    kind: Type.Optional(Type.Enum(['resolution', 'other'] as const)),
  }),
  response: { 201: ApplicationDetail, ...problems, 413: Problem },
};

export function applicationReviewRoutes(app: AppInstance, { store, config }: AppContext): void {
  const bytes = fileStoreOf(config);
  const noStore = { 'cache-control': 'no-store' };

  app.get(
    '/applications',
    {
      schema: {
        tags,
        summary: 'Membership applications, most recently moved first, with counts per step',
        querystring: ApplicationQuery,
        response: { 200: ApplicationQueue, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    (request) => applicationQueue(store, request.actor, request.query),
  );

  app.get(
    '/applications/:id',
    {
      schema: {
        tags,
        summary:
          'One application with its history, documents, possible duplicates in the directory and the steps it may take',
        params: IdParam,
        response: { 200: ApplicationDetail, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) =>
      reply.headers(noStore).send(await applicationDetail(store, request.actor, request.params.id)),
  );

  app.post(
    '/applications/:id/steps',
    {
      schema: {
        tags,
        summary: 'Take a step: review, ask for information, accept, invoice, paid, confirm, reject',
        description:
          'Refused with 409 when the step does not follow from where the application stands, ' +
          'and 422 when it needs a comment (asking for information, refusing). The applicant ' +
          'is written to at the steps that concern them, with the comment.',
        params: IdParam,
        body: StepRequest,
        response: { 200: ApplicationDetail, ...problems },
      },
    },
    (request) => takeStep(store, config, request.actor, request.params.id, request.body),
  );

  app.post(
    '/applications/:id/member',
    {
      schema: {
        tags,
        summary: 'Make the confirmed applicant a member: add it, or promote a prospect',
        description:
          'With governmentSlug the government already in the directory (a prospect) becomes ' +
          'the member and keeps its records; otherwise a new government is added (region from ' +
          'the country unless given, slug from the English name unless given). The membership ' +
          'starts as new in the category sought; the officers named get set-password letters.',
        params: IdParam,
        body: MakeMemberRequest,
        response: { 200: ApplicationDetail, ...problems },
      },
    },
    (request) => makeMember(store, config, request.actor, request.params.id, request.body),
  );

  app.post(
    '/applications/:id/documents',
    { schema: secretariatUploadSchema, validatorCompiler: multipartValidator },
    async (request, reply) => {
      // Refused before the upload is read, so a stranger cannot make the server take in bytes.
      const actor = requireAllowed(
        request,
        'application.manage',
        'Only the secretariat reviews membership applications.',
      );
      const upload = await readUpload(request, {
        field: '/file',
        maxBytes: APPLICATION_DOCUMENT_MAX_BYTES,
      });
      const detail = await addDocumentAsSecretariat(store, bytes, actor, request.params.id, upload);
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/applications/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'A document of an application, as an attachment (administrators)',
        params: DocumentParams,
        response: {
          200: Type.String({ description: 'The stored bytes' }),
          401: Problem,
          403: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      requireReviewer(request.actor);
      const doc = await openDocument(store, bytes, request.params.id, request.params.documentId);
      return sendDocument(reply, doc);
    },
  );
}

/** A document's bytes, as an attachment never kept by a cache on the way. */
function sendDocument(reply: FastifyReply, doc: Awaited<ReturnType<typeof openDocument>>) {
  return reply
    .header('Cache-Control', 'private, no-store')
    .header('ETag', doc.etag)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Type', doc.mime)
    .header('Content-Length', doc.size)
    .header('Content-Disposition', doc.contentDisposition)
    .send(fs.createReadStream(doc.path));
}
