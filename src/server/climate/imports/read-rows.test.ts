import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { TextEncoding } from './decode';
import { MAX_CELL_CHARS, openSheet, type FieldRow, type OpenOptions } from './read-rows';
import { UnreadableSheetError } from './unreadable';

/**
 * Reading uploads as text: the encoding detected (or chosen) so that names come out as
 * written, and a file whose structure is broken (cut short, a row with cells missing or too
 * many, a quote never closed, a cell of absurd size) refused whole, naming its line.
 */

const HEADER = 'id_code,name,country,actor_type,end_target,end_target_year';
const row = (id: string, name: string) => `${id},${name},XXX,City,Net zero,2050`;

function csv(names: readonly string[], eol = '\n'): string {
  return [HEADER, ...names.map((name, i) => row(`CIT-${i + 1}`, name))].join(eol) + eol;
}

/** The upload in pieces of `chunk` bytes: a character may be cut between two. */
function upload(bytes: Buffer, chunk = 65_536): Readable {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunk) parts.push(bytes.subarray(at, at + chunk));
  return Readable.from(parts);
}

async function read(
  bytes: Buffer,
  options: OpenOptions & { chunk?: number } = {},
): Promise<{ rows: FieldRow[]; encoding: TextEncoding | null; by: string | null }> {
  const sheet = await openSheet(upload(bytes, options.chunk), 'nzt', undefined, options);
  const rows: FieldRow[] = [];
  try {
    for await (const r of sheet.rows) rows.push(r);
  } finally {
    await sheet.close();
  }
  return { rows, encoding: sheet.encoding, by: sheet.encodingBy };
}

async function thrown(bytes: Buffer, options: OpenOptions = {}): Promise<unknown> {
  try {
    await read(bytes, options);
  } catch (err) {
    return err;
  }
  throw new Error('the file was read without an error');
}

/** The error in English words, as the run's `error` and the command line say it. */
async function failure(bytes: Buffer, options: OpenOptions = {}): Promise<string> {
  return ((await thrown(bytes, options)) as Error).message;
}

/** The same error as a code with its parameters, for the run page in the reader's language. */
async function problem(bytes: Buffer, options: OpenOptions = {}): Promise<unknown> {
  const err = await thrown(bytes, options);
  expect(err).toBeInstanceOf(UnreadableSheetError);
  return (err as UnreadableSheetError).problem;
}

const NAMES: { encoding: TextEncoding; names: string[] }[] = [
  { encoding: 'windows-1252', names: ['Zürich', 'Genève', 'São Paulo', 'Malmö', 'Kraków'] },
  { encoding: 'shift_jis', names: ['東京都', '横浜市', '大阪市', '京都市'] },
  { encoding: 'euc-kr', names: ['서울특별시', '부산광역시', '인천광역시'] },
  { encoding: 'big5', names: ['臺北市', '高雄市', '臺中市', '新北市'] },
  { encoding: 'gb18030', names: ['广州市', '北京市', '上海市', '深圳市'] },
];

