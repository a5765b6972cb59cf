import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportKind } from '../schemas';
import type { Layout } from './layouts';
import { LayoutNotRecognisedError, recogniseLayout, type RecognisedLayout } from './recognise';
import { UnreadableSheetError } from './unreadable';
import { workbookFile } from './workbook-file';

/**
 * Streams the rows of an uploaded CSV or XLSX file, one at a time, so memory stays flat
 * whatever the file's size, and finds the header row and its layout on the way in.
 */

export type SheetFormat = 'csv' | 'xlsx';

/** One row of the sheet as text, with its number as a spreadsheet shows it (1 = first row). */
export interface SheetRow {
  number: number;
  cells: (string | null)[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Looks at the first bytes: an XLSX file is a zip archive; anything else is read as CSV. */
export async function sniffFormat(
  input: Readable,
): Promise<{ format: SheetFormat; stream: Readable }> {
  const iterator: AsyncIterator<unknown> = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return { format: 'csv', stream: Readable.from([], { objectMode: false }) };
  const head = toBuffer(first.value);
  const format: SheetFormat = head.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
  async function* replay() {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  return { format, stream: Readable.from(replay(), { objectMode: false }) };
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  throw new Error('the upload is not a byte stream');
}

/** Line breaks in raw CSV text: CR LF, a lone LF and a lone CR each end one line. */
export function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\r' || (raw[i] === '\n' && raw[i - 1] !== '\r')) n++;
  }
  return n;
}

/**
 * The line breaks before the opening quote of the quoted field left open at the end of a
 * record's raw text, or null when no field is left open. Fields are read as the parser reads
 * them: a doubled quote inside quotes is a quote; a quote inside an unquoted field is text.
 */
export function openQuoteLine(raw: string): number | null {
  let opening = -1;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inQuotes) {
      if (c === '"') {
        if (raw[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (c === '"' && fieldStart) {
      inQuotes = true;
      opening = i;
      fieldStart = false;
    } else {
      fieldStart = c === ',' || c === '\n' || c === '\r';
    }
  }
  return inQuotes ? lineBreaks(raw.slice(0, opening)) : null;
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  index?: number;
  raw?: string;
}

/** A parser's error in words a person can act on, with the line (and row) it is about. */
function csvProblem(err: CsvParseError, linesRead: number, records: number): Error {
  if (typeof err.code !== 'string' || !err.code.startsWith('CSV_')) return err;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    // The open record's raw text starts on the line after the records read.
    const line = linesRead + 1 + (openQuoteLine(err.raw ?? '') ?? 0);
    const column = (err.index ?? 0) + 1;
    return new UnreadableSheetError(
      `The file ends inside a quoted field that starts on line ${line} ` +
        `(row ${records + 1}, column ${column}): its closing quote (") is missing`,
    );
  }
  const detail = err.message.replace(/^[^:]*:\s*/, '');
  return new UnreadableSheetError(
    `The file is not valid CSV in the record that starts on line ${linesRead + 1}: ${detail}`,
  );
}

export async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  // The lines and records the parser has read (those read but not yet handed on are dropped
  // when it fails), so that a failure can say on which line its record starts. Counted from
  // the raw text: the parser's own line count is off in CR LF files with line breaks in cells.
  let linesRead = 0;
  let records = 0;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // The raw text of the record being read comes with a parse error; each record's own copy is
    // dropped at once below.
    raw: true,
    // With raw on, the parser hands each record over as { record, raw } (its types say cells).
    on_record: (withRaw: unknown) => {
      const { record, raw } = withRaw as { record: string[]; raw: string };
      linesRead += lineBreaks(raw);
      records += 1;
      return record;
    },
  });
  // pipeline destroys the parser when the upload fails, which ends the loop below with the error.
  pipeline(input, parser, () => undefined);
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      yield { number, cells: record };
    }
  } catch (err) {
    throw csvProblem(err as CsvParseError, linesRead, records);
  }
}

