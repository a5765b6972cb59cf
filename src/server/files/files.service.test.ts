import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { TEST_SECRETARIAT, demoDatabase, officerOf } from '../../../test/setup/demo-store';
import type { AuditActor } from '../audit/service';
import { FileStore } from '../media/storage';
import { nowIso } from '../clock';
import type { StoreDb } from '../store';
import {
  addMeetingFile,
  addNewsPhoto,
  deleteFile,
  listFiles,
  openFile,
  updateFile,
} from './service';
import { makePhoto } from './test-support';

/** The file services without HTTP, on both databases: who may read a file, and when. */

const admin = TEST_SECRETARIAT;

describe.each(dialectCases())('file services on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: StoreDb;
  let drop: () => Promise<void>;
  let bytes: FileStore;
  let dataDir: string;
  let officer: AuditActor;

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await demoDatabase(dialect));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-files-'));
    bytes = new FileStore(dataDir);
    officer = await officerOf(db, 'kyoto');
  });
  afterAll(async () => {
    await drop?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it_('keeps a draft post’s photo to the secretariat and opens it with the post', async () => {
    // The post is written through its repository: the news services are not this area's to use.
    const now = nowIso();
    const post = { slug: 'photo-story', id: 0 };
    post.id = await db.news.insertPost({
      slug: post.slug,
      status: 'draft',
      published_at: null,
      meeting_id: null,
      body_id: null,
      author_label: admin.label,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    });
    const photo = await addNewsPhoto(db, bytes, admin, post.slug, {
      buffer: await makePhoto(800, 600),
      filename: 'C:\\Users\\me\\harbour.png',
      fields: { caption_en: 'The harbour', isPublic: 'true' },
    });
    // A post's photos are private until the post is out, whatever the form said.
    expect(photo).toMatchObject({ kind: 'photo', filename: 'harbour.jpg', isPublic: false });
    const postId = post.id;
    expect(await listFiles(db, { newsPostId: postId }, false)).toEqual([]);
    expect((await listFiles(db, { newsPostId: postId }, true)).map((f) => f.id)).toEqual([
      photo.id,
    ]);

    await expect(openFile(db, bytes, photo.id, 'main', null)).rejects.toMatchObject({
      status: 401,
    });
    // A signed-in officer is told nothing of a draft's files.
    await expect(openFile(db, bytes, photo.id, 'main', officer)).rejects.toMatchObject({
      status: 404,
    });
    const forAdmin = await openFile(db, bytes, photo.id, 'thumb', admin);
    expect(forAdmin).toMatchObject({ mime: 'image/jpeg', cacheControl: 'private' });
    expect(forAdmin.contentDisposition).toMatch(/^inline; filename="harbour.jpg"/);

    await db.news.updatePost(post.id, { status: 'published', published_at: nowIso() });
    const forPublic = await openFile(db, bytes, photo.id, 'main', null);
    expect(forPublic.cacheControl).toBe('public, max-age=86400');
    expect(forPublic.size).toBe(photo.bytes);

    const stored = await db.kysely
      .selectFrom('files')
      .where('id', '=', photo.id)
      .select(['storage_key', 'thumb_key'])
      .executeTakeFirstOrThrow();
    // Only the secretariat changes or removes a file, whatever the route in front.
    await expect(
      updateFile(db, officer, photo.id, { caption: { en: 'Mine now' } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(deleteFile(db, bytes, officer, photo.id)).rejects.toMatchObject({ status: 403 });
    await expect(
      addNewsPhoto(db, bytes, officer, post.slug, {
        buffer: await makePhoto(10, 10),
        filename: 'x.png',
        fields: {},
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(fs.existsSync(bytes.path(stored.storage_key))).toBe(true);
    await deleteFile(db, bytes, admin, photo.id);
    expect(fs.existsSync(bytes.path(stored.storage_key))).toBe(false);
    expect(fs.existsSync(bytes.path(stored.thumb_key!))).toBe(false);
    await expect(openFile(db, bytes, photo.id, 'main', admin)).rejects.toMatchObject({
      status: 404,
    });
  });
  it_(
    'keeps even a photo marked public to the secretariat while its meeting is a draft',
    async () => {
      const now = nowIso();
      const meetingId = await db.governance.insertMeeting({
        uid: `draft-photo-${dialect}@accord.test`,
        body_id: null,
        term_id: null,
        title: JSON.stringify({ en: 'Being prepared' }),
        format: 'online',
        status: 'draft',
        starts_at: '2027-03-01T01:00:00.000Z',
        ends_at: '2027-03-01T03:00:00.000Z',
        time_zone: 'Asia/Seoul',
        venue: null,
        join_url: null,
        minutes_html: null,
        sequence: 0,
        closed_at: null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      });
      const photo = await addMeetingFile(db, bytes, admin, meetingId, {
        buffer: await makePhoto(400, 300),
        filename: 'venue.png',
        fields: { kind: 'photo', caption_en: 'The venue', isPublic: 'true' },
      });
      expect(photo.isPublic).toBe(true);
      await expect(openFile(db, bytes, photo.id, 'main', null)).rejects.toMatchObject({
        status: 401,
      });
      await expect(openFile(db, bytes, photo.id, 'thumb', officer)).rejects.toMatchObject({
        status: 404,
      });
      expect((await openFile(db, bytes, photo.id, 'main', admin)).cacheControl).toBe('private');
      // Once scheduled, the meeting is public and so is the photo marked public.
      await db.governance.updateMeeting(meetingId, { status: 'scheduled' });
      expect((await openFile(db, bytes, photo.id, 'main', null)).cacheControl).toBe(
        'public, max-age=86400',
      );
    },
  );
});
