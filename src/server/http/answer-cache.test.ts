import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AnswerCache, contentEtag, namesEtag } from './answer-cache';

const answer = (json: string) => async () => ({ json });

describe('AnswerCache', () => {
  it('keeps an answer while its version holds and computes it again once it moved', async () => {
    const cache = new AnswerCache();
    let computed = 0;
    const compute = async () => ({ json: `{"n":${++computed}}` });
    expect((await cache.get('k', '1', compute)).body.toString()).toBe('{"n":1}');
    expect((await cache.get('k', '1', compute)).body.toString()).toBe('{"n":1}');
    expect((await cache.get('k', '2', compute)).body.toString()).toBe('{"n":2}');
    expect(computed).toBe(2);
  });

  it('computes once for requests made at the same time, and keeps no failure', async () => {
    const cache = new AnswerCache();
    let computed = 0;
    const slow = async () => {
      computed += 1;
      await new Promise((r) => setTimeout(r, 5));
      return { json: '{}' };
    };
    await Promise.all([cache.get('k', '1', slow), cache.get('k', '1', slow)]);
    expect(computed).toBe(1);
    const failing = () => Promise.reject(new Error('gone'));
    await expect(cache.get('x', '1', failing)).rejects.toThrow('gone');
    expect((await cache.get('x', '1', answer('{"x":1}'))).body.toString()).toBe('{"x":1}');
  });

  it('never replaces an answer with one computed at an older version', async () => {
    const cache = new AnswerCache();
    await cache.get('k', '5', answer('"new"'));
    // A slow request that read version 4 finishes after the newer answer was kept.
    await cache.get('k', '4', answer('"old"'));
    expect((await cache.get('k', '5', answer('"again"'))).body.toString()).toBe('"new"');
  });

  it('stays within its bounds of answers and bytes, dropping the least recently used', async () => {
    const cache = new AnswerCache({ entries: 3, bytes: 100 });
    for (const k of ['a', 'b', 'c']) await cache.get(k, '1', answer('"x"'));
    await cache.get('a', '1', answer('"changed"'));
    await cache.get('d', '1', answer('"x"'));
    expect(cache.size.entries).toBe(3);
    // b was the least recently used: gone; a was used again: kept.
    expect((await cache.get('a', '1', answer('"recomputed"'))).body.toString()).toBe('"x"');
    expect((await cache.get('b', '1', answer('"recomputed"'))).body.toString()).toBe(
      '"recomputed"',
    );
    await cache.get('big', '1', answer(`"${'y'.repeat(90)}"`));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    // An answer larger than every bound is answered but not kept.
    await cache.get('huge', '1', answer(`"${'z'.repeat(200)}"`));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
  });

  it('makes each encoding once and counts its bytes while the answer is kept', async () => {
    const cache = new AnswerCache({ entries: 10, bytes: 100_000 });
    const json = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ i })) });
    const answer = await cache.get('k', '1', () => Promise.resolve({ json }));
    const before = cache.size.bytes;
    const made = cache.encodedBody(answer, 'gzip');
    expect(cache.encodedBody(answer, 'gzip')).toBe(made);
    const bytes = await made;
    await new Promise((resolve) => setImmediate(resolve));
    expect(zlib.gunzipSync(bytes).toString()).toBe(json);
    expect(cache.size.bytes).toBe(before + bytes.length);
    // A newer version replaces the answer and its encodings, and their bytes with them.
    await cache.get('k', '2', () => Promise.resolve({ json: '{}' }));
    expect(cache.size.bytes).toBe(2);
  });

  it('tags the bytes, and reads If-None-Match lists and weak forms', () => {
    const tag = contentEtag(Buffer.from('{"a":1}'));
    expect(tag).toBe(contentEtag(Buffer.from('{"a":1}')));
    expect(tag).not.toBe(contentEtag(Buffer.from('{"a":2}')));
    expect(namesEtag(`"other", ${tag}`, tag)).toBe(true);
    expect(namesEtag(`W/${tag}`, tag)).toBe(true);
    expect(namesEtag('*', tag)).toBe(true);
    expect(namesEtag('"other"', tag)).toBe(false);
    expect(namesEtag(undefined, tag)).toBe(false);
  });
});
