/**
 * How the web app and the API's answers travel: compressed, and cached by what they are.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import {
  brotliCompress,
  constants,
  createBrotliCompress,
  createGzip,
  gzip,
  type BrotliOptions,
  type ZlibOptions,
} from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from './app-types';

/** Below this an answer is sent as it is: compressing saves less than it costs. */
export const COMPRESSION_THRESHOLD = 1024;
/**
 * Brotli at a moderate quality (4: most of the gain of 11 at a small part of its CPU, which a
 * busy server pays per answer); gzip at its default level.
 */
const BROTLI: BrotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const GZIP: ZlibOptions = { level: 6 };
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** An answer compressed in one of the encodings (Brotli at quality 4, gzip at level 6). */
export function compressBody(raw: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(raw, BROTLI) : gzipAsync(raw, GZIP);
}

/** Text is worth compressing; PDF, XLSX, images and archives are compressed already. */
const COMPRESSIBLE_TYPE =
  /^(text\/|application\/([a-z.+-]*\+)?(json|javascript|xml|csv)\b|image\/svg\+xml)/i;

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer in from an Accept-Encoding header: Brotli, else gzip, among those the
 * client accepts (a q of 0 refuses one; `*` accepts any not named); none when it accepts neither.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: Encoding) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

export function addVary(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
  if (/(^|,)\s*(\*|accept-encoding)\s*(,|$)/i.test(current)) return;
  reply.header('vary', current ? `${current}, Accept-Encoding` : 'Accept-Encoding');
}

async function compressAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (payload === null || payload === undefined) return payload;
  if (request.method === 'HEAD' || reply.hasHeader('content-encoding')) return payload;
  const status = reply.statusCode;
  if (status === 204 || status === 206 || status === 304 || reply.hasHeader('content-range')) {
    return payload;
  }
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !COMPRESSIBLE_TYPE.test(type)) return payload;
  addVary(reply);
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (!encoding) return payload;

  if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
    const raw = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (raw.length < COMPRESSION_THRESHOLD) return payload;
    const compressed = await compressBody(raw, encoding);
    reply.header('content-encoding', encoding);
    reply.header('content-length', compressed.length);
    return compressed;
  }
  if (payload instanceof Readable) {
    const length = Number(reply.getHeader('content-length'));
    if (Number.isFinite(length) && length < COMPRESSION_THRESHOLD) return payload;
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    const stream = encoding === 'br' ? createBrotliCompress(BROTLI) : createGzip(GZIP);
    payload.on('error', (err) => stream.destroy(err));
    return payload.pipe(stream);
  }
  return payload;
}

/**
 * Dynamic answers compressed as they leave, when the client accepts it; small answers are sent
 * as they are. Answers already encoded (the web app's files, sent from their precompressed
 * copies) and types already compressed are left alone.
 */
export function registerCompression(app: AppInstance): void {
  app.addHook('onSend', async (request, reply, payload) => compressAnswer(request, reply, payload));
}

/** A year: the longest lifetime a cache is asked to keep anything. */
const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The built app's files under assets/ are named by a hash of their content, so a file of that
 * name never changes: kept for a year without asking again. Everything else (index.html, the
 * icon) keeps its name across builds and is checked with the server on each use.
 */
export function webCacheControl(webRoot: string, file: string): string {
  const relative = path.relative(webRoot, file).split(path.sep);
  return relative[0] === 'assets' && relative.length > 1
    ? `public, max-age=${YEAR_SECONDS}, immutable`
    : 'no-cache';
}
