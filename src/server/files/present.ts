import { parseTexts } from '../db/texts';
import type { FileRow, FileWithPost } from './repository';
import type { FileInfo } from './schemas';

/** A stored file as the API shows it. */
export function presentFile(row: FileRow): FileInfo {
  return {
    id: row.id,
    kind: row.kind === 'photo' ? 'photo' : 'document',
    filename: row.filename,
    mime: row.mime,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    caption: parseTexts(row.caption, { table: 'files', id: row.id }),
    credit: row.credit,
    isPublic: row.is_public === 1,
    url: `/api/v1/files/${row.id}`,
    thumbUrl: row.thumb_key ? `/api/v1/files/${row.id}/thumb` : null,
    uploadedAt: row.uploaded_at,
    version: row.version,
  };
}

/**
 * Anyone may see every file of a published news post (publishing a post publishes its photos
 * with it), and a file marked public once what it belongs to is out: never a file of a draft
 * post or of a meeting still being prepared, whatever its mark.
 */
export function isPublicFile(row: FileWithPost & { meeting_status?: string | null }): boolean {
  if (row.post_status === 'published') return true;
  if (row.post_status === 'draft' || row.meeting_status === 'draft') return false;
  return row.is_public === 1;
}

/** What the audit log keeps of a file. */
export function auditView(info: FileInfo) {
  return {
    kind: info.kind,
    filename: info.filename,
    mime: info.mime,
    bytes: info.bytes,
    caption: info.caption,
    credit: info.credit,
    isPublic: info.isPublic,
  };
}
