import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { can } from '../../core/policy';
import type { FileKind } from '../../core/publishing';
import type { Actor } from '../../core/roles';
import { changedFields, recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import type { AccordConfig } from '../config';
import { invalidField, notFound, unauthorized } from '../http/problem';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { checkDocument } from '../media/documents';
import { processImage } from '../media/images';
import { FileStore } from '../media/storage';
import type { Store } from '../store';
import { auditView, isPublicFile, presentFile } from './present';
import type { FileChanges, FileOwner } from './repository';
import type { FileInfo, FilePatch } from './schemas';

export type { FileOwner } from './repository';
export { isPublicFile, presentFile } from './present';

const LANG = /^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$/;
const CAPTION_MAX = 200;
const CREDIT_MAX = 300;
const FILENAME_MAX = 200;

/** Where uploaded bytes live: one store per data directory. */
export function fileStoreOf(config: AccordConfig): FileStore {
  return new FileStore(path.join(config.dataDir, 'uploads'));
}

/** The files of a meeting or a news post in their order; the public sees the public ones only. */
export async function listFiles(
  store: Store,
  owner: { meetingId: number } | { newsPostId: number },
  viewerSignedIn: boolean,
): Promise<FileInfo[]> {
  const rows = await store.files.listFilesOf(owner);
  return rows.filter((r) => viewerSignedIn || isPublicFile(r)).map(presentFile);
}

// ---------------------------------------------------------------- uploads

/** A multipart upload as the route read it: the file and the other form fields. */
export interface UploadForm {
  buffer: Buffer;
  filename: string;
  fields: Record<string, string | undefined>;
}

interface FileFields {
  kind: FileKind;
  caption: Record<string, string>;
  credit: string | null;
  isPublic: boolean;
}

/**
 * Reads the form fields beside the file. Unknown fields are refused rather than dropped,
 * so a misspelt caption field is heard about instead of silently lost.
 */
function readFields(
  fields: UploadForm['fields'],
  defaults: { kind?: FileKind; isPublic: boolean },
): FileFields {
  const caption: Record<string, string> = {};
  let kind = defaults.kind;
  let credit: string | null = null;
  let isPublic = defaults.isPublic;
  for (const [name, raw] of Object.entries(fields)) {
    const value = (raw ?? '').trim();
    if (name === 'kind') {
      if (value !== 'document' && value !== 'photo') {
        throw invalidField('/kind', 'not-one-of', "must be 'document' or 'photo'");
      }
      kind = value;
    } else if (name === 'isPublic') {
      if (value !== 'true' && value !== 'false') {
        throw invalidField('/isPublic', 'not-one-of', "must be 'true' or 'false'");
      }
      isPublic = value === 'true';
    } else if (name === 'credit') {
      if (value.length > CREDIT_MAX) {
        throw invalidField('/credit', 'too-long', `must be at most ${CREDIT_MAX} characters`, {
          limit: CREDIT_MAX,
        });
      }
      credit = value || null;
    } else if (name.startsWith('caption_')) {
      const lang = name.slice('caption_'.length);
      if (!LANG.test(lang)) {
        throw invalidField(
          `/${name}`,
          'unknown-field',
          'is not a caption field: use caption_<language tag>',
        );
      }
      if (value.length > CAPTION_MAX) {
        throw invalidField(`/${name}`, 'too-long', `must be at most ${CAPTION_MAX} characters`, {
          limit: CAPTION_MAX,
        });
      }
      if (value) caption[lang] = value;
    } else {
      throw invalidField(`/${name}`, 'unknown-field', 'is not a known field');
    }
  }
  if (!kind) throw invalidField('/kind', 'required', "is required ('document' or 'photo')");
  return { kind, caption, credit, isPublic };
}

/** The name as shown and downloaded: last path segment, no control characters, bounded. */
function cleanFilename(raw: string, ext?: string): string {
  let name = (raw.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (ext) {
    // Photos are re-encoded, so the name carries the extension of what we now store.
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    name = `${stem || 'photo'}.${ext}`;
  }
  if (!name) name = 'file';
  if (name.length > FILENAME_MAX) name = name.slice(name.length - FILENAME_MAX);
  return name;
}

interface Stored {
  kind: FileKind;
  filename: string;
  mime: string;
  bytes: number;
  storageKey: string;
  thumbKey: string | null;
  width: number | null;
  height: number | null;
}

/** Checks the bytes (re-encoding photos) and writes them to the store. */
async function storeUpload(bytes: FileStore, kind: FileKind, form: UploadForm): Promise<Stored> {
  if (kind === 'photo') {
    const image = await processImage(form.buffer, '/file');
    const main = await bytes.save(image.main, image.ext);
    const thumb = await bytes.save(image.thumb, image.ext);
    return {
      kind,
      filename: cleanFilename(form.filename, image.ext),
      mime: image.mime,
      bytes: main.bytes,
      storageKey: main.key,
      thumbKey: thumb.key,
      width: image.width,
      height: image.height,
    };
  }
  const doc = checkDocument(form.buffer, form.filename, '/file');
  const saved = await bytes.save(form.buffer, doc.ext);
  return {
    kind,
    filename: cleanFilename(form.filename),
    mime: doc.mime,
    bytes: saved.bytes,
    storageKey: saved.key,
    thumbKey: null,
    width: null,
    height: null,
  };
}

/** Deletes stored bytes that no files row points at any more. */
export async function removeUnusedBytes(
  store: Store,
  bytes: FileStore,
  keys: string[],
): Promise<void> {
  const unique = [...new Set(keys)];
  const used = await store.files.keysInUse(unique);
  for (const key of unique) {
    if (!used.has(key)) await bytes.remove(key);
  }
}

async function insertUpload(
  store: Store,
  bytes: FileStore,
  actor: AuditActor,
  owner: FileOwner,
  fields: FileFields,
  form: UploadForm,
  summary: (filename: string) => string,
): Promise<FileInfo> {
  const stored = await storeUpload(bytes, fields.kind, form);
  try {
    return await store.transaction(async (tx) => {
      const id = await tx.files.insertFile({
        meeting_id: 'meetingId' in owner ? owner.meetingId : null,
        news_post_id: 'newsPostId' in owner ? owner.newsPostId : null,
        kind: stored.kind,
        filename: stored.filename,
        mime: stored.mime,
        bytes: stored.bytes,
        storage_key: stored.storageKey,
        thumb_key: stored.thumbKey,
        width: stored.width,
        height: stored.height,
        caption: JSON.stringify(fields.caption),
        credit: fields.credit,
        sort_order: await tx.files.nextSortOrder(owner),
        is_public: fields.isPublic ? 1 : 0,
        uploaded_by: actor.label,
        uploaded_at: nowIso(),
      });
      const row = await tx.files.findFile(id);
      if (!row) throw new Error(`file ${id} vanished after insert`);
      const info = presentFile(row);
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'file',
        entityId: id,
        summary: summary(info.filename),
        after: auditView(info),
      });
      return info;
    });
  } catch (error) {
    // The row never landed: drop the bytes unless an identical upload already uses them.
    const keys = [stored.storageKey, ...(stored.thumbKey ? [stored.thumbKey] : [])];
    await removeUnusedBytes(store, bytes, keys).catch(() => undefined);
    throw error;
  }
}