/** A cell's value as text: numbers as written, dates as YYYY-MM-DD, rich text joined. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      text?: unknown;
      hyperlink?: string;
      result?: unknown;
      error?: string;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if (cell.hyperlink !== undefined) {
      const text = cellText(cell.text);
      return text && /^https?:\/\//i.test(text) ? text : cell.hyperlink;
    }
    if ('result' in cell) return cellText(cell.result);
    if (cell.error !== undefined) return null;
    if (cell.text !== undefined) return cellText(cell.text);
  }
  return null;
}

/** Rows of the workbook's first worksheet; the other sheets are read through and ignored. */
export async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let first = true;
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      if (!first) continue;
      const values = Array.isArray(row.values) ? row.values : [];
      // exceljs numbers cells from 1; index 0 is always empty.
      const cells = values.slice(1).map((value) => cellText(value));
      yield { number: row.number, cells: Array.from(cells, (cell) => cell ?? null) };
    }
    first = false;
  }
}

/** A data row with its cells keyed by Accord's field names; missing cells are absent. */
export interface FieldRow {
  number: number;
  fields: Partial<Record<string, string>>;
  /** The row's cells as read, for what looks at the columns no field reads. */
  cells?: readonly (string | null)[];
}

export interface OpenedSheet {
  format: SheetFormat;
  recognised: RecognisedLayout;
  /** Row number of the header row (1 or 2). */
  headerRow: number;
  rows: AsyncGenerator<FieldRow>;
  /** Ends the reading early, whether or not the rows were read: its temporary file goes. */
  close(): Promise<void>;
}

/**
 * Opens an upload: finds its format, reads the header from row 1 (or row 2, where newer Net
 * Zero Tracker exports put it under a row of column groups), recognises the layout and returns
 * the remaining rows keyed by field. Throws LayoutNotRecognisedError when neither row fits.
 */
export async function openSheet(
  input: Readable,
  kind: ImportKind,
  layouts?: readonly Layout[],
): Promise<OpenedSheet> {
  const { format, stream } = await sniffFormat(input);
  let sheet: AsyncGenerator<SheetRow>;
  if (format === 'xlsx') {
    // Checked whole before the workbook reader sees it, which would otherwise wait for ever.
    const workbook = await workbookFile(stream);
    sheet = (async function* () {
      try {
        yield* xlsxRows(fs.createReadStream(workbook.file));
      } finally {
        await workbook.remove().catch(() => undefined);
      }
    })();
  } else {
    sheet = csvRows(stream);
  }
  const attempts: LayoutNotRecognisedError[] = [];
  let recognised: RecognisedLayout | null = null;
  let headerRow = 0;
  for (let attempt = 0; attempt < 2 && recognised === null; attempt++) {
    const next = await sheet.next();
    if (next.done) break;
    try {
      recognised = recogniseLayout(
        kind,
        next.value.cells.map((cell) => cell ?? ''),
        layouts,
      );
      headerRow = next.value.number;
    } catch (err) {
      if (!(err instanceof LayoutNotRecognisedError)) throw err;
      attempts.push(err);
    }
  }
  if (recognised === null) {
    await sheet.return(undefined);
    const best = [...attempts].sort(
      (a, b) => a.closest.missing.length - b.closest.missing.length,
    )[0];
    throw (
      best ??
      new LayoutNotRecognisedError(kind, { layoutId: kind, missing: ['(the file is empty)'] })
    );
  }
  const { mapping } = recognised;
  const fields = Object.entries(mapping) as [string, number][];
  async function* dataRows(): AsyncGenerator<FieldRow> {
    for await (const row of sheet) {
      if (row.cells.every((cell) => cell === null || cell.trim() === '')) continue;
      const values: Partial<Record<string, string>> = {};
      for (const [field, index] of fields) {
        const cell = row.cells[index];
        if (cell !== null && cell !== undefined) values[field] = cell;
      }
      yield { number: row.number, fields: values, cells: row.cells };
    }
  }
  const close = async () => {
    await sheet.return(undefined);
  };
  return { format, recognised, headerRow, rows: dataRows(), close };
}
