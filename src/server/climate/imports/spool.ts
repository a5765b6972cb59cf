import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Lines are gathered and written in pieces of about this many characters (and read so). */
const PIECE = 1 << 20;
const NEWLINE = 0x0a;

/**
 * A temporary file of JSON lines. The importer reads the upload once, writes each mapped row
 * here, and reads them back as often as it needs to: so it knows the row count before it
 * starts, and it can write end targets before the interim targets that point at them without
 * holding the file in memory.
 */
export class Spool<T> {
  /** Why the spool can take no more rows: a failed write, or it was removed. */
  private failure: Error | null = null;
  /**
   * Lines not yet handed to the stream: one write per piece, not one per row (a write and its
   * promise per row cost as much as the JSON).
   */
  private pending: string[] = [];
  private pendingLength = 0;
  /** A descriptor for readAt, opened at its first call. */
  private reader: number | null = null;

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
    const line = `${JSON.stringify(item)}\n`;
    this.pending.push(line);
    this.pendingLength += line.length;
    if (this.pendingLength >= PIECE) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const piece = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    if (this.out.write(piece)) return;
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
    await this.flush();
    this.out.end();
    await once(this.out, 'close');
    if (this.failure) throw this.failure;
  }

  /** The items in the order written. */
  async *read(): AsyncGenerator<T> {
    for await (const { item } of this.readPlaced()) yield item;
  }

  /**
   * The items in the order written, each with its place (where its line starts) for readAt;
   * read in pieces (readline's events cost more per line than the JSON does).
   */
  async *readPlaced(): AsyncGenerator<{ item: T; place: number }> {
    let rest: Buffer = Buffer.alloc(0);
    let restAt = 0;
    const input = fs.createReadStream(this.file, { highWaterMark: PIECE });
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
        if (end > start) {
          yield {
            item: JSON.parse(bytes.toString('utf8', start, end)) as T,
            place: restAt + start,
          };
        }
        start = end + 1;
      }
      rest = bytes.subarray(start);
      restAt += start;
    }
    if (rest.length > 0) yield { item: JSON.parse(rest.toString('utf8')) as T, place: restAt };
  }

  /** The item whose line starts at `place` (from readPlaced), once the spool is closed. */
  readAt(place: number): T {
    this.reader ??= fs.openSync(this.file, 'r');
    const parts: Buffer[] = [];
    for (let at = place; ;) {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      const read = fs.readSync(this.reader, buffer, 0, buffer.length, at);
      if (read === 0) break;
      const end = buffer.subarray(0, read).indexOf(NEWLINE);
      parts.push(buffer.subarray(0, end === -1 ? read : end));
      if (end !== -1) break;
      at += read;
    }
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as T;
  }

  async remove(): Promise<void> {
    this.failure ??= new Error("the import's spool was removed");
    this.pending = [];
    if (this.reader !== null) {
      fs.closeSync(this.reader);
      this.reader = null;
    }
    if (!this.out.closed) {
      this.out.destroy();
      await once(this.out, 'close').catch(() => undefined);
    }
    await fs.promises.rm(this.dir, { recursive: true, force: true });
  }
}