export async function addMeetingFile(
  store: Store,
  bytes: FileStore,
  actor: AuditActor,
  meetingId: number,
  form: UploadForm,
): Promise<FileInfo> {
  authorize(actor, 'meeting.manage', {}, 'Only the secretariat adds files to meetings.');
  if (!(await store.files.meetingExists(meetingId))) {
    throw notFound('meeting', `no meeting ${meetingId}`);
  }
  const fields = readFields(form.fields, { isPublic: false });
  return insertUpload(
    store,
    bytes,
    actor,
    { meetingId },
    fields,
    form,
    (name) => `Added ${fields.kind} "${name}" to meeting ${meetingId}`,
  );
}

export async function addNewsPhoto(
  store: Store,
  bytes: FileStore,
  actor: AuditActor,
  slug: string,
  form: UploadForm,
): Promise<FileInfo> {
  authorize(actor, 'news.manage', {}, 'Only the secretariat adds photos to news.');
  const postId = await store.files.findNewsPostIdBySlug(slug);
  if (postId === undefined) throw notFound('news-post', `no news post "${slug}"`);
  const fields = readFields(form.fields, { kind: 'photo', isPublic: false });
  if (fields.kind !== 'photo')
    throw invalidField('/kind', 'photos-only', 'news posts take photos only');
  // A post's photos go out with the post: public once it is published, not before.
  fields.isPublic = false;
  return insertUpload(
    store,
    bytes,
    actor,
    { newsPostId: postId },
    fields,
    form,
    (name) => `Added photo "${name}" to news post ${slug}`,
  );
}

// ---------------------------------------------------------------- reading

export interface FileDownload {
  /** Opens the bytes; not called when the client's cached copy is still good. */
  open: () => Readable;
  size: number;
  mime: string;
  etag: string;
  contentDisposition: string;
  cacheControl: string;
}

