/**
 * Changing a meeting file after its upload. The caption and credit rules (what to send, the
 * length limits) are the form kit's, in forms/file-edit.ts, shared with the news photos'
 * editor; what is the meetings' own stays here.
 */
import type { FileInfo, Meeting } from './types';

export {
  CAPTION_MAX,
  captionPointer,
  checkFileEdit,
  CREDIT_MAX,
  FILE_EDIT_PROBLEMS,
  fileEditValues,
  filePatchBody,
  type FileEditProblemCode,
  type FileEditValues,
} from '../forms/file-edit';

/** Who can see the file, in words (never by colour or an icon alone). */
export function fileVisibilityKey(file: Pick<FileInfo, 'isPublic'>): string {
  return file.isPublic ? 'files.visibility.public' : 'files.visibility.private';
}

/** The meeting with one of its files as the server now has it (the answer to PATCH /files/:id). */
export function withFile(meeting: Meeting, file: FileInfo): Meeting {
  return { ...meeting, files: meeting.files.map((f) => (f.id === file.id ? file : f)) };
}
