import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { expectConditionalEdit } from '../../../test/setup/if-match';

type Headers = Record<string, string>;

const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const PDF = Buffer.from('%PDF-1.4\n% Endorsement\n%%EOF\n');

function multipart(filename: string, content: Buffer) {
  const boundary = `----accord-test-${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(dialectCases())('elections changed concurrently on $label', (c) => {
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

  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, h = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: h, payload });

  async function createElection(termStartsOn: string, termEndsOn: string) {
    const res = await inject('POST', '/elections', {
      body: 'east-asia-rexcom',
      title: { en: 'RexCom election' },
      seats: 1,
      termLabel: termStartsOn.slice(0, 4),
      termStartsOn,
      termEndsOn,
      nominationsOpen: at(-10 * DAY),
      nominationsClose: at(DAY),
      votingOpen: at(2 * DAY),
      votingClose: at(5 * DAY),
    });
    expect(res.statusCode, res.body).toBe(201);
    const election = res.json() as { id: number; version: number };
    expect(election.version).toBe(1);
    return election;
  }

  it_(
    'refuses a change made from a stale copy with 412 and keeps the change before it',
    async () => {
      const { id } = await createElection('2041-01-01', '2043-12-31');
      const after = await expectConditionalEdit(t, admin, {
        url: `/api/v1/elections/${id}`,
        fresh: { termLabel: '2041–2043' },
        stale: { termLabel: 'Overwritten', seats: 3 },
      });
      expect(after).toMatchObject({ termLabel: '2041–2043', seats: 1 });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .where('entity_type', '=', 'election')
        .where('entity_id', '=', String(id))
        .select('action')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    },
  );

  it_('makes a copy read before the seats were filled stale', async () => {
    const { id } = await createElection('2044-01-01', '2046-12-31');
    const governments = await t.db.kysely
      .selectFrom('governments')
      .select(['id', 'slug'])
      .where('slug', '=', 'kyoto')
      .executeTakeFirstOrThrow();
    const leader = await t.db.kysely
      .selectFrom('people')
      .select('id')
      .where('full_name', '=', 'Daisaku Kadokawa')
      .executeTakeFirstOrThrow();
    const nominated = await inject('POST', `/elections/${id}/candidates`, {
      governmentId: governments.id,
      personId: leader.id,
      codeOfHonourAccepted: true,
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    const candidate = (nominated.json() as { candidates: { id: number }[] }).candidates[0];
    // Nominations change the candidates, not the election's own record.
    expect((nominated.json() as { version: number }).version).toBe(1);
    const form = multipart('endorsement.pdf', PDF);
    const endorsed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/candidates/${candidate?.id}/endorsement`,
      headers: { ...admin, 'content-type': form.contentType },
      payload: form.payload,
    });
    expect(endorsed.statusCode, endorsed.body).toBe(200);

    const opened = await inject('PATCH', `/elections/${id}`, {
      nominationsClose: at(-2 * DAY),
      votingOpen: at(-DAY),
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const kyoto = await t.signInOfficer('kyoto');
    const cast = await inject(
      'POST',
      `/elections/${id}/ballots`,
      { choices: [candidate?.id] },
      kyoto,
    );
    expect(cast.statusCode, cast.body).toBe(201);
    const closed = await inject('PATCH', `/elections/${id}`, { votingClose: at(-1000) });
    expect(closed.statusCode, closed.body).toBe(200);

    const read = await inject('GET', `/elections/${id}`);
    const before = (read.json() as { version: number }).version;
    expect(read.headers.etag).toBe(`"${before}"`);
    const filled = await inject('POST', `/elections/${id}/fill`, {});
    expect(filled.statusCode, filled.body).toBe(200);
    expect((filled.json() as { version: number }).version).toBe(before + 1);

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/elections/${id}`,
      headers: { ...admin, 'if-match': `"${before}"` },
      payload: { title: { en: 'Renamed' } },
    });
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'stale-write' });
  });
});
