/**
 * Uploading a meeting's documents and photos: multipart, so it goes past api.ts with the
 * CSRF header that api.ts would otherwise add, and its problems are read the same way.
 */
import { ApiError, csrfHeader, type FieldError } from '../api';
import type { FileInfo } from './types';

export interface UploadSpec {
  file: Blob;
  filename: string;
  kind: FileInfo['kind'];
  captions: Partial<Record<string, string>>;
  credit: string;
  isPublic: boolean;
}

/**
 * The form fields come before the file: the server reads the stream in order, and fields
 * after the file would arrive after it has decided what to do with the file.
 */
export function uploadFormData(spec: UploadSpec): FormData {
  const form = new FormData();
  form.append('kind', spec.kind);
  for (const [lang, caption] of Object.entries(spec.captions)) {
    const text = caption?.trim();
    if (text) form.append(`caption_${lang}`, text);
  }
  if (spec.credit.trim()) form.append('credit', spec.credit.trim());
  form.append('isPublic', spec.isPublic ? 'true' : 'false');
  form.append('file', spec.file, spec.filename);
  return form;
}

export async function uploadMeetingFile(meetingId: number, spec: UploadSpec): Promise<FileInfo> {
  const res = await fetch(`/api/v1/meetings/${meetingId}/files`, {
    method: 'POST',
    // No Content-Type: the browser writes it with the multipart boundary.
    headers: { Accept: 'application/json', ...csrfHeader() },
    credentials: 'same-origin',
    body: uploadFormData(spec),
  });
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const p = (typeof data === 'object' && data ? data : {}) as {
      title?: string;
      detail?: string;
      errors?: FieldError[];
    };
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail, p.errors ?? []);
  }
  return data as FileInfo;
}
