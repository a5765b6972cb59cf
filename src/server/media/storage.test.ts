import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from './storage';

describe('FileStore', () => {
  let dir: string;
  let store: FileStore;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'accord-media-'));
    store = new FileStore(path.join(dir, 'uploads'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('saves under a key made from the SHA-256 of the content and reads it back', async () => {
    const data = Buffer.from('minutes of the 12th assembly, 서울');
    const sha256 = createHash('sha256').update(data).digest('hex');
    const saved = await store.save(data, 'txt');
    expect(saved).toEqual({
      key: `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.txt`,
      bytes: data.length,
      sha256,
    });
    expect(store.path(saved.key)).toBe(path.join(dir, 'uploads', ...saved.key.split('/')));
    expect(await fs.readFile(store.path(saved.key))).toEqual(data);
    expect(await store.read(saved.key)).toEqual(data);
  });

  it('is idempotent: the same bytes twice give one file and the same key', async () => {
    const data = Buffer.from([1, 2, 3, 4]);
    const first = await store.save(data, 'jpg');
    const stat = await fs.stat(store.path(first.key));
    const second = await store.save(data, '.JPG');
    expect(second).toEqual(first);
    // Rewriting would have renamed a new file into place, with a new inode.
    expect((await fs.stat(store.path(first.key))).ino).toBe(stat.ino);
    const folder = path.dirname(store.path(first.key));
    expect(await fs.readdir(folder)).toEqual([path.basename(first.key)]);
  });

  it('survives concurrent saves of the same content and leaves no temp files', async () => {
    const data = Buffer.alloc(256 * 1024, 7);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.save(data, 'png')));
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    const key = results[0]!.key;
    expect(await store.read(key)).toEqual(data);
    expect(await fs.readdir(path.dirname(store.path(key)))).toEqual([path.basename(key)]);
  });

  it('gives different content different keys', async () => {
    const a = await store.save(Buffer.from('a'), 'txt');
    const b = await store.save(Buffer.from('b'), 'txt');
    expect(a.key).not.toBe(b.key);
    expect((await store.read(b.key)).toString()).toBe('b');
  });

  it('removes a file, and removing a missing one is fine', async () => {
    const { key } = await store.save(Buffer.from('bye'), 'txt');
    await store.remove(key);
    await expect(fs.access(store.path(key))).rejects.toThrow();
    await expect(store.remove(key)).resolves.toBeUndefined();
    await expect(store.read(key)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses extensions that could change the path', async () => {
    for (const ext of ['', '../x', 'a/b', 'jp g', 'waytoolongext']) {
      await expect(store.save(Buffer.from('x'), ext)).rejects.toThrow(/extension/);
    }
  });

  const sha = 'ab'.repeat(32);
  it.each([
    '../../etc/passwd',
    `ab/ab/../../../${sha}.txt`,
    `/ab/ab/${sha}.txt`,
    `/etc/passwd`,
    `ab\\ab\\${sha}.txt`,
    `ab/ab/${sha}.txt/..`,
    `ab/ab/${sha}`,
    `ab/cd/${sha}.txt`, // folders that do not match the hash
    `AB/AB/${sha.toUpperCase()}.txt`,
    `ab/ab/${sha}.txt\0.jpg`,
    `ab/ab/${sha.slice(1)}.txt`,
    '',
  ])('rejects the key %j', async (key) => {
    expect(() => store.path(key)).toThrow(/Not a FileStore key/);
    await expect(store.read(key)).rejects.toThrow(/Not a FileStore key/);
    await expect(store.remove(key)).rejects.toThrow(/Not a FileStore key/);
  });

  it('accepts a well-formed key for a file it never saved', () => {
    expect(store.path(`ab/ab/${sha}.txt`)).toBe(
      path.join(dir, 'uploads', 'ab', 'ab', `${sha}.txt`),
    );
  });
});

describe('FileStore permissions', () => {
  it('keeps uploads to their owner: folders 0700, files 0600', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'accord-media-modes-'));
    try {
      const root = path.join(dir, 'uploads');
      // A folder an earlier version made readable to everyone is closed too.
      await fs.mkdir(root, { mode: 0o755 });
      await fs.chmod(root, 0o755);
      const store = new FileStore(root);
      const saved = await store.save(Buffer.from('a photo of a draft meeting'), 'jpg');
      const file = store.path(saved.key);
      const modeOf = async (p: string) => ((await fs.stat(p)).mode & 0o777).toString(8);
      expect(await modeOf(root)).toBe('700');
      expect(await modeOf(path.dirname(file))).toBe('700');
      expect(await modeOf(path.dirname(path.dirname(file)))).toBe('700');
      expect(await modeOf(file)).toBe('600');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
