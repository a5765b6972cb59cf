/**
 * The demo's membership applications: each one a form the public form would take, each history
 * one the workflow allows, and on both databases the secretariat's queue on the first start with
 * its counts per step, histories dated back from the day the demo was loaded, and no letters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../../test/setup/app';
import { checkApplication } from '../../../core/application-form';
import { addDays } from '../../../core/membership-status';
import { nowIso } from '../../clock';
import { bootstrapDatabase } from '../bootstrap';
import { DEMO_APPLICATIONS, seedDemoApplications } from './applications';

type Headers = Record<string, string>;

describe('the demo applications', () => {
  it('are forms the public form would take, from East Asia, named in their own scripts', () => {
    const today = nowIso().slice(0, 10);
    for (const { input } of DEMO_APPLICATIONS) {
      expect(checkApplication(input, today), input.englishName).toEqual([]);
      expect(['KR', 'JP', 'CN', 'TW']).toContain(input.country);
      expect(input.officialName).toMatch(/[\p{Script=Hangul}\p{Script=Han}]/u);
      expect(input.englishName).toMatch(/^[A-Za-z ]+$/);
      // Made-up people write from addresses that reach nobody.
      expect(input.liaison.email).toMatch(/\.example$/);
    }
  });

  it('refuses a history the workflow does not allow', async () => {
    const broken = [
      { ...DEMO_APPLICATIONS[0]!, moves: [{ action: 'accept' as const, daysAgo: 1, at: '01:00' }] },
    ];
    const store = { transaction: (fn: (tx: unknown) => unknown) => fn({}) };
    await expect(seedDemoApplications(store as never, broken)).rejects.toThrow(
      /Jeonju: accept \(not-from-step\)/,
    );
  });
});

describe.each(dialectCases())('the demo applications on $label', ({ dialect, skip }) => {
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

  const get = (url: string) =>
    t.app.inject({ url: `/api/v1${url}`, headers: admin }).then((r) => r.json() as unknown);

  it_('fill the queue on the first start, with counts per step', async () => {
    const queue = (await get('/applications?pageSize=50')) as {
      items: { englishName: string; step: string }[];
      total: number;
      counts: { step: string; count: number }[];
    };
    expect(queue.total).toBe(6);
    expect(Object.fromEntries(queue.counts.map((c) => [c.step, c.count]))).toEqual({
      submitted: 2,
      'in-review': 1,
      'information-requested': 1,
      accepted: 0,
      invoiced: 1,
      paid: 0,
      confirmed: 0,
      member: 0,
      rejected: 1,
      withdrawn: 0,
    });
    expect(Object.fromEntries(queue.items.map((i) => [i.englishName, i.step]))).toEqual({
      Jeonju: 'submitted',
      'Hsinchu City': 'submitted',
      Sendai: 'in-review',
      Chengdu: 'information-requested',
      Gwangju: 'invoiced',
      'Hualien County': 'rejected',
    });
  });

  it_('show a history dated back from the day the demo was loaded', async () => {
    const queue = (await get('/applications?q=sendai')) as { items: { id: number }[] };
    const id = queue.items[0]?.id;
    const detail = (await get(`/applications/${id}`)) as {
      officialName: string;
      step: string;
      actions: string[];
      history: { action: string | null; by: string; at: string; comment: string | null }[];
    };
    expect(detail.officialName).toBe('仙台市');
    expect(detail.actions).toContain('accept');
    const today = nowIso().slice(0, 10);
    expect(detail.history.map((h) => [h.action, h.by, h.at.slice(0, 10)])).toEqual([
      [null, 'applicant', addDays(today, -41)],
      ['start-review', 'secretariat', addDays(today, -37)],
      ['request-information', 'secretariat', addDays(today, -33)],
      ['answer', 'applicant', addDays(today, -29)],
    ]);
    expect(detail.history[3]?.comment).toContain('2022年度');

    const chengdu = (await get('/applications?step=information-requested')) as {
      items: { id: number }[];
    };
    const asked = (await get(`/applications/${chengdu.items[0]?.id}`)) as {
      history: { action: string | null; comment: string | null }[];
    };
    expect(asked.history.at(-1)).toMatchObject({ action: 'request-information' });
    expect(asked.history.at(-1)?.comment).toMatch(/municipal government/);
  });

  it_('give the invoiced application its open invoice, on the invoices page too', async () => {
    const queue = (await get('/applications?step=invoiced')) as { items: { id: number }[] };
    const detail = (await get(`/applications/${queue.items[0]?.id}`)) as {
      invoice: { number: string; status: string; amount: number; issuedOn: string } | null;
    };
    expect(detail.invoice).toMatchObject({ status: 'open' });
    expect(detail.invoice?.amount).toBeGreaterThan(0);
    const invoices = (await get('/invoices?pageSize=100')) as { items: { number: string }[] };
    expect(invoices.items.map((i) => i.number)).toContain(detail.invoice?.number);
  });

  it_('write to nobody, and come once', async () => {
    const letters = await t.db.kysely
      .selectFrom('outbox')
      .select('id')
      .where('related_type', '=', 'application')
      .execute();
    expect(letters).toEqual([]);
    await bootstrapDatabase(t.db, { seedDemo: true, adminPassword: undefined });
    const counts = await t.db.applications.countByStep();
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(6);
  });
});
