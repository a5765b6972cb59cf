/**
 * A cell as Accord writes it to CSV. Text a spreadsheet would take for a formula (starting with
 * =, +, -, @, a tab or a carriage return) gets a leading single quote, so a government named
 * `=HYPERLINK(…)` opens as text, not as a formula (CSV injection). Numbers, and text that is a
 * plain number such as "-12.5", stay as they are: a spreadsheet reads them as numbers. Every CSV
 * writer passes its cells through this.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function safeCsvCell(cell: CsvCell): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return cell;
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * The inverse of safeCsvCell for a reader of Accord's own CSV: text that starts with a single
 * quote followed by what would open a formula loses the quote safeCsvCell put there.
 */
export function unquotedCsvText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
