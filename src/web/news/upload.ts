/**
 * File uploads, which api.ts cannot send (it speaks JSON only). Each upload is a multipart
 * form with the session cookie and the CSRF token, and a refusal becomes the same ApiError
 * (with field pointers) as any other request.
 */
import { ApiError, csrfHeader, type FieldError } from '../api';

/** An ApiError from a problem+json body, or from the bare status when there is none. */
export function uploadProblem(status: number, statusText: string, body: unknown): ApiError {
  const p = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(p.errors) ? (p.errors as FieldError[]) : [];
  return new ApiError(
    status,
    typeof p.title === 'string' ? p.title : statusText,
    typeof p.detail === 'string' ? p.detail : undefined,
    errors,
  );
}

/**
 * The form for a photo: captions as caption_<lang> and the credit, then the file. Text fields
 * go first because a streaming multipart reader only sees the fields that precede the file.
 */
export function photoForm(
  file: Blob,
  filename: string,
  captions: Readonly<Record<string, string>>,
  credit: string,
): FormData {
  const form = new FormData();
  for (const [lang, caption] of Object.entries(captions)) {
    if (caption.trim() !== '') form.append(`caption_${lang}`, caption.trim());
  }
  if (credit.trim() !== '') form.append('credit', credit.trim());
  form.append('file', file, filename);
  return form;
}

/** A form holding one file under "file" (an endorsement document). */
export function fileForm(file: Blob, filename: string): FormData {
  const form = new FormData();
  form.append('file', file, filename);
  return form;
}

export async function postMultipart<T>(url: string, form: FormData): Promise<T> {
  // No Content-Type header: the browser writes it with the multipart boundary.
  const res = await fetch(url, {
    method: 'POST',
    headers: { Accept: 'application/json', ...csrfHeader() },
    credentials: 'same-origin',
    body: form,
  });
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const body: unknown = isJson ? await res.json() : await res.text();
  if (!res.ok) throw uploadProblem(res.status, res.statusText, body);
  return body as T;
}
