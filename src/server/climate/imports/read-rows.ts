import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportReason, RunProblem } from '../../../core/climate/import-reasons';
import type { ImportKind } from '../schemas';
import {
  decodeStream,
  detectEncoding,
  ENCODING_SAMPLE_BYTES,
  peek,
  type DecodedText,
  type DetectedEncoding,
  type TextEncoding,
} from './decode';
import { lineBreaks, openQuoteLine } from './lines';
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
  /** The line of the file it starts on (CSV: after cells with line breaks, more than number). */
  line: number;
  cells: (string | null)[];
  /** CSV: whether a line break ends the row (the last row of a file cut short has none). */
  terminated?: boolean;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The most characters a cell may hold: Excel's own limit, far above any real CDP or tracker
 * cell (their longest are about 2,400). A longer cell is refused, with its row and column.
 */
export const MAX_CELL_CHARS = 32_767;
/**
 * The most characters a CSV row may hold, all its cells together; the parser stops reading a
 * row there, so a cell of 200 MB (or a quote never closed) costs no more memory than this.
 */
export const MAX_ROW_CHARS = 1024 * 1024;

/** Looks at the first bytes: an XLSX file is a zip archive; anything else is read as CSV. */
export async function sniffFormat(
  input: Readable,
): Promise<{ format: SheetFormat; head: Buffer; stream: Readable }> {
  const { head, stream } = await peek(input, ENCODING_SAMPLE_BYTES);
  const format: SheetFormat = head.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
  return { format, head, stream };
}

export { lineBreaks, openQuoteLine };

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  index?: number;
  raw?: string;
  column?: number | string | null;
  quoting?: boolean;
}

/** A CSV row longer than MAX_ROW_CHARS: where it starts and the column it was in. */
export class RowTooLongError extends UnreadableSheetError {
  constructor(
    readonly line: number,
    readonly row: number,
    /** 0-based index of the cell being read when the row passed the limit. */
    readonly column: number,
    /** Whether that cell is quoted (its closing quote may be missing). */
    readonly quoted: boolean,
    /** The file's first row, which names the columns in most files. */
    readonly firstRow: readonly string[] = [],
  ) {
    super(
      `Row ${row} (from line ${line}) is longer than ${MAX_ROW_CHARS.toLocaleString('en')} ` +
        `characters, in column ${columnName(column)}`,
      tooLong(line, row, columnName(column), quoted),
    );
  }
}

function tooLong(line: number, row: number, column: string, quoted: boolean): RunProblem {
  const params = { line, row, column, max: MAX_CELL_CHARS };
  return { code: quoted ? 'row-too-long-open-quote' : 'row-too-long', params };
}

/** A parser's error in words a person can act on, with the line (and row) it is about. */
function csvProblem(
  err: CsvParseError,
  linesRead: number,
  records: number,
  firstRow: readonly string[],
): Error {
  if (typeof err.code !== 'string' || !err.code.startsWith('CSV_')) return err;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    // The open record's raw text starts on the line after the records read.
    const line = linesRead + 1 + (openQuoteLine(err.raw ?? '') ?? 0);
    const column = (err.index ?? 0) + 1;
    return new UnreadableSheetError(
      `The file ends inside a quoted field that starts on line ${line} ` +
        `(row ${records + 1}, column ${column}): its closing quote (") is missing`,
      { code: 'quote-not-closed', params: { line, row: records + 1, column } },
    );
  }
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    const raw = err.raw ?? '';
    const lead = /^[\r\n]*/.exec(raw)?.[0] ?? '';
    const column = typeof err.column === 'number' ? err.column : (err.index ?? 0);
    return new RowTooLongError(
      linesRead + lineBreaks(lead) + 1,
      records + 1,
      column,
      err.quoting === true || openQuoteLine(raw) !== null,
      firstRow,
    );
  }
  const detail = err.message.replace(/^[^:]*:\s*/, '');
  return new UnreadableSheetError(
    `The file is not valid CSV in the record that starts on line ${linesRead + 1}: ${detail}`,
    { code: 'not-valid-csv', params: { line: linesRead + 1, detail } },
  );
}

/**
 * Rows of CSV text (UTF-8 bytes, as decodeStream gives them). When the text ended early because
 * the file could not be decoded further (`decoding.failure`), that is the error, not whatever
 * the parser makes of the text's cut end.
 */
