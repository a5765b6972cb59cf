/**
 * `npm run bench -- imports`: reading big uploads. A CDP city-wide emissions file of
 * BENCH_IMPORT_ROWS generated rows (default 436,000, about 200 MB as the file) is read
 * as an import reads it: decoded, parsed, checked and mapped, row by row; then a file that is
 * one 200 MB cell. Prints the time and the peak memory of each: both must stay flat (tens of
 * MiB, not hundreds), whatever the file's size. Reads only: the database is not involved.
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { mapCdpEmissionRow } from '../src/server/climate/imports/map-cdp';
import { openSheet } from '../src/server/climate/imports/read-rows';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 436_000);

const HEADER =
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Access,' +
  'City-wide emissions inventory,Accounting year,Primary Protocol,Gases Included,' +
  'TOTAL Scope 1 Emissions (metric tonnes CO2e),TOTAL Scope 2 emissions (metric tonnes CO2e),' +
  'TOTAL Scope 3 Emissions,TOTAL BASIC Emissions (GPC),Population,City Location,Last update';

/** A row of about 470 bytes, like the real file's (a long protocol comment among them). */
function row(i: number): string {
  const comment = `"Global Protocol for Community Greenhouse Gas Emissions Inventories (GPC), ${'x'.repeat(260)}"`;
  return (
    `2021,${100000 + i},City of Benchtown ${i},Benchtown ${i},Japan,East Asia,public,Yes,` +
    `2018-01-01 00:00:00 - 2018-12-31 00:00:00,${comment},"CO2, CH4, N2O",` +
    `${1000 + i},${2000 + i},${160372 + i},${3000 + i},${50000 + i},POINT (135.7 35.0),` +
    '10/04/2021 09:23:47 AM'
  );
}

function* generated(rows: number): Generator<Buffer> {
  yield Buffer.from(`${HEADER}\r\n`);
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(row(i));
    if (batch.length === 1000) {
      yield Buffer.from(`${batch.join('\r\n')}\r\n`);
      batch = [];
    }
  }
  if (batch.length) yield Buffer.from(`${batch.join('\r\n')}\r\n`);
}

function* oneHugeCell(bytes: number): Generator<Buffer> {
  yield Buffer.from(`${HEADER}\r\n2021,1,"`);
  const piece = Buffer.alloc(1024 * 1024, 'x');
  for (let sent = 0; sent < bytes; sent += piece.length) yield piece;
  yield Buffer.from('",x\r\n');
}

/** Runs `work` while sampling the process's resident memory; answers the peak above the start. */
async function measured(label: string, work: () => Promise<string>): Promise<void> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const began = performance.now();
  const said = await work();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  console.log(
    `  ${label.padEnd(46)} ${seconds} s, peak rss +${((peak - start) / 2 ** 20).toFixed(0)} MiB: ${said}`,
  );
}

export async function benchImports(): Promise<void> {
  console.log(`import reading bench (${ROWS} rows):`);
  let bytes = 0;
  await measured(`read and map ${ROWS} rows`, async () => {
    const input = Readable.from(
      (function* () {
        for (const chunk of generated(ROWS)) {
          bytes += chunk.length;
          yield chunk;
        }
      })(),
    );
    const sheet = await openSheet(input, 'cdp-emissions');
    const context = { fileName: 'bench.csv', layoutId: sheet.recognised.layout.id };
    let read = 0;
    let skipped = 0;
    for await (const r of sheet.rows) {
      read += 1;
      if (mapCdpEmissionRow(r, context).skip !== null) skipped += 1;
    }
    return `${read} rows (${(bytes / 2 ** 20).toFixed(0)} MB, ${sheet.encoding}), ${skipped} skipped`;
  });
  await measured('a file that is one 200 MB cell', async () => {
    try {
      const sheet = await openSheet(Readable.from(oneHugeCell(200 * 2 ** 20)), 'cdp-emissions');
      for await (const r of sheet.rows) void r;
      return 'read (it should have been refused)';
    } catch (err) {
      return `refused: ${(err as Error).message.slice(0, 90)}…`;
    }
  });
}
