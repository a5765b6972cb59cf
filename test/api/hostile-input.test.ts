/**
 * Hostile input on every write route of the OpenAPI document (POST, PUT, PATCH), sent by an
 * administrator so that the policy lets every request through to the body's checks. fast-check
 * takes each route's valid request (route-table.ts) and mutates its body: text with NUL bytes,
 * lone surrogates, direction marks, 100,000 characters or a formula; huge, negative and
 * NaN-like numbers; wrong types, extra properties, arrays where objects go, deep nesting, and
 * bodies that are not JSON at all. Whatever arrives:
 * - the answer is never a 5xx;
 * - a 4xx is problem+json, and a 400 or 422 names the field (a JSON Pointer) it refuses;
 * - a refused write leaves every table as it was (no half record, no stray audit entry).
 * The upload routes get the same with mutated forms and files.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/schema';
import { TABLE_OWNERS } from '../../src/server/db/table-owners';
import { multipart, type FormPart } from '../../src/server/files/test-support';
import { dialectCases } from '../setup/databases';
import { MATRIX, urlOf, type RouteRequest } from './route-table';
import { PDF, Surface, type Response } from './surface';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Runs per route: enough to meet each kind of mutation, few enough for a quick run
 * (HOSTILE_RUNS=200 for a longer search).
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 20);

const nest = (depth: number, leaf: Json, asArray: boolean): Json => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
};

const HOSTILE_TEXT = [
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDC00y',
  '\u202Eevil\u202C',
  '\u200F\u200E\u061C',
  'x'.repeat(100_000),
  "=cmd|' /C calc'!A0",
  '+1+1',
  '@SUM(A1:A2)',
  '-2+3',
  '\tTAB',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '',
  '   ',
  'line\r\nBcc: someone@example.org',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '../../../etc/passwd',
  '%00%ff%',
  '2024-02-30',
  '9999-99-99T99:99',
  '𝕬𝖈𝖈𝖔𝖗𝖉 👩🏽‍💻',
];

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31),
    2 ** 53,
    2 ** 64,
    -1,
    0,
    -0,
    0.5,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  hostileText,
  hostileNumber,
  fc.constantFrom<Json>(true, false, null, [], {}, [1, 2, 3], { a: 1 }, [{}], ['x']),
  fc
    // Deeper nesting is sent as raw text (RAW_BODIES): fast-check prints values recursively.
    .constantFrom(10, 200, 1000)
    .chain((depth) => fc.boolean().map((asArray) => nest(depth, 'deep', asArray))),
  fc.array(hostileText, { maxLength: 5 }),
);

/** Bodies that are not JSON, or JSON that a parser might take for something else. */
const RAW_BODIES = [
  '',
  '{',
  '{"a":',
  '[',
  'nul',
  'null',
  'true',
  '"text"',
  '12',
  '{"a":1}{"b":2}',
  '\uFEFF{}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":1e999}',
  "{'a':1}",
  '\u0000',
  '['.repeat(100_000) + ']'.repeat(100_000),
  '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
  `{"x":"${'y'.repeat(1_100_000)}"}`,
];

type Mutation =
  | { op: 'set'; at: number; value: Json }
  | { op: 'extra'; at: number; key: string; value: Json }
  | { op: 'drop'; at: number }
  | { op: 'wrap'; at: number }
  | { op: 'root'; value: Json }
  | { op: 'raw'; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('set'), at: fc.nat(), value: hostileValue }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('extra'),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom('extra', '__proto__', 'constructor', ''), hostileText),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('drop'), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap'), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('root'), value: hostileValue }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('raw'), text: fc.constantFrom(...RAW_BODIES) }),
  },
) as fc.Arbitrary<Mutation>;

type Path = (string | number)[];

/** Every place in a value, the value itself first. */
function pathsOf(value: Json, here: Path = []): Path[] {
  const out: Path[] = [here];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...here, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...here, k]));
  }
  return out;
}

function parentOf(root: Json, path: Path): Record<string | number, Json> | Json[] | undefined {
  let node: Json = root;
  for (const step of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, Json>)[step] as Json;
  }
  return node !== null && typeof node === 'object' ? node : undefined;
}