export async function* csvRows(
  input: Readable,
  decoding?: Pick<DecodedText, 'failure'>,
): AsyncGenerator<SheetRow> {
  // The lines and records the parser has read (those read but not yet handed on are dropped
  // when it fails), so that a failure can say on which line its record starts. Counted from
  // the raw text: the parser's own line count is off in CR LF files with line breaks in cells.
  let linesRead = 0;
  let records = 0;
  let firstRow: string[] = [];
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_ROW_CHARS,
    // The raw text of the record being read comes with a parse error; each record's own copy is
    // dropped at once below.
    raw: true,
    // With raw on, the parser hands each record over as { record, raw } (its types say cells).
    on_record: (withRaw: unknown) => {
      const { record, raw } = withRaw as { record: string[]; raw: string };
      // Empty lines the parser skipped come first in the raw text of the record after them.
      const lead = /^[\r\n]*/.exec(raw)?.[0] ?? '';
      const line = linesRead + lineBreaks(lead) + 1;
      linesRead += lineBreaks(raw);
      records += 1;
      if (records === 1) firstRow = record;
      return { record, line, terminated: /[\r\n]$/.test(raw) } as unknown as string[];
    },
  });
  // pipeline destroys the parser when the upload fails, which ends the loop below with the error.
  pipeline(input, parser, () => undefined);
  let number = 0;
  const undecodable = () => {
    const failure = decoding?.failure() ?? null;
    // The rest of the upload is not read: ending the text's stream ends the upload's.
    if (failure) input.destroy();
    return failure;
  };
  try {
    for await (const parsed of parser as AsyncIterable<unknown>) {
      const { record, line, terminated } = parsed as {
        record: string[];
        line: number;
        terminated: boolean;
      };
      number += 1;
      yield { number, line, cells: record, terminated };
    }
  } catch (err) {
    throw undecodable() ?? csvProblem(err as CsvParseError, linesRead, records, firstRow);
  }
  const failure = undecodable();
  if (failure) throw failure;
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
      yield {
        number: row.number,
        line: row.number,
        cells: Array.from(cells, (cell) => cell ?? null),
      };
    }
    first = false;
  }
}

/** A data row with its cells keyed by Accord's field names; missing cells are absent. */
export interface FieldRow {
  number: number;
  fields: Partial<Record<string, string>>;
  /** What the row report should say of the row whatever becomes of it (a file cut short?). */
  notes?: ImportReason[];
  /** The row's cells as read, for what looks at the columns no field reads. */
  cells?: readonly (string | null)[];
  /** Fields made from other fields' columns (a long table's lines), for the row report. */
  derived?: Readonly<Partial<Record<string, readonly string[]>>>;
}

export interface OpenedSheet {
  format: SheetFormat;
  /** The CSV file's character encoding (null for XLSX, which says its own). */
  encoding: TextEncoding | null;
  /** How the encoding was known: named by the person importing, or detected (and how). */
  encodingBy: 'chosen' | DetectedEncoding['by'] | null;
  recognised: RecognisedLayout;
  /** Row number of the header row (1 or 2). */
  headerRow: number;
  rows: AsyncGenerator<FieldRow>;
  /** Ends the reading early, whether or not the rows were read: its temporary file goes. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The CSV file's encoding as the person importing names it; detected when not given. */
  encoding?: TextEncoding | undefined;
}

/** A spreadsheet's name of a column: A … Z, AA … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function columnName(index: number, headers?: readonly (string | null)[]): string {
  const header = headers?.[index]?.trim();
  return header ? `${columnLetter(index)} ("${header.slice(0, 80)}")` : columnLetter(index);
}

/** Where a row is, for messages: its line, and its row number when the two differ. */
function rowPlace(row: Pick<SheetRow, 'number' | 'line'>): string {
  return row.line === row.number ? `line ${row.line}` : `line ${row.line} (row ${row.number})`;
}

const isBlank = (cell: string | null | undefined) =>
  cell === null || cell === undefined || cell.trim() === '';

/**
 * Opens an upload: finds its format and (for CSV) its encoding, reads the header from row 1
 * (or row 2, where newer Net Zero Tracker exports put it under a row of column groups),
 * recognises the layout and returns the remaining rows keyed by field. Throws
 * LayoutNotRecognisedError when neither row fits.
 *
 * The rows are checked as they are read: in a CSV file every row has the header's cells (a
 * row with fewer, or with more that hold something, is an error naming its line: a file cut
 * short or a broken row), and no cell is longer than MAX_CELL_CHARS. A reader that reads all
 * rows before writing anything (the importer does) so writes nothing from a broken file.
 */
