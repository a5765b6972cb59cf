/**
 * The multipart form of a news photo upload, which api.upload sends with the session cookie
 * and the CSRF token (a refusal becomes the same ApiError as any other request's).
 *
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
