import { PassThrough, Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AuditActor } from '../../audit/service';
import type { AppContext, AppInstance } from '../../http/app-types';
import { authorize } from '../../http/authorize';
import { IdParam, LangQuery, MAX_INT32, Page, PageQuery, Problem } from '../../http/common-schemas';
import { negotiateLocale } from '../../i18n/negotiate';
import { badRequest, HttpProblem, problem } from '../../http/problem';
import {
  ImportColumns,
  ImportKind,
  ImportLayout,
  ImportLayoutInput,
  ImportLayoutName,
  ImportRun,
  ImportRunRow,
} from './schemas';
import { TEXT_ENCODINGS } from './decode';
import { inspectSheet } from './inspect';
import { ImportRunner } from './runner';
import { RunProblemError } from './unreadable';
import {
  beginImport,
  getImportRun,
  importReportCsv,
  importRunRows,
  listImportRuns,
  MAX_UPLOAD_BYTES,
} from './service';
import { deleteSavedLayout, layoutsFor, listSavedLayouts, saveLayout } from './saved-layouts';

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
  encoding: Type.Optional(
    Type.Enum(TEXT_ENCODINGS, {
      description:
        "The CSV file's character encoding, when it is known; detected from the file's first " +
        'bytes when not given (the run says which it read)',
    }),
  ),
  layout: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Read the file with this saved layout (PUT /imports/layouts/{name})',
    }),
  ),
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
    'recognised (and, for CSV, the encoding it is read in); poll GET /imports/{id}. A file ' +
    'whose headers fit no layout is a 422 naming the missing columns, with code ' +
    'layout-not-recognised: POST /imports/{kind}/columns shows its columns for a mapping, which ' +
    'PUT /imports/layouts/{name} saves for ?layout=name. A file with a broken structure (cut ' +
    'short, a row with too few or too many cells, a quote never closed, a cell over 32,767 ' +
    'characters, bytes its encoding cannot read) fails the run naming the line, and nothing ' +
    'is written.',
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

