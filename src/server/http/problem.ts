import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteMethods } from './allowed-methods';
import type { ProblemCode, ProblemParams, RecordKind } from '../../core/problems';
import { uniqueViolation, type UniqueViolation } from '../db/constraint-errors';

/**
 * One field that failed, as a JSON Pointer into the request, a message in English for API
 * clients, and the problem's stable code with its parameters for a client to say it in its
 * reader's words (the codes: src/core/problems.ts).
 */
export interface FieldProblem {
  pointer: string;
  detail: string;
  code: ProblemCode;
  params?: ProblemParams;
}

/**
 * An error that becomes an RFC 9457 problem response. Services throw these; the
 * error handler writes them as application/problem+json.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldProblem[] | undefined,
    /** Headers the answer carries besides the problem (Retry-After). */
    readonly headers: Record<string, string> | undefined,
    /**
     * A stable name of the problem for clients to branch on (the problem's `code` member): one
     * of src/core/problems.ts, or an import run's (src/core/climate/import-reasons.ts).
     */
    readonly code: string,
    /** What a client needs to say the problem in its reader's words (the `params` member). */
    readonly params?: Readonly<Record<string, unknown>>,
  ) {
    super(detail ?? title);
  }
}

/** What a problem says besides its code: its parameters, and the field it is about. */
export interface ProblemOptions {
  params?: ProblemParams | undefined;
  /** The field the problem is about: the answer's `errors` name it with the same code. */
  pointer?: string | undefined;
  /** The field's own words, where they differ from the problem's `detail`. */
  fieldDetail?: string | undefined;
}

/** A problem with a code from the list (src/core/problems.ts); the detail is for API clients. */
export function problem(
  status: number,
  code: ProblemCode,
  detail: string,
  options: ProblemOptions & { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
): HttpProblem {
  const { params, pointer, fieldDetail, headers } = options;
  const errors =
    options.errors ??
    (pointer === undefined
      ? undefined
      : [{ pointer, detail: fieldDetail ?? detail, code, ...(params ? { params } : {}) }]);
  return new HttpProblem(status, problemTitle(status), detail, errors, headers, code, params);
}

export const badRequest = (code: ProblemCode, detail: string, errors?: FieldProblem[]) =>
  problem(400, code, detail, { errors });
export const unauthorized = (
  detail = 'Sign in or send an API token.',
  code: ProblemCode = 'sign-in-required',
) => problem(401, code, detail);
export const forbidden = (code: ProblemCode, detail: string, params?: ProblemParams) =>
  problem(403, code, detail, { params });
/** The record asked for is not there (or not for this viewer): the problem names its kind. */
export const notFound = (record: RecordKind, detail: string) =>
  problem(404, 'not-found', detail, { params: { record } });
export const conflict = (code: ProblemCode, detail: string, options?: ProblemOptions) =>
  problem(409, code, detail, options);
/** A link or a thing that was once there and is no more (an invitation used or expired). */
export const gone = (code: ProblemCode, detail: string) => problem(410, code, detail);
/** Refused for now: `Retry-After` says in how many seconds to try again. */
export const tooManyRequests = (code: ProblemCode, detail: string, retryAfterSeconds: number) =>
  problem(429, code, detail, {
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });
/**
 * The request's If-Match names a version of the record that is no longer the current one:
 * someone changed it since the client read it. Nothing was written.
 */
export const staleWrite = (detail = 'The record was changed by someone else since you read it.') =>
  problem(412, 'stale-write', `${detail} Read it again and reapply your change.`);
/** A request that is well-formed but breaks a rule: names the field. */
export const invalidField = (
  pointer: string,
  code: ProblemCode,
  detail: string,
  params?: ProblemParams,
) =>
  problem(422, code, `${pointer.slice(1)}: ${detail}`, {
    params,
    errors: [{ pointer, detail, code, ...(params ? { params } : {}) }],
  });
/** Several fields that break rules at once: the first one's code is the problem's. */
export const invalidFields = (errors: FieldProblem[], detail?: string) =>
  problem(
    422,
    errors[0]?.code ?? 'validation-failed',
    detail ?? errors.map((e) => `${e.pointer.slice(1)}: ${e.detail}`).join('; '),
    { errors, params: errors.length === 1 ? errors[0]?.params : undefined },
  );

/** A time zone that is not one of the IANA database's: 422 naming the field, code 'unknown-time-zone'. */
export function unknownTimeZone(pointer: string, zone: string): HttpProblem {
  const detail = `"${zone}" is not an IANA time zone (e.g. Asia/Seoul).`;
  return problem(422, 'unknown-time-zone', `${pointer.slice(1)}: ${detail}`, {
    pointer,
    fieldDetail: detail,
    params: { zone },
  });
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

/** Fastify's errors for a JSON body it cannot read, as the field problem they are. */
const BODY_PARSE_ERRORS: Partial<Record<string, { detail: string; code: ProblemCode }>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: { detail: 'is empty', code: 'body-empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { detail: 'is not valid JSON', code: 'body-not-json' },
};

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A validator's keyword as a problem code with its limit, for a client to say it in its words. */
function ajvCode(e: AjvError): { code: ProblemCode; params?: ProblemParams } {
  const limit = typeof e.params.limit === 'number' ? { params: { limit: e.params.limit } } : {};
  switch (e.keyword) {
    case 'required':
      return { code: 'required' };
    case 'additionalProperties':
      return { code: 'unknown-field' };
    case 'minLength':
      return { code: 'too-short', ...limit };
    case 'maxLength':
      return { code: 'too-long', ...limit };
    case 'minimum':
      return { code: 'below-minimum', ...limit };
    case 'maximum':
      return { code: 'above-maximum', ...limit };
    case 'exclusiveMinimum':
      return { code: 'too-small', ...limit };
    case 'exclusiveMaximum':
      return { code: 'too-large', ...limit };
    case 'minItems':
      return { code: 'too-few-items', ...limit };
    case 'maxItems':
      return { code: 'too-many-items', ...limit };
    case 'enum':
    case 'const':
      return { code: 'not-one-of' };
    case 'format':
      return {
        code: 'wrong-format',
        params: { format: typeof e.params.format === 'string' ? e.params.format : 'text' },
      };
    case 'pattern':
      return { code: 'wrong-format', params: { format: 'pattern' } };
    case 'type':
      return e.params.type === 'integer'
        ? { code: 'not-integer' }
        : e.params.type === 'number'
          ? { code: 'not-number' }
          : { code: 'wrong-type' };
    default:
      return { code: 'invalid-value' };
  }
}

/** Turns Ajv's messages into pointers at the field that is wrong (or missing). */
export function fieldProblemsFromAjv(errors: AjvError[], context: string): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const e of errors) {
    let pointer = e.instancePath || '';
    if (e.keyword === 'required' && typeof e.params.missingProperty === 'string') {
      pointer = `${pointer}/${e.params.missingProperty}`;
    } else if (
      e.keyword === 'additionalProperties' &&
      typeof e.params.additionalProperty === 'string'
    ) {
      pointer = `${pointer}/${e.params.additionalProperty}`;
    }
    if (context !== 'body') pointer = `/${context}${pointer}`;
    // anyOf (nullable) failures repeat for each branch; the first message per field is enough.
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const detail =
      e.keyword === 'required'
        ? 'is required'
        : e.keyword === 'additionalProperties'
          ? 'is not a known field'
          : (e.message ?? 'is invalid');
    out.push({ pointer: pointer || '/', detail, ...ajvCode(e) });
  }
  return out;
}

