import type { FastifyRequest } from 'fastify';
import { badRequest } from './problem';

/**
 * Checks on request text that no schema expresses. PostgreSQL refuses text holding a NUL byte
 * (U+0000), so one anywhere in the body, the query or the path parameters is a 400 naming the
 * field, before validation; and a query string that is not valid percent-encoding is a 400
 * rather than something the parser quietly guesses at.
 */

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The JSON Pointer of the first string (or key) in `value` holding a NUL byte, if any. Walks
 * with a stack of its own rather than recursion: a body may nest deeper than the call stack.
 */
export function pointerToNul(value: unknown): string | undefined {
  // Each entry: a value, its pointer, and the key it is found under (checked for NUL too).
  const pending: [unknown, string, string][] = [[value, '', '']];
  while (pending.length > 0) {
    const [item, pointer, key] = pending.pop() as [unknown, string, string];
    if (key.includes('\u0000')) return pointer;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return pointer || '/';
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    // Uploads arrive as buffers or streams: their bytes are not text fields.
    if (ArrayBuffer.isView(item) || typeof (item as { pipe?: unknown }).pipe === 'function') {
      continue;
    }
    const children = Object.entries(item);
    // Reversed onto the stack, so that fields are looked at in the order they were sent.
    for (let i = children.length - 1; i >= 0; i--) {
      const [name, child] = children[i] as [string, unknown];
      pending.push([child, `${pointer}/${escapePointer(name)}`, name]);
    }
  }
  return undefined;
}

function nulProblem(pointer: string) {
  const detail = 'must not contain a NUL character (U+0000)';
  return badRequest('nul-byte', `${pointer} ${detail}`, [{ pointer, detail, code: 'nul-byte' }]);
}

/** onRequest: the query string must be valid percent-encoding. */
export function checkQueryEncoding(request: FastifyRequest): void {
  const at = request.url.indexOf('?');
  // Only a percent sign can start bad percent-encoding.
  if (at < 0 || !request.url.includes('%', at)) return;
  for (const part of request.url.slice(at + 1).split('&')) {
    const [rawKey = '', ...rest] = part.split('=');
    const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
    let key: string;
    try {
      key = decode(rawKey);
    } catch {
      const detail = 'is not valid percent-encoding';
      throw badRequest('invalid-encoding', `The query string ${detail}.`, [
        { pointer: '/querystring', detail, code: 'invalid-encoding' },
      ]);
    }
    try {
      decode(rest.join('='));
    } catch {
      const pointer = `/querystring/${escapePointer(key)}`;
      const detail = 'is not valid percent-encoding';
      throw badRequest('invalid-encoding', `${pointer} ${detail}`, [
        { pointer, detail, code: 'invalid-encoding' },
      ]);
    }
  }
}

/** preValidation: no NUL byte in the body, the query or the path parameters. */
export function checkNoNul(request: FastifyRequest): void {
  const body = pointerToNul(request.body);
  if (body) throw nulProblem(body);
  // The query and the path parameters come from the URL, where a NUL is written %00 (or sent
  // raw, which Node's parser refuses but an injected request may hold): without either there
  // is nothing to walk.
  if (!request.url.includes('%00') && !request.url.includes('\u0000')) return;
  const query = pointerToNul(request.query);
  if (query) throw nulProblem(`/querystring${query}`);
  const params = pointerToNul(request.params);
  if (params) throw nulProblem(`/params${params}`);
}
