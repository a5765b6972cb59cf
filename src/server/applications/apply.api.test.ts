/**
 * The public side of membership applications through the API, on both databases: sending the
 * form (every field's rule, the hidden field, the limit per address), the letter, and what the
 * holder of the private status link sees and may do.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { advanceClockForTests, resetClockForTests } from '../clock';
import { multipart } from '../files/test-support';
import {
  applicationBody,
  applicationIdByName,
  lettersTo,
  linkIn,
  submit,
  takeSteps,
} from './test-support';

type Headers = Record<string, string>;
const PDF = () => Buffer.from(`%PDF-1.4\n% resolution ${Math.random()}\n%%EOF\n`);

describe.each(dialectCases())('applying for membership on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => resetClockForTests());

  const post = (url: string, payload: unknown, remoteAddress = '203.0.113.1') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: payload as object,
      remoteAddress,
    });
  const status = (token: string, remoteAddress = '203.0.113.1') =>
    t.app.inject({ url: `/api/v1/apply/${token}`, remoteAddress });
  const count = async (table: 'applications' | 'outbox') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it_(
    'stores an application, writes to the liaison in Japanese and opens a status page',
    async () => {
      const body = applicationBody();
      const res = await post('/apply', body, '203.0.113.10');
      expect(res.statusCode).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const answer = res.json() as { statusToken: string; statusUrl: string; step: string };
      expect(answer).toMatchObject({ step: 'submitted', confirmationQueued: true });
      expect(answer.statusToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(answer.statusUrl).toBe(`${t.config.publicUrl}/apply/status/${answer.statusToken}`);

      // Only the link's hash is kept.
      const links = await t.db.kysely.selectFrom('application_status_links').selectAll().execute();
      expect(links.some((l) => l.token_hash.includes(answer.statusToken))).toBe(false);

      const [letter, ...others] = await lettersTo(t.db, body.liaison.email);
      expect(others).toEqual([]);
      expect(letter?.subject).toBe(`申請を受け付けました：${body.officialName}`);
      expect(letter?.body_text).toContain('Aiko Tanaka 様');
      expect(letter?.body_text).toContain(answer.statusUrl);
      expect(letter?.body_text).toContain('議会決議は6か月以内');

      const page = await status(answer.statusToken);
      expect(page.statusCode).toBe(200);
      expect(page.json()).toMatchObject({
        officialName: body.officialName,
        englishName: body.englishName,
        step: 'submitted',
        language: 'ja',
        actions: ['withdraw'],
        resolution: { state: 'due' },
        history: [{ action: null, step: 'submitted', by: 'applicant', comment: null }],
        documents: [],
      });
      // The page is the applicant's: no contact addresses on it.
      expect(page.body).not.toContain(body.liaison.email);
    },
  );

  it_('names every field that breaks a rule, all at once, and stores nothing', async () => {
    const before = await count('applications');
    const res = await post('/apply', {
      ...applicationBody(),
      officialName: ' ',
      country: 'XX',
      population: 12.5,
      website: 'not a site',
      head: { name: 'H', title: '', electedOn: '2999-01-01', termEndsOn: null },
      liaison: { name: 'L', email: 'nobody', phone: '+81 1' },
      consent: false,
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const errors = (res.json() as { errors: { pointer: string; detail: string }[] }).errors;
    expect(errors.map((e) => e.pointer)).toEqual([
      '/officialName',
      '/country',
      '/population',
      '/website',
      '/head/title',
      '/head/electedOn',
      '/liaison/email',
      '/liaison/phone',
      '/consent',
    ]);
    expect(errors.find((e) => e.pointer === '/consent')?.detail).toBe(
      'must be accepted to send the application',
    );
    expect(await count('applications')).toBe(before);
  });

  it_('refuses a missing or unknown field by name before the rules', async () => {
    const { liaison: _dropped, ...withoutLiaison } = applicationBody();
    const missing = await post('/apply', withoutLiaison);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      errors: [{ pointer: '/liaison', detail: 'is required' }],
    });
    const extra = await post('/apply', { ...applicationBody(), fax: '1' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ errors: [{ pointer: '/fax' }] });
  });

  it_('refuses a form whose hidden field was filled, saying so, and stores nothing', async () => {
    const before = await count('applications');
    const outbox = await count('outbox');
    const res = await post('/apply', {
      ...applicationBody(),
      alternateUrl: 'https://spam.example',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ errors: [{ pointer: '/alternateUrl' }] });
    expect(await count('applications')).toBe(before);
    expect(await count('outbox')).toBe(outbox);
  });

  it_(
    'takes ten applications an hour from one address, then 429 until the hour is over',
    async () => {
      const address = '198.51.100.77';
      for (let i = 0; i < 10; i++) {
        expect((await post('/apply', applicationBody(), address)).statusCode).toBe(201);
      }
      const before = await count('applications');
      const refused = await post('/apply', applicationBody(), address);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((refused.json() as { detail: string }).detail).toMatch(/Wait before sending another/);
      expect(await count('applications')).toBe(before);
      // Another address is not held back; the first one is again after the hour.
      expect((await post('/apply', applicationBody(), '198.51.100.78')).statusCode).toBe(201);
      advanceClockForTests(61 * 60_000);
      expect((await post('/apply', applicationBody(), address)).statusCode).toBe(201);
    },
  );

  it_(
    'answers 404 to an unknown status link, and locks out an address that tries many',
    async () => {
      const mine = await submit(t);
      const guesser = '198.51.100.200';
      for (let i = 0; i < 20; i++) {
        const res = await status(`guess-${i}-${'x'.repeat(30)}`, guesser);
        expect(res.statusCode).toBe(404);
      }
      const locked = await status(mine.token, guesser);
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      // Someone else, with the real link, is not locked out.
      expect((await status(mine.token, '198.51.100.201')).statusCode).toBe(200);
    },
  );

  it_(
    'answers one address 120 link requests in 15 minutes, then 429 until the window ends',
    async () => {
      const { token } = await submit(t);
      const reader = '198.51.100.150';
      for (let i = 0; i < 120; i++) expect((await status(token, reader)).statusCode).toBe(200);
      const refused = await status(token, reader);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await status(token, '198.51.100.151')).statusCode).toBe(200);
      advanceClockForTests(15 * 60_000);
      expect((await status(token, reader)).statusCode).toBe(200);
    },
  );

  it_('lets the applicant answer a request for more information, and only then', async () => {
    const { id, token } = await submit(t);
    const early = await post(`/apply/${token}/answer`, { comment: 'Here it is.' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ errors: [{ pointer: '/action' }] });

    await takeSteps(t.app, admin, id, ['start-review']);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/steps`,
      headers: admin,
      payload: { action: 'request-information', comment: 'Please send the council’s agenda.' },
    });
    const blank = await post(`/apply/${token}/answer`, { comment: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json()).toMatchObject({ errors: [{ pointer: '/comment' }] });

    const answered = await post(`/apply/${token}/answer`, { comment: 'The agenda is attached.' });
    expect(answered.statusCode).toBe(200);
    const page = answered.json() as {
      step: string;
      history: { action: string | null; by: string; comment: string | null }[];
    };
    expect(page.step).toBe('in-review');
    expect(page.history.map((h) => [h.action, h.by, h.comment])).toEqual([
      [null, 'applicant', null],
      // The secretariat's note when it started the review is its own; the question is not.
      ['start-review', 'secretariat', null],
      ['request-information', 'secretariat', 'Please send the council’s agenda.'],
      ['answer', 'applicant', 'The agenda is attached.'],
    ]);
    // Neither the status page nor its history names the staff member.
    expect(JSON.stringify(page)).not.toMatch(/admin@|administrator/i);
  });

  it_('lets the applicant withdraw, writes to them, and refuses a second withdrawal', async () => {
    const { token, body } = await submit(t);
    const res = await post(`/apply/${token}/withdraw`, { comment: 'We will apply next year.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ step: 'withdrawn', actions: [] });
    const letters = await lettersTo(t.db, body.liaison.email);
    expect(letters.map((l) => l.subject)).toEqual([
      `申請を受け付けました：${body.officialName}`,
      `申請を取り下げました：${body.officialName}`,
    ]);
    // Each letter carries a working link of its own.
    const newest = await linkIn(t.db, body.liaison.email, '/apply/status/');
    expect(newest).not.toBe(token);
    expect((await status(newest)).json()).toMatchObject({ step: 'withdrawn' });
    const again = await post(`/apply/${token}/withdraw`, {});
    expect(again.statusCode).toBe(409);
  });

  it_('takes the council resolution through the link, checked by type and size', async () => {
    const { token } = await submit(t);
    const send = (
      filename: string,
      data: Buffer,
      extra: { name: string; value: string }[] = [],
    ) => {
      const form = multipart([
        ...extra,
        { name: 'file', filename, contentType: 'application/octet-stream', data },
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/apply/${token}/documents`,
        headers: form.headers,
        payload: form.payload,
        remoteAddress: '203.0.113.1',
      });
    };
    const exe = await send('resolution.exe', Buffer.from('MZ...'));
    expect(exe.statusCode).toBe(422);
    expect(exe.json()).toMatchObject({ errors: [{ pointer: '/file' }] });
    const fake = await send('resolution.pdf', Buffer.from('not a pdf at all'));
    expect(fake.statusCode).toBe(422);
    const big = await send(
      'resolution.pdf',
      Buffer.concat([PDF(), Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(422);
    expect((big.json() as { detail: string }).detail).toMatch(/larger than 10 MB/);
    const unknownField = await send('resolution.pdf', PDF(), [{ name: 'caption', value: 'x' }]);
    expect(unknownField.statusCode).toBe(422);
    expect(unknownField.json()).toMatchObject({ errors: [{ pointer: '/caption' }] });

    const ok = await send('決議.pdf', PDF());
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      resolution: { state: 'received' },
      documents: [
        { kind: 'resolution', filename: '決議.pdf', mime: 'application/pdf', by: 'applicant' },
      ],
    });
  });

  it_('refuses an upload to an unknown link before reading it', async () => {
    const form = multipart([
      { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: PDF() },
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/apply/no-such-link/documents',
      headers: form.headers,
      payload: form.payload,
      remoteAddress: '203.0.113.99',
    });
    expect(res.statusCode).toBe(404);
    const stored = await t.db.kysely.selectFrom('application_documents').selectAll().execute();
    expect(stored.every((d) => d.filename !== 'a.pdf')).toBe(true);
  });

  it_('records an English applicant’s letters in English, with the English name', async () => {
    const body = applicationBody({ language: 'en' });
    await submit(t, body);
    const [letter] = await lettersTo(t.db, body.liaison.email);
    expect(letter?.subject).toBe(`Application received: ${body.englishName}`);
    expect(letter?.body_text).toMatch(/^Dear Aiko Tanaka,/);
    expect(await applicationIdByName(t.db, body.englishName)).toBeGreaterThan(0);
  });
});
