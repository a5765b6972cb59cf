/**
 * Uploading a meeting's documents and photos: a multipart form sent by api.upload, which adds
 * the CSRF header and reads the server's problems like every other request.
 */
import { api, type UploadProgress } from '../api';
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

export function uploadMeetingFile(
  meetingId: number,
  spec: UploadSpec,
  onProgress?: (progress: UploadProgress) => void,
): Promise<FileInfo> {
  return api.upload<FileInfo>(`/api/v1/meetings/${meetingId}/files`, {
    body: uploadFormData(spec),
    onProgress,
  });
}
