import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import type { TextEncoding } from './decode';
import { beginImport, importRunRows, runImport, BATCH_SIZE } from './service';

/**
 * Files as they really come: in the encoding of the office that saved them, or broken (cut
 * short, a row with a cell missing). Names come out as written, never as mojibake; a broken
 * file fails the whole run, naming its line, with nothing written, even when the break comes
 * after the first batch's worth of good rows; the preview (a dry run) says the same.
 */

const HEADER =
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Accounting year,' +
  'TOTAL Scope 1 Emissions (metric tonnes CO2e),TOTAL Scope 2 emissions (metric tonnes CO2e),' +
  'TOTAL Scope 3 Emissions,Last update';
const line = (account: number, city: string, country: string) =>
  `2021,${account},${city},${city},${country},East Asia,2019-01-01 - 2019-12-31,1000,2000,160372,` +
  '10/04/2021 09:23:47 AM';
const file = (...lines: string[]) => `${[HEADER, ...lines].join('\r\n')}\r\n`;
const ACTOR = { userId: null, label: 'reading (test)' };

const CITIES: { encoding: TextEncoding; name: string; country: string }[] = [
  { encoding: 'windows-1252', name: 'Zürich', country: 'Switzerland' },
  { encoding: 'euc-kr', name: '서울특별시', country: 'Republic of Korea' },
  { encoding: 'shift_jis', name: '東京都', country: 'Japan' },
  { encoding: 'big5', name: '臺北市', country: 'Taiwan' },
  { encoding: 'gb18030', name: '广州市', country: 'China' },
];

const RECORD_TABLES = ['governments', 'climate_targets', 'emission_reports', 'audit_log'] as const;

describe.each(dialectCases())('reading import files on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'test-admin-password-1' });
  });
  afterAll(async () => {
    await drop?.();
  });

  const upload = (bytes: Buffer) => Readable.from([bytes]);
  const run = (bytes: Buffer, options: { dryRun?: boolean; encoding?: TextEncoding } = {}) =>
    runImport(db, ACTOR, {
      kind: 'cdp-emissions',
      input: upload(bytes),
      fileName: 'emissions.csv',
      ...options,
    });
  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of RECORD_TABLES) {
      const row = await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }
  async function namesOf(slug: string): Promise<string[]> {
    const rows = await db.kysely
      .selectFrom('government_names as n')
      .innerJoin('governments as g', 'g.id', 'n.government_id')
      .where('g.slug', '=', slug)
      .select('n.name')
      .execute();
    return rows.map((r) => r.name);
  }

  it_.each(CITIES)(
    'reads a $encoding file: the run says so and $name is stored as written',
    async ({ encoding, name, country }) => {
      const account = 990_000 + CITIES.findIndex((c) => c.encoding === encoding);
      const bytes = iconv.encode(file(line(account, name, country)), encoding);
      const done = await run(bytes);
      expect(done).toMatchObject({ status: 'done', encoding, skipped: 0 });
      const [outcome] = (await importRunRows(db, done.id, { page: 1, pageSize: 10 })).items;
      expect(outcome?.government).toBeTruthy();
      expect(await namesOf(outcome?.government as string)).toContain(name);
    },
  );

  it_('reads the encoding chosen, and fails the run on a line it cannot read', async () => {
    const bytes = iconv.encode(
      file(line(990_100, 'Bern', 'Switzerland'), line(990_101, 'Genève', 'Switzerland')),
      'windows-1252',
    );
    const before = await counts();
    const wrong = await run(bytes, { encoding: 'utf-8' });
    expect(wrong).toMatchObject({ status: 'failed', encoding: 'utf-8', processedRows: 0 });
    expect(wrong.error).toMatch(/not valid UTF-8 on line 3; choose the encoding/);
    expect(wrong.error).toMatch(/Nothing was written/);
    expect(await counts()).toEqual(before);
    const right = await run(bytes, { encoding: 'windows-1252', dryRun: true });
    expect(right).toMatchObject({ status: 'done', encoding: 'windows-1252', skipped: 0 });
  });

  it_('fails a file cut mid-number, naming the line; neither preview nor run writes', async () => {
    const whole = file(line(990_200, 'Cutville', 'Japan'), line(990_201, 'Lastville', 'Japan'));
    // "160372" of the last row cut to "1", as a download broken off leaves it.
    const cut = Buffer.from(whole.slice(0, whole.lastIndexOf('2000,160372') + 6));
    const before = await counts();
    for (const dryRun of [true, false]) {
      const failed = await run(cut, { dryRun });
      expect(failed).toMatchObject({ status: 'failed', processedRows: 0, created: 0 });
      expect(failed.error).toMatch(
        /The file ends in the middle of the row on line 3: it has 10 of the header's 11 cells/,
      );
      expect(failed.error).toMatch(/Nothing was written/);
    }
    expect(await counts()).toEqual(before);
  });

  it_('writes nothing when a broken row comes after more than a batch of good rows', async () => {
    const good = Array.from({ length: BATCH_SIZE + 20 }, (_, i) =>
      line(991_000 + i, `Goodtown ${i}`, 'Japan'),
    );
    const broken = 'Brokentown,Japan,East Asia,2019-01-01 - 2019-12-31,1000';
    const bytes = Buffer.from(file(...good, broken, line(992_000, 'After', 'Japan')));
    const before = await counts();
    const started = await beginImport(db, ACTOR, {
      kind: 'cdp-emissions',
      input: upload(bytes),
      fileName: 'broken.csv',
    });
    const failed = await started.done;
    expect(failed).toMatchObject({ status: 'failed', processedRows: 0 });
    expect(failed.error).toMatch(
      new RegExp(`row on line ${BATCH_SIZE + 22} has 5 cells where the header has 11`),
    );
    expect(await counts()).toEqual(before);
    const outcomes = await importRunRows(db, failed.id, { page: 1, pageSize: 10 });
    expect(outcomes.total).toBe(0);
  });

  it_('notes on the row that a file without a final line break may be cut short', async () => {
    const bytes = Buffer.from(file(line(990_300, 'Endtown', 'Japan')).trimEnd());
    const done = await run(bytes, { dryRun: true });
    expect(done.status).toBe('done');
    const [outcome] = (await importRunRows(db, done.id, { page: 1, pageSize: 10 })).items;
    expect(outcome?.reason).toMatch(/does not end with a line break after this last row/);
  });
});
