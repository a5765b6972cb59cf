import type { FastifyRequest } from 'fastify';
import { badRequest } from './problem';

/**
 * Checks on request text that no schema expresses. PostgreSQL refuses text holding a NUL byte
 * (U+0000), so one anywhere in the body, the query or the path parameters is a 400 naming the
 * field, before validation; and a query string that is not valid percent-encoding is a 400
 * rather than something the parser quietly guesses at.
 */

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON Pointer of the first string (or key) in `value` holding a NUL byte, if any. */
export function pointerToNul(value: unknown, pointer = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer || '/' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pointerToNul(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  // Uploads arrive as buffers or streams: their bytes are not text fields.
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') {
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const here = `${pointer}/${escapePointer(key)}`;
    if (key.includes('\u0000')) return here;
    const found = pointerToNul(item, here);
    if (found) return found;
  }
  return undefined;
}

function nulProblem(pointer: string) {
  const detail = 'must not contain a NUL character (U+0000)';
  return badRequest(`${pointer} ${detail}`, [{ pointer, detail }]);
}

/** onRequest: the query string must be valid percent-encoding. */
export function checkQueryEncoding(request: FastifyRequest): void {
  const at = request.url.indexOf('?');
  if (at < 0) return;
  for (const part of request.url.slice(at + 1).split('&')) {
    const [rawKey = '', ...rest] = part.split('=');
    const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
    let key: string;
    try {
      key = decode(rawKey);
    } catch {
      const detail = 'is not valid percent-encoding';
      throw badRequest(`The query string ${detail}.`, [{ pointer: '/querystring', detail }]);
    }
    try {
      decode(rest.join('='));
    } catch {
      const pointer = `/querystring/${escapePointer(key)}`;
      const detail = 'is not valid percent-encoding';
      throw badRequest(`${pointer} ${detail}`, [{ pointer, detail }]);
    }
  }
}

/** preValidation: no NUL byte in the body, the query or the path parameters. */
export function checkNoNul(request: FastifyRequest): void {
  const body = pointerToNul(request.body);
  if (body) throw nulProblem(body);
  const query = pointerToNul(request.query);
  if (query) throw nulProblem(`/querystring${query}`);
  const params = pointerToNul(request.params);
  if (params) throw nulProblem(`/params${params}`);
}
