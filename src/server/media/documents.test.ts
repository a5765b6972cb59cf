import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problem';
import { checkDocument, DOCUMENT_MAX_BYTES } from './documents';

/** A ZIP archive with stored (uncompressed) entries, in the order given. */
function zip(entries: Array<[name: string, data: string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const ooxml = () =>
  zip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['word/document.xml', '<w:document/>'],
  ]);
const odf = (mime: string) =>
  zip([
    ['mimetype', mime],
    ['content.xml', '<office:document-content/>'],
  ]);
const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');

function problemOf(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(HttpProblem);
    return e as HttpProblem;
  }
  throw new Error('expected checkDocument to throw');
}

describe('checkDocument', () => {
  it('accepts a PDF whatever the case of its extension', () => {
    expect(checkDocument(pdf, 'Annual report.pdf', '/file')).toEqual({
      mime: 'application/pdf',
      ext: 'pdf',
    });
    expect(checkDocument(pdf, 'SCAN.PDF', '/file').ext).toBe('pdf');
  });

  it('reads the extension from the last segment of a Windows path', () => {
    expect(checkDocument(pdf, 'C:\\Users\\mayor\\budget.v2\\report.pdf', '/file').ext).toBe('pdf');
  });

  it.each([
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ])('accepts an Office Open XML package named .%s', (ext, mime) => {
    expect(checkDocument(ooxml(), `minutes.${ext}`, '/file')).toEqual({ mime, ext });
  });

  it('rejects a ZIP archive that is not an Office package but is named .docx', () => {
    const archive = zip([['photos/one.jpg', 'not really']]);
    const problem = problemOf(() => checkDocument(archive, 'minutes.docx', '/file'));
    expect(problem.status).toBe(422);
    expect(problem.errors?.[0]?.pointer).toBe('/file');
    expect(problem.errors?.[0]?.detail).toMatch(/^The file is named \.docx but it is not a Word/);
  });

  it.each([
    ['odt', 'application/vnd.oasis.opendocument.text'],
    ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['odp', 'application/vnd.oasis.opendocument.presentation'],
  ])('accepts an OpenDocument package named .%s', (ext, mime) => {
    expect(checkDocument(odf(mime), `plan.${ext}`, '/file')).toEqual({ mime, ext });
  });

  it('rejects an OpenDocument spreadsheet renamed .odt', () => {
    const sheet = odf('application/vnd.oasis.opendocument.spreadsheet');
    const problem = problemOf(() => checkDocument(sheet, 'plan.odt', '/file'));
    expect(problem.errors?.[0]?.detail).toMatch(/not an OpenDocument text document/);
  });

  it('accepts UTF-8 text in any script, as .txt or .md', () => {
    const text = Buffer.from('회의록\n議事録\n会议纪要\nMinutes — Ünterschrift\n', 'utf8');
    expect(checkDocument(text, 'notes.txt', '/file')).toEqual({
      mime: 'text/plain; charset=utf-8',
      ext: 'txt',
    });
    expect(checkDocument(Buffer.from('# Agenda\n\n- item\n'), 'agenda.md', '/file')).toEqual({
      mime: 'text/markdown; charset=utf-8',
      ext: 'md',
    });
  });

  it('rejects a .txt file with NUL bytes or bytes that are not UTF-8', () => {
    const withNul = Buffer.from('MZ\0\0\x90\0binary', 'latin1');
    expect(
      problemOf(() => checkDocument(withNul, 'readme.txt', '/file')).errors?.[0]?.detail,
    ).toMatch(/not plain UTF-8 text/);
    const latin1 = Buffer.from('Caf\xe9 cr\xe8me', 'latin1');
    expect(problemOf(() => checkDocument(latin1, 'menu.txt', '/file')).errors?.[0]?.detail).toMatch(
      /not plain UTF-8 text/,
    );
  });

  it('accepts JPEG and PNG images by their signatures and normalises .jpeg to jpg', async () => {
    const jpeg = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#fff' },
    })
      .jpeg()
      .toBuffer();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(checkDocument(jpeg, 'map.jpeg', '/file')).toEqual({ mime: 'image/jpeg', ext: 'jpg' });
    expect(checkDocument(png, 'map.png', '/file')).toEqual({ mime: 'image/png', ext: 'png' });
    expect(problemOf(() => checkDocument(png, 'map.jpg', '/file')).errors?.[0]?.detail).toMatch(
      /named \.jpg but it is not a JPEG image/,
    );
  });

  it('rejects a PDF renamed .docx and text renamed .pdf', () => {
    expect(() => checkDocument(pdf, 'report.docx', '/file')).toThrow(HttpProblem);
    expect(() => checkDocument(Buffer.from('hello'), 'report.pdf', '/file')).toThrow(
      /named \.pdf but it is not a PDF/,
    );
  });

  it.each(['setup.exe', 'page.html', 'drawing.svg', 'archive.zip', 'README', 'x.constructor'])(
    'rejects %s and says what is accepted',
    (filename) => {
      const problem = problemOf(() => checkDocument(Buffer.from('MZ....'), filename, '/file'));
      expect(problem.errors?.[0]?.detail).toBe(
        'This type of file is not accepted. Accord accepts PDF, Word (.docx), Excel (.xlsx), ' +
          'PowerPoint (.pptx), OpenDocument (.odt, .ods, .odp), plain text (.txt, .md), JPEG ' +
          'and PNG files.',
      );
    },
  );

  it('rejects an empty file and one over 25 MB', () => {
    expect(problemOf(() => checkDocument(Buffer.alloc(0), 'a.txt', '/file')).errors).toMatchObject([
      { pointer: '/file', detail: 'The file is empty.' },
    ]);
    const big = Buffer.concat([pdf, Buffer.alloc(DOCUMENT_MAX_BYTES)]);
    expect(problemOf(() => checkDocument(big, 'a.pdf', '/attachment')).errors).toMatchObject([
      { pointer: '/attachment', detail: 'The file is larger than 25 MB.' },
    ]);
    // Exactly at the limit is still fine.
    const atLimit = Buffer.concat([pdf, Buffer.alloc(DOCUMENT_MAX_BYTES - pdf.length)]);
    expect(checkDocument(atLimit, 'a.pdf', '/file').ext).toBe('pdf');
  });
});
