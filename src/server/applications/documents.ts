/**
 * An application's documents: the council resolution (which may follow the application within
 * six months) and other papers, sent by the applicant through the status link or added by the
 * secretariat. Their bytes go to the shared upload store, checked from their content; the
 * public may send only the common document types, and only so many.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { isFinalStep } from '../../core/applications';
import { recordAudit, type AuditActor, type SystemActor } from '../audit/service';
import { removeUnusedBytes } from '../files/service';
import { conflict, invalidField, notFound } from '../http/problem';
import { checkDocument } from '../media/documents';
import type { FileStore } from '../media/storage';
import type { UploadedFile } from '../media/upload';
import type { Store } from '../store';
import { presentDocument } from './present';
import type { ApplicationDocumentRow } from './repository';

/** What one document may weigh: a scanned resolution fits, a video does not. */
export const APPLICATION_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Documents one application may hold. */
export const DOCUMENTS_PER_APPLICATION = 10;

const ACCEPTED = new Set(['pdf', 'docx', 'odt', 'jpg', 'jpeg', 'png']);
const ACCEPTED_TEXT =
  'Send a PDF, a Word (.docx) or OpenDocument (.odt) text, or a JPEG or PNG scan.';
const FILENAME_MAX = 200;

function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The name as shown and downloaded: last path segment, no control characters, bounded. */
function cleanFilename(raw: string): string {
  let name = (raw.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (!name) name = 'document';
  if (name.length > FILENAME_MAX) name = name.slice(name.length - FILENAME_MAX);
  return name;
}

/** The form's one field beside the file: what the document is (a resolution by default). */
function kindOf(fields: Record<string, string>): 'resolution' | 'other' {
  let kind: 'resolution' | 'other' = 'resolution';
  for (const [name, value] of Object.entries(fields)) {
    if (name !== 'kind') throw invalidField(`/${name}`, 'unknown-field', 'is not a known field');
    if (value !== 'resolution' && value !== 'other') {
      throw invalidField('/kind', 'not-one-of', "must be 'resolution' or 'other'");
    }
    kind = value;
  }
  return kind;
}

/** Checks the upload's type (by extension and bytes together) and size; 422 naming /file. */
export function checkApplicationDocument(upload: UploadedFile): { mime: string; ext: string } {
  if (upload.buffer.length > APPLICATION_DOCUMENT_MAX_BYTES) {
    throw invalidField('/file', 'upload-too-large', 'The file is larger than 10 MB.', {
      limit: '10 MB',
    });
  }
  if (!ACCEPTED.has(extensionOf(upload.filename))) {
    throw invalidField(
      '/file',
      'file-type-not-accepted',
      `This type of file is not accepted. ${ACCEPTED_TEXT}`,
    );
  }
  return checkDocument(upload.buffer, upload.filename, '/file');
}

/**
 * Stores a document of the application, checked first; refuses a closed application and one
 * that has as many documents as it may hold. The bytes are removed again when the row does not
 * land (unless an identical upload already uses them).
 */
export async function addDocument(
  store: Store,
  bytes: FileStore,
  applicationId: number,
  upload: UploadedFile,
  by: { party: 'applicant'; actor: SystemActor } | { party: 'secretariat'; actor: AuditActor },
  now: string,
) {
  const kind = kindOf(upload.fields);
  const checked = checkApplicationDocument(upload);
  const saved = await bytes.save(upload.buffer, checked.ext);
  try {
    return await store.transaction(async (tx) => {
      // Taken first, so two uploads at once count each other.
      const row = await tx.applications.claimApplication(applicationId);
      if (!row) throw notFound('application', `no application ${applicationId}`);
      if (isFinalStep(row.step)) {
        throw conflict('application-closed', `The application is closed (${row.step}).`, {
          params: { step: row.step },
          pointer: '/file',
          fieldDetail: `the application is closed (${row.step})`,
        });
      }
      const existing = await tx.applications.documentsOf(applicationId);
      if (existing.length >= DOCUMENTS_PER_APPLICATION) {
        throw conflict('too-many-documents', 'The application holds as many documents as it may.', {
          params: { limit: DOCUMENTS_PER_APPLICATION },
          pointer: '/file',
          fieldDetail: `at most ${DOCUMENTS_PER_APPLICATION} documents`,
        });
      }
      const filename = cleanFilename(upload.filename);
      const id = await tx.applications.insertDocument({
        application_id: applicationId,
        kind,
        filename,
        mime: checked.mime,
        bytes: saved.bytes,
        storage_key: saved.key,
        party: by.party,
        uploaded_by: by.actor.label,
        uploaded_at: now,
      });
      await recordAudit(tx, by.actor, {
        action: 'create',
        entityType: 'application',
        entityId: applicationId,
        summary: `Application of ${row.english_name}: ${kind} "${filename}" added`,
        after: { document: { kind, filename, bytes: saved.bytes } },
      });
      const doc = (await tx.applications.findDocument(applicationId, id)) as ApplicationDocumentRow;
      return presentDocument(doc);
    });
  } catch (error) {
    await removeUnusedBytes(store, bytes, [saved.key]).catch(() => undefined);
    throw error;
  }
}

export interface DocumentDownload {
  path: string;
  size: number;
  mime: string;
  etag: string;
  contentDisposition: string;
}

/** RFC 8187 encoding for filename*: everything but attr-chars is percent-encoded. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A document's bytes for the secretariat, as an attachment. */
export async function openDocument(
  store: Store,
  bytes: FileStore,
  applicationId: number,
  documentId: number,
): Promise<DocumentDownload> {
  const doc = await store.applications.findDocument(applicationId, documentId);
  if (!doc) throw notFound('document', `no document ${documentId} of application ${applicationId}`);
  const file = bytes.path(doc.storage_key);
  const stat = await fs.promises.stat(file).catch(() => undefined);
  if (!stat?.isFile())
    throw notFound('document', `the bytes of document ${documentId} are missing`);
  const ascii = doc.filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return {
    path: file,
    size: stat.size,
    mime: doc.mime,
    etag: `"${createHash('sha256').update(doc.storage_key).digest('hex')}"`,
    contentDisposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(doc.filename)}`,
  };
}