export async function openSheet(
  input: Readable,
  kind: ImportKind,
  layouts?: readonly Layout[],
  options: OpenOptions = {},
): Promise<OpenedSheet> {
  const { format, head, stream } = await sniffFormat(input);
  let sheet: AsyncGenerator<SheetRow>;
  let encoding: TextEncoding | null = null;
  let encodingBy: OpenedSheet['encodingBy'] = null;
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
    if (options.encoding) {
      encoding = options.encoding;
      encodingBy = 'chosen';
    } else {
      const detected = detectEncoding(head);
      encoding = detected.encoding;
      encodingBy = detected.by;
    }
    const decoded = decodeStream(stream, encoding, { chosen: encodingBy === 'chosen' });
    sheet = csvRows(decoded.stream, decoded);
  }
  const attempts: LayoutNotRecognisedError[] = [];
  let recognised: RecognisedLayout | null = null;
  let headerRow = 0;
  let headers: (string | null)[] = [];
  for (let attempt = 0; attempt < 2 && recognised === null; attempt++) {
    const next = await sheet.next().catch(async (err: unknown) => {
      await sheet.return(undefined).catch(() => undefined);
      throw explain(err);
    });
    if (next.done) break;
    try {
      recognised = recogniseLayout(
        kind,
        next.value.cells.map((cell) => cell ?? ''),
        layouts,
      );
      headerRow = next.value.number;
      headers = next.value.cells;
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
  // Cells a row must have: up to the last header that says something (trailing empty headers
  // may have no cells below them); cells past the header's must be empty.
  let width = headers.length;
  while (width > 0 && isBlank(headers[width - 1])) width--;

  const check = (row: SheetRow, last: boolean): ImportReason[] => {
    const at = { line: row.line, row: row.number };
    row.cells.forEach((cell, index) => {
      if (cell !== null && cell.length > MAX_CELL_CHARS) {
        const column = columnName(index, headers);
        throw new UnreadableSheetError(
          `The cell in column ${column} on ${rowPlace(row)} holds ` +
            `${cell.length.toLocaleString('en')} characters; a cell may hold up to ` +
            `${MAX_CELL_CHARS.toLocaleString('en')}`,
          {
            code: 'cell-too-long',
            params: { ...at, column, chars: cell.length, max: MAX_CELL_CHARS },
          },
        );
      }
    });
    if (format !== 'csv') return [];
    const cells = row.cells.length;
    if (cells < width) {
      const cut = last && row.terminated === false;
      const params = { ...at, cells, width };
      throw new UnreadableSheetError(
        cut
          ? `The file ends in the middle of the row on ${rowPlace(row)}: it has ${cells} of the ` +
              `header's ${width} cells. The file seems cut short; nothing was imported from it`
          : `The row on ${rowPlace(row)} has ${cells} cells where the header has ${width}` +
              `${last ? ' (it is the last row: the file may be cut short)' : ''}; ` +
              'check the file for a broken row',
        cut
          ? { code: 'file-cut-short-in-row', params }
          : { code: last ? 'last-row-too-few-cells' : 'row-too-few-cells', params },
      );
    }
    const extra = row.cells.findIndex((cell, index) => index >= headers.length && !isBlank(cell));
    if (extra >= 0) {
      const value = (row.cells[extra] ?? '').slice(0, 40);
      throw new UnreadableSheetError(
        `The row on ${rowPlace(row)} has ${cells} cells where the header has ` +
          `${headers.length} (column ${columnLetter(extra)} holds "${value}"); ` +
          'a separator too many, or a quote missing?',
        {
          code: 'row-too-many-cells',
          params: { ...at, cells, width: headers.length, column: columnLetter(extra), value },
        },
      );
    }
    return last && row.terminated === false ? [{ code: 'last-row-unterminated' }] : [];
  };
  const toFields = (row: SheetRow, notes: ImportReason[]): FieldRow => {
    const values: Partial<Record<string, string>> = {};
    for (const [field, index] of fields) {
      const cell = row.cells[index];
      if (cell !== null && cell !== undefined) values[field] = cell;
    }
    return notes.length > 0
      ? { number: row.number, fields: values, cells: row.cells, notes }
      : { number: row.number, fields: values, cells: row.cells };
  };
  function explain(err: unknown): unknown {
    if (!(err instanceof RowTooLongError)) return err;
    const column = columnName(err.column, headers.length > 0 ? headers : err.firstRow);
    return new UnreadableSheetError(
      `Row ${err.row} (from line ${err.line}) is longer than ` +
        `${MAX_ROW_CHARS.toLocaleString('en')} characters, in column ${column}` +
        `: a cell may hold up to ${MAX_CELL_CHARS.toLocaleString('en')} characters` +
        (err.quoted ? ' (or is a quote that opens the cell there never closed?)' : ''),
      tooLong(err.line, err.row, column, err.quoted),
    );
  }
  async function* dataRows(): AsyncGenerator<FieldRow> {
    // One row behind the reading, so that the last row is known as the last.
    let pending: SheetRow | null = null;
    try {
      for await (const row of sheet) {
        if (row.cells.every(isBlank)) continue;
        if (pending) yield toFields(pending, check(pending, false));
        pending = row;
      }
    } catch (err) {
      throw explain(err);
    }
    if (pending) yield toFields(pending, check(pending, true));
  }
  const close = async () => {
    await sheet.return(undefined);
  };
  return { format, encoding, encodingBy, recognised, headerRow, rows: dataRows(), close };
}
