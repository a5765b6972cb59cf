/** The council resolution and other papers, as the browser checks and sends them. */
import { api } from '../api';

/** The same bounds the server keeps (server/applications/documents.ts). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ['pdf', 'docx', 'odt', 'jpg', 'jpeg', 'png'];

export type FileProblem = 'type' | 'size' | 'empty';
export const FILE_PROBLEMS: readonly FileProblem[] = ['type', 'size', 'empty'];

/** Why a chosen file would be refused, before it is sent; null when it may go. */
export function checkFile(file: { name: string; size: number }): FileProblem | null {
  const dot = file.name.lastIndexOf('.');
  const ext = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  if (!ACCEPTED.includes(ext)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > DOCUMENT_MAX_BYTES) return 'size';
  return null;
}

function documentForm(file: Blob, filename: string, kind: 'resolution' | 'other'): FormData {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, filename);
  return form;
}

/** Sends a document through the applicant's status link. */
export function uploadDocument(token: string, file: File, kind: 'resolution' | 'other') {
  return api.upload<unknown>(`/api/v1/apply/${encodeURIComponent(token)}/documents`, {
    body: documentForm(file, file.name, kind),
  });
}

/** The secretariat adds a document it received. */
export function uploadAsSecretariat(id: number, file: File, kind: 'resolution' | 'other') {
  return api.upload<unknown>(`/api/v1/applications/${id}/documents`, {
    body: documentForm(file, file.name, kind),
  });
}
