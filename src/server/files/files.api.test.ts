import { createHash } from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { fileStoreOf, listFiles } from './service';
import { insertMeeting, makePhoto, multipart, type FormPart } from './test-support';

type Headers = Record<string, string>;

const PDF = () =>
  Buffer.from(`%PDF-1.4\n% test ${Math.random()}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

describe.each(dialectCases())('files API on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  let officer: Headers;
  let meetingId: number;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    officer = await t.signInOfficer('kyoto');
    meetingId = await insertMeeting(t.db, {
      title: { en: `Files meeting ${dialect}`, ko: '파일 회의' },
    });
  });
  afterAll(async () => {
    if (t) {
      const store = fileStoreOf(t.config);
      const rows = await t.db.kysely
        .selectFrom('files')
        .select(['storage_key', 'thumb_key'])
        .execute();
      for (const r of rows) {
        await store.remove(r.storage_key);
        if (r.thumb_key) await store.remove(r.thumb_key);
      }
    }
    await t?.close();
  });

  const upload = (url: string, parts: FormPart[], headers: Headers = admin) => {
    const form = multipart(parts);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, ...form.headers },
      payload: form.payload,
    });
  };
  const storedKeys = (id: number) =>
    t.db.kysely
      .selectFrom('files')
      .select(['storage_key', 'thumb_key'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it_('re-encodes an uploaded photo and serves a JPEG thumbnail of at most 480 px', async () => {
    const res = await upload(`/api/v1/meetings/${meetingId}/files`, [
      { name: 'kind', value: 'photo' },
      { name: 'caption_en', value: 'The plenary' },
      { name: 'caption_zh-Hant', value: '全體會議' },
      { name: 'credit', value: 'Secretariat' },
      {
        name: 'file',
        filename: 'plenary.jpeg',
        contentType: 'image/jpeg',
        data: await makePhoto(3000, 2000),
      },
    ]);
    expect(res.statusCode).toBe(201);
    const info = res.json();
    expect(info).toMatchObject({
      kind: 'photo',
      filename: 'plenary.jpg',
      mime: 'image/jpeg',
      caption: { en: 'The plenary', 'zh-Hant': '全體會議' },
      credit: 'Secretariat',
      isPublic: false,
      url: `/api/v1/files/${info.id}`,
      thumbUrl: `/api/v1/files/${info.id}/thumb`,
    });
    expect(info.width).toBeLessThanOrEqual(2560);
    expect(info.height).toBeLessThanOrEqual(2560);
    expect(Math.max(info.width, info.height)).toBe(2560);

    const main = await t.app.inject({ url: info.url, headers: officer });
    expect(main.statusCode).toBe(200);
    expect(main.headers['content-type']).toBe('image/jpeg');
    expect(main.headers['content-disposition']).toMatch(
      /^inline; .*filename\*=UTF-8''plenary\.jpg$/,
    );
    const mainMeta = await sharp(main.rawPayload).metadata();
    expect([mainMeta.width, mainMeta.height]).toEqual([info.width, info.height]);
    expect(main.rawPayload.length).toBe(info.bytes);

    const thumb = await t.app.inject({ url: info.thumbUrl, headers: officer });
    expect(thumb.statusCode).toBe(200);
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(480);

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'file')
      .where('entity_id', '=', String(info.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it_('refuses text pretending to be a photo, and bad form fields, naming the field', async () => {
    const fake = await upload(`/api/v1/meetings/${meetingId}/files`, [
      { name: 'kind', value: 'photo' },
      {
        name: 'file',
        filename: 'photo.jpg',
        contentType: 'image/jpeg',
        data: Buffer.from('I am not a JPEG, just some text.'),
      },
    ]);
    expect(fake.statusCode).toBe(422);
    expect(fake.headers['content-type']).toContain('application/problem+json');
    expect(fake.json().errors[0].pointer).toBe('/file');

    const file = { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: PDF() };
    const noKind = await upload(`/api/v1/meetings/${meetingId}/files`, [file]);
    expect(noKind.statusCode).toBe(422);
    expect(noKind.json().errors[0].pointer).toBe('/kind');

    const badPublic = await upload(`/api/v1/meetings/${meetingId}/files`, [
      { name: 'kind', value: 'document' },
      { name: 'isPublic', value: 'yes' },
      file,
    ]);
    expect(badPublic.statusCode).toBe(422);
    expect(badPublic.json().errors[0].pointer).toBe('/isPublic');

    const pdfAsPhoto = await upload(`/api/v1/meetings/${meetingId}/files`, [
      { name: 'kind', value: 'photo' },
      file,
    ]);
    expect(pdfAsPhoto.statusCode).toBe(422);
    expect(pdfAsPhoto.json().errors[0].pointer).toBe('/file');

    const noFile = await upload(`/api/v1/meetings/${meetingId}/files`, [
      { name: 'kind', value: 'document' },
    ]);
    expect(noFile.statusCode).toBe(422);
    expect(noFile.json().errors[0].pointer).toBe('/file');

    const json = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/files`,
      headers: admin,
      payload: { kind: 'document' },
    });
    expect(json.statusCode).toBe(400);

    const asOfficer = await upload(
      `/api/v1/meetings/${meetingId}/files`,
      [{ name: 'kind', value: 'document' }, file],
      officer,
    );
    expect(asOfficer.statusCode).toBe(403);
    const nowhere = await upload('/api/v1/meetings/999999/files', [
      { name: 'kind', value: 'document' },
      file,
    ]);
    expect(nowhere.statusCode).toBe(404);

    // Nothing was stored by the refused uploads.
    const count = await t.db.kysely
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('filename', '=', 'a.pdf')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it_(
    'keeps private meeting files for signed-in users and serves documents as attachments',
    async () => {
      const bytes = PDF();
      const res = await upload(`/api/v1/meetings/${meetingId}/files`, [
        { name: 'kind', value: 'document' },
        {
          name: 'file',
          filename: '회의록 (draft).pdf',
          contentType: 'application/pdf',
          data: bytes,
        },
      ]);
      expect(res.statusCode).toBe(201);
      const info = res.json();
      expect(info).toMatchObject({ kind: 'document', mime: 'application/pdf', thumbUrl: null });

      const anonymous = await t.app.inject({ url: info.url });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.body).not.toContain('%PDF');

      const signedIn = await t.app.inject({ url: info.url, headers: officer });
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.rawPayload.equals(bytes)).toBe(true);
      expect(signedIn.headers['content-type']).toBe('application/pdf');
      expect(signedIn.headers['x-content-type-options']).toBe('nosniff');
      expect(signedIn.headers['cache-control']).toBe('private');
      expect(signedIn.headers['content-disposition']).toBe(
        `attachment; filename="___ (draft).pdf"; filename*=UTF-8''${encodeURIComponent('회의록')}%20%28draft%29.pdf`,
      );
      const { storage_key } = await storedKeys(info.id);
      const etag = `"${createHash('sha256').update(storage_key).digest('hex')}"`;
      expect(signedIn.headers.etag).toBe(etag);

      const cached = await t.app.inject({
        url: info.url,
        headers: { ...officer, 'if-none-match': etag },
      });
      expect(cached.statusCode).toBe(304);
      expect(cached.rawPayload.length).toBe(0);

      expect((await t.app.inject({ url: `${info.url}/thumb`, headers: officer })).statusCode).toBe(
        404,
      );
      expect(
        (await t.app.inject({ url: '/api/v1/files/999999', headers: officer })).statusCode,
      ).toBe(404);

      // Made public, anyone may fetch it and caches may keep it.
      const patched = await t.app.inject({
        method: 'PATCH',
        url: info.url,
        headers: admin,
        payload: { isPublic: true, caption: { en: 'Minutes' }, credit: null, sortOrder: 5 },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ isPublic: true, caption: { en: 'Minutes' } });
      const open = await t.app.inject({ url: info.url });
      expect(open.statusCode).toBe(200);
      expect(open.headers['cache-control']).toMatch(/^public/);

      const officerPatch = await t.app.inject({
        method: 'PATCH',
        url: info.url,
        headers: officer,
        payload: { isPublic: false },
      });
      expect(officerPatch.statusCode).toBe(403);
      const unknownField = await t.app.inject({
        method: 'PATCH',
        url: info.url,
        headers: admin,
        payload: { filename: 'x.pdf' },
      });
      expect(unknownField.statusCode).toBe(400);
      expect(unknownField.json().errors[0].pointer).toBe('/filename');
    },
  );

  it_('lists the files of a meeting, public ones only for the public', async () => {
    const hidden = await upload(`/api/v1/meetings/${meetingId}/files`, [
      { name: 'kind', value: 'document' },
      { name: 'file', filename: 'internal.pdf', contentType: 'application/pdf', data: PDF() },
    ]);
    const shown = await upload(`/api/v1/meetings/${meetingId}/files`, [
      { name: 'kind', value: 'document' },
      { name: 'isPublic', value: 'true' },
      { name: 'file', filename: 'press.pdf', contentType: 'application/pdf', data: PDF() },
    ]);
    const [hiddenId, shownId] = [hidden.json().id, shown.json().id];
    const everything = await listFiles(t.db, { meetingId }, true);
    const ids = everything.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([hiddenId, shownId]));
    // Uploads go last, in order.
    expect(ids.indexOf(hiddenId)).toBeLessThan(ids.indexOf(shownId));
    const publicOnly = await listFiles(t.db, { meetingId }, false);
    expect(publicOnly.map((f) => f.id)).toContain(shownId);
    expect(publicOnly.map((f) => f.id)).not.toContain(hiddenId);
    expect(publicOnly.every((f) => f.isPublic)).toBe(true);
    expect(publicOnly.find((f) => f.id === shownId)).toMatchObject({
      url: `/api/v1/files/${shownId}`,
      thumbUrl: null,
    });
  });

  it_('adds public photos to a news post, which go out when it is published', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/news',
      headers: admin,
      payload: {
        slug: `photo-post-${dialect}`,
        translations: { en: { title: 'Photo post', summary: '', bodyHtml: '' } },
      },
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/v1/news/photo-post-${dialect}/photos`;
    const photo = await upload(url, [
      { name: 'caption_ko', value: '단체 사진' },
      {
        name: 'file',
        filename: 'team.png',
        contentType: 'image/png',
        data: await makePhoto(640, 480),
      },
    ]);
    expect(photo.statusCode).toBe(201);
    expect(photo.json()).toMatchObject({
      kind: 'photo',
      // Public through the post once it is published, not before.
      isPublic: false,
      caption: { ko: '단체 사진' },
    });
    expect(photo.json().filename).toBe('team.jpg');

    const notPhoto = await upload(url, [
      { name: 'kind', value: 'document' },
      { name: 'file', filename: 'x.pdf', contentType: 'application/pdf', data: PDF() },
    ]);
    expect(notPhoto.statusCode).toBe(422);
    expect(notPhoto.json().errors[0].pointer).toBe('/kind');
    const pdf = await upload(url, [
      { name: 'file', filename: 'x.pdf', contentType: 'application/pdf', data: PDF() },
    ]);
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().errors[0].pointer).toBe('/file');
    const noPost = await upload('/api/v1/news/no-such-post/photos', [
      { name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', data: await makePhoto(10, 10) },
    ]);
    expect(noPost.statusCode).toBe(404);

    // Marked private while the post is a draft: hidden from the public until publication.
    const id = photo.json().id;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/files/${id}`,
      headers: admin,
      payload: { isPublic: false },
    });
    expect((await t.app.inject({ url: `/api/v1/files/${id}` })).statusCode).toBe(401);
    // A draft's photos are the secretariat's: a member's officer finds nothing there.
    expect((await t.app.inject({ url: `/api/v1/files/${id}`, headers: officer })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: `/api/v1/files/${id}`, headers: admin })).statusCode).toBe(
      200,
    );
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/news/photo-post-${dialect}/publish`,
      headers: admin,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().photos.map((p: { id: number }) => p.id)).toEqual([id]);
    const after = await t.app.inject({ url: `/api/v1/files/${id}/thumb` });
    expect(after.statusCode).toBe(200);
    expect(after.headers['content-type']).toBe('image/jpeg');
  });

  it_('deletes a file but keeps the bytes a news copy still uses', async () => {
    const closed = await insertMeeting(t.db, { title: { en: `Delete test ${dialect}` } });
    const photo = await upload(`/api/v1/meetings/${closed}/files`, [
      { name: 'kind', value: 'photo' },
      {
        name: 'file',
        filename: 'p.jpg',
        contentType: 'image/jpeg',
        data: await makePhoto(800, 600),
      },
    ]);
    expect(photo.statusCode).toBe(201);
    const original = photo.json();
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${closed}/news`,
      headers: admin,
    });
    expect(post.statusCode).toBe(201);
    const copy = post.json().photos[0];
    expect(copy).toBeDefined();

    const store = fileStoreOf(t.config);
    const keys = await storedKeys(original.id);
    const thumbKey = keys.thumb_key ?? '';
    expect(fs.existsSync(store.path(keys.storage_key))).toBe(true);

    const asOfficer = await t.app.inject({
      method: 'DELETE',
      url: original.url,
      headers: officer,
    });
    expect(asOfficer.statusCode).toBe(403);

    const del = await t.app.inject({ method: 'DELETE', url: original.url, headers: admin });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: original.url, headers: admin })).statusCode).toBe(404);
    expect(fs.existsSync(store.path(keys.storage_key))).toBe(true);
    expect(fs.existsSync(store.path(thumbKey))).toBe(true);
    expect((await t.app.inject({ url: copy.url, headers: admin })).statusCode).toBe(200);

    const delCopy = await t.app.inject({ method: 'DELETE', url: copy.url, headers: admin });
    expect(delCopy.statusCode).toBe(204);
    expect(fs.existsSync(store.path(keys.storage_key))).toBe(false);
    expect(fs.existsSync(store.path(thumbKey))).toBe(false);

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'file')
      .where('entity_id', 'in', [String(original.id), String(copy.id)])
      .orderBy('id')
      .execute();
    // The copy was made with the news post (audited there); both deletions are logged.
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete', 'delete']);
  });

  it_('removes the photos of a deleted draft with their bytes', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/news',
      headers: admin,
      payload: {
        slug: `doomed-${dialect}`,
        translations: { en: { title: 'Doomed', summary: '', bodyHtml: '' } },
      },
    });
    const photo = await upload(`/api/v1/news/doomed-${dialect}/photos`, [
      {
        name: 'file',
        filename: 'd.jpg',
        contentType: 'image/jpeg',
        data: await makePhoto(300, 200),
      },
    ]);
    const keys = await storedKeys(photo.json().id);
    const store = fileStoreOf(t.config);
    expect(fs.existsSync(store.path(keys.storage_key))).toBe(true);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/news/doomed-${dialect}`,
      headers: admin,
    });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: photo.json().url, headers: admin })).statusCode).toBe(404);
    expect(fs.existsSync(store.path(keys.storage_key))).toBe(false);
  });

  it_('documents the upload routes as multipart in OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    const post = doc.paths['/api/v1/meetings/{id}/files'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/files/{id}',
        '/api/v1/files/{id}/thumb',
        '/api/v1/news/{slug}/photos',
      ]),
    );
  });
});
