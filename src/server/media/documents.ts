import { isUtf8 } from 'node:buffer';
import { invalidField } from '../http/problem';
import { formatSize } from './sizes';

export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

export interface CheckedDocument {
  /** The media type we will serve it as, decided here rather than taken from the client. */
  mime: string;
  /** Lower-case extension without the dot, normalised (jpeg → jpg). */
  ext: string;
}

type Signature = 'pdf' | 'ooxml' | 'odf' | 'text' | 'jpeg' | 'png';

interface Kind {
  mime: string;
  ext: string;
  signature: Signature;
  /** What the file should be, as a message says it (with its article). */
  label: string;
}

const KINDS: Record<string, Kind> = {
  pdf: { mime: 'application/pdf', ext: 'pdf', signature: 'pdf', label: 'a PDF' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    signature: 'ooxml',
    label: 'a Word document',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    signature: 'ooxml',
    label: 'an Excel workbook',
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ext: 'pptx',
    signature: 'ooxml',
    label: 'a PowerPoint presentation',
  },
  odt: {
    mime: 'application/vnd.oasis.opendocument.text',
    ext: 'odt',
    signature: 'odf',
    label: 'an OpenDocument text document',
  },
  ods: {
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    ext: 'ods',
    signature: 'odf',
    label: 'an OpenDocument spreadsheet',
  },
  odp: {
    mime: 'application/vnd.oasis.opendocument.presentation',
    ext: 'odp',
    signature: 'odf',
    label: 'an OpenDocument presentation',
  },
  txt: {
    mime: 'text/plain; charset=utf-8',
    ext: 'txt',
    signature: 'text',
    label: 'plain UTF-8 text',
  },
  md: {
    mime: 'text/markdown; charset=utf-8',
    ext: 'md',
    signature: 'text',
    label: 'plain UTF-8 text',
  },
  jpg: { mime: 'image/jpeg', ext: 'jpg', signature: 'jpeg', label: 'a JPEG image' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', signature: 'jpeg', label: 'a JPEG image' },
  png: { mime: 'image/png', ext: 'png', signature: 'png', label: 'a PNG image' },
};

const ACCEPTED =
  'Accord accepts PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument ' +
  '(.odt, .ods, .odp), plain text (.txt, .md), JPEG and PNG files.';

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The part after the last dot, lower-cased; '' when there is none. */
function extensionOf(filename: string): string {
  // Some browsers still send a full Windows path; only the last segment names the file.
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * The media type an OpenDocument package declares in its first ZIP entry, which the format
 * requires to be named "mimetype" and stored uncompressed; undefined when it is not there.
 */
function odfMediaType(input: Buffer): string | undefined {
  if (input.length < 30 || !input.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return undefined;
  const compression = input.readUInt16LE(8);
  const size = input.readUInt32LE(18);
  const nameLength = input.readUInt16LE(26);
  const extraLength = input.readUInt16LE(28);
  const name = input.subarray(30, 30 + nameLength).toString('latin1');
  if (compression !== 0 || name !== 'mimetype' || size > 100) return undefined;
  const start = 30 + nameLength + extraLength;
  return input.subarray(start, start + size).toString('latin1');
}

/**
 * Does the content really start the way a file of this kind must? Office files are ZIP
 * packages; beyond the ZIP signature we look for the part each format requires, so that
 * any ZIP archive renamed .docx is not taken for a document.
 */
function matches(input: Buffer, kind: Kind): boolean {
  switch (kind.signature) {
    case 'pdf':
      return input.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'ooxml':
      // Office Open XML packages must hold [Content_Types].xml; its name is stored
      // uncompressed in the ZIP headers.
      return input.subarray(0, 4).equals(ZIP_LOCAL_HEADER) && input.includes('[Content_Types].xml');
    case 'odf':
      // OpenDocument packages start with an uncompressed "mimetype" entry naming the format,
      // so an .odt that is really a spreadsheet is caught too.
      return odfMediaType(input) === kind.mime;
    case 'text':
      // NUL never appears in text; it is the surest sign of a binary file named .txt.
      return !input.includes(0) && isUtf8(input);
    case 'jpeg':
      return input.length > 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff;
    case 'png':
      return input.subarray(0, 8).equals(PNG_SIGNATURE);
  }
}

/**
 * Decides whether an uploaded document is one Accord keeps, from its bytes and its
 * extension together: the extension picks what the file claims to be, the bytes must agree.
 * The client's MIME type is never consulted. Errors are 422 problems naming `field`.
 */
export function checkDocument(input: Buffer, filename: string, field: string): CheckedDocument {
  if (input.length === 0) throw invalidField(field, 'upload-empty', 'The file is empty.');
  if (input.length > DOCUMENT_MAX_BYTES) {
    throw invalidField(
      field,
      'upload-too-large',
      `The file is larger than ${formatSize(DOCUMENT_MAX_BYTES)}.`,
      {
        limit: formatSize(DOCUMENT_MAX_BYTES),
      },
    );
  }
  const ext = extensionOf(filename);
  const kind = Object.hasOwn(KINDS, ext) ? KINDS[ext] : undefined;
  if (!kind) {
    throw invalidField(
      field,
      'file-type-not-accepted',
      `This type of file is not accepted. ${ACCEPTED}`,
    );
  }
  if (!matches(input, kind)) {
    throw invalidField(
      field,
      'file-content-mismatch',
      `The file is named .${ext} but it is not ${kind.label}. ${ACCEPTED}`,
      { extension: ext },
    );
  }
  return { mime: kind.mime, ext: kind.ext };
}
