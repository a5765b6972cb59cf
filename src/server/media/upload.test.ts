import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerProblemHandlers } from '../http/problem';
import { readUpload } from './upload';

type Part =
  { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

const BOUNDARY = '----AccordTestBoundary7MA4YWxkTrZu0gW';

/** A multipart/form-data body built by hand, as a browser would send it. */
function form(parts: Part[]) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      'filename' in part
        ? `form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}`
        : `form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push('filename' in part ? part.data : Buffer.from(part.value, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

const MAX = 1024 * 1024;

async function makeApp(pluginOptions: { throwFileSizeLimit?: boolean } = {}) {
  const app = Fastify();
  registerProblemHandlers(app);
  await app.register(multipart, pluginOptions);
  app.post('/upload', async (request) => {
    const file = await readUpload(request, { field: '/file', maxBytes: MAX });
    return {
      bytes: file.buffer.length,
      text: file.buffer.toString('utf8', 0, Math.min(file.buffer.length, 64)),
      filename: file.filename,
      mimetype: file.mimetype,
      fields: file.fields,
    };
  });
  return app;
}

describe('readUpload', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('returns the file and every text field, before or after the file', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      ...form([
        { name: 'caption', value: '수원 화성 — 華城' },
        { name: 'credit', value: 'City of Suwon' },
        { name: 'file', filename: 'hwaseong.jpg', type: 'image/jpeg', data: Buffer.from('pixels') },
        { name: 'lang', value: 'ko' },
        { name: 'lang', value: 'en' },
      ]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      bytes: 6,
      text: 'pixels',
      filename: 'hwaseong.jpg',
      mimetype: 'image/jpeg',
      fields: { caption: '수원 화성 — 華城', credit: 'City of Suwon', lang: 'ko' },
    });
  });

  it('accepts a file of exactly the limit', async () => {
    app = await makeApp();
    const data = Buffer.alloc(MAX, 0x61);
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      ...form([{ name: 'file', filename: 'a.txt', type: 'text/plain', data }]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().bytes).toBe(MAX);
  });

  it('asks for a file when the form has none', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      ...form([{ name: 'caption', value: 'no file here' }]),
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 422,
      errors: [{ pointer: '/file', detail: 'Choose a file to upload.' }],
    });
  });

  it('treats an empty file input (no name, no bytes) as no file', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      ...form([
        { name: 'file', filename: '', type: 'application/octet-stream', data: Buffer.alloc(0) },
        { name: 'caption', value: 'x' },
      ]),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject([
      { pointer: '/file', detail: 'Choose a file to upload.' },
    ]);
  });

  it.each([true, false])(
    'refuses a file over the limit (plugin throwFileSizeLimit %s)',
    async (throwFileSizeLimit) => {
      app = await makeApp({ throwFileSizeLimit });
      const res = await app.inject({
        method: 'POST',
        url: '/upload',
        ...form([
          {
            name: 'file',
            filename: 'big.pdf',
            type: 'application/pdf',
            data: Buffer.alloc(MAX + 1),
          },
        ]),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toMatchObject([
        { pointer: '/file', detail: 'The file is larger than 1 MB.' },
      ]);
    },
  );

  it('refuses a second file', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      ...form([
        { name: 'file', filename: 'a.txt', type: 'text/plain', data: Buffer.from('a') },
        { name: 'file', filename: 'b.txt', type: 'text/plain', data: Buffer.from('b') },
      ]),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject([
      { pointer: '/file', detail: 'Send one file at a time.' },
    ]);
  });

  it('answers 400 with a clear sentence to a request that is not multipart', async () => {
    app = await makeApp();
    const res = await app.inject({ method: 'POST', url: '/upload', payload: { file: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      status: 400,
      detail: 'Send the file as multipart/form-data, the way an HTML form with a file field does.',
    });
  });

  it('answers 400 to a multipart body that cannot be parsed', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': 'multipart/form-data' }, // no boundary
      payload: 'garbage',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('The upload could not be read as multipart/form-data.');
  });
});
