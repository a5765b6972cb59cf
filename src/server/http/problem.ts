import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteMethods } from './allowed-methods';
import { uniqueViolation, type UniqueViolation } from '../db/constraint-errors';

/** One field that failed, as a JSON Pointer into the request and a message. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/**
 * An error that becomes an RFC 9457 problem response. Services throw these; the
 * error handler writes them as application/problem+json.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
    /** Headers the answer carries besides the problem (Retry-After). */
    readonly headers?: Record<string, string>,
    /** A stable name of the problem for clients to branch on (the problem's `code` member). */
    readonly code?: string,
    /** What a client needs to say the problem in its reader's words (the `params` member). */
    readonly params?: Readonly<Record<string, unknown>>,
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, errors?: FieldProblem[]) =>
  new HttpProblem(400, 'Bad Request', detail, errors);
export const unauthorized = (detail = 'Sign in or send an API token.') =>
  new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (detail: string) => new HttpProblem(404, 'Not Found', detail);
export const conflict = (detail: string, errors?: FieldProblem[]) =>
  new HttpProblem(409, 'Conflict', detail, errors);
/** Refused for now: `Retry-After` says in how many seconds to try again. */
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem(429, 'Too Many Requests', detail, undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
/**
 * The request's If-Match names a version of the record that is no longer the current one:
 * someone changed it since the client read it. Nothing was written.
 */
export const staleWrite = (detail = 'The record was changed by someone else since you read it.') =>
  new HttpProblem(
    412,
    'Precondition Failed',
    `${detail} Read it again and reapply your change.`,
    undefined,
    undefined,
    'stale-write',
  );
/** A request that is well-formed but breaks a rule: names the field. */
export const invalidField = (pointer: string, detail: string) =>
  new HttpProblem(422, 'Unprocessable Content', `${pointer.slice(1)}: ${detail}`, [
    { pointer, detail },
  ]);

/** A time zone that is not one of the IANA database's: 422 naming the field, code 'unknown-time-zone'. */
export function unknownTimeZone(pointer: string, zone: string): HttpProblem {
  const detail = `"${zone}" is not an IANA time zone (e.g. Asia/Seoul).`;
  return new HttpProblem(
    422,
    'Unprocessable Content',
    `${pointer.slice(1)}: ${detail}`,
    [{ pointer, detail }],
    undefined,
    'unknown-time-zone',
    { zone },
  );
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
const BODY_PARSE_ERRORS: Partial<Record<string, string>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'is empty',
  FST_ERR_CTP_INVALID_JSON_BODY: 'is not valid JSON',
};

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
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
    out.push({ pointer: pointer || '/', detail });
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
    field
      ? `${field}: another record already has this value.`
      : 'Another record already has these values.',
    field ? [{ pointer: `/${field}`, detail: 'is already used by another record' }] : undefined,
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
      });
    }
    const status = fe.statusCode && fe.statusCode >= 400 ? fe.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // A body that is empty or not JSON is wrong as a whole: the field is the body itself.
    const unreadableBody = BODY_PARSE_ERRORS[fe.code];
    return send(reply, request, status, {
      detail: status >= 500 ? 'Something went wrong on our side; it has been logged.' : fe.message,
      ...(unreadableBody ? { errors: [{ pointer: '/', detail: unreadableBody }] } : {}),
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
      });
    }
    return send(reply, request, 404, {
      detail: `No route for ${request.method} ${request.url.split('?')[0]}`,
    });
  });
}
