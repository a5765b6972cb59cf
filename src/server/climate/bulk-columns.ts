import type { BulkColumn, SqlType } from '../db/bulk-update';

/**
 * Helpers of the climate repositories' bulk writers (the importer's): no queries here, so the
 * store does not bind them.
 */

/**
 * Ids of rows one multi-row INSERT created, in the order of its VALUES: both databases number
 * a statement's rows as they insert them, in that order, so the ascending ids are the input's.
 */
export function inInputOrder(rows: { id: number }[]): number[] {
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** The columns a bulk update sets: those of its first row, which every row must set. */
export function bulkColumns<T extends string>(
  types: Record<T, SqlType>,
  rows: readonly { values: object }[],
): BulkColumn[] {
  const first = rows[0];
  if (!first) return [];
  const names = Object.keys(first.values).sort() as T[];
  for (const row of rows) {
    if (Object.keys(row.values).sort().join() !== names.join()) {
      throw new Error('A bulk update sets the same columns on every row.');
    }
  }
  return names.map((name) => ({ name, type: types[name] }));
}
