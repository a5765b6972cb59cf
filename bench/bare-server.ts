/**
 * The reference of the throughput bench: a bare Fastify server answering each path with bytes
 * it holds in memory, read from the JSON file named by BARE_PAGES ({ path: { type, body } }).
 * No database, no validation, no hooks: what Fastify itself costs on this machine. An answer
 * Accord sent compressed is sent compressed, with its Content-Encoding, byte for byte.
 */
import fs from 'node:fs';
import Fastify from 'fastify';

const pages = JSON.parse(fs.readFileSync(process.env.BARE_PAGES as string, 'utf8')) as Record<
  string,
  { type: string; encoding: string | null; body: string }
>;
const app = Fastify({ logger: false });
const bodies = new Map(
  Object.entries(pages).map(([url, page]) => [
    url,
    { type: page.type, encoding: page.encoding, body: Buffer.from(page.body, 'base64') },
  ]),
);
app.get('/*', (request, reply) => {
  const page = bodies.get(request.url);
  if (!page) return reply.code(404).send();
  if (page.encoding) void reply.header('content-encoding', page.encoding);
  return reply.type(page.type).send(page.body);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