const camelCase = (column: string) =>
  column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * A write the database refused as a duplicate, as a 409 that names the field. A unique key
 * lists the record it belongs to first and what the request chose last (seats: term, then
 * government; inventories: government, then year), so the last column is the field.
 */
function duplicateProblem(violation: UniqueViolation): HttpProblem {
  const column = violation.columns[violation.columns.length - 1];
  const field = column ? camelCase(column) : null;
  return conflict(
    'duplicate-value',
    field
      ? `${field}: another record already has this value.`
      : 'Another record already has these values.',
    field ? { pointer: `/${field}`, fieldDetail: 'is already used by another record' } : undefined,
  );
}

/** The title of a status as our problem documents give it. */
export function problemTitle(status: number): string {
  return TITLES[status] ?? 'Error';
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, body: object) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title: problemTitle(status),
      status,
      instance: request.url.split('?')[0],
      ...body,
    });
}

/**
 * For Fastify's `frameworkErrors`: a path that is not valid URL encoding (FST_ERR_BAD_URL) is a
 * 400 problem like every other error, not Fastify's own JSON.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 400;
  void send(reply, request, status, {
    detail:
      error.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid percent-encoding.' : error.message,
    code: error.code === 'FST_ERR_BAD_URL' ? 'invalid-encoding' : 'invalid-value',
  });
}

/**
 * Every error the API gives is problem+json. Unknown paths outside /api go to
 * `pageFallback` (the web app's index.html, 200 or 404 as app.ts decides) so client-side
 * routes load on refresh. A known path asked with a method none of its routes takes is a 405
 * naming the ones they do take.
 */
export function registerProblemHandlers(
  app: FastifyInstance,
  pageFallback?: (request: FastifyRequest, reply: FastifyReply) => unknown,
  routes?: RouteMethods,
): void {
  app.setErrorHandler((error: FastifyError | HttpProblem, request, reply) => {
    // Two requests that passed a service's check at once: the database keeps one row, and the
    // other request learns what is taken, as if it had come second.
    const duplicate = uniqueViolation(error);
    if (duplicate) error = duplicateProblem(duplicate);
    if (error instanceof HttpProblem) {
      if (error.headers) void reply.headers(error.headers);
      return send(reply, request, error.status, {
        title: error.title,
        ...(error.detail ? { detail: error.detail } : {}),
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.code ? { code: error.code } : {}),
        ...(error.params ? { params: error.params } : {}),
      });
    }
    const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      const errors = fieldProblemsFromAjv(fe.validation, fe.validationContext ?? 'body');
      return send(reply, request, 400, {
        detail: errors.map((e) => `${e.pointer} ${e.detail}`).join('; '),
        errors,
        code: 'validation-failed',
      });
    }
    const status = fe.statusCode && fe.statusCode >= 400 ? fe.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // A body that is empty or not JSON is wrong as a whole: the field is the body itself.
    const unreadableBody = BODY_PARSE_ERRORS[fe.code];
    return send(reply, request, status, {
      detail: status >= 500 ? 'Something went wrong on our side; it has been logged.' : fe.message,
      ...(status >= 500 ? { code: 'server-error' } : {}),
      ...(unreadableBody
        ? { code: unreadableBody.code, errors: [{ pointer: '/', ...unreadableBody }] }
        : {}),
    });
  });
  app.setNotFoundHandler((request, reply) => {
    if (pageFallback && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return pageFallback(request, reply);
    }
    const path = request.url.split('?')[0] ?? '/';
    const allowed = routes?.allowedAt(path) ?? [];
    if (allowed.length > 0) {
      reply.header('Allow', allowed.join(', '));
      return send(reply, request, 405, {
        detail: `${path} does not take ${request.method}; it takes ${allowed.join(', ')}.`,
        code: 'method-not-allowed',
      });
    }
    return send(reply, request, 404, {
      detail: `No route for ${request.method} ${request.url.split('?')[0]}`,
      code: 'no-route',
    });
  });
}
