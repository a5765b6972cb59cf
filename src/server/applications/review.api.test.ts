/**
 * The secretariat's side of applications through the API, on both databases: the queue and
 * its counts, each step with who, when and a comment, the letters at the steps that concern
 * the applicant, the refusals, the duplicate check and the documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { multipart } from '../files/test-support';
import { applicationBody, lettersTo, submit, takeSteps, TO_CONFIRMED } from './test-support';

type Headers = Record<string, string>;
interface Detail {
  step: string;
  actions: string[];
  history: {
    action: string | null;
    step: string;
    by: string;
    comment: string | null;
    actor: string;
  }[];
  documents: { id: number; filename: string; by: string }[];
  duplicates: {
    slug: string;
    localLang: string;
    reasons: string[];
    climateRecords: number;
    category: string | null;
  }[];
}

describe.each(dialectCases())('reviewing applications on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  let officer: Headers;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    officer = await t.signInOfficer('kyoto');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, headers: Headers | null = admin) =>
    t.app.inject({ url: `/api/v1${url}`, ...(headers ? { headers } : {}) });
  const step = (id: number, action: string, comment?: string | null, headers = admin) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/steps`,
      headers,
      payload: { action, ...(comment !== undefined ? { comment } : {}) },
    });

  it_('keeps the queue and the pages to the secretariat', async () => {
    const { id } = await submit(t);
    expect((await get('/applications', null)).statusCode).toBe(401);
    expect((await get('/applications', officer)).statusCode).toBe(403);
    expect((await get(`/applications/${id}`, officer)).statusCode).toBe(403);
    expect((await step(id, 'start-review', null, officer)).statusCode).toBe(403);
    expect((await get(`/applications/${id}`)).statusCode).toBe(200);
  });

  it_('lists applications with counts per step and filters', async () => {
    const a = await submit(t, applicationBody({ englishName: 'Queue Alpha', country: 'KR' }));
    const b = await submit(t, applicationBody({ englishName: 'Queue Beta', country: 'KR' }));
    await takeSteps(t.app, admin, b.id, ['start-review']);
    const all = (await get('/applications?pageSize=200')).json() as {
      items: { id: number; step: string }[];
      counts: { step: string; count: number }[];
    };
    const counted = Object.fromEntries(all.counts.map((c) => [c.step, c.count]));
    const byStep = (s: string) => all.items.filter((i) => i.step === s).length;
    expect(counted.submitted).toBe(byStep('submitted'));
    expect(counted['in-review']).toBe(byStep('in-review'));
    expect(all.counts.map((c) => c.step)).toContain('member');

    const reviewing = (await get('/applications?step=in-review&country=KR')).json() as {
      items: { id: number }[];
    };
    expect(reviewing.items.map((i) => i.id)).toEqual([b.id]);
    const named = (await get('/applications?q=queue%20al')).json() as { items: { id: number }[] };
    expect(named.items.map((i) => i.id)).toEqual([a.id]);
  });

  it_('takes an application along the way, each step with who, when and a comment', async () => {
    const { id, body } = await submit(t);
    expect((await step(id, 'start-review', 'Looks complete.')).statusCode).toBe(200);
    const ask = await step(id, 'request-information', 'Please send the budget report.');
    expect(ask.statusCode).toBe(200);
    expect((await step(id, 'resume-review', 'Received by telephone.')).statusCode).toBe(200);
    for (const action of ['accept', 'invoice', 'mark-paid', 'confirm']) {
      expect((await step(id, action)).statusCode).toBe(200);
    }
    const detail = (await get(`/applications/${id}`)).json() as Detail;
    expect(detail.step).toBe('confirmed');
    expect(detail.actions).toEqual(['make-member']);
    expect(detail.history.map((h) => [h.action, h.step, h.by, h.comment])).toEqual([
      [null, 'submitted', 'applicant', null],
      ['start-review', 'in-review', 'secretariat', 'Looks complete.'],
      [
        'request-information',
        'information-requested',
        'secretariat',
        'Please send the budget report.',
      ],
      ['resume-review', 'in-review', 'secretariat', 'Received by telephone.'],
      ['accept', 'accepted', 'secretariat', null],
      ['invoice', 'invoiced', 'secretariat', null],
      ['mark-paid', 'paid', 'secretariat', null],
      ['confirm', 'confirmed', 'secretariat', null],
    ]);
    expect(detail.history[1]?.actor).toEqual({ kind: 'user', label: 'admin@accord.example' });
    expect(detail.history[0]?.actor).toEqual({
      kind: 'applicant',
      label: 'applicant (status link)',
    });

    // Letters at the steps that concern the applicant only: not for starting the review or
    // the committee's confirmation (the welcome follows with the membership).
    const subjects = (await lettersTo(t.db, body.liaison.email)).map((l) => l.subject);
    const g = body.officialName;
    expect(subjects).toEqual([
      `申請を受け付けました：${g}`,
      `追加情報のお願い：${g}`,
      `審査を再開しました：${g}`,
      `申請が承認されました：${g}`,
      `会費の請求書を発行しました：${g}`,
      `お支払いを確認しました：${g}`,
    ]);
    const question = (await lettersTo(t.db, body.liaison.email))[1];
    expect(question?.body_text).toContain('Please send the budget report.');
    // The note when the review started was internal: in no letter.
    const all = (await lettersTo(t.db, body.liaison.email)).map((l) => l.body_text).join('\n');
    expect(all).not.toContain('Looks complete.');

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'application')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.length).toBe(8);
  });

  it_(
    'refuses steps that do not follow, and a refusal or a question without a comment',
    async () => {
      const { id } = await submit(t);
      const early = await step(id, 'accept');
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ errors: [{ pointer: '/action' }] });
      const noQuestion = await step(id, 'request-information', ' ');
      expect(noQuestion.statusCode).toBe(422);
      expect(noQuestion.json()).toMatchObject({ errors: [{ pointer: '/comment' }] });
      const noReason = await step(id, 'reject');
      expect(noReason.statusCode).toBe(422);
      const theirs = await step(id, 'answer', 'I am not the applicant');
      expect(theirs.statusCode).toBe(409);
      const member = await step(id, 'make-member');
      expect(member.statusCode).toBe(422);
      expect(member.json()).toMatchObject({ errors: [{ pointer: '/action' }] });

      const rejected = await step(id, 'reject', 'Not a local government.');
      expect(rejected.statusCode).toBe(200);
      expect((rejected.json() as Detail).actions).toEqual([]);
      const closed = await step(id, 'start-review');
      expect(closed.statusCode).toBe(409);
      expect((closed.json() as { detail: string }).detail).toMatch(/closed \(rejected\)/);
      expect((await get('/applications/999999')).statusCode).toBe(404);
    },
  );

  it_(
    'refuses an applicant’s answer taken by the secretariat at the one step it fits',
    async () => {
      const { id } = await submit(t);
      await takeSteps(t.app, admin, id, ['request-information']);
      const res = await step(id, 'answer', 'Typed by staff');
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ errors: [{ pointer: '/action' }] });
    },
  );

  it_(
    'shows the governments the applicant may already be, with their climate records',
    async () => {
      const byName = await submit(
        t,
        applicationBody({ officialName: '京都市', englishName: 'Kyoto City', country: 'JP' }),
      );
      const found = ((await get(`/applications/${byName.id}`)).json() as Detail).duplicates;
      expect(found.map((d) => [d.slug, d.reasons])).toEqual([['kyoto', ['name']]]);
      // Its local name's language, so a reader sees 京都市 rather than the English name.
      expect(found[0]?.localLang).toBe('ja');
      expect(found[0]?.climateRecords).toBeGreaterThan(0);

      const kyotoCdp = await t.db.kysely
        .selectFrom('governments')
        .select('cdp_account')
        .where('slug', '=', 'kyoto')
        .executeTakeFirstOrThrow();
      const byAccount = await submit(
        t,
        applicationBody({ cdpAccount: kyotoCdp.cdp_account, country: 'KR' }),
      );
      const same = ((await get(`/applications/${byAccount.id}`)).json() as Detail).duplicates;
      expect(same.map((d) => [d.slug, d.reasons])).toEqual([['kyoto', ['cdp-account']]]);

      const nobody = await submit(t);
      expect(((await get(`/applications/${nobody.id}`)).json() as Detail).duplicates).toEqual([]);
    },
  );

  it_('adds a document for the secretariat and serves it to the secretariat only', async () => {
    const { id } = await submit(t);
    const data = Buffer.from(`%PDF-1.4\n% by post ${Math.random()}\n%%EOF\n`);
    const form = multipart([
      { name: 'kind', value: 'other' },
      { name: 'file', filename: 'letter.pdf', contentType: 'application/pdf', data },
    ]);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/documents`,
      headers: { ...officer, ...form.headers },
      payload: form.payload,
    });
    expect(refused.statusCode).toBe(403);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/documents`,
      headers: { ...admin, ...form.headers },
      payload: form.payload,
    });
    expect(added.statusCode).toBe(201);
    const doc = (added.json() as Detail).documents[0];
    expect(doc).toMatchObject({ filename: 'letter.pdf', by: 'secretariat' });
    const download = await get(`/applications/${id}/documents/${doc?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(data)).toBe(true);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="letter.pdf"/);
    expect((await get(`/applications/${id}/documents/${doc?.id}`, officer)).statusCode).toBe(403);
    expect((await get(`/applications/${id}/documents/999999`)).statusCode).toBe(404);
  });

  it_('takes the confirmed steps helper to the end of the committee’s part', async () => {
    const { id } = await submit(t);
    await takeSteps(t.app, admin, id, TO_CONFIRMED);
    expect(((await get(`/applications/${id}`)).json() as Detail).step).toBe('confirmed');
  });
});
