import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * The network summary, computed once per change of the climate data rather than once per
 * request (issue 13). Each answer is kept serialized beside the data version it was computed at
 * (migration 0025 raises that version in the same transaction as every write the summary reads);
 * a request reads the version (one indexed row) and, if it has not moved, is answered with the
 * kept text — or 304 when the client already holds it. Several servers sharing a database stay
 * right because each reads the version from the database on every request.
 */

export interface CachedSummary {
  version: string;
  etag: string;
  /** The JSON, encoded once: several megabytes for the whole network, sent as they are. */
  body: Buffer;
  /** The same gzipped, made on the first request that accepts it (a tenth of the size). */
  gzipped?: Promise<Buffer>;
}

export interface SummaryCacheLimits {
  /** Answers kept at most (one per region and assessment year asked for). */
  entries: number;
  /** Bytes of JSON kept at most, all answers together. */
  bytes: number;
}

/** About ten regions and the whole network for this year and a few others, at 10,000 governments. */
const DEFAULT_LIMITS: SummaryCacheLimits = { entries: 32, bytes: 64 * 2 ** 20 };

/** A strong ETag: the same version, region and year give the same bytes. */
export function summaryEtag(version: string, region: string | undefined, asOfYear: number): string {
  return `"climate-${version}-${asOfYear}-${region ?? '*'}"`;
}

/** The gzipped answer's tag: another representation, so another strong tag (RFC 9110 8.8.3). */
export function gzipEtag(etag: string): string {
  return `${etag.slice(0, -1)}-gzip"`;
}

/**
 * True when an If-None-Match header names the ETag, its gzipped form (the same data in another
 * encoding, still current) or `*`.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const current = new Set(['*', etag, gzipEtag(etag)]);
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => current.has(tag));
}

/** True when Accept-Encoding accepts gzip (named, or `*`, without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Least recently used answers, bounded in count and size. Answers for one key computed at the
 * same time are computed once: the others wait for it (a dashboard opened by many at once after
 * a change costs one computation).
 */
export class SummaryCache {
  private readonly kept = new Map<string, CachedSummary>();
  /** Bytes of each kept answer, its gzipped form included once made. */
  private readonly sizes = new Map<CachedSummary, number>();
  private readonly pending = new Map<string, Promise<CachedSummary>>();
  private bytes = 0;

  constructor(private readonly limits: SummaryCacheLimits = DEFAULT_LIMITS) {}

  /** The answer for `key` at `version`, computing it (once) when none is kept at that version. */
  async get(
    key: string,
    version: string,
    etag: string,
    compute: () => Promise<string>,
  ): Promise<CachedSummary> {
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
      .then((json) => {
        const entry: CachedSummary = { version, etag, body: Buffer.from(json) };
        this.store(key, entry);
        return entry;
      })
      .finally(() => this.pending.delete(pendingKey));
    this.pending.set(pendingKey, computing);
    return computing;
  }

  /** The answer gzipped, compressed once per answer (off the event loop's thread). */
  gzipped(entry: CachedSummary): Promise<Buffer> {
    entry.gzipped ??= gzipAsync(entry.body).then((zipped) => {
      const size = this.sizes.get(entry);
      if (size !== undefined) {
        this.sizes.set(entry, size + zipped.length);
        this.bytes += zipped.length;
        this.evict();
      }
      return zipped;
    });
    return entry.gzipped;
  }

  /** How many answers are kept, and their size (for tests and the bench). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.kept.size, bytes: this.bytes };
  }

  private store(key: string, entry: CachedSummary): void {
    const old = this.kept.get(key);
    // An answer computed at a version older than the one kept (a slow request overtaken by a
    // newer one) must not replace it.
    if (old && BigInt(old.version) > BigInt(entry.version)) return;
    if (old) this.drop(key, old);
    if (entry.body.length > this.limits.bytes) return;
    this.kept.set(key, entry);
    this.sizes.set(entry, entry.body.length);
    this.bytes += entry.body.length;
    this.evict();
  }

  private evict(): void {
    for (const [oldest, value] of this.kept) {
      if (this.kept.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.drop(oldest, value);
    }
  }

  private drop(key: string, entry: CachedSummary): void {
    this.kept.delete(key);
    this.bytes -= this.sizes.get(entry) ?? 0;
    this.sizes.delete(entry);
  }
}
