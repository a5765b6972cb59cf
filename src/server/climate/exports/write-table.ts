import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { safeCsvCell } from '../../http/csv-cell';

/**
 * Writes a table, row by row as its source yields them, as CSV or XLSX. CSV starts with a
 * UTF-8 byte-order mark: without it Excel in East Asian locales reads UTF-8 as the local code
 * page and garbles names in Japanese, Korean or Chinese. CSV cells go through `safeCsvCell`, so
 * text never opens as a formula (XLSX cells are typed, never formulas). Both end the output stream.
 */

export type TableFormat = 'csv' | 'xlsx';
export type Cell = string | number | null;

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function writeTable(
  format: TableFormat,
  header: readonly string[],
  rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>,
  out: Writable,
  sheetName = 'Sheet1',
): Promise<void> {
  if (format === 'csv') {
    const csv = stringify({ bom: true });
    async function* lines() {
      yield header.map(safeCsvCell);
      for await (const row of rows) yield row.map(safeCsvCell);
    }
    await pipeline(Readable.from(lines()), csv, out);
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).commit();
  for await (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
}
