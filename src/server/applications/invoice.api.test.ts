/**
 * An application's invoice through the API, on both databases: the invoice step issues a real
 * invoice (the schedule's amount, the next number, the letter in the applicant's language),
 * mark-paid pays it (and paying it on the invoices page moves the application), make-member
 * gives it to the new member and its first period; an administrator cancels an open invoice
 * with a reason (kept, number and all, and its year may be invoiced again); rejecting or
 * withdrawing an invoiced application cancels its invoice; the daily job never reminds about
 * a cancelled invoice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feeFor, SEED_FEE_SCHEDULE } from '../../core/membership-fees';
import { periodEndFor } from '../../core/membership-status';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { SYSTEM_ACTOR, SYSTEM_ADMIN } from '../audit/service';
import { runMembershipDay } from '../membership/daily-job';
import { issueInvoice } from '../membership/invoice-service';
import { today } from '../membership/periods';
import { createUser } from '../users/service';
import { applicationBody, lettersTo, submit, takeSteps } from './test-support';

type Headers = Record<string, string>;
interface Invoice {
  id: number;
  number: string;
  amount: number;
  currency: string;
  status: string;
  paidOn: string | null;
  dueOn: string;
  periodId: number | null;
  periodStart: string;
  periodEnd: string;
  government: { slug: string } | null;
  application: { id: number; name: string } | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  version: number;
  basis: { kind: string };
}
interface Detail {
  step: string;
  actions: string[];
  invoice: Invoice | null;
  fee: { amount: number | null; currency: string; reason: string | null };
  government: { slug: string } | null;
}

const sequenceOf = (number: string) => Number(number.split('-')[1]);

describe.each(dialectCases())("applications' invoices on $label", ({ dialect, skip }) => {
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

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = admin) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const detail = async (id: number) => (await call('GET', `/applications/${id}`)).json() as Detail;
  const step = (id: number, payload: object) => call('POST', `/applications/${id}/steps`, payload);
  const cancel = (invoice: Pick<Invoice, 'id' | 'version'>, reason: string, version?: number) =>
    call(
      'PUT',
      `/invoices/${invoice.id}/cancellation`,
      { reason },
      {
        ...admin,
        'if-match': `"${version ?? invoice.version}"`,
      },
    );
  async function accepted(overrides: Parameters<typeof applicationBody>[0] = {}) {
    const sent = await submit(t, applicationBody(overrides));
    await takeSteps(t.app, admin, sent.id, ['start-review', 'accept']);
    return sent;
  }

  it_('issues the first year’s invoice at the invoice step, from the schedule', async () => {
    const a = await accepted();
    const b = await accepted();
    const before = await detail(a.id);
    const fee = feeFor(SEED_FEE_SCHEDULE, {
      kind: 'city',
      country: 'JP',
      population: a.body.population,
      associationScope: null,
    });
    if (!fee.ok) throw new Error('the seed schedule prices a Japanese city');
    expect(before.fee).toEqual({ amount: fee.amount, currency: fee.currency, reason: null });
    expect(before.invoice).toBeNull();

    expect((await step(a.id, { action: 'invoice' })).statusCode).toBe(200);
    expect((await step(b.id, { action: 'invoice' })).statusCode).toBe(200);
    const first = (await detail(a.id)).invoice as Invoice;
    const second = (await detail(b.id)).invoice as Invoice;
    const day = today();
    expect(first).toMatchObject({
      amount: fee.amount,
      currency: fee.currency,
      status: 'open',
      government: null,
      application: { id: a.id, name: a.body.englishName },
      periodStart: day,
      periodEnd: periodEndFor(day),
      basis: { kind: 'band' },
    });
    expect(first.number.slice(0, 4)).toBe(day.slice(0, 4));
    expect(sequenceOf(second.number)).toBe(sequenceOf(first.number) + 1);
    // The invoices page lists it, with the applicant's name for want of a government.
    const listed = (await call('GET', '/invoices?status=open&pageSize=100')).json() as {
      items: Invoice[];
    };
    expect(listed.items.find((i) => i.id === first.id)?.application?.id).toBe(a.id);
    // The applicant's letter names the invoice, in their language (Japanese here).
    const letters = await lettersTo(t.db, a.body.liaison.email);
    const letter = letters.at(-1);
    expect(letter?.subject).toContain('会費の請求書を発行しました');
    expect(letter?.body_text).toContain(`会員初年度の請求書 ${first.number}`);
    // Invoiced once: the step is not offered again, and refused if asked.
    expect((await detail(a.id)).actions).not.toContain('invoice');
    const again = await step(a.id, { action: 'invoice' });
    expect(again.statusCode).toBe(409);
  });

  it_('asks for the amount when the schedule gives none, and takes it', async () => {
    const sent = await accepted({ kind: 'association', population: 1 });
    const before = await detail(sent.id);
    expect(before.fee).toMatchObject({ amount: null, reason: 'association-scope-unknown' });
    const refused = await step(sent.id, { action: 'invoice' });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((refused.json() as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe(
      '/amount',
    );
    expect((await detail(sent.id)).step).toBe('accepted');
    expect((await step(sent.id, { action: 'invoice', amount: 1234 })).statusCode).toBe(200);
    expect((await detail(sent.id)).invoice).toMatchObject({
      amount: 1234,
      basis: { kind: 'set' },
    });
    // An amount belongs to the invoice step only.
    const misplaced = await step(sent.id, { action: 'mark-paid', amount: 5 });
    expect(misplaced.statusCode).toBe(422);
  });

  it_('marks the invoice paid, and makes a member who holds it for its first year', async () => {
    const sent = await accepted();
    await takeSteps(t.app, admin, sent.id, ['invoice']);
    const day = today();
    expect((await step(sent.id, { action: 'mark-paid', paidOn: day })).statusCode).toBe(200);
    const paid = await detail(sent.id);
    expect(paid.step).toBe('paid');
    expect(paid.invoice).toMatchObject({ status: 'paid', paidOn: day });
    await takeSteps(t.app, admin, sent.id, ['confirm']);
    const made = await call('POST', `/applications/${sent.id}/member`, {});
    expect(made.statusCode, made.body).toBe(200);
    const member = await detail(sent.id);
    const slug = member.government?.slug as string;
    const view = (await call('GET', `/governments/${slug}/membership`)).json() as {
      periods: { id: number; start: string; end: string }[];
      invoices: Invoice[];
      status: string;
    };
    expect(view.periods).toHaveLength(1);
    const period = view.periods[0] as { id: number; start: string; end: string };
    expect(view.invoices).toHaveLength(1);
    expect(view.invoices[0]).toMatchObject({
      id: paid.invoice?.id,
      number: paid.invoice?.number,
      status: 'paid',
      periodId: period.id,
      periodStart: period.start,
      periodEnd: period.end,
      government: { slug },
      application: { id: sent.id },
    });
  });

  it_('moves the application to paid when its invoice is paid on the invoices page', async () => {
    const sent = await accepted();
    await takeSteps(t.app, admin, sent.id, ['invoice']);
    const invoice = (await detail(sent.id)).invoice as Invoice;
    const res = await call('PUT', `/invoices/${invoice.id}/payment`, { paidOn: today() });
    expect(res.statusCode, res.body).toBe(200);
    const after = await detail(sent.id);
    expect(after.step).toBe('paid');
    expect(after.invoice?.status).toBe('paid');
  });

  it_('cancels an open invoice with a reason, keeping it and its number', async () => {
    const sent = await accepted();
    await takeSteps(t.app, admin, sent.id, ['invoice']);
    const invoice = (await detail(sent.id)).invoice as Invoice;
    // The reason is required, named at its field.
    const blank = await cancel(invoice, '   ');
    expect(blank.statusCode).toBe(422);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    expect((blank.json() as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe('/reason');
    const missing = await call('PUT', `/invoices/${invoice.id}/cancellation`, {});
    expect(missing.statusCode).toBe(400);
    // A stale copy is refused; nothing is written.
    expect((await cancel(invoice, 'stale', invoice.version - 1 || 999)).statusCode).toBe(412);
    // Officers never cancel.
    const officer = await t.signInOfficer('kyoto');
    expect(
      (await call('PUT', `/invoices/${invoice.id}/cancellation`, { reason: 'x' }, officer))
        .statusCode,
    ).toBe(403);

    const res = await cancel(invoice, 'Issued with the wrong population.');
    expect(res.statusCode, res.body).toBe(200);
    const cancelled = res.json() as Invoice;
    expect(cancelled).toMatchObject({
      id: invoice.id,
      number: invoice.number,
      status: 'cancelled',
      cancelReason: 'Issued with the wrong population.',
    });
    expect(cancelled.cancelledBy).toBeTruthy();
    expect(cancelled.cancelledAt).toBeTruthy();
    expect(res.headers.etag).toBe(`"${cancelled.version}"`);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'invoice')
      .where('entity_id', '=', String(invoice.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain('cancelled');
    // Once cancelled: not paid, not cancelled again; listed under 'cancelled'.
    expect((await cancel(cancelled, 'again')).statusCode).toBe(409);
    const pay = await call('PUT', `/invoices/${invoice.id}/payment`, { paidOn: today() });
    expect(pay.statusCode).toBe(409);
    const list = (await call('GET', '/invoices?status=cancelled&pageSize=100')).json() as {
      items: Invoice[];
    };
    expect(list.items.map((i) => i.id)).toContain(invoice.id);
    // The export says so in the reader's language.
    const csv = await call('GET', '/exports/invoices.csv?lang=ja&status=cancelled');
    expect(csv.statusCode).toBe(200);
    const line = csv.body.split('\n').find((l) => l.startsWith(invoice.number));
    expect(line).toContain('取消済み');

    // The application stays invoiced; it is paid only after a new invoice is issued.
    const waiting = await detail(sent.id);
    expect(waiting.step).toBe('invoiced');
    expect(waiting.actions).toContain('invoice');
    expect(waiting.actions).not.toContain('mark-paid');
    expect((await step(sent.id, { action: 'mark-paid' })).statusCode).toBe(409);
    expect((await step(sent.id, { action: 'invoice' })).statusCode).toBe(200);
    const reissued = (await detail(sent.id)).invoice as Invoice;
    expect(reissued.id).not.toBe(invoice.id);
    expect(reissued.number).not.toBe(invoice.number);
    expect(reissued.status).toBe('open');
    expect((await detail(sent.id)).actions).toContain('mark-paid');
  });

  it_('lets a government’s year be invoiced again once its invoice is cancelled', async () => {
    const slug = `cancel-city-${dialect}`;
    const created = await call('POST', '/governments', {
      slug,
      names: { en: 'Cancel City' },
      localLang: 'en',
      kind: 'city',
      country: 'JP',
      region: 'east-asia',
      population: 50_000,
      populationYear: 2020,
    });
    expect(created.statusCode, created.body).toBe(201);
    const start = '2042-04-01';
    const renewed = await call('POST', `/governments/${slug}/membership/periods`, {
      start,
      category: 'full-member',
    });
    expect(renewed.statusCode, renewed.body).toBe(201);
    const first = (renewed.json() as { invoices: Invoice[] }).invoices[0] as Invoice;
    const governmentId = (
      await t.db.kysely
        .selectFrom('governments')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).id;
    const again = {
      governmentId,
      periodId: null,
      periodStart: start,
      periodEnd: periodEndFor(start),
      category: 'full-member' as const,
      amount: 10,
      currency: 'EUR',
      basis: { kind: 'set' as const, by: 'test' },
      issuedOn: today(),
    };
    // While it is open, the year cannot be invoiced twice.
    await expect(t.db.transaction((tx) => issueInvoice(tx, SYSTEM_ADMIN, again))).rejects.toThrow();
    expect((await cancel(first, 'Wrong category.')).statusCode).toBe(200);
    const second = await t.db.transaction((tx) => issueInvoice(tx, SYSTEM_ADMIN, again));
    expect(second.number).not.toBe(first.number);
    const view = (await call('GET', `/governments/${slug}/membership`)).json() as {
      invoices: Invoice[];
    };
    expect(view.invoices.map((i) => [i.number, i.status]).sort()).toEqual(
      [
        [first.number, 'cancelled'],
        [second.number, 'open'],
      ].sort(),
    );
  });

  it_('cancels the open invoice of an application rejected or withdrawn', async () => {
    const rejected = await accepted();
    await takeSteps(t.app, admin, rejected.id, ['invoice']);
    const why = 'The council resolution was withdrawn.';
    expect((await step(rejected.id, { action: 'reject', comment: why })).statusCode).toBe(200);
    expect((await detail(rejected.id)).invoice).toMatchObject({
      status: 'cancelled',
      cancelReason: why,
      cancelledWith: 'application-rejected',
    });

    const withdrawn = await accepted();
    await takeSteps(t.app, admin, withdrawn.id, ['invoice']);
    expect((await step(withdrawn.id, { action: 'withdraw' })).statusCode).toBe(200);
    expect((await detail(withdrawn.id)).invoice).toMatchObject({
      status: 'cancelled',
      cancelReason: null,
      cancelledWith: 'application-withdrawn',
    });
  });

  it_('never reminds about a cancelled invoice', async () => {
    // Two prospects join for 2043 with officers; one invoice is cancelled, both are overdue.
    const slugs = ['remind-kept', 'remind-cancelled'].map((s) => `${s}-${dialect}`);
    const invoices: Invoice[] = [];
    for (const slug of slugs) {
      expect(
        (
          await call('POST', '/governments', {
            slug,
            names: { en: slug },
            localLang: 'en',
            kind: 'city',
            country: 'JP',
            region: 'east-asia',
            population: 80_000,
            populationYear: 2020,
          })
        ).statusCode,
      ).toBe(201);
      await createUser(t.db, SYSTEM_ACTOR, {
        email: `officer.${slug}@accord.example`,
        displayName: `${slug} officer`,
        role: 'officer',
        governmentSlug: slug,
        password: 'remind-officer-password-1',
      });
      const renewed = await call('POST', `/governments/${slug}/membership/periods`, {
        start: '2043-01-01',
        category: 'full-member',
      });
      invoices.push((renewed.json() as { invoices: Invoice[] }).invoices[0] as Invoice);
    }
    const [kept, cancelled] = invoices as [Invoice, Invoice];
    expect((await cancel(cancelled, 'The city left before paying.')).statusCode).toBe(200);
    await t.db.transaction((tx) =>
      runMembershipDay(tx, { mailFrom: 'secretariat@accord.example' }, '2043-02-15'),
    );
    const reminders = async (id: number) =>
      t.db.kysely
        .selectFrom('outbox')
        .select('id')
        .where('kind', '=', 'membership-reminder')
        .where('related_type', '=', 'invoice')
        .where('related_id', '=', String(id))
        .execute();
    expect(await reminders(kept.id)).toHaveLength(1);
    expect(await reminders(cancelled.id)).toHaveLength(0);
  });
});
