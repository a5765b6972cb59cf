import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  addVary,
  chooseEncoding,
  compressBody,
  COMPRESSION_THRESHOLD,
  type Encoding,
} from './web-delivery';

/**
 * The public pages' answers kept serialized between requests (issue 13, point 4): the
 * directory, a government's profile, its targets and its emissions. Each answer is kept under a
 * key naming everything it depends on — the route, its normalized query, the language, today's
 * date where time shows (a term that ended yesterday is not current today), and what about the
 * viewer changes it — beside the data version it was computed at (migration 0030 raises the
 * version in the same transaction as every write the page reads). A request reads the version,
 * one indexed row, and if it has not moved is answered with the kept bytes, or 304 when the
 * client holds them already. Several servers on one database stay right: each reads the version
 * from the database on every request.
 *
 * A key must name every input of the answer: a viewer whose answer differs (an administrator
 * sees who entered a figure by e-mail, the public by name) has a key of their own.
 */

export interface CachedAnswer {
  version: string;
  /** The JSON as the route's serializer writes it, encoded once. */
  body: Buffer;
  /** The ETag sent with it: a record's version, or a hash of the bytes. */
  etag: string;
  /**
   * The same bytes compressed, each encoding made once, on the first request that accepts it:
   * compressing per request would cost more than the rest of a kept answer's request.
   */
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
  /** The key it is kept under, and the bytes of its encodings counted while kept. */
  key: string;
  encodedBytes: number;
}

export interface AnswerCacheLimits {
  /** Answers kept at most. */
  entries: number;
  /** Bytes kept at most, all answers together. */
  bytes: number;
}

/** Thousands of pages of a few kilobytes each: bounded well inside the server's memory target. */
const DEFAULT_LIMITS: AnswerCacheLimits = { entries: 4_000, bytes: 16 * 2 ** 20 };

/** A strong ETag naming the bytes themselves. */
export function contentEtag(body: Buffer): string {
  return `"h${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** True when an If-None-Match header names the ETag (or is `*`). */
export function namesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * Least recently used answers, bounded in count and bytes. Requests for one key at one version
 * made at the same time compute it once; an answer computed at an older version never replaces
 * one kept at a newer.
 */
export class AnswerCache {
  private readonly kept = new Map<string, CachedAnswer>();
  private readonly pending = new Map<string, Promise<CachedAnswer>>();
  private bytes = 0;

  constructor(private readonly limits: AnswerCacheLimits = DEFAULT_LIMITS) {}

  async get(
    key: string,
    version: string,
    compute: () => Promise<{ json: string; etag?: string }>,
  ): Promise<CachedAnswer> {
    const kept = this.kept.get(key);
    if (kept && kept.version === version) {
      // Most recently used goes last.
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept;
    }
    const pendingKey = `${version}\u0000${key}`;
    const running = this.pending.get(pendingKey);
    if (running) return running;
    const computing = compute()
      .then(({ json, etag }) => {
        const body = Buffer.from(json);
        const entry: CachedAnswer = {
          version,
          body,
          etag: etag ?? contentEtag(body),
          encoded: {},
          key,
          encodedBytes: 0,
        };
        this.store(key, entry);
        return entry;
      })
      .finally(() => this.pending.delete(pendingKey));
    this.pending.set(pendingKey, computing);
    return computing;
  }

  /**
   * The answer's bytes in an encoding, made once and counted with the answer's bytes while it
   * is kept (an answer no longer kept still gets its bytes, made for this request alone).
   */
  encodedBody(entry: CachedAnswer, encoding: Encoding): Promise<Buffer> {
    const made = entry.encoded[encoding];
    if (made) return made;
    const making = compressBody(entry.body, encoding);
    entry.encoded[encoding] = making;
    void making.then(
      (bytes) => {
        if (this.kept.get(entry.key) !== entry) return;
        entry.encodedBytes += bytes.length;
        this.bytes += bytes.length;
        this.evict();
      },
      () => {
        delete entry.encoded[encoding];
      },
    );
    return making;
  }

  /** How many answers are kept, and their bytes (tests). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.kept.size, bytes: this.bytes };
  }

  private store(key: string, entry: CachedAnswer): void {
    const old = this.kept.get(key);
    if (old && BigInt(old.version) > BigInt(entry.version)) return;
    if (old) this.drop(key, old);
    if (entry.body.length > this.limits.bytes) return;
    this.kept.set(key, entry);
    this.bytes += entry.body.length + entry.encodedBytes;
    this.evict();
  }

  private evict(): void {
    for (const [oldest, value] of this.kept) {
      if (this.kept.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.drop(oldest, value);
    }
  }

  private drop(key: string, entry: CachedAnswer): void {
    this.kept.delete(key);
    this.bytes -= entry.body.length + entry.encodedBytes;
  }
}

export interface CachedRoute<T> {
  cache: AnswerCache;
  /** Everything the answer depends on but the data version. */
  key: string;
  version: string;
  compute: () => Promise<T>;
  /**
   * The ETag of an answer that already has one (a record's version, which If-Match reads):
   * sent as it is, and no 304, since the answer may change while the record's version does not.
   * Without it, the ETag hashes the bytes and an If-None-Match naming it is answered 304.
   */
  recordEtag?: (value: T) => string;
  /** The answer differs by viewer: kept from shared caches. */
  personal?: boolean;
}

/** Answers a GET from the cache, computing (and keeping) the answer when its version moved. */
export async function sendCached<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  route: CachedRoute<T>,
): Promise<FastifyReply> {
  const answer = await route.cache.get(route.key, route.version, async () => {
    const value = await route.compute();
    // As the route's response schema writes it: a kept answer is sent without more work.
    const json = reply.serialize(value) as string;
    return route.recordEtag ? { json, etag: route.recordEtag(value) } : { json };
  });
  void reply
    .header('etag', answer.etag)
    .header('cache-control', route.personal ? 'private, no-cache' : 'no-cache');
  if (!route.recordEtag && namesEtag(request.headers['if-none-match'], answer.etag)) {
    // No body at all (null would be sent as the text `null`).
    return reply.code(304).send(undefined as never);
  }
  void reply.type('application/json; charset=utf-8');
  addVary(reply);
  const encoding =
    answer.body.length >= COMPRESSION_THRESHOLD
      ? chooseEncoding(request.headers['accept-encoding'])
      : null;
  if (encoding) {
    // Compressed once for every request after: the onSend compression sees it is encoded.
    const bytes = await route.cache.encodedBody(answer, encoding);
    return reply
      .header('content-encoding', encoding)
      .header('content-length', bytes.length)
      .send(bytes as never);
  }
  // Bytes already in the schema's shape: Fastify sends them as they are.
  return reply.send(answer.body as never);
}