describe('the encoding of a CSV upload', () => {
  it.each(NAMES)(
    'detects $encoding and reads the names as written',
    async ({ encoding, names }) => {
      // Kraków has no Windows-1252 form: that file names it without the accent.
      const written = names.map((n) => (encoding === 'windows-1252' ? n.replace('ó', 'o') : n));
      const { rows, encoding: detected, by } = await read(iconv.encode(csv(written), encoding));
      expect(detected).toBe(encoding);
      expect(by).toBe('guess');
      expect(rows.map((r) => r.fields.name)).toEqual(written);
    },
  );

  it.each(NAMES)('detects $encoding from a single name', async ({ encoding, names }) => {
    const name = names[0] as string;
    const { rows, encoding: detected } = await read(iconv.encode(csv([name]), encoding));
    expect(detected).toBe(encoding);
    expect(rows[0]?.fields.name).toBe(name);
  });

  it.each(NAMES)('reads $encoding cut into one-byte pieces', async ({ encoding, names }) => {
    const written = names.map((n) => (encoding === 'windows-1252' ? n.replace('ó', 'o') : n));
    const { rows } = await read(iconv.encode(csv(written, '\r\n'), encoding), { chunk: 1 });
    expect(rows.map((r) => r.fields.name)).toEqual(written);
  });

  it('reads UTF-8 with and without a byte-order mark, and UTF-16 by its mark', async () => {
    const names = ['Zürich', '서울특별시', '東京都', '臺北市', '广州市'];
    const text = csv(names);
    const cases: [Buffer, TextEncoding, string][] = [
      [Buffer.from(text, 'utf8'), 'utf-8', 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8', 'bom'],
      [iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le', 'bom'],
      [iconv.encode(text, 'utf-16be', { addBOM: true }), 'utf-16be', 'bom'],
      [iconv.encode(text, 'utf-16le'), 'utf-16le', 'utf-16'],
    ];
    for (const [bytes, encoding, by] of cases) {
      const read1 = await read(bytes, { chunk: 7 });
      expect([read1.encoding, read1.by]).toEqual([encoding, by]);
      expect(read1.rows.map((r) => r.fields.name)).toEqual(names);
      expect(read1.rows[0]?.fields.idCode).toBe('CIT-1');
    }
  });

  it('reads the encoding the person chooses, whatever detection would say', async () => {
    // Two Latin-1 letters that Shift-JIS would read as one kanji: the choice decides.
    const bytes = iconv.encode(csv(['Sé']), 'windows-1252');
    const chosen = await read(bytes, { encoding: 'windows-1252' });
    expect([chosen.encoding, chosen.by]).toEqual(['windows-1252', 'chosen']);
    expect(chosen.rows[0]?.fields.name).toBe('Sé');
  });

  it('refuses bytes the chosen encoding cannot read, naming the line, never mojibake', async () => {
    const bytes = iconv.encode(csv(['Bern', 'Zürich']), 'windows-1252');
    expect(await failure(bytes, { encoding: 'utf-8' })).toMatch(/not valid UTF-8 on line 3/);
  });

  it('reads the header before a line it cannot decode, even one inside quotes', async () => {
    const bytes = iconv.encode(csv(['"Zürich"']), 'windows-1252');
    const sheet = await openSheet(upload(bytes), 'nzt', undefined, { encoding: 'utf-8' });
    expect(sheet.recognised.layout.id).toBe('nzt');
    await expect(sheet.rows.next()).rejects.toThrow(/not valid UTF-8 on line 2/);
    await sheet.close();
  });

  it('refuses a file whose later lines are not in the encoding its first lines showed', async () => {
    // 70 KiB of plain ASCII rows: the detection sees UTF-8; row 2,001 says otherwise.
    const ascii = Array.from({ length: 2000 }, (_, i) => `Town ${i}`);
    const bytes = iconv.encode(csv([...ascii, 'Zürich']), 'windows-1252');
    expect(bytes.length).toBeGreaterThan(65_536);
    const message = await failure(bytes);
    expect(message).toMatch(/not valid UTF-8 on line 2002/);
    expect(message).toMatch(/choose the encoding/);
  });
});

describe('the structure of a CSV upload', () => {
  const full = csv(['Kyoto', 'Osaka', 'Nagoya']);

  it('reads a whole file, row by row', async () => {
    const { rows } = await read(Buffer.from(full));
    expect(rows.map((r) => [r.number, r.fields.name, r.notes])).toEqual([
      [2, 'Kyoto', undefined],
      [3, 'Osaka', undefined],
      [4, 'Nagoya', undefined],
    ]);
  });

  it('refuses a file cut in the middle of its last row, naming the line', async () => {
    const cut = full.slice(0, full.indexOf('Nagoya') + 3);
    expect(await failure(Buffer.from(cut))).toMatch(
      /ends in the middle of the row on line 4: it has 2 of the header's 6 cells/,
    );
  });

  it('refuses a row with cells missing in the middle of the file', async () => {
    const broken = full.replace('Osaka,XXX,City,', 'Osaka,XXX,');
    expect(await failure(Buffer.from(broken))).toMatch(
      /row on line 3 has 5 cells where the header has 6/,
    );
  });

  it('refuses a row with a cell too many, and takes empty trailing cells', async () => {
    expect(await failure(Buffer.from(full.replace('Osaka', 'Osaka,Japan')))).toMatch(
      /row on line 3 has 7 cells where the header has 6 \(column G holds "2050"\)/,
    );
    const trailing = full.replace(/\n/g, ',,\n');
    expect((await read(Buffer.from(trailing))).rows).toHaveLength(3);
  });

  it('names lines after cells with line breaks and blank lines', async () => {
    const text = `${HEADER}\r\n\r\n${row('A', '"Two\r\nlines"')}\r\n\r\n${row('B', 'B')}\r\nC,cut\r\n`;
    expect(await failure(Buffer.from(text))).toMatch(/line 7 \(row 4\) has 2 cells/);
  });

  it('refuses a quote that is never closed, naming the line it opens on', async () => {
    const open = full.replace('Osaka', '"Osaka');
    expect(await failure(Buffer.from(open))).toMatch(/quoted field that starts on line 3/);
  });

  it('refuses a cell longer than the limit, naming its row and column', async () => {
    const long = full.replace('Osaka', 'x'.repeat(MAX_CELL_CHARS + 1));
    expect(await failure(Buffer.from(long))).toMatch(
      /cell in column B \("name"\) on line 3 holds 32,768 characters/,
    );
  });

  it('stops reading a huge cell at the row limit, without holding it', async () => {
    const huge = Buffer.concat([
      Buffer.from(`${HEADER}\nCIT-1,Kyoto,JPN,City,"`),
      Buffer.alloc(20 * 1024 * 1024, 'x'),
      Buffer.from('",2050\n'),
    ]);
    const before = process.memoryUsage().heapUsed;
    const message = await failure(huge);
    expect(message).toMatch(/Row 2 \(from line 2\) is longer than 1,048,576 characters/);
    expect(message).toMatch(/column E \("end_target"\)/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(60 * 1024 * 1024);
  });

  it('says each of those as a code with where it is and what it found', async () => {
    const bytes = iconv.encode(csv(['Bern', 'Zürich']), 'windows-1252');
    expect(await problem(bytes, { encoding: 'utf-8' })).toEqual({
      code: 'encoding-not-readable',
      params: { encoding: 'UTF-8', line: 3 },
    });
    expect(await problem(Buffer.from(full.slice(0, full.indexOf('Nagoya') + 3)))).toEqual({
      code: 'file-cut-short-in-row',
      params: { line: 4, row: 4, cells: 2, width: 6 },
    });
    expect(await problem(Buffer.from(full.replace('Osaka,XXX,City,', 'Osaka,XXX,')))).toEqual({
      code: 'row-too-few-cells',
      params: { line: 3, row: 3, cells: 5, width: 6 },
    });
    expect(await problem(Buffer.from(full.replace('Osaka', 'Osaka,Japan')))).toEqual({
      code: 'row-too-many-cells',
      params: { line: 3, row: 3, cells: 7, width: 6, column: 'G', value: '2050' },
    });
    expect(await problem(Buffer.from(full.replace('Osaka', '"Osaka')))).toEqual({
      code: 'quote-not-closed',
      params: { line: 3, row: 3, column: 2 },
    });
    expect(
      await problem(Buffer.from(full.replace('Osaka', 'x'.repeat(MAX_CELL_CHARS + 1)))),
    ).toEqual({
      code: 'cell-too-long',
      params: {
        line: 3,
        row: 3,
        column: 'B ("name")',
        chars: MAX_CELL_CHARS + 1,
        max: MAX_CELL_CHARS,
      },
    });
  });

  it('notes a last row that no line break ends: it may be cut in its last cell', async () => {
    const { rows } = await read(Buffer.from(full.trimEnd()));
    expect(rows.at(-1)?.notes).toEqual([{ code: 'last-row-unterminated' }]);
    expect(rows[0]?.notes).toBeUndefined();
  });
});
