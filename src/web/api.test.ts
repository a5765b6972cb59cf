import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiProblem, setCsrfToken, type UploadProgress } from './api';

describe('apiProblem', () => {
  it('keeps the field pointers of a problem body', () => {
    const error = apiProblem(400, 'Bad Request', {
      title: 'Invalid upload',
      detail: 'The file is not an image.',
      errors: [{ pointer: '/file', detail: 'not an image' }],
    });
    expect(error.status).toBe(400);
    expect(error.title).toBe('Invalid upload');
    expect(error.fieldError('file')).toBe('not an image');
  });

  it('falls back to the status text for a body that is not a problem', () => {
    const error = apiProblem(413, 'Payload Too Large', 'too big');
    expect(error.title).toBe('Payload Too Large');
    expect(error.errors).toEqual([]);
  });
});

/** A stand-in for the browser's XMLHttpRequest: records the request, answers when told. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  sent: unknown = undefined;
  status = 0;
  statusText = '';
  responseText = '';
  responseHeaders: Record<string, string> = {};
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  send(body: unknown) {
    this.sent = body;
  }
  /** The browser reports bytes sent. */
  progress(loaded: number, total: number | null) {
    this.upload.onprogress?.({
      loaded,
      total: total ?? 0,
      lengthComputable: total !== null,
    } as ProgressEvent);
  }
  answer(status: number, statusText: string, body: unknown, type = 'application/problem+json') {
    this.status = status;
    this.statusText = statusText;
    this.responseHeaders['content-type'] = type;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

function lastXhr(): FakeXhr {
  if (!FakeXhr.last) throw new Error('no request was sent');
  return FakeXhr.last;
}

describe('api.upload', () => {
  beforeEach(() => {
    FakeXhr.last = null;
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('sends the form with the CSRF token and no Content-Type of its own', async () => {
    setCsrfToken('token-1');
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.txt');
    const done = api.upload<{ id: number }>('/api/v1/things/files', { body: form });
    const xhr = lastXhr();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/things/files');
    expect(xhr.headers).toEqual({ Accept: 'application/json', 'X-CSRF-Token': 'token-1' });
    expect(xhr.sent).toBe(form);
    xhr.answer(201, 'Created', { id: 7 }, 'application/json; charset=utf-8');
    await expect(done).resolves.toEqual({ id: 7 });
  });

  it('sends a file as it is with the Content-Type given', async () => {
    const file = new Blob(['a,b\n1,2']);
    const done = api.upload('/api/v1/imports/targets', { body: file, contentType: 'text/csv' });
    const xhr = lastXhr();
    expect(xhr.headers['Content-Type']).toBe('text/csv');
    expect(xhr.headers['X-CSRF-Token']).toBeUndefined();
    expect(xhr.sent).toBe(file);
    xhr.answer(204, 'No Content', '', '');
    await expect(done).resolves.toBeUndefined();
  });

  it('reports the bytes sent, with the total when it is known', async () => {
    const seen: UploadProgress[] = [];
    const done = api.upload('/api/v1/things/files', {
      body: new Blob(['x']),
      onProgress: (p) => seen.push(p),
    });
    const xhr = lastXhr();
    xhr.progress(0, null);
    xhr.progress(512, 2048);
    xhr.progress(2048, 2048);
    xhr.answer(200, 'OK', {}, 'application/json');
    await done;
    expect(seen).toEqual([
      { loaded: 0, total: null },
      { loaded: 512, total: 2048 },
      { loaded: 2048, total: 2048 },
    ]);
  });

  it('turns a problem+json refusal into an ApiError with its field errors', async () => {
    const done = api.upload('/api/v1/things/files', { body: new Blob(['x']) });
    lastXhr().answer(422, 'Unprocessable Entity', {
      title: 'Invalid upload',
      detail: 'The file is not an image.',
      errors: [{ pointer: '/file', detail: 'not an image' }],
    });
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).title).toBe('Invalid upload');
    expect((error as ApiError).detail).toBe('The file is not an image.');
    expect((error as ApiError).fieldError('file')).toBe('not an image');
  });

  it('names the status when the refusal is not a problem', async () => {
    const done = api.upload('/api/v1/things/files', { body: new Blob(['x']) });
    lastXhr().answer(413, 'Payload Too Large', 'too big', 'text/plain');
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).title).toBe('Payload Too Large');
    expect((error as ApiError).errors).toEqual([]);
  });

  it('reads a refusal with the caller’s own reader when it gives one', async () => {
    const done = api.upload('/api/v1/imports/targets', {
      body: new Blob(['x']),
      problem: (status, _text, body) => new Error(`${status}: ${JSON.stringify(body)}`),
    });
    lastXhr().answer(400, 'Bad Request', { missing: ['year'] });
    await expect(done).rejects.toThrow('400: {"missing":["year"]}');
  });

  it('fails like fetch when no answer comes', async () => {
    const done = api.upload('/api/v1/things/files', { body: new Blob(['x']) });
    lastXhr().onerror?.();
    await expect(done).rejects.toBeInstanceOf(TypeError);
  });
});

describe('changes made from a version', () => {
  const calls: { url: string; init: RequestInit }[] = [];
  let answer: () => Response;
  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return Promise.resolve(answer());
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const json = (status: number, body: object, type = 'application/json') =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

  it('send the version read as If-Match, and no condition without one', async () => {
    answer = () => json(200, { id: 1, version: 4 });
    await api.patch('/api/v1/targets/1', { title: 'x' }, { version: 3 });
    await api.put('/api/v1/meetings/2/minutes', { html: '' }, { version: 7 });
    await api.patch('/api/v1/targets/1', { title: 'y' });
    const ifMatch = calls.map((c) => (c.init.headers as Record<string, string>)['If-Match']);
    expect(ifMatch).toEqual(['"3"', '"7"', undefined]);
  });

  it('read a 412 as a stale write with its code', async () => {
    answer = () =>
      json(
        412,
        { title: 'Precondition Failed', status: 412, code: 'stale-write' },
        'application/problem+json',
      );
    const error = await api.patch('/api/v1/targets/1', {}, { version: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).staleWrite).toBe(true);
    expect((error as ApiError).code).toBe('stale-write');
    expect(apiProblem(409, 'Conflict', {}).staleWrite).toBe(false);
  });
});
