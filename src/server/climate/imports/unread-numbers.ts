import type { ImportWarning } from '../schemas';
import type { FieldRow } from './read-rows';
import type { ColumnMatch } from './recognise';
import { parseNumber } from './values';

/**
 * Columns with numbers that no field reads: a figure the import would pass over without a word.
 * Each such column becomes a warning on the run, naming it, how many rows have a number in it
 * and the first of them. Columns a layout ignores on purpose (GDP, temperature) are not named.
 */
export class UnreadNumbers {
  private readonly watched: ColumnMatch[];
  private readonly seen = new Map<number, { rows: number; first: number }>();

  constructor(columns: readonly ColumnMatch[]) {
    this.watched = columns.filter((c) => c.field === null && !c.ignored);
  }

  see(row: FieldRow): void {
    if (!row.cells) return;
    for (const column of this.watched) {
      if (parseNumber(row.cells[column.index] ?? null) === null) continue;
      const seen = this.seen.get(column.index);
      if (seen) seen.rows += 1;
      else this.seen.set(column.index, { rows: 1, first: row.number });
    }
  }

  warnings(): ImportWarning[] {
    return this.watched.flatMap((column) => {
      const seen = this.seen.get(column.index);
      if (!seen) return [];
      return [
        {
          code: 'unread-numbers' as const,
          column: column.header,
          rows: seen.rows,
          firstRow: seen.first,
          detail:
            `The column "${column.header}" has numbers in ${seen.rows} ` +
            `row${seen.rows === 1 ? '' : 's'} (the first on row ${seen.first}) ` +
            'and no field reads it: they are not imported.',
        },
      ];
    });
  }
}
