import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, graceUntil, periodEndFor } from '../../core/membership-status';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { today } from './periods';

type Headers = { cookie: string; 'x-csrf-token': string };
type View = {
  status: string;
  statusFrom: string | null;
  statusUntil: string | null;
  category: string;
  since: string | null;
  periods: { id: number; start: string; end: string; category: string; createdAt: string }[];
  invoices: {
    id: number;
    number: string;
    amount: number;
    currency: string;
    status: string;
    overdue: boolean;
    periodStart: string;
    periodId: number | null;
    version: number;
    basis: { kind: string };
  }[];
  nextPeriod: { start: string; end: string } | null;
  fee: { ok: boolean; amount?: number };
};

/**
 * Memberships through HTTP on both databases: the demo's statuses by rule, renewals that add a
 * period and never change one, invoice numbers, payments with If-Match, who may do it.
 */
describe.each(dialectCases())('memberships on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  let counter = 0;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = admin,
  ) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const membership = async (slug: string) =>
    (await call('GET', `/governments/${slug}/membership`)).json() as View;

  /** A new prospect of the given size, for a test of its own. */
  async function prospect(population: number | null, kind = 'city', country = 'JP') {
    counter += 1;
    const slug = `fee-city-${counter}`;
    const res = await call('POST', '/governments', {
      slug,
      names: { en: `Fee City ${counter}` },
      localLang: 'en',
      kind,
      country,
      region: 'east-asia',
      ...(population === null ? {} : { population, populationYear: 2020 }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return slug;
  }

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });

  it_(
    'shows the demo members by rule: Suwon in its month of grace, its renewal overdue',
    async () => {
      const day = today();
      const suwon = await membership('suwon');
      const lastEnd = addDays(day, -12);
      expect(suwon).toMatchObject({
        category: 'full-member',
        status: 'grace',
        statusFrom: addDays(lastEnd, 1),
        statusUntil: graceUntil(lastEnd),
      });
      expect(suwon.periods).toHaveLength(3);
      const renewal = suwon.invoices.find((i) => i.periodId === null);
      expect(renewal).toMatchObject({
        status: 'open',
        overdue: true,
        amount: 2600,
        currency: 'EUR',
      });
      expect(renewal?.number).toMatch(/^\d{4}-\d{4}$/);

      const kyoto = await membership('kyoto');
      expect(kyoto).toMatchObject({ status: 'current', statusUntil: `${day.slice(0, 4)}-12-31` });
      expect(kyoto.invoices.every((i) => i.status === 'paid')).toBe(true);
      // The government record says the same.
      const gov = (await call('GET', '/governments/suwon')).json() as {
        membership: { status: string };
      };
      expect(gov.membership.status).toBe('grace');
    },
  );

  it_('renews by adding the next period and its invoice, never changing a period', async () => {
    const slug = await prospect(13_957_977);
    const first = await call('POST', `/governments/${slug}/membership/periods`, {
      category: 'associate-member',
      start: '2025-04-01',
    });
    expect(first.statusCode, first.body).toBe(201);
    const one = first.json() as View;
    expect(one.periods).toEqual([
      expect.objectContaining({
        start: '2025-04-01',
        end: '2026-03-31',
        category: 'associate-member',
      }),
    ]);
    // Japan is high income; 13,957,977 people is the top band: the published 5,985 euros.
    expect(one.invoices[0]).toMatchObject({ amount: 5985, currency: 'EUR', status: 'open' });
    expect(one.since).toBe('2025-04-01');

    const second = await call('POST', `/governments/${slug}/membership/periods`, {});
    expect(second.statusCode, second.body).toBe(201);
    const two = second.json() as View;
    expect(two.periods.map((p) => [p.start, p.end, p.category])).toEqual([
      ['2026-04-01', '2027-03-31', 'associate-member'],
      ['2025-04-01', '2026-03-31', 'associate-member'],
    ]);
    expect(two.periods[1]).toEqual(one.periods[0]);
    expect(two.invoices).toHaveLength(2);
    expect(two.nextPeriod).toEqual({ start: '2027-04-01', end: periodEndFor('2027-04-01') });

    const overlapping = await call('POST', `/governments/${slug}/membership/periods`, {
      start: '2027-01-01',
    });
    expect(overlapping.statusCode).toBe(422);
    expect(overlapping.json().errors[0]).toMatchObject({ pointer: '/start' });
    expect((await membership(slug)).periods).toHaveLength(2);

    // A return after a lapse starts where the secretariat says; the years before stay.
    const back = await call('POST', `/governments/${slug}/membership/periods`, {
      start: '2030-07-01',
    });
    expect(back.statusCode, back.body).toBe(201);
    expect((back.json() as View).periods.map((p) => p.start)).toEqual([
      '2030-07-01',
      '2026-04-01',
      '2025-04-01',
    ]);
  });

  it_('asks what the schedule cannot say: a category, a start, an amount', async () => {
    const slug = await prospect(null);
    const noCategory = await call('POST', `/governments/${slug}/membership/periods`, {
      start: '2026-01-01',
    });
    expect(noCategory.json().errors[0].pointer).toBe('/category');
    const noStart = await call('POST', `/governments/${slug}/membership/periods`, {
      category: 'full-member',
    });
    expect(noStart.json().errors[0].pointer).toBe('/start');
    const noPopulation = await call('POST', `/governments/${slug}/membership/periods`, {
      category: 'full-member',
      start: '2026-01-01',
    });
    expect(noPopulation.statusCode).toBe(422);
    expect(noPopulation.json().errors[0]).toMatchObject({ pointer: '/amount' });
    const set = await call('POST', `/governments/${slug}/membership/periods`, {
      category: 'full-member',
      start: '2026-01-01',
      amount: 1234,
    });
    expect(set.statusCode, set.body).toBe(201);
    expect((set.json() as View).invoices[0]).toMatchObject({
      amount: 1234,
      basis: { kind: 'set' },
    });

    const association = await prospect(null, 'association', 'KR');
    const national = await call('POST', `/governments/${association}/membership/periods`, {
      category: 'full-member',
      start: '2026-01-01',
      associationScope: 'national',
    });
    expect((national.json() as View).invoices[0]).toMatchObject({ amount: 2620 });
  });

  it_('numbers invoices issued at once one after the other, none twice, none skipped', async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 12; i++) slugs.push(await prospect(200_000 + i));
    const responses = await Promise.all(
      slugs.map((slug) =>
        call('POST', `/governments/${slug}/membership/periods`, {
          category: 'full-member',
          start: '2026-01-01',
        }),
      ),
    );
    for (const res of responses) expect(res.statusCode, res.body).toBe(201);
    const numbers = responses.map((r) => (r.json() as View).invoices[0]?.number as string);
    const year = today().slice(0, 4);
    const sequences = numbers.map((n) => {
      expect(n.startsWith(`${year}-`)).toBe(true);
      return Number(n.slice(5));
    });
    const sorted = [...sequences].sort((a, b) => a - b);
    expect(new Set(sorted).size).toBe(12);
    expect((sorted.at(-1) as number) - (sorted[0] as number)).toBe(11);
    // And the year's numbering has no hole anywhere.
    const all = await t.db.kysely
      .selectFrom('invoices')
      .where('year', '=', Number(year))
      .select('sequence')
      .orderBy('sequence')
      .execute();
    expect(all.map((r) => r.sequence)).toEqual(all.map((_, i) => i + 1));
  });

  it_('queues renewals made at once: each adds the year after the one before', async () => {
    const slug = await prospect(300_000);
    const first = { category: 'full-member', start: '2026-01-01' };
    const starts = await Promise.all(
      Array.from({ length: 3 }, () =>
        call('POST', `/governments/${slug}/membership/periods`, first),
      ),
    );
    // One first period: the others find it there and are told where the next one starts.
    expect(starts.map((r) => r.statusCode).sort()).toEqual([201, 422, 422]);
    const renewals = await Promise.all(
      Array.from({ length: 4 }, () => call('POST', `/governments/${slug}/membership/periods`, {})),
    );
    expect(renewals.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const view = await membership(slug);
    expect(view.periods.map((p) => p.start)).toEqual([
      '2030-01-01',
      '2029-01-01',
      '2028-01-01',
      '2027-01-01',
      '2026-01-01',
    ]);
    expect(new Set(view.invoices.map((i) => i.periodStart)).size).toBe(5);
  });

  it_('marks an invoice paid with If-Match; the renewal paid becomes a period', async () => {
    const before = await membership('suwon');
    const renewal = before.invoices.find((i) => i.periodId === null)!;
    const url = `/invoices/${renewal.id}/payment`;
    const stale = await call(
      'PUT',
      url,
      { paidOn: today() },
      { ...admin, 'if-match': `"${renewal.version + 5}"` },
    );
    expect(stale.statusCode).toBe(412);
    const future = await call(
      'PUT',
      url,
      { paidOn: addDays(today(), 2) },
      { ...admin, 'if-match': `"${renewal.version}"` },
    );
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].pointer).toBe('/paidOn');

    const paid = await call(
      'PUT',
      url,
      { paidOn: today() },
      { ...admin, 'if-match': `"${renewal.version}"` },
    );
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.headers.etag).toBe(`"${renewal.version + 1}"`);
    expect(paid.json()).toMatchObject({ status: 'paid', paidOn: today(), overdue: false });

    const after = await membership('suwon');
    expect(after.periods).toHaveLength(4);
    expect(after.periods[0]?.start).toBe(renewal.periodStart);
    expect(after.status).toBe('current');
    expect(after.invoices.find((i) => i.id === renewal.id)?.periodId).toBe(after.periods[0]?.id);

    const again = await call('PUT', url, { paidOn: today() });
    expect(again.statusCode).toBe(409);
  });

  it_(
    'suspends and lifts with the status following, and says when there is nothing to do',
    async () => {
      const suspended = await call('PUT', '/governments/changchun/membership/suspension', {});
      expect(suspended.statusCode, suspended.body).toBe(200);
      expect(suspended.json()).toMatchObject({
        status: 'suspended',
        statusFrom: today(),
        suspendedOn: today(),
      });
      expect(
        (await call('PUT', '/governments/changchun/membership/suspension', {})).statusCode,
      ).toBe(409);
      const lifted = await call('DELETE', '/governments/changchun/membership/suspension');
      expect(lifted.json()).toMatchObject({ status: 'current', suspendedOn: null });
      expect(
        (await call('DELETE', '/governments/changchun/membership/suspension')).statusCode,
      ).toBe(404);
      const neverMember = await call('PUT', '/governments/tokyo/membership/suspension', {});
      expect(neverMember.statusCode).toBe(409);
    },
  );

  it_('lists invoices by state and year, overdue said so, a page at a time', async () => {
    const overdue = await call('GET', '/invoices?status=overdue');
    expect(overdue.statusCode).toBe(200);
    const page = overdue.json() as {
      items: { overdue: boolean; status: string }[];
      total: number;
      years: number[];
    };
    expect(page.items.every((i) => i.overdue && i.status === 'open')).toBe(true);
    const paged = (await call('GET', '/invoices?pageSize=2&page=2')).json() as {
      items: unknown[];
      total: number;
    };
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBeGreaterThan(10);
    const year = Number(today().slice(0, 4));
    const ofYear = (await call('GET', `/invoices?year=${year}&pageSize=200`)).json() as {
      items: { number: string }[];
    };
    expect(ofYear.items.every((i) => i.number.startsWith(`${year}-`))).toBe(true);
  });

  it_(
    'moves periods and invoices in a merge, back in its undo, and refuses a year twice',
    async () => {
      const member = await prospect(120_000);
      await call('POST', `/governments/${member}/membership/periods`, {
        category: 'full-member',
        start: '2024-01-01',
      });
      const kept = await prospect(120_000);
      const merged = await call('POST', '/government-merges', { keep: kept, merge: member });
      expect(merged.statusCode, merged.body).toBe(201);
      const moved = await membership(kept);
      expect(moved.periods.map((p) => p.start)).toEqual(['2024-01-01']);
      expect(moved.invoices).toHaveLength(1);
      const undo = await call('POST', `/government-merges/${merged.json().id}/undo`, {});
      expect(undo.statusCode, undo.body).toBe(200);
      expect((await membership(kept)).periods).toEqual([]);
      expect((await membership(member)).periods.map((p) => p.start)).toEqual(['2024-01-01']);

      await call('POST', `/governments/${kept}/membership/periods`, {
        category: 'full-member',
        start: '2024-01-01',
      });
      const clash = await call('POST', '/government-merges', { keep: kept, merge: member });
      expect(clash.statusCode).toBe(409);
      expect(clash.json().detail).toContain('both have a membership period from 2024-01-01');
    },
  );

  it_('keeps all of it to administrators', async () => {
    const officer = await t.signInOfficer('seoul');
    for (const [method, url] of [
      ['GET', '/governments/seoul/membership'],
      ['GET', '/invoices'],
      ['GET', '/fee-schedule'],
      ['GET', '/exports/members.csv'],
      ['GET', '/exports/invoices.xlsx'],
    ] as const) {
      expect((await call(method, url, undefined, officer)).statusCode, url).toBe(403);
      expect((await call(method, url, undefined, {})).statusCode, url).toBe(401);
    }
    const renew = await call('POST', '/governments/seoul/membership/periods', {}, officer);
    expect(renew.statusCode).toBe(403);
  });
});
