import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

/**
 * A temporary file of JSON lines. The importer reads the upload once, writes each mapped row
 * here, and reads them back as often as it needs to: so it knows the row count before it
 * starts, and it can write end targets before the interim targets that point at them without
 * holding the file in memory.
 */
export class Spool<T> {
  /** Why the spool can take no more rows: a failed write, or it was removed. */
  private failure: Error | null = null;

  private constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly out: fs.WriteStream,
  ) {
    // A write stream that fails with no listener throws from an event: in the server that is an
    // uncaught exception, the end of every request in flight. The error is kept and given to
    // the next write instead.
    out.on('error', (err) => {
      this.failure ??= new Error(`the import's spool failed: ${err.message}`);
    });
  }

  static async create<T>(): Promise<Spool<T>> {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'accord-import-'));
    const file = path.join(dir, 'rows.jsonl');
    const out = fs.createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
    await once(out, 'open');
    return new Spool<T>(dir, file, out);
  }

  async write(item: T): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.write(`${JSON.stringify(item)}\n`)) return;
    // Wait for the buffer to drain, or for the spool to fail or be removed meanwhile.
    await new Promise<void>((resolve, reject) => {
      const settle = () => {
        this.out.off('drain', settle);
        this.out.off('close', settle);
        if (this.failure) reject(this.failure);
        else resolve();
      };
      this.out.on('drain', settle);
      this.out.on('close', settle);
    });
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.closed) return;
    this.out.end();
    await once(this.out, 'close');
    if (this.failure) throw this.failure;
  }

  async *read(): AsyncGenerator<T> {
    const lines = readline.createInterface({
      input: fs.createReadStream(this.file, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (line !== '') yield JSON.parse(line) as T;
    }
  }

  async remove(): Promise<void> {
    this.failure ??= new Error("the import's spool was removed");
    if (!this.out.closed) {
      this.out.destroy();
      await once(this.out, 'close').catch(() => undefined);
    }
    await fs.promises.rm(this.dir, { recursive: true, force: true });
  }
}