/** The body as text: the mutation applied to a copy of the valid body. */
function mutate(valid: Json, m: Mutation): string {
  if (m.op === 'raw') return m.text;
  if (m.op === 'root') return JSON.stringify(m.value);
  const body = structuredClone(valid);
  const paths = pathsOf(body);
  const path = paths[m.at % paths.length] as Path;
  const parent = parentOf(body, path);
  const key = path[path.length - 1];
  if (m.op === 'extra') {
    const objects = paths.filter((p) => {
      const node = p.length === 0 ? body : (parentOf(body, p) as Record<string, Json>)?.[p.at(-1)!];
      return node !== null && typeof node === 'object' && !Array.isArray(node);
    });
    const target = objects[m.at % Math.max(objects.length, 1)];
    const node =
      target === undefined
        ? undefined
        : target.length === 0
          ? body
          : (parentOf(body, target) as Record<string, Json>)[target.at(-1)!];
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      // Defined as an own property, as JSON.parse would make it, even for "__proto__".
      Object.defineProperty(node, m.key, { value: m.value, enumerable: true, writable: true });
      return JSON.stringify(body);
    }
    return JSON.stringify({ extra: m.value });
  }
  if (key === undefined || !parent) {
    // The value itself: replaced, wrapped or dropped whole.
    if (m.op === 'set') return JSON.stringify(m.value);
    if (m.op === 'wrap') return JSON.stringify([body]);
    return '';
  }
  const container = parent as Record<string | number, Json>;
  if (m.op === 'set') container[key] = m.value;
  else if (m.op === 'wrap') container[key] = [container[key] as Json];
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete container[key];
  return JSON.stringify(body);
}

/** The mutation in a line (its value may be nested too deep or be too long to print whole). */
function describeMutation(m: Mutation): string {
  const text = m.op === 'raw' ? m.text : JSON.stringify('value' in m ? m.value : null);
  return `${m.op} at ${'at' in m ? m.at : '-'}: ${text.slice(0, 120)}${text.length > 120 ? '…' : ''}`;
}

interface ProblemBody {
  status?: number;
  errors?: { pointer?: unknown; detail?: unknown }[];
}

const TABLES = Object.keys(TABLE_OWNERS) as (keyof Database)[];

/**
 * What a refused sign-in or password change does write, on purpose: the failure is counted
 * towards a lock, and a lock is audited; so is each use of an application's private link.
 */
const SIGN_IN_BOOKKEEPING: Partial<Record<string, readonly string[]>> = {
  'POST /api/v1/auth/login': ['sign_in_throttles', 'audit_log'],
  'POST /api/v1/me/password': ['sign_in_throttles', 'audit_log'],
  // The private links of applications count their use per address, refused or not.
  'POST /api/v1/apply/{token}/answer': ['sign_in_throttles'],
  'POST /api/v1/apply/{token}/withdraw': ['sign_in_throttles'],
  'POST /api/v1/apply/{token}/documents': ['sign_in_throttles'],
  'POST /api/v1/account-invitations/{token}': ['sign_in_throttles'],
};

