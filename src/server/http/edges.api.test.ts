import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

/**
 * The edges of HTTP itself: a known path with a method it does not take, and requests that
 * Node's parser or Fastify's router refuse before any route runs. Each answer is problem+json.
 */

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

/** Sends raw bytes and returns the raw answer: some requests cannot be made with inject. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close a socket it refused while the rest of the request is in flight.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      reject(error);
    });
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(request);
  });
}

function parseRaw(raw: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

describe('HTTP edges', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await makeTestApp('sqlite', { demo: false });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await t?.close();
  });

  function expectProblem(
    res: { statusCode: number; headers: Record<string, unknown>; body: string },
    status: number,
  ): Problem {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(res.body) as Problem;
    expect(problem).toMatchObject({ type: 'about:blank', status });
    return problem;
  }

  it('answers 405 with Allow for a method a known path does not take', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/governments' });
    const problem = expectProblem(res, 405);
    expect(problem.title).toBe('Method Not Allowed');
    expect(String(res.headers.allow).split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);

    const one = await t.app.inject({ method: 'PUT', url: '/api/v1/governments/seoul?x=1' });
    expectProblem(one, 405);
    expect(String(one.headers.allow).split(', ')).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'PATCH']),
    );
    expect(String(one.headers.allow)).not.toContain('PUT');

    const health = await t.app.inject({ method: 'POST', url: '/api/v1/health' });
    expectProblem(health, 405);
    expect(health.headers.allow).toBe('GET, HEAD');
  });

  it('still answers 404 for a path no route has', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/nothing-here' });
    expectProblem(res, 404);
    expect(res.headers.allow).toBeUndefined();
  });

  it('answers 400 problem+json for a path or query that is not valid percent-encoding', async () => {
    const path = parseRaw(
      await rawRequest(
        port,
        'GET /api/v1/governments/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      ),
    );
    expect(path.status).toBe(400);
    expect(path.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(path.body)).toMatchObject({ status: 400 });

    const query = parseRaw(
      await rawRequest(
        port,
        'GET /api/v1/governments?q=%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      ),
    );
    expect(query.status).toBe(400);
    expect(query.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers 431 problem+json to headers too large for the server to read', async () => {
    const huge = 'a'.repeat(20_000);
    const res = parseRaw(
      await rawRequest(port, `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Huge: ${huge}\r\n\r\n`),
    );
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const problem = JSON.parse(res.body) as Problem;
    expect(problem).toMatchObject({
      type: 'about:blank',
      title: 'Request Header Fields Too Large',
      status: 431,
    });
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
  });

  it('answers 400 problem+json to a request Node cannot parse', async () => {
    const res = parseRaw(
      await rawRequest(port, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ title: 'Bad Request', status: 400 });
  });
});
