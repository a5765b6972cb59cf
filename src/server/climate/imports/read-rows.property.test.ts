/**
 * Property tests of reading an upload (no database): whatever is done to a well-formed file,
 * the reader either gives exactly the file's rows or refuses it with a clear error. Never a
 * crash, never a row changed without a word.
 * - Headers mutated as exports and hand edits mutate them (case, spaces, dots for spaces,
 *   zero-width spaces, a byte-order mark) are recognised as the same layout, and the rows read
 *   are the same; headers mutated beyond that (punctuation) are recognised or refused, never
 *   misread.
 * - Files in any of the legacy encodings, with names from that script, read back exactly.
 * - A file cut at any byte gives the rows before the cut exactly, and then either an error that
 *   names a line, or a last row whose last cell may be cut, with a note saying so.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { TextEncoding } from './decode';
import { openSheet, type FieldRow } from './read-rows';
import { LayoutNotRecognisedError } from './recognise';
import { UnreadableSheetError } from './unreadable';

const HEADERS = [
  'id_code',
  'name',
  'country',
  'actor_type',
  'end_target',
  'end_target_year',
  'end_target_text',
  'status_date',
];

/** Quotes a cell as a CSV writer does when it must. */
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

function csvText(headers: readonly string[], rows: readonly string[][], eol: string): string {
  return [headers, ...rows].map((cells) => cells.map(quote).join(',')).join(eol) + eol;
}

function upload(bytes: Buffer, chunk: number): Readable {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunk) parts.push(bytes.subarray(at, at + chunk));
  return Readable.from(parts);
}

type Outcome = { rows: FieldRow[] } | { error: Error };

async function readAll(bytes: Buffer, chunk: number, encoding?: TextEncoding): Promise<Outcome> {
  try {
    const sheet = await openSheet(upload(bytes, chunk), 'nzt', undefined, { encoding });
    const rows: FieldRow[] = [];
    try {
      for await (const row of sheet.rows) rows.push(row);
    } finally {
      await sheet.close();
    }
    return { rows };
  } catch (error) {
    return { error: error as Error };
  }
}

/** A clear refusal: the layout (naming what it misses), or the file (naming its line). */
function expectClearError(error: Error) {
  if (error instanceof LayoutNotRecognisedError) {
    expect(error.message).toMatch(/needs the column/);
    return;
  }
  expect(error).toBeInstanceOf(UnreadableSheetError);
  expect(error.message).toMatch(/line \d+/);
}

const fieldsOf = (cells: readonly string[]) => ({
  idCode: cells[0],
  name: cells[1],
  country: cells[2],
  actorType: cells[3],
  endTarget: cells[4],
  endTargetYear: cells[5],
  endTargetText: cells[6],
  statusDate: cells[7],
});

/** Cell text as found in real files: names in several scripts, commas, quotes, line breaks. */
const cellText = fc.oneof(
  fc.constantFrom(
    'Zürich',
    'São Paulo',
    '서울특별시',
    '東京都',
    '臺北市',
    '广州市',
    'Ciudad de México (Mexico City)',
    'Denver, CO',
    'He said "net zero"',
    'two\nlines',
    'NA',
    '',
    '2050',
    '7,840,000',
    '01/02/2021',
  ),
  fc.string({ maxLength: 12 }).map((s) => s.split('\u0000').join('').split('\uFEFF').join('')),
);

const dataRow = fc
  .tuple(fc.nat({ max: 9999 }), fc.array(cellText, { minLength: 7, maxLength: 7 }))
  .map(([id, cells]) => [`CIT-${id}`, ...cells]);

const chunkSize = fc.integer({ min: 1, max: 512 });