/** RFC 8187 encoding for filename*: everything but attr-chars is percent-encoded. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function contentDisposition(kind: string, filename: string): string {
  // An ASCII fallback first for old clients; filename* carries the real name.
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const disposition = kind === 'photo' ? 'inline' : 'attachment';
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}

/**
 * Opens a file's bytes (or its thumbnail's) for the viewer. Private files need a signed-in
 * viewer; a missing file and a missing thumbnail are both 404.
 */
export async function openFile(
  store: Store,
  bytes: FileStore,
  id: number,
  variant: 'main' | 'thumb',
  viewer: Actor | null,
): Promise<FileDownload> {
  const row = await store.files.findFile(id);
  if (!row) throw notFound('file', `no file ${id}`);
  const open = isPublicFile(row);
  if (!open && !viewer) throw unauthorized('Sign in to see this file.');
  // Drafts (a meeting being prepared, a post not yet out) are the secretariat's alone; to
  // anyone else their files do not exist.
  if (
    !open &&
    !can(viewer, 'file.readPrivate') &&
    (row.post_status === 'draft' || row.meeting_status === 'draft')
  ) {
    throw notFound('file', `no file ${id}`);
  }
  const key = variant === 'main' ? row.storage_key : row.thumb_key;
  if (!key) throw notFound('thumbnail', `file ${id} has no thumbnail`);
  const file = bytes.path(key);
  const stat = await fs.promises.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw notFound('file', `the bytes of file ${id} are missing`);
  return {
    open: () => fs.createReadStream(file),
    size: stat.size,
    mime: row.mime,
    etag: `"${createHash('sha256').update(key).digest('hex')}"`,
    contentDisposition: contentDisposition(row.kind, row.filename),
    // Content-addressed keys never change their bytes, but a file can be made private
    // again, so public copies are kept for a day at most.
    cacheControl: open ? 'public, max-age=86400' : 'private',
  };
}

// ---------------------------------------------------------------- changes

export async function updateFile(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: FilePatch,
  expected?: ExpectedVersions,
): Promise<FileInfo> {
  authorize(actor, 'file.manage', {}, 'Only the secretariat changes files.');
  if (patch.caption) {
    for (const [lang, text] of Object.entries(patch.caption)) {
      if (!text.trim()) throw invalidField(`/caption/${lang}`, 'required', 'must not be blank');
    }
  }
  return store.transaction(async (tx) => {
    if (!(await tx.files.findFile(id))) throw notFound('file', `no file ${id}`);
    // Concurrent changes of the file queue here; each then reads what the one before wrote.
    claimedVersion(await tx.files.claimFileVersion(id, expected));
    const before = await tx.files.findFile(id);
    if (!before) throw new Error(`file ${id} vanished during update`);
    const values: FileChanges = {};
    if (patch.caption !== undefined) {
      const caption = Object.fromEntries(
        Object.entries(patch.caption).map(([lang, text]) => [lang, text.trim()]),
      );
      values.caption = JSON.stringify(caption);
    }
    if (patch.credit !== undefined) values.credit = patch.credit?.trim() || null;
    if (patch.sortOrder !== undefined) values.sort_order = patch.sortOrder;
    if (patch.isPublic !== undefined) values.is_public = patch.isPublic ? 1 : 0;
    await tx.files.updateFileRow(id, values);
    const after = await tx.files.findFile(id);
    if (!after) throw new Error(`file ${id} vanished during update`);
    const beforeInfo = presentFile(before);
    const afterInfo = presentFile(after);
    const diff = changedFields(
      { ...auditView(beforeInfo), sortOrder: before.sort_order },
      { ...auditView(afterInfo), sortOrder: after.sort_order },
    );
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'file',
      entityId: id,
      summary: `Changed file "${after.filename}"`,
      ...diff,
    });
    return afterInfo;
  });
}

/**
 * Deletes the row, then the bytes unless another row (a news post's copy of a meeting photo,
 * or an identical upload) still points at them.
 */
export async function deleteFile(
  store: Store,
  bytes: FileStore,
  actor: AuditActor,
  id: number,
): Promise<void> {
  authorize(actor, 'file.manage', {}, 'Only the secretariat deletes files.');
  const row = await store.transaction(async (tx) => {
    const found = await tx.files.findFile(id);
    if (!found) throw notFound('file', `no file ${id}`);
    await tx.files.deleteFileRow(id);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'file',
      entityId: id,
      summary: `Deleted ${found.kind} "${found.filename}"`,
      before: auditView(presentFile(found)),
    });
    return found;
  });
  await removeUnusedBytes(store, bytes, [
    row.storage_key,
    ...(row.thumb_key ? [row.thumb_key] : []),
  ]);
}