describe.each(dialectCases())(
  'hostile input on every write route on $label',
  ({ dialect, skip }) => {
    const it_ = skip ? it.skip : it;
    let s: Surface;
    let writes: string[] = [];

    beforeAll(async () => {
      if (skip) return;
      s = await Surface.open(dialect);
      await s.t.app.ready();
      const doc = s.t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
      writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['post', 'put', 'patch'].includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      );
    }, 120_000);
    afterAll(async () => {
      await s?.close();
    });

    /** How many rows each table holds. */
    async function rowCounts(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const table of TABLES) {
        const row = await s.t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        counts[table] = Number(row.n);
      }
      return counts;
    }

    /** What every answer to hostile input must be; `refused` when the request changed nothing. */
    async function expectSafe(
      res: Response,
      before: Record<string, number>,
      what: string,
      bookkeeping: readonly string[] = [],
    ) {
      expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
      if (res.statusCode < 400) return;
      expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(res.body) as ProblemBody;
      expect(problem.status, what).toBe(res.statusCode);
      if (res.statusCode === 400 || res.statusCode === 422) {
        expect(
          problem.errors ?? [],
          `${what} names no field: ${res.body.slice(0, 300)}`,
        ).not.toEqual([]);
        for (const e of problem.errors ?? []) expect(typeof e.pointer, what).toBe('string');
      }
      const after = await rowCounts();
      const changed = Object.keys(after).filter(
        (table) => after[table] !== before[table] && !bookkeeping.includes(table),
      );
      expect(changed, `${what}: a refused write changed these tables`).toEqual([]);
    }

    it_('drives the write routes of the document', () => {
      expect(writes.length).toBeGreaterThan(50);
      for (const route of writes) expect(MATRIX[route], route).toBeDefined();
    });

    const UPLOADS = new Set([
      'POST /api/v1/meetings/{id}/files',
      'POST /api/v1/news/{slug}/photos',
      'POST /api/v1/candidates/{id}/endorsement',
      'POST /api/v1/apply/{token}/documents',
      'POST /api/v1/applications/{id}/documents',
    ]);

    it_.each(Object.keys(MATRIX).filter((r) => /^(POST|PUT|PATCH) /.test(r)))(
      '%s: never a 5xx, problems name the field, refusals write nothing',
      async (route) => {
        const c = MATRIX[route]?.[0];
        if (!c) throw new Error(`no entry for ${route}`);
        const valid: RouteRequest = await c.request(s, 'admin');
        const { method, url } = urlOf(route, valid);
        const base = (Buffer.isBuffer(valid.payload) ? {} : (valid.payload ?? {})) as Json;
        // Changing a password ends the changer's sessions: someone else than the administrator.
        const session =
          route === 'POST /api/v1/me/password'
            ? await s.throwawaySession()
            : 'session' in valid
              ? valid.session
              : s.headers.admin;
        await fc.assert(
          fc.asyncProperty(mutation, async (m) => {
            const payload = mutate(base, m);
            const before = await rowCounts();
            const res = await s.inject({
              method: method as 'POST',
              url,
              headers: { ...session, 'content-type': 'application/json' },
              payload,
            });
            await expectSafe(
              res,
              before,
              `${route} with ${describeMutation(m)}`,
              SIGN_IN_BOOKKEEPING[route],
            );
          }),
          { numRuns: UPLOADS.has(route) ? 5 : RUNS },
        );
      },
    );

    const formPart: fc.Arbitrary<FormPart> = fc.oneof(
      fc.record({
        name: fc.constantFrom('kind', 'isPublic', 'caption_en', 'credit', 'caption_ko'),
        value: hostileText,
      }),
      fc.record({
        name: fc.oneof(
          fc.constant('caption_'),
          hostileText.map((t) => `caption_${t}`),
        ),
        value: fc.constant('a caption'),
      }),
    );
    const filePart: fc.Arbitrary<FormPart | null> = fc.oneof(
      fc.constant(null),
      fc.record({
        name: fc.constantFrom('file', 'other'),
        filename: fc.oneof(
          fc.constantFrom('photo.jpg', 'doc.pdf', 'x.exe', '', '.jpg', 'a/b\\c.pdf'),
          hostileText.map((t) => `${t}.pdf`),
        ),
        contentType: fc.constantFrom('image/jpeg', 'application/pdf', 'text/html', ''),
        data: fc.oneof(
          fc.constant(Buffer.alloc(0)),
          fc.constant(PDF),
          fc.constant(PDF.subarray(0, 5)),
          fc.constant(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])),
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        ),
      }),
    );

    it_.each([...UPLOADS])(
      '%s: a hostile form or file is never a 5xx and writes nothing when refused',
      async (route) => {
        const valid = await MATRIX[route]![0]!.request(s, 'admin');
        const { url } = urlOf(route, valid);
        await fc.assert(
          fc.asyncProperty(
            fc.array(formPart, { maxLength: 4 }),
            filePart,
            fc.boolean(),
            async (fields, file, kindFirst) => {
              const parts: FormPart[] = [
                ...(kindFirst ? [{ name: 'kind', value: 'document' }] : []),
                ...fields,
                ...(file ? [file] : []),
              ];
              const form = multipart(parts);
              const before = await rowCounts();
              const res = await s.inject({
                method: 'POST',
                url,
                headers: { ...s.headers.admin, ...form.headers },
                payload: form.payload,
              });
              await expectSafe(res, before, route, SIGN_IN_BOOKKEEPING[route]);
            },
          ),
          { numRuns: RUNS },
        );
      },
    );
  },
);
