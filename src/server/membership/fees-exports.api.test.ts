import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FEE_SCHEDULE } from '../../core/membership-fees';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

type Headers = { cookie: string; 'x-csrf-token': string };

/**
 * The fee schedule as configuration and the members and invoices files, on both databases:
 * a change is checked whole and answers each problem at its field, adds a version, refuses a
 * stale If-Match; the files speak the reader's language.
 */
describe.each(dialectCases())('fee schedule and exports on $label', ({ dialect, skip }) => {
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

  const get = (url: string, headers: Record<string, string> = admin) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const put = (payload: object, version?: number) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/fee-schedule',
      headers: version === undefined ? admin : { ...admin, 'if-match': `"${version}"` },
      payload,
    });

  it_('starts from the seeded schedule, version 1, in euros', async () => {
    const res = await get('/fee-schedule');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      version: 1,
      schedule: SEED_FEE_SCHEDULE,
      incomeClassification: expect.stringContaining('FY2026'),
    });
  });

  it_('names every problem of a change at its field, and keeps the schedule', async () => {
    const high = [...SEED_FEE_SCHEDULE.fees.high];
    high[3] = 100;
    const bands = SEED_FEE_SCHEDULE.bands.map((b) => ({ ...b }));
    bands[2] = { from: 260_000, to: 500_000 };
    const res = await put({
      ...SEED_FEE_SCHEDULE,
      currency: 'euro',
      bands,
      fees: { ...SEED_FEE_SCHEDULE.fees, high },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual([
      '/currency',
      '/bands/2/from',
      '/fees/high/3',
    ]);
    expect((await get('/fee-schedule')).json()).toMatchObject({ version: 1 });
  });

  it_('adds a version for a change, audited, and refuses one made from an older one', async () => {
    const changed = {
      ...SEED_FEE_SCHEDULE,
      fees: { ...SEED_FEE_SCHEDULE.fees, low: SEED_FEE_SCHEDULE.fees.low.map((f) => f + 5) },
      illustrative: SEED_FEE_SCHEDULE.illustrative.filter((p) => !p.startsWith('/fees/low/')),
    };
    const saved = await put(changed, 1);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.json()).toMatchObject({
      version: 2,
      schedule: changed,
      createdBy: 'admin@accord.example',
    });
    const stale = await put(SEED_FEE_SCHEDULE, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('stale-write');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .where('entity_type', '=', 'fee-schedule')
      .selectAll()
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual(['2']);
    // The schedule in force prices the next renewal: a low-income city now pays 5 more.
    const back = await put(SEED_FEE_SCHEDULE, 2);
    expect(back.json()).toMatchObject({ version: 3 });
  });

  it_('tells anyone a decided fee, and no placeholder as if it were one', async () => {
    const preview = async (q: string) => {
      const res = await t.app.inject({ url: `/api/v1/membership/fee-preview?${q}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { amount: number | null; currency: string; reason: string | null };
    };
    // The published flat fee of a national association.
    expect(await preview('country=KR&kind=association&associationScope=national')).toEqual({
      amount: 2620,
      currency: 'EUR',
      reason: null,
    });
    // A Japanese city of 237,000: its band's fee and limits are illustrative in the seed.
    expect(await preview('country=JP&kind=city&population=237000&category=full-member')).toEqual({
      amount: null,
      currency: 'EUR',
      reason: 'illustrative',
    });
    expect((await preview('country=VE&kind=city&population=237000')).reason).toBe(
      'country-without-income-group',
    );
    expect((await preview('country=JP&kind=city')).reason).toBe('population-unknown');

    // Once the secretariat decides the band and its fee, the amount is told.
    const schedule = (await get('/fee-schedule')).json() as {
      version: number;
      schedule: typeof SEED_FEE_SCHEDULE;
    };
    const decided = {
      ...schedule.schedule,
      illustrative: schedule.schedule.illustrative.filter(
        (p) => !['/fees/high/1', '/bands/1/from', '/bands/1/to'].includes(p),
      ),
    };
    expect((await put(decided, schedule.version)).statusCode).toBe(200);
    expect(await preview('country=JP&kind=city&population=237000')).toEqual({
      amount: 900,
      currency: 'EUR',
      reason: null,
    });
    const bad = await t.app.inject({ url: '/api/v1/membership/fee-preview?country=jp&kind=city' });
    expect(bad.statusCode).toBe(400);
  });

  it_('writes the members file in the reader’s language, with a byte-order mark', async () => {
    const ko = await get('/exports/members.csv?lang=ko');
    expect(ko.statusCode).toBe(200);
    expect(ko.headers['content-language']).toBe('ko');
    expect(ko.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(ko.body, { bom: true }) as string[][];
    expect(rows[0]?.slice(0, 3)).toEqual(['이름', '영문 이름', '국가']);
    const suwon = rows.find((r) => r[1] === 'Suwon');
    expect(suwon?.[0]).toBe('수원시');
    expect(suwon?.slice(5, 7)).toEqual(['정회원', '유예 기간']);
    // Prospects are not members.
    expect(rows.find((r) => r[1] === 'Toyama')).toBeUndefined();
    expect(rows).toHaveLength(6);

    const en = await get('/exports/members.csv?lang=en');
    const english = parse(en.body, { bom: true }) as string[][];
    expect(english[0]).toContain('Annual fee');
    const kyoto = english.find((r) => r[1] === 'Kyoto');
    const header = english[0] as string[];
    expect(kyoto?.[header.indexOf('Status')]).toBe('Current');
    expect(kyoto?.[header.indexOf('Income group')]).toBe('High income');
    expect(kyoto?.[header.indexOf('Annual fee')]).toBe('2600');
  });

  it_('writes the invoices file as XLSX in Japanese, overdue said so', async () => {
    const res = await get('/exports/invoices.xlsx?lang=ja&status=overdue');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('accord-invoices-overdue.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('請求書');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['請求書番号', '自治体', '国']);
    const rows = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const status = header.indexOf('状態') + 1;
    for (const row of rows) expect(row[status]).toBe('期限超過');
    const suwon = rows.find((r) => r[2] === '水原市');
    expect(suwon?.[header.indexOf('金額') + 1]).toBe(2600);

    const en = await get('/exports/invoices.csv?lang=en');
    const english = parse(en.body, { bom: true }) as string[][];
    expect(english[0]?.[0]).toBe('Invoice');
    const states = new Set(
      english.slice(1).map((r) => r[(english[0] as string[]).indexOf('Status')]),
    );
    expect([...states].sort()).toEqual(['open', 'overdue', 'paid']);
  });
});
