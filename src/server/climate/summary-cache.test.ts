import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import {
  acceptsGzip,
  gzipEtag,
  matchesIfNoneMatch,
  SummaryCache,
  summaryEtag,
} from './summary-cache';

describe('summaryEtag and matchesIfNoneMatch', () => {
  it('tags by version, year and region', () => {
    expect(summaryEtag('41', 'east-asia', 2026)).toBe('"climate-41-2026-east-asia"');
    expect(summaryEtag('41', undefined, 2026)).toBe('"climate-41-2026-*"');
  });
  it('matches one tag of a list, a weak form of it, or *', () => {
    const etag = '"climate-41-2026-*"';
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
    expect(matchesIfNoneMatch('"climate-40-2026-*"', etag)).toBe(false);
    expect(matchesIfNoneMatch('"a", "climate-41-2026-*"', etag)).toBe(true);
    expect(matchesIfNoneMatch('W/"climate-41-2026-*"', etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
    // The gzipped answer's tag is current too: the same data in another encoding.
    expect(gzipEtag(etag)).toBe('"climate-41-2026-*-gzip"');
    expect(matchesIfNoneMatch('"climate-41-2026-*-gzip"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"climate-40-2026-*-gzip"', etag)).toBe(false);
  });
  it('reads Accept-Encoding: gzip named or *, unless q=0', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0, br')).toBe(false);
    expect(acceptsGzip('identity, x-gzip2')).toBe(false);
  });
});

describe('SummaryCache', () => {
  const body = (s: string) => async () => s;

  it('computes once per version and again when the version moves', async () => {
    const cache = new SummaryCache();
    let computed = 0;
    const compute = async () => `v${++computed}`;
    expect((await cache.get('all', '1', 'e1', compute)).body.toString()).toBe('v1');
    expect((await cache.get('all', '1', 'e1', compute)).body.toString()).toBe('v1');
    expect((await cache.get('all', '2', 'e2', compute)).body.toString()).toBe('v2');
    expect(computed).toBe(2);
  });

  it('computes once for requests that arrive together', async () => {
    const cache = new SummaryCache();
    let computed = 0;
    const compute = async () => {
      computed += 1;
      await new Promise((r) => setTimeout(r, 5));
      return 'x';
    };
    await Promise.all([1, 2, 3].map(() => cache.get('all', '1', 'e', compute)));
    expect(computed).toBe(1);
  });

  it('keeps a newer answer when an older computation finishes after it', async () => {
    const cache = new SummaryCache();
    let release: (s: string) => void = () => undefined;
    const slow = cache.get('all', '1', 'e1', () => new Promise<string>((r) => (release = r)));
    await cache.get('all', '2', 'e2', body('new'));
    release('old');
    await slow;
    let computed = 0;
    const kept = await cache.get('all', '2', 'e2', async () => `recomputed ${++computed}`);
    expect(kept.body.toString()).toBe('new');
    expect(computed).toBe(0);
  });

  it('gzips an answer once and counts it in the size', async () => {
    const cache = new SummaryCache();
    const entry = await cache.get('all', '1', 'e', body('{"a":1}'));
    const [one, two] = await Promise.all([cache.gzipped(entry), cache.gzipped(entry)]);
    expect(one).toBe(two);
    expect(gunzipSync(one).toString()).toBe('{"a":1}');
    expect(cache.size.bytes).toBe(7 + one.length);
  });

  it('drops the least recently used answers beyond its count and size', async () => {
    const cache = new SummaryCache({ entries: 2, bytes: 10 });
    await cache.get('a', '1', 'e', body('aaaa'));
    await cache.get('b', '1', 'e', body('bbbb'));
    await cache.get('a', '1', 'e', body('never'));
    await cache.get('c', '1', 'e', body('cccc'));
    // b was used least recently: gone; a and c stay.
    expect(cache.size).toEqual({ entries: 2, bytes: 8 });
    expect((await cache.get('a', '1', 'e', body('again'))).body.toString()).toBe('aaaa');
    expect((await cache.get('b', '1', 'e', body('b2'))).body.toString()).toBe('b2');
    // Over the size: the oldest (a, 4 characters) goes until b (2) and d (8) fit.
    await cache.get('d', '1', 'e', body('dddddddd'));
    expect(cache.size).toEqual({ entries: 2, bytes: 10 });
    // An answer larger than the whole cache is served but not kept.
    expect((await cache.get('e', '1', 'e', body('x'.repeat(11)))).body).toHaveLength(11);
    expect(cache.size.bytes).toBe(10);
  });
});
