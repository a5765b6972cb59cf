/**
 * Reading numbers people type. Korean, Japanese and Chinese keyboards often give full-width
 * digits (１２３), and people paste figures with thousands separators ("7,840,000"): both are
 * accepted. A decimal comma is not, since every language Accord speaks writes a decimal point.
 */

/** The number in text, or null when the text is empty; NaN when it is not a number. */
export function parseNumberInput(text: string): number | null {
  const normalized = text
    .normalize('NFKC')
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[−–]/g, '-');
  if (normalized === '') return null;
  // Commas are only accepted as thousands separators: 1,234 or 1,234,567.89, never 1,5.
  if (normalized.includes(',')) {
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(normalized)) return Number.NaN;
  }
  const plain = normalized.replace(/,/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return Number.NaN;
  return Number(plain);
}

/** A year typed into a field: a whole number, or null when empty; NaN when not a whole number. */
export function parseYearInput(text: string): number | null {
  const value = parseNumberInput(text);
  if (value === null) return null;
  return Number.isInteger(value) ? value : Number.NaN;
}

/** A number as it is put back into an input: every digit it has, no grouping. */
export function numberInputText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(value);
}
