import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Extensions are ours (from processImage/checkDocument), but a key is a path: keep them tame. */
const EXT = /^[a-z0-9]{1,10}$/;
/** Exactly what save() produces: two fan-out folders taken from the hash, then hash.ext. */
const KEY = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})\.([a-z0-9]{1,10})$/;

/** Uploads include drafts and private documents: only Accord's own user may read them. */
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * Uploaded files on disk, named by the SHA-256 of their content. The same bytes always get
 * the same key, so saving twice is harmless and identical uploads share one file. Keys fan
 * out over two folder levels so no folder grows to millions of entries.
 */
export class FileStore {
  private readonly root: string;
  private rootIsPrivate = false;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async save(data: Buffer, ext: string): Promise<{ key: string; bytes: number; sha256: string }> {
    const extension = ext.replace(/^\./, '').toLowerCase();
    if (!EXT.test(extension)) throw new Error(`Not a file extension FileStore accepts: "${ext}"`);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const key = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.${extension}`;
    const target = this.path(key);
    const result = { key, bytes: data.length, sha256 };

    // Content addressed: a file already there under this name holds these bytes.
    const existing = await fs.stat(target).catch((e: unknown) => {
      if (isMissing(e)) return undefined;
      throw e;
    });
    if (existing?.isFile() && existing.size === data.length) return result;

    const folder = path.dirname(target);
    await fs.mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER });
    if (!this.rootIsPrivate) {
      // The root may predate this rule (created readable); closing it closes everything below.
      await fs.chmod(this.root, PRIVATE_FOLDER);
      this.rootIsPrivate = true;
    }
    // Write beside the target and rename over it: readers see the whole file or none, never
    // a half-written one, even if the process dies mid-write. The temp name is unique so
    // two concurrent saves of the same content do not write into each other's file.
    const temp = path.join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await fs.open(temp, 'wx', PRIVATE_FILE);
      try {
        await handle.writeFile(data);
        // Flush before the rename, or a crash could leave a renamed but empty file.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    return result;
  }

  /** Absolute path for a key; refuses anything save() could not have produced. */
  path(key: string): string {
    const match = KEY.exec(key);
    if (!match || match[3]?.slice(0, 2) !== match[1] || match[3]?.slice(2, 4) !== match[2]) {
      throw new Error(`Not a FileStore key: "${key}"`);
    }
    return path.join(this.root, key);
  }

  /** The stored bytes; rejects with the ENOENT error when the file is gone. */
  async read(key: string): Promise<Buffer> {
    return fs.readFile(this.path(key));
  }

  /** Deletes the file; one that is already gone is not an error. */
  async remove(key: string): Promise<void> {
    await fs.rm(this.path(key), { force: true });
  }
}
