import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ProblemCode } from '../../core/problems';
import { badRequest, HttpProblem, invalidField } from '../http/problem';
import { formatSize } from './sizes';

export interface UploadedFile {
  buffer: Buffer;
  /** As the client named it: for messages and Content-Disposition, never for a path. */
  filename: string;
  /** As the client declared it; the media checks decide the real type from the bytes. */
  mimetype: string;
  /** The form's text fields (caption, credit, lang…); the first value wins when repeated. */
  fields: Record<string, string>;
}

const NOT_MULTIPART =
  'Send the file as multipart/form-data, the way an HTML form with a file field does.';

/** A problem with the form as a whole (the body), not with one of its fields. */
const badForm = (code: ProblemCode, detail: string) =>
  badRequest(code, detail, [{ pointer: '/', detail, code }]);

/** Turns the plugin's and the parser's errors into problems that say what to do. */
function translate(error: unknown, field: string, maxBytes: number): unknown {
  if (error instanceof HttpProblem) return error;
  const { code, statusCode } = (error ?? {}) as { code?: string; statusCode?: number };
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return invalidField(
        field,
        'upload-too-large',
        `The file is larger than ${formatSize(maxBytes)}.`,
        {
          limit: formatSize(maxBytes),
        },
      );
    case 'FST_FILES_LIMIT':
      return invalidField(field, 'one-file-at-a-time', 'Send one file at a time.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return badForm('too-many-fields', 'The form has too many fields.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return badForm('not-multipart', NOT_MULTIPART);
    case 'FST_MP_PREMATURE_CLOSE':
      return badForm('upload-incomplete', 'The upload stopped before the whole file arrived.');
  }
  // The plugin's other errors (such as a field named __proto__) already carry a 4xx status.
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return error;
  // What is left comes from busboy reading the body ("Unexpected end of multipart data",
  // "Boundary not found"): the request is malformed, which is the client's to fix.
  return badForm('not-multipart', 'The upload could not be read as multipart/form-data.');
}

/**
 * Reads the one file of a multipart request into memory, with the form's text fields.
 *
 * It walks every part (request.parts) rather than stopping at the first file
 * (request.file): busboy delivers parts in the order the form sent them, so fields after
 * the file input would otherwise be missing, and reading to the end is what lets a second
 * file be refused instead of ignored. `field` is the JSON pointer errors name (e.g. '/file').
 */
export async function readUpload(
  request: FastifyRequest,
  opts: { field: string; maxBytes: number },
): Promise<UploadedFile> {
  if (typeof request.isMultipart !== 'function') {
    // A programming error, not the client's: the route's app never registered the plugin.
    throw new Error('readUpload needs @fastify/multipart to be registered');
  }
  if (!request.isMultipart()) throw badForm('not-multipart', NOT_MULTIPART);

  let file: Omit<UploadedFile, 'fields'> | undefined;
  const fields: Record<string, string> = {};
  try {
    const parts: AsyncIterable<Multipart> = request.parts({
      limits: { fileSize: opts.maxBytes, files: 1 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        // JSON-typed fields arrive parsed; hand them back as the text that was sent.
        const value = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
        if (!Object.hasOwn(fields, part.fieldname)) fields[part.fieldname] = value;
        continue;
      }
      const buffer = await part.toBuffer();
      // With throwFileSizeLimit off the plugin cuts the file short silently instead.
      if (part.file.truncated) {
        throw invalidField(
          opts.field,
          'upload-too-large',
          `The file is larger than ${formatSize(opts.maxBytes)}.`,
          {
            limit: formatSize(opts.maxBytes),
          },
        );
      }
      // A form whose file input was left empty still sends a part: no name, no bytes.
      if (part.filename === '' && buffer.length === 0) continue;
      file = { buffer, filename: part.filename, mimetype: part.mimetype };
    }
  } catch (error) {
    throw translate(error, opts.field, opts.maxBytes);
  }
  if (!file) throw invalidField(opts.field, 'file-missing', 'Choose a file to upload.');
  return { ...file, fields };
}
