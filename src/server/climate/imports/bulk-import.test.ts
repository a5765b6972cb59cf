import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import { BATCH_SIZE, importRunRows, runImport } from './service';

/**
 * What the importer keeps of a big file stays exact while it keeps little (issue 13, point 3):
 * a record given again many batches later is still told apart.
 */

const HEADER =
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Accounting year,' +
  'TOTAL Scope 1 Emissions (metric tonnes CO2e),TOTAL Scope 2 emissions (metric tonnes CO2e)';
const ACTOR = { userId: null, label: 'bulk import test' };

/** Seven cities, a report for each reporting year: more rows than two batches hold. */
function bigFile(): string[] {
  const lines = [HEADER];
  for (let year = 1952; lines.length <= BATCH_SIZE * 2 + 10; year++) {
    for (let city = 1; city <= 7; city++) {
      const name = `Villa Bulk ${city}`;
      lines.push(
        `${year},88020${city},${name},${name},Argentina,Latin America,${year - 1},${year},${year * 2}`,
      );
    }
  }
  return lines;
}
const csv = (lines: string[]) => Readable.from([Buffer.from(`${lines.join('\n')}\n`)]);

describe.each(dialectCases())('a big file ($label)', ({ dialect, skip }) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: false, adminPassword: 'test-admin-password-1' });
  });
  afterAll(async () => {
    await drop?.();
  });

  it.skipIf(skip)(
    'says a record given again batches later is the one of its earlier row, dry or real',
    async () => {
      const lines = bigFile();
      // Row 2's report again, with other figures, after two batches; then row 3's.
      lines.push(lines[1]?.replace(/,\d+,\d+$/, ',1,2') as string, lines[2] as string);
      const last = lines.length;
      for (const dryRun of [true, false]) {
        const run = await runImport(db, ACTOR, {
          kind: 'cdp-emissions',
          input: csv(lines),
          fileName: 'bulk.csv',
          dryRun,
        });
        expect(run).toMatchObject({ status: 'done', created: last - 3, skipped: 2 });
        const skipped = await importRunRows(db, run.id, { page: 1, pageSize: 10, action: 'skip' });
        expect(skipped.items.map((r) => [r.row, r.action, r.reasons])).toEqual([
          [last - 1, 'skip', [{ code: 'same-record-as-rows', params: { rows: [2] } }]],
          [last, 'skip', [{ code: 'same-record-as-rows', params: { rows: [3] } }]],
        ]);
      }
      // The report is row 2's: the later row changed nothing.
      const report = await db.kysely
        .selectFrom('emission_reports')
        .where('import_key', '=', 'cdp|1952|880201')
        .select(['scope1', 'scope2'])
        .executeTakeFirstOrThrow();
      expect(report).toEqual({ scope1: 1952, scope2: 3904 });
    },
    60_000,
  );
});
