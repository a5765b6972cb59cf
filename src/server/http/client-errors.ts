import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { problemTitle } from './problem';

/**
 * For Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before any request
 * exists (headers too large, a malformed request, a client too slow to send its headers) is
 * answered as problem+json like every other error, not as Fastify's own JSON. Nothing of the
 * request is echoed back: it is exactly what could not be read.
 */
export function clientErrorHandler(
  this: FastifyInstance,
  error: NodeJS.ErrnoException,
  socket: Socket,
): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  const detail =
    status === 431
      ? 'The request headers are larger than the server reads; send fewer or smaller headers (cookies included).'
      : status === 408
        ? 'The request headers did not arrive in time.'
        : 'The request is not valid HTTP.';
  const body = JSON.stringify({ type: 'about:blank', title: problemTitle(status), status, detail });
  this.log.debug({ err: error }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Cache-Control: no-store\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
