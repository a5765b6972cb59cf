import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AuditActor } from '../../audit/service';
import type { AppContext, AppInstance } from '../../http/app-types';
import { authorize } from '../../http/authorize';
import { IdParam, MAX_INT32, Page, PageQuery, Problem } from '../../http/common-schemas';
import { badRequest, HttpProblem } from '../../http/problem';
import { ImportKind, ImportRun, ImportRunRow } from '../schemas';
import { ImportRunner } from './runner';
import {
  beginImport,
  getImportRun,
  importReportCsv,
  importRunRows,
  listImportRuns,
  MAX_UPLOAD_BYTES,
} from './service';

/**
 * Administrators import CDP and Net Zero Tracker files: the file is the request body (CSV or
 * XLSX, streamed, up to 200 MB), the run answers at once with 202 and continues in the
 * background; its progress, each row's outcome and a CSV report can be read while it runs.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_TYPES = ['text/csv', 'application/octet-stream', XLSX_TYPE];

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

const UploadQuery = Type.Object({
  dryRun: Type.Optional(
    Type.Boolean({ default: false, description: 'Report what would happen; write nothing' }),
  ),
  noCreate: Type.Optional(
    Type.Boolean({
      default: false,
      description: 'Skip rows matching no government instead of creating prospects',
    }),
  ),
  fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  decisionsFrom: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_INT32,
      description: 'A preview of the file whose decisions on uncertain matches to apply',
    }),
  ),
});

const RowsQuery = Type.Object({
  ...PageQuery,
  action: Type.Optional(Type.Enum(['create', 'update', 'skip', 'unchanged'] as const)),
});

// Declared apart from the route so that the OpenAPI-only `consumes` passes the type check.
const uploadSchema = {
  tags: ['imports'],
  summary: 'Import a CDP or Net Zero Tracker file (administrators)',
  description:
    'The body is the file itself (CSV or XLSX). Answers 202 with the run once the layout is ' +
    'recognised; poll GET /imports/{id}. A file whose headers fit no layout is a 422 naming ' +
    'the missing columns.',
  consumes: UPLOAD_TYPES,
  params: Type.Object({ kind: ImportKind }),
  querystring: UploadQuery,
  // No constraint: the body is the request stream; this documents it in OpenAPI.
  body: Type.Unsafe<unknown>({ description: 'The CSV or XLSX file' }),
  response: {
    202: Type.Object({ run: ImportRun }),
    ...problems,
    413: Problem,
    415: Problem,
    422: Problem,
  },
};

/** Administrators only (the policy's climate.import): 401 for the public, 403 for others. */
function mayImport(actor: AuditActor | null | undefined): AuditActor {
  authorize(actor, 'climate.import', {}, 'Only administrators may do this.');
  return actor;
}

/**
 * The upload as a stream that fails when the client goes away before sending all of it. The
 * run answers 202 before the body has arrived; once the answer is sent, Node no longer tells
 * the request that its connection closed, and the read would wait for the rest for ever.
 */
function uploadStream(request: FastifyRequest, body: Readable): Readable {
  const raw = request.raw;
  const socket = raw.socket as typeof raw.socket | null;
  if (!socket) return body;
  const onClose = () => {
    if (!raw.complete) {
      body.destroy(new Error('The upload stopped before the whole file arrived'));
    }
  };
  socket.once('close', onClose);
  const done = () => socket.off('close', onClose);
  body.once('end', done);
  body.once('close', done);
  return body;
}

function sendReport(reply: FastifyReply, runId: number, csv: Readable) {
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="import-${runId}-report.csv"`)
    .send(csv);
}

export function importRoutes(app: AppInstance, { store, config }: AppContext): void {
  const runner = new ImportRunner(store, config.importLeaseSeconds * 1000, (err) =>
    app.log.warn({ err }, 'the sweep of abandoned import runs failed'),
  );
  // On start, runs left running by a process that died are marked interrupted. On close, this
  // server's runs stop as soon as it stops taking requests, and have written their end
  // before the database closes.
  app.addHook('onReady', () => runner.start());
  app.addHook('preClose', (done) => {
    runner.stop();
    done();
  });
  app.addHook('onClose', () => runner.close());

  // A plugin scope, so the stream pass-through parsers apply to these routes only.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

    scope.post(
      '/imports/:kind',
      { bodyLimit: MAX_UPLOAD_BYTES, schema: uploadSchema },
      async (request, reply) => {
        const actor = mayImport(request.actor);
        const length = Number(request.headers['content-length'] ?? 0);
        if (length > MAX_UPLOAD_BYTES) {
          throw new HttpProblem(413, 'Content Too Large', 'Files up to 200 MB can be imported.');
        }
        const input = request.body;
        if (!(input instanceof Readable)) {
          const detail = 'Send the file as the body (text/csv or an XLSX content type).';
          throw badRequest(detail, [{ pointer: '/', detail }]);
        }
        const { kind } = request.params;
        const { dryRun = false, noCreate = false, fileName, decisionsFrom } = request.query;
        const { run, done } = await beginImport(store, actor, {
          kind,
          input: uploadStream(request, input),
          fileName: fileName ?? `upload-${kind}`,
          dryRun,
          noCreate,
          decisionsFrom: decisionsFrom ?? null,
          signal: runner.signal,
          leaseMs: runner.leaseMs,
        });
        runner.track(done);
        return reply.status(202).header('Location', `/api/v1/imports/${run.id}`).send({ run });
      },
    );

    scope.get(
      '/imports',
      {
        schema: {
          tags: ['imports'],
          summary: 'Recent import runs, newest first (administrators)',
          querystring: Type.Object(PageQuery),
          response: { 200: Page(ImportRun), ...problems },
        },
      },
      (request) => {
        mayImport(request.actor);
        const { page = 1, pageSize = 20 } = request.query;
        return listImportRuns(store, { page, pageSize });
      },
    );

    scope.get(
      '/imports/:id',
      {
        schema: {
          tags: ['imports'],
          summary: "An import run's status, progress and counts (administrators)",
          params: IdParam,
          response: { 200: ImportRun, ...problems },
        },
      },
      (request) => {
        mayImport(request.actor);
        return getImportRun(store, request.params.id);
      },
    );

    scope.get(
      '/imports/:id/rows',
      {
        schema: {
          tags: ['imports'],
          summary: "Each row's outcome, in row order (administrators)",
          params: IdParam,
          querystring: RowsQuery,
          response: { 200: Page(ImportRunRow), ...problems },
        },
      },
      (request) => {
        mayImport(request.actor);
        const { page = 1, pageSize = 20, action } = request.query;
        return importRunRows(store, request.params.id, { page, pageSize, action });
      },
    );

    scope.get(
      '/imports/:id/report.csv',
      {
        schema: {
          tags: ['imports'],
          summary:
            'The row report as CSV: row, action, government, entity, reason (administrators)',
          params: IdParam,
          response: {
            200: Type.String({ description: 'CSV, UTF-8 with a byte-order mark' }),
            ...problems,
          },
        },
      },
      async (request, reply) => {
        mayImport(request.actor);
        const run = await getImportRun(store, request.params.id);
        return sendReport(reply, run.id, importReportCsv(store, run.id));
      },
    );
  });
}
