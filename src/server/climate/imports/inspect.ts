import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { ImportKind } from '../schemas';
import { FIELDS_OF, type Layout } from './layouts';
import { decodeStream, detectEncoding, type TextEncoding } from './decode';
import { csvRows, sniffFormat, xlsxRows, type SheetRow } from './read-rows';
import {
  LayoutNotRecognisedError,
  recogniseLayout,
  suggestMapping,
  type ColumnMatch,
} from './recognise';
import { MAPPING_NEEDS } from './saved-layouts';
import { clip, parseNumber, present } from './values';
import { workbookFile } from './workbook-file';

/**
 * The mapping step's view of a file: its header row, each column with what Accord reads from it
 * (by a known layout, else by meaning alone) and a few of its values, so that a person can say
 * which field each column holds when no layout fits. Reads the header and the first rows only
 * (an XLSX workbook is checked whole first, as an import does).
 */

/** Data rows looked at for samples and numbers. */
const SAMPLE_ROWS = 50;
/** Values shown per column. */
const SAMPLES = 3;

export interface InspectedColumn extends ColumnMatch {
  /** Some of the sampled values are numbers. */
  numeric: boolean;
  samples: string[];
}

export interface InspectedSheet {
  kind: ImportKind;
  /** The row the headers are on (1, or 2 under a row of column groups). */
  headerRow: number;
  /** The layout that fits, or null: then the mapping step asks. */
  layout: string | null;
  /** What the closest layout misses, when none fits. */
  missing: string[];
  columns: InspectedColumn[];
  /** The kind's fields, and what a mapping must name (MAPPING_NEEDS). */
  fields: string[];
  needs: { all: string[]; oneOf: string[][] };
}

async function openRows(
  input: Readable,
  encoding: TextEncoding | undefined,
): Promise<{ rows: AsyncGenerator<SheetRow>; close(): Promise<void> }> {
  const { format, head, stream } = await sniffFormat(input);
  if (format === 'csv') {
    // Read as an import reads it: in the encoding chosen, or the one detected.
    const decoded = decodeStream(stream, encoding ?? detectEncoding(head).encoding, {
      chosen: encoding !== undefined,
    });
    const rows = csvRows(decoded.stream, decoded);
    return { rows, close: async () => void (await rows.return(undefined)) };
  }
  const workbook = await workbookFile(stream);
  const rows = xlsxRows(fs.createReadStream(workbook.file));
  return {
    rows,
    async close() {
      await rows.return(undefined);
      await workbook.remove().catch(() => undefined);
    },
  };
}

const filled = (cells: readonly (string | null)[]) =>
  cells.filter((c) => c !== null && c.trim() !== '').length;

export async function inspectSheet(
  input: Readable,
  kind: ImportKind,
  layouts: readonly Layout[],
  options: { encoding?: TextEncoding | undefined } = {},
): Promise<InspectedSheet> {
  const sheet = await openRows(input, options.encoding);
  try {
    const firstRows: SheetRow[] = [];
    for (let i = 0; i < 2; i++) {
      const next = await sheet.rows.next();
      if (next.done) break;
      firstRows.push(next.value);
    }
    // The header row is the first one a layout fits; else the fuller of the first two.
    let header: SheetRow | undefined;
    let columns: ColumnMatch[] = [];
    let layout: string | null = null;
    let missing: string[] = [];
    for (const row of firstRows) {
      try {
        const recognised = recogniseLayout(
          kind,
          row.cells.map((c) => c ?? ''),
          layouts,
        );
        header = row;
        columns = recognised.columns;
        layout = recognised.layout.id;
        break;
      } catch (err) {
        if (!(err instanceof LayoutNotRecognisedError)) throw err;
        if (missing.length === 0 || err.closest.missing.length < missing.length) {
          missing = err.closest.missing;
        }
      }
    }
    if (!header) {
      header = [...firstRows].sort((a, b) => filled(b.cells) - filled(a.cells))[0];
      if (header)
        columns = suggestMapping(
          kind,
          header.cells.map((c) => c ?? ''),
        );
    }
    if (!header) {
      return {
        kind,
        headerRow: 1,
        layout: null,
        missing,
        columns: [],
        fields: [...FIELDS_OF[kind]],
        needs: MAPPING_NEEDS[kind],
      };
    }
    if (layout !== null) missing = [];
    const samples = new Map<number, string[]>();
    const numeric = new Set<number>();
    const look = (row: SheetRow) => {
      for (const column of columns) {
        const text = present(row.cells[column.index] ?? null);
        if (text === null) continue;
        if (parseNumber(text) !== null) numeric.add(column.index);
        const list = samples.get(column.index) ?? [];
        if (list.length < SAMPLES && !list.includes(text)) list.push(clip(text, 80) as string);
        samples.set(column.index, list);
      }
    };
    for (const row of firstRows) if (row.number > header.number) look(row);
    let seen = firstRows.filter((r) => r.number > header.number).length;
    while (seen < SAMPLE_ROWS) {
      const next = await sheet.rows.next();
      if (next.done) break;
      look(next.value);
      seen += 1;
    }
    return {
      kind,
      headerRow: header.number,
      layout,
      missing,
      columns: columns.map((c) => ({
        ...c,
        numeric: numeric.has(c.index),
        samples: samples.get(c.index) ?? [],
      })),
      fields: [...FIELDS_OF[kind]],
      needs: MAPPING_NEEDS[kind],
    };
  } finally {
    await sheet.close().catch(() => undefined);
  }
}
