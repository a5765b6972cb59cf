import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { insertMeeting, makePhoto, multipart, type FormPart } from './test-support';

type Headers = Record<string, string>;
interface FileView {
  id: number;
  caption: Record<string, string>;
  credit: string | null;
  version: number;
}

const PDF = () =>
  Buffer.from(`%PDF-1.4\n% test ${Math.random()}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

/**
 * A file has no JSON of its own to GET (GET /files/:id is its bytes): the web reads its version
 * where it reads the file, in the meeting's or the news post's files.
 */
describe.each(dialectCases())('files changed concurrently on $label', (c) => {
  const it_ = c.skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;

  beforeAll(async () => {
    if (c.skip) return;
    t = await makeTestApp(c.dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = async (url: string, parts: FormPart[]) => {
    const form = multipart(parts);
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...admin, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const info = res.json() as FileView;
    expect(info.version).toBe(1);
    return info;
  };

  /** Reads the file where the web does, changes it from that copy, then from the stale one. */
  async function expectConditionalFileEdit(
    read: () => Promise<FileView | undefined>,
    fresh: object,
    stale: object,
  ): Promise<FileView> {
    const copy = await read();
    if (!copy) throw new Error('the file is not listed');
    const url = `/api/v1/files/${copy.id}`;
    const first = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin, 'if-match': `"${copy.version}"` },
      payload: fresh,
    });
    expect(first.statusCode, first.body).toBe(200);
    // The file's own address gives its bytes, whose ETag is their hash: the PATCH answer does
    // not send a second kind of tag for the same address; the version is in the JSON.
    expect(first.headers.etag).toBeUndefined();
    expect((first.json() as FileView).version).toBe(copy.version + 1);

    const second = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin, 'if-match': `"${copy.version}"` },
      payload: stale,
    });
    expect(second.statusCode, second.body).toBe(412);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({ status: 412, code: 'stale-write' });

    const after = await read();
    expect(after?.version).toBe(copy.version + 1);
    return after as FileView;
  }

  it_('refuses a meeting file change made from a stale copy with 412', async () => {
    const meetingId = await insertMeeting(t.db, { title: { en: 'Versions meeting' } });
    await upload(`/api/v1/meetings/${meetingId}/files`, [
      { name: 'kind', value: 'document' },
      { name: 'caption_en', value: 'The agenda' },
      { name: 'file', filename: 'agenda.pdf', contentType: 'application/pdf', data: PDF() },
    ]);
    const read = async () => {
      const res = await t.app.inject({ url: `/api/v1/meetings/${meetingId}`, headers: admin });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { files: FileView[] }).files[0];
    };
    const after = await expectConditionalFileEdit(
      read,
      { caption: { en: 'The agenda, final' } },
      { caption: { en: 'Someone else’s caption' }, credit: 'Nobody' },
    );
    expect(after).toMatchObject({ caption: { en: 'The agenda, final' }, credit: null });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .where('entity_type', '=', 'file')
      .where('entity_id', '=', String(after.id))
      .select('action')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it_('refuses a news photo change made from a stale copy with 412', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/news',
      headers: admin,
      payload: {
        slug: 'photo-versions',
        translations: { en: { title: 'Photos', summary: '', bodyHtml: '' } },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    await upload('/api/v1/news/photo-versions/photos', [
      { name: 'caption_en', value: 'The plenary' },
      { name: 'file', filename: 'p.jpg', contentType: 'image/jpeg', data: await makePhoto() },
    ]);
    const read = async () => {
      const res = await t.app.inject({ url: '/api/v1/news/photo-versions', headers: admin });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { photos: FileView[] }).photos[0];
    };
    const after = await expectConditionalFileEdit(
      read,
      { credit: 'Secretariat' },
      { credit: 'Someone else' },
    );
    expect(after).toMatchObject({ caption: { en: 'The plenary' }, credit: 'Secretariat' });
  });
});
