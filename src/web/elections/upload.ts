/** The multipart form of a candidate's endorsement upload, which api.upload sends. */

/** A form holding one file under "file" (an endorsement document). */
export function fileForm(file: Blob, filename: string): FormData {
  const form = new FormData();
  form.append('file', file, filename);
  return form;
}
