/**
 * The reference of the throughput bench: a bare Fastify server answering each path with bytes
 * it holds in memory, read from the JSON file named by BARE_PAGES ({ path: { type, body } }).
 * No database, no validation, no hooks: what Fastify itself costs on this machine.
 */
import fs from 'node:fs';
import Fastify from 'fastify';

const pages = JSON.parse(fs.readFileSync(process.env.BARE_PAGES as string, 'utf8')) as Record<
  string,
  { type: string; body: string }
>;
const app = Fastify({ logger: false });
const bodies = new Map(
  Object.entries(pages).map(([url, page]) => [
    url,
    { type: page.type, body: Buffer.from(page.body) },
  ]),
);
app.get('/*', (request, reply) => {
  const page = bodies.get(request.url);
  if (!page) return reply.code(404).send();
  return reply.type(page.type).send(page.body);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
