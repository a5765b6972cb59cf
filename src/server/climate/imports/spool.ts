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
  private constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly out: fs.WriteStream,
  ) {}

  static async create<T>(): Promise<Spool<T>> {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'accord-import-'));
    const file = path.join(dir, 'rows.jsonl');
    const out = fs.createWriteStream(file, { encoding: 'utf8' });
    await once(out, 'open');
    return new Spool<T>(dir, file, out);
  }

  async write(item: T): Promise<void> {
    if (!this.out.write(`${JSON.stringify(item)}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (this.out.closed) return;
    this.out.end();
    await once(this.out, 'close');
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
    if (!this.out.closed) this.out.destroy();
    await fs.promises.rm(this.dir, { recursive: true, force: true });
  }
}
