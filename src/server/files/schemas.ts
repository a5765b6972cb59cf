import { Type, type Static } from 'typebox';
import { FILE_KINDS } from '../../core/publishing';
import { Names, Nullable, SortOrder } from '../http/common-schemas';

/**
 * The file shapes of the API: the files area owns them, and meetings and news posts embed
 * them (governance and news import them from here, never the other way round).
 */

const Instant = Type.String({ format: 'date-time', description: 'UTC instant (ISO 8601)' });

export const FileInfo = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(FILE_KINDS),
  filename: Type.String(),
  mime: Type.String(),
  bytes: Type.Integer(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  caption: Names,
  credit: Nullable(Type.String()),
  isPublic: Type.Boolean(),
  url: Type.String(),
  thumbUrl: Nullable(Type.String()),
  uploadedAt: Instant,
  /**
   * Incremented by every change of the file's caption, credit, order or visibility (also the
   * ETag of PATCH /files/{id}'s answer); send it back as If-Match.
   */
  version: Type.Integer(),
});
export type FileInfo = Static<typeof FileInfo>;

export const FilePatch = Type.Partial(
  Type.Object({
    caption: Names,
    credit: Nullable(Type.String({ maxLength: 300 })),
    sortOrder: SortOrder,
    isPublic: Type.Boolean(),
  }),
  { additionalProperties: false },
);
export type FilePatch = Static<typeof FilePatch>;
