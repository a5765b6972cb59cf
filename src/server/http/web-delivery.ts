/**
 * How the web app and the API's answers travel: compressed, and cached by what they are.
 */
import path from 'node:path';
import { constants } from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';

/**
 * Dynamic answers compressed as they leave, when the client accepts it. Brotli at a moderate
 * quality (4: most of the gain of 11 at a small part of its CPU, which a busy server pays per
 * answer); small answers are sent as they are, where compressing saves less than it costs.
 * Files already compressed (PDF, XLSX, images) are not: their types are not compressible.
 */
export const COMPRESSION: FastifyCompressOptions = {
  threshold: 1024,
  encodings: ['br', 'gzip'],
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  zlibOptions: { level: 6 },
};

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