describe('reading uploads, whatever is done to them', () => {
  it('reads well-formed files exactly, in pieces of any size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dataRow, { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        chunkSize,
        async (rows, eol, chunk) => {
          const outcome = await readAll(Buffer.from(csvText(HEADERS, rows, eol)), chunk);
          if ('error' in outcome) throw outcome.error;
          const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== ''));
          expect(outcome.rows.map((r) => r.fields)).toEqual(nonBlank.map(fieldsOf));
          expect(outcome.rows.every((r) => r.notes === undefined)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('recognises headers mutated in case, spacing and invisible characters', async () => {
    const mutateHeader = fc
      .tuple(
        fc.constantFrom('upper', 'lower', 'title', 'same'),
        fc.constantFrom('', ' ', '  ', '\t', '\u200B', '\u200C', '\uFEFF'),
        fc.constantFrom('', ' ', '\u200B', '\u00A0'.trim()),
      )
      .map(([casing, before, after]) => (header: string) => {
        const cased =
          casing === 'upper'
            ? header.toUpperCase()
            : casing === 'lower'
              ? header.toLowerCase()
              : casing === 'title'
                ? header.replace(/(^|_)([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())
                : header;
        return `${before}${cased}${after}`;
      });
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutateHeader, { minLength: HEADERS.length, maxLength: HEADERS.length }),
        fc.boolean(),
        fc.array(dataRow, { minLength: 1, maxLength: 5 }),
        chunkSize,
        async (mutations, bom, rows, chunk) => {
          const headers = HEADERS.map((h, i) => (mutations[i] as (h: string) => string)(h));
          const text = csvText(headers, rows, '\n');
          const bytes = Buffer.from(bom ? `\uFEFF${text}` : text);
          const outcome = await readAll(bytes, chunk);
          if ('error' in outcome) throw outcome.error;
          const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== ''));
          expect(outcome.rows.map((r) => r.fields)).toEqual(nonBlank.map(fieldsOf));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads headers with punctuation added, or refuses them clearly: never misreads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: HEADERS.length - 1 }),
        fc.constantFrom('.', '-', '(', ')', ':', '*', '#', '"', "'", '/'),
        fc.nat({ max: 20 }),
        fc.array(dataRow, { minLength: 1, maxLength: 4 }),
        async (column, mark, at, rows) => {
          const headers = [...HEADERS];
          const h = headers[column] as string;
          const cut = at % (h.length + 1);
          headers[column] = `${h.slice(0, cut)}${mark}${h.slice(cut)}`;
          const outcome = await readAll(Buffer.from(csvText(headers, rows, '\n')), 4096);
          if ('error' in outcome) return expectClearError(outcome.error);
          // Recognised: the mutated column is read as its field, or left unread; the others
          // exactly as written.
          const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== ''));
          const field = Object.keys(fieldsOf(HEADERS))[column] as string;
          outcome.rows.forEach((r, i) => {
            const expected: Record<string, string | undefined> = fieldsOf(nonBlank[i] ?? []);
            if (!(field in r.fields)) delete expected[field];
            expect(r.fields).toEqual(expected);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads names in each legacy encoding exactly, detected from the file', async () => {
    const scripts: { encoding: TextEncoding; names: string[] }[] = [
      { encoding: 'windows-1252', names: ['Zürich', 'Genève', 'São Paulo', 'Malmö', 'Düsseldorf'] },
      {
        encoding: 'shift_jis',
        names: ['東京都', '横浜市', '大阪市', '京都市', '札幌市', '名古屋市'],
      },
      {
        encoding: 'euc-kr',
        names: ['서울특별시', '부산광역시', '인천광역시', '대구광역시', '수원시'],
      },
      { encoding: 'big5', names: ['臺北市', '高雄市', '臺中市', '新北市', '桃園市', '臺南市'] },
      { encoding: 'gb18030', names: ['广州市', '北京市', '上海市', '深圳市', '成都市', '武汉市'] },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...scripts).chain((script) =>
          fc.record({
            encoding: fc.constant(script.encoding),
            names: fc.array(fc.constantFrom(...script.names), { minLength: 1, maxLength: 8 }),
          }),
        ),
        fc.constantFrom('\n', '\r\n'),
        chunkSize,
        async ({ encoding, names }, eol, chunk) => {
          const rows = names.map((name, i) => [
            `CIT-${i}`,
            name,
            'XX',
            'City',
            'Net zero',
            '2050',
            '',
            '',
          ]);
          const bytes = iconv.encode(csvText(HEADERS, rows, eol), encoding);
          const outcome = await readAll(bytes, chunk);
          if ('error' in outcome) throw outcome.error;
          expect(outcome.rows.map((r) => r.fields.name)).toEqual(names);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the rows before a cut exactly, then a clear error or a noted last row', async () => {
    const encodings: TextEncoding[] = ['utf-8', 'utf-16le', 'windows-1252', 'shift_jis'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(dataRow, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...encodings),
        // Where to cut, uniformly: mostly among the rows, sometimes anywhere (the header too).
        fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000),
        fc.boolean(),
        chunkSize,
        async (generated, encoding, where, inRows, chunk) => {
          // Cells the encoding can write (Windows-1252 and Shift-JIS cannot write every script).
          const rows = generated.map((r) =>
            r.map((c) =>
              encoding === 'windows-1252' || encoding === 'shift_jis'
                ? c.replace(/[^\x20-\x7e\n]/g, 'x')
                : c,
            ),
          );
          const whole = iconv.encode(csvText(HEADERS, rows, '\n'), encoding);
          const header = iconv.encode(csvText(HEADERS, [], '\n'), encoding).length;
          const from = inRows ? header : 0;
          const cut = whole.subarray(0, from + Math.floor(where * (whole.length - from)));
          const outcome = await readAll(cut, chunk, encoding);
          if ('error' in outcome) return expectClearError(outcome.error);
          const expected = rows.filter((r) => r.some((c) => c.trim() !== '')).map(fieldsOf);
          const read = outcome.rows;
          expect(read.length).toBeLessThanOrEqual(expected.length);
          read.forEach((row, i) => {
            const original = expected[i] as Record<string, string | undefined>;
            const last = i === read.length - 1;
            if (!last || row.notes === undefined) {
              expect(row.fields).toEqual(original);
              return;
            }
            // The last row, with no line break after it: its last cell may be cut, and the
            // note says to check it. Every other cell is as written.
            expect(row.notes).toEqual([{ code: 'last-row-unterminated' }]);
            const { statusDate, ...rest } = row.fields;
            const { statusDate: originalDate, ...originalRest } = original;
            expect(rest).toEqual(originalRest);
            expect((originalDate ?? '').startsWith(statusDate ?? '')).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
