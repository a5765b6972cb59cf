import type { FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { Type } from 'typebox';
import { requireActor, requireAllowed } from '../auth/plugin';
import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem, SlugParam } from '../http/common-schemas';
import { expectedVersions, IfMatchHeaders } from '../http/preconditions';
import { validatorCompiler } from '../http/validation';
import { DOCUMENT_MAX_BYTES } from '../media/documents';
import { IMAGE_LIMITS } from '../media/images';
import { readUpload } from '../media/upload';
import { FileInfo, FilePatch } from './schemas';
import * as service from './service';

const tags = ['files'];
const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  415: Problem,
  422: Problem,
};

/** The form as OpenAPI shows it; the route reads it itself, field by field. */
function uploadForm(withKind: boolean) {
  return Type.Object({
    file: Type.String({ format: 'binary', description: 'The document or photo' }),
    ...(withKind ? { kind: Type.Enum(['document', 'photo'] as const) } : {}),
    caption_en: Type.Optional(Type.String({ maxLength: 200, description: 'Caption in English' })),
    caption_ko: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Caption in Korean; any caption_<language tag> field is read the same way',
      }),
    ),
    credit: Type.Optional(Type.String({ maxLength: 300 })),
    ...(withKind
      ? {
          isPublic: Type.Optional(
            Type.Enum(['true', 'false'] as const, { description: 'Default false' }),
          ),
        }
      : {}),
  });
}

/**
 * Multipart bodies are read by the handler (as a stream, with size limits), so the body
 * schema only documents the form; params are validated as everywhere else.
 */
const multipartValidator: FastifySchemaCompiler<object> = (route) =>
  route.httpPart === 'body' ? () => true : validatorCompiler(route);

// Declared apart from the routes so that the OpenAPI-only `consumes` passes the type check.
const meetingUploadSchema = {
  tags,
  summary: 'Attach a document or a photo to a meeting (administrators)',
  description:
    'multipart/form-data: `file`, `kind` (document or photo), optional `caption_<lang>` ' +
    'fields, `credit` and `isPublic` (true or false; default false). Photos are re-encoded ' +
    '(at most 2560 px) and get a thumbnail; documents must be what their extension says.',
  consumes: ['multipart/form-data'],
  params: IdParam,
  body: uploadForm(true),
  response: { 201: FileInfo, ...problems },
};

const newsUploadSchema = {
  tags,
  summary: 'Add a photo to a news post (administrators; always public)',
  description:
    'multipart/form-data: `file` (an image), optional `caption_<lang>` fields and `credit`.',
  consumes: ['multipart/form-data'],
  params: SlugParam,
  body: uploadForm(false),
  response: { 201: FileInfo, ...problems },
};

const Bytes = Type.String({ description: 'The stored bytes, with the stored media type' });

async function readForm(request: FastifyRequest): Promise<service.UploadForm> {
  const upload = await readUpload(request, {
    field: '/file',
    maxBytes: Math.max(DOCUMENT_MAX_BYTES, IMAGE_LIMITS.maxBytes),
  });
  return { buffer: upload.buffer, filename: upload.filename, fields: upload.fields };
}

async function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  download: service.FileDownload,
) {
  reply
    .header('ETag', download.etag)
    .header('Cache-Control', download.cacheControl)
    .header('X-Content-Type-Options', 'nosniff');
  const cached = request.headers['if-none-match'];
  if (cached && cached.split(/\s*,\s*/).includes(download.etag)) {
    return reply.status(304).send();
  }
  return reply
    .header('Content-Type', download.mime)
    .header('Content-Length', download.size)
    .header('Content-Disposition', download.contentDisposition)
    .send(download.open());
}

export function fileRoutes(app: AppInstance, { store, config }: AppContext): void {
  const bytes = service.fileStoreOf(config);

  app.post(
    '/meetings/:id/files',
    { schema: meetingUploadSchema, validatorCompiler: multipartValidator },
    async (request, reply) => {
      // Refused before the upload is read, so a stranger cannot make the server take in bytes.
      const actor = requireAllowed(request, 'meeting.manage');
      const form = await readForm(request);
      const info = await service.addMeetingFile(store, bytes, actor, request.params.id, form);
      return reply.status(201).send(info);
    },
  );

  app.post(
    '/news/:slug/photos',
    { schema: newsUploadSchema, validatorCompiler: multipartValidator },
    async (request, reply) => {
      const actor = requireAllowed(request, 'news.manage');
      const form = await readForm(request);
      const info = await service.addNewsPhoto(store, bytes, actor, request.params.slug, form);
      return reply.status(201).send(info);
    },
  );

  const downloads = [
    [
      '/files/:id',
      'main',
      'The bytes of a file (public files for everyone, the others once signed in)',
    ],
    ['/files/:id/thumb', 'thumb', "A photo's thumbnail (at most 480 px); documents have none"],
  ] as const;
  for (const [url, variant, summary] of downloads) {
    app.get(
      url,
      {
        schema: {
          tags,
          summary,
          params: IdParam,
          response: { 200: Bytes, 304: Type.Null(), 401: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const download = await service.openFile(
          store,
          bytes,
          request.params.id,
          variant,
          request.actor,
        );
        return sendFile(request, reply, download);
      },
    );
  }

  app.patch(
    '/files/:id',
    {
      schema: {
        tags,
        summary: "Change a file's caption, credit, order or visibility (administrators)",
        params: IdParam,
        headers: IfMatchHeaders,
        body: FilePatch,
        response: { 200: FileInfo, ...problems, 412: Problem },
      },
    },
    // No ETag header: GET of this address answers the file's bytes with their hash as ETag, so
    // the version (what If-Match compares) travels in the JSON only.
    (request) =>
      service.updateFile(
        store,
        requireActor(request),
        request.params.id,
        request.body,
        expectedVersions(request.headers['if-match']),
      ),
  );

  app.delete(
    '/files/:id',
    {
      schema: {
        tags,
        summary: 'Delete a file (administrators)',
        params: IdParam,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteFile(store, bytes, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