const columnsSchema = {
  tags: ['imports'],
  summary: "A file's columns and what Accord reads from each (administrators)",
  description:
    'The body is the file (CSV or XLSX). Answers with its header row, each column with ' +
    'the field a known layout or its header alone gives it, whether its first values ' +
    'are numbers, and a few of them: the mapping step when no layout fits. Writes nothing.',
  consumes: UPLOAD_TYPES,
  params: Type.Object({ kind: ImportKind }),
  querystring: Type.Object({ encoding: UploadQuery.properties.encoding }),
  body: Type.Unsafe<unknown>({ description: 'The CSV or XLSX file' }),
  response: { 200: ImportColumns, ...problems, 413: Problem, 415: Problem, 422: Problem },
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
      const message = 'The upload stopped before the whole file arrived';
      body.destroy(new RunProblemError(message, { code: 'upload-stopped' }));
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
          throw problem(413, 'import-too-large', 'Files up to 200 MB can be imported.', {
            params: { limit: '200 MB' },
          });
        }
        const input = request.body;
        if (!(input instanceof Readable)) {
          const detail = 'Send the file as the body (text/csv or an XLSX content type).';
          throw badRequest('import-body-missing', detail, [
            { pointer: '/', detail, code: 'import-body-missing' },
          ]);
        }
        const { kind } = request.params;
        const {
          dryRun = false,
          noCreate = false,
          fileName,
          layout,
          encoding,
          decisionsFrom,
        } = request.query;
        const { run, done } = await beginImport(store, actor, {
          kind,
          input: uploadStream(request, input),
          fileName: fileName ?? `upload-${kind}`,
          dryRun,
          noCreate,
          layout,
          encoding,
          decisionsFrom: decisionsFrom ?? null,
          signal: runner.signal,
          leaseMs: runner.leaseMs,
        });
        runner.track(done);
        return reply.status(202).header('Location', `/api/v1/imports/${run.id}`).send({ run });
      },
    );

    scope.post(
      '/imports/:kind/columns',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: columnsSchema,
      },
      async (request) => {
        mayImport(request.actor);
        const input = request.body;
        if (!(input instanceof Readable)) {
          const detail = 'Send the file as the body (text/csv or an XLSX content type).';
          throw badRequest('import-body-missing', detail, [
            { pointer: '/', detail, code: 'import-body-missing' },
          ]);
        }
        const { kind } = request.params;
        // Only the first rows are read: the rest of the upload is drained, not kept.
        const head = new PassThrough();
        input.pipe(head);
        try {
          return await inspectSheet(head, kind, await layoutsFor(store, kind), {
            encoding: request.query.encoding,
          });
        } catch (err) {
          if (err instanceof HttpProblem) throw err;
          const message = err instanceof Error ? err.message : String(err);
          throw problem(422, 'unreadable-file', `The file could not be read: ${message}`);
        } finally {
          input.unpipe(head);
          input.resume();
        }
      },
    );

    scope.get(
      '/imports/layouts',
      {
        schema: {
          tags: ['imports'],
          summary: 'Saved column layouts, by name (administrators)',
          querystring: Type.Object({ kind: Type.Optional(ImportKind) }),
          response: { 200: Type.Object({ items: Type.Array(ImportLayout) }), ...problems },
        },
      },
      async (request) => {
        mayImport(request.actor);
        return { items: await listSavedLayouts(store, request.query.kind) };
      },
    );

    scope.put(
      '/imports/layouts/:name',
      {
        schema: {
          tags: ['imports'],
          summary: 'Save a column layout under a name, or replace it (administrators)',
          description:
            'Each source column → an Accord field, or null to ignore it. A file with all these ' +
            'columns is then recognised as this layout; ?layout=name asks for it.',
          params: Type.Object({ name: ImportLayoutName }),
          body: ImportLayoutInput,
          response: { 200: ImportLayout, ...problems, 422: Problem },
        },
      },
      async (request) => {
        const actor = mayImport(request.actor);
        return saveLayout(store, actor, { name: request.params.name, ...request.body });
      },
    );

    scope.delete(
      '/imports/layouts/:name',
      {
        schema: {
          tags: ['imports'],
          summary: 'Delete a saved column layout (administrators)',
          params: Type.Object({ name: ImportLayoutName }),
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        const actor = mayImport(request.actor);
        await deleteSavedLayout(store, actor, request.params.name);
        return reply.status(204).send(null);
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
          description:
            'With `columns`, the column map: each Accord field the run reads and the header of ' +
            'the column it reads it from, as the file spells it, whichever way the layout was ' +
            'chosen (a known layout, a saved one, a mapping). A run that failed or was ' +
            'interrupted says why in English (`error`) and as a code with its parameters ' +
            '(`errorReason`: where the file could not be read and why, and what was written).',
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
          description:
            'Each row with its action, the government and records it concerns, its reasons, and ' +
            '`fields`: the fields it had a value for, each with the source columns that fed it ' +
            "(a scope total summed from CDP's split columns names both; a long table's figure, " +
            'the columns of its line). `fields` is null for runs from before this was recorded. ' +
            '`reasons` are codes with parameters (`reason` says them in English), `entities` the ' +
            'records as structured values (`entity` in English), `governmentNames` the ' +
            "government by its names (`government` is its slug); a client puts them in its reader's " +
            'words. `reasons` and `entities` are null for runs from before they were kept.',
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
            'The row report as CSV: row, action, government, entity, reason, fields ' +
            '(administrators)',
          description:
            'In the language `lang` names (else the one Accept-Language prefers, else ' +
            'English): headers, actions, each government by its name, records, reasons and ' +
            'fields. The `fields` column lists, per row, each field it had a value for and the ' +
            'source columns it came from: `Field ← "Header"`, separated by semicolons; empty ' +
            'for runs from before this was recorded. Rows of runs from before reasons were kept ' +
            'as codes keep their English reasons.',
          params: IdParam,
          querystring: Type.Object({ lang: Type.Optional(LangQuery) }),
          response: {
            200: Type.String({ description: 'CSV, UTF-8 with a byte-order mark' }),
            ...problems,
          },
        },
      },
      async (request, reply) => {
        mayImport(request.actor);
        const run = await getImportRun(store, request.params.id);
        const locale = negotiateLocale({
          lang: request.query.lang,
          acceptLanguage: request.headers['accept-language'],
        });
        // The words depend on Accept-Language when no lang is given: caches must know.
        reply.header('Content-Language', locale).header('Vary', 'Accept-Language');
        return sendReport(reply, run.id, importReportCsv(store, run.id, locale));
      },
    );
  });
}
