import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { UnreadableSheetError } from './unreadable';

/**
 * An XLSX upload kept in a temporary file and checked as a zip archive before the workbook
 * reader sees it. That reader (exceljs) waits for ever, answering nothing, on an archive that
 * was cut short or whose parts do not inflate to what its directory says: the check reads the
 * directory at the end of the file and inflates every part once, comparing size and CRC.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_LENGTH = 22;
const MAX_COMMENT = 0xffff;

const incomplete = () =>
  new UnreadableSheetError(
    'The workbook is incomplete: the end of its zip archive is missing (was the file cut short?)',
    { code: 'workbook-incomplete' },
  );
const damaged = (part: string) =>
  new UnreadableSheetError(`The workbook is damaged: its part "${part}" cannot be read`, {
    code: 'workbook-damaged',
    params: { part },
  });

export interface WorkbookFile {
  file: string;
  remove(): Promise<void>;
}

async function read(handle: fs.promises.FileHandle, position: number, length: number) {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

interface Part {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  localHeader: number;
}

/** The archive's directory: where each part is and what it must inflate to. */
async function directory(handle: fs.promises.FileHandle, fileSize: number): Promise<Part[] | null> {
  const tailLength = Math.min(fileSize, EOCD_LENGTH + MAX_COMMENT);
  const tail = await read(handle, fileSize - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - EOCD_LENGTH; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw incomplete();
  const entries = tail.readUInt16LE(at + 10);
  const size = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  // A ZIP64 archive (over 4 GB or 65,535 parts) is far beyond an upload: left to the reader.
  if (entries === 0xffff || offset === 0xffffffff) return null;
  const endOfDirectory = fileSize - tailLength + at;
  if (offset + size > endOfDirectory) throw incomplete();
  const central = await read(handle, offset, size);
  const parts: Part[] = [];
  let p = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > central.length || central.readUInt32LE(p) !== CENTRAL)
      throw damaged('(directory)');
    const nameLength = central.readUInt16LE(p + 28);
    const part: Part = {
      name: central.toString('utf8', p + 46, p + 46 + nameLength),
      method: central.readUInt16LE(p + 10),
      crc: central.readUInt32LE(p + 16),
      compressed: central.readUInt32LE(p + 20),
      size: central.readUInt32LE(p + 24),
      localHeader: central.readUInt32LE(p + 42),
    };
    parts.push(part);
    p += 46 + nameLength + central.readUInt16LE(p + 30) + central.readUInt16LE(p + 32);
  }
  return parts;
}

/** Inflates one part and compares it with the directory's size and CRC. */
async function checkPart(file: string, handle: fs.promises.FileHandle, part: Part, end: number) {
  const local = await read(handle, part.localHeader, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw damaged(part.name);
  const start = part.localHeader + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + part.compressed > end) throw damaged(part.name);
  if (part.method !== 0 && part.method !== 8) throw damaged(part.name);
  let crc = 0;
  let size = 0;
  if (part.compressed === 0) {
    if (part.size !== 0) throw damaged(part.name);
    return;
  }
  const raw = fs.createReadStream(file, {
    start,
    end: start + part.compressed - 1,
    highWaterMark: 256 * 1024,
  });
  const count = async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
    }
  };
  try {
    if (part.method === 0) await pipeline(raw, count);
    else await pipeline(raw, zlib.createInflateRaw(), count);
  } catch {
    throw damaged(part.name);
  }
  if (size !== part.size || (size > 0 && crc >>> 0 !== part.crc >>> 0)) throw damaged(part.name);
}

/** Keeps the upload in a temporary file and checks it; throws UnreadableSheetError when it is not whole. */
export async function workbookFile(input: Readable): Promise<WorkbookFile> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'accord-import-'));
  const file = path.join(dir, 'upload.xlsx');
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    await pipeline(input, fs.createWriteStream(file));
    const handle = await fs.promises.open(file, 'r');
    try {
      const { size } = await handle.stat();
      const parts = await directory(handle, size);
      for (const part of parts ?? []) await checkPart(file, handle, part, size);
    } finally {
      await handle.close();
    }
    return { file, remove };
  } catch (err) {
    await remove().catch(() => undefined);
    throw err;
  }
}
