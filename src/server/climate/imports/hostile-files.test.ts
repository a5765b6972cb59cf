/**
 * Each importer fed mutated files: the real header rows of CDP's and the Net Zero Tracker's
 * files with cells made hostile (formulas, NUL, 100,000-character text, stray quotes and line
 * breaks, impossible numbers), other encodings (UTF-16, Latin-1, byte-order marks), truncated
 * files, repeated and missing lines, bytes that are no spreadsheet at all and broken XLSX
 * archives. Whatever the file:
 * - the import either refuses it at once (a 422 problem) or runs to `done` or `failed`, and no
 *   error escapes to the process (unhandled rejections and exceptions are caught here);
 * - a dry run writes no record; a run that fails before its batch commits writes nothing; a run
 *   that is done wrote what it says it created, with its audit entries (the run's, the batch's).
 * The files are small (one batch), so "no half batch" means all of the batch or none of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_KINDS, type ImportKind } from '../../../core/climate/types';
import { dialectCases } from '../../../../test/setup/databases';
import { demoDatabase } from '../../../../test/setup/demo-store';
import { HttpProblem } from '../../http/problem';
import type { StoreDb } from '../../store';
import { beginImport } from './service';

const ACTOR = { userId: null, label: 'hostile files (test)' };
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));

/** The Net Zero Tracker's plain layout, as CSV: its header and two rows. */
const NZT_CSV = Buffer.from(
  [
    'id_code,name,country,actor_type,end_target,end_target_year,end_target_status,' +
      'end_target_percentage_reduction,end_target_baseline_year,end_target_baseline_emissions,' +
      'interim_target,interim_target_year,interim_target_percentage_reduction,' +
      'interim_target_baseline_year,status_date,source_url,race_to_zero_member,' +
      'gasses_coverage,scope_1,scope_2,scope_3,has_plan,reporting_mechanism,carbon_credit_offsets',
    'CIT-0001,Kyoto,JPN,City,Net zero,2050,In policy document,100,2013,7840000,' +
      'Emissions reduction target,2030,40,2013,2021-02-16,https://www.city.kyoto.lg.jp/,Yes,' +
      'All GHGs,Yes,Yes,Yes,No,CDP,No',
    'CIT-0003,Springfield,USA,City,Zero carbon,2040,Proposed / in discussion,,,,,,,,,,No,,,,,,,',
  ].join('\n'),
);

/** The same as an XLSX workbook, as the tracker's site gives it. */
async function nztWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  for (const line of NZT_CSV.toString('utf8').split('\n')) sheet.addRow(line.split(','));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const FILES: Record<string, { kind: ImportKind; file: () => Buffer | Promise<Buffer> }> = {
  'cdp-targets': { kind: 'cdp-targets', file: () => fixture('cdp-targets.csv') },
  'cdp-emissions': { kind: 'cdp-emissions', file: () => fixture('cdp-emissions.csv') },
  nzt: { kind: 'nzt', file: () => NZT_CSV },
  'nzt (xlsx)': { kind: 'nzt', file: nztWorkbook },
};

const HOSTILE_CELLS = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\u0000',
  'a\u0000b',
  'x'.repeat(100_000),
  '"',
  '"unclosed',
  'line\nbreak',
  '\r',
  '\uD800',
  '\u202Eevil',
  'NaN',
  '-1e999',
  '1e308',
  '-5',
  '99999999999999999999999',
  '２０３０',
  '2030.5',
  '0000-00-00',
  '',
  ',,,,,',
];

type FileMutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'cell'; line: number; column: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'encode'; as: 'utf16le' | 'utf16be' | 'latin1' | 'bom' | 'double-bom' }
  | { op: 'repeat'; line: number; times: number }
  | { op: 'drop'; line: number }
  | { op: 'flip'; at: number; byte: number }
  | { op: 'garbage'; data: Uint8Array }
  | { op: 'zip'; data: Uint8Array };

const cellText = fc.oneof(
  fc.constantFrom(...HOSTILE_CELLS),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const fileMutation: fc.Arbitrary<FileMutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: cellText }),
  fc.record({
    op: fc.constant('cell' as const),
    line: fc.nat(),
    column: fc.nat(),
    text: cellText,
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('encode' as const),
    as: fc.constantFrom('utf16le', 'utf16be', 'latin1', 'bom', 'double-bom'),
  }),
  fc.record({
    op: fc.constant('repeat' as const),
    line: fc.nat(),
    times: fc.integer({ min: 2, max: 300 }),
  }),
  fc.record({ op: fc.constant('drop' as const), line: fc.nat() }),
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ op: fc.constant('garbage' as const), data: fc.uint8Array({ maxLength: 300 }) }),
  fc.record({ op: fc.constant('zip' as const), data: fc.uint8Array({ maxLength: 300 }) }),
);

function lines(file: Buffer): string[] {
  return file.toString('utf8').split('\n');
}

function mutateFile(file: Buffer, m: FileMutation): Buffer {
  switch (m.op) {
    case 'insert': {
      const at = m.at % (file.length + 1);
      return Buffer.concat([file.subarray(0, at), Buffer.from(m.text), file.subarray(at)]);
    }
    case 'cell': {
      const all = lines(file);
      const i = m.line % all.length;
      const cells = (all[i] ?? '').split(',');
      cells[m.column % cells.length] = m.text;
      all[i] = cells.join(',');
      return Buffer.from(all.join('\n'));
    }
    case 'truncate':
      return file.subarray(0, m.at % (file.length + 1));
    case 'encode': {
      const text = file.toString('utf8');
      if (m.as === 'bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), file]);
      if (m.as === 'double-bom') {
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), file]);
      }
      if (m.as === 'latin1') return Buffer.from(text, 'latin1');
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      return m.as === 'utf16le' ? le : Buffer.from(le).swap16();
    }
    case 'repeat': {
      const all = lines(file);
      const i = 1 + (m.line % Math.max(all.length - 1, 1));
      const copies = Array.from({ length: m.times }, () => all[i] ?? '');
      all.splice(i, 0, ...copies);
      return Buffer.from(all.join('\n'));
    }
    case 'drop': {
      const all = lines(file);
      all.splice(m.line % all.length, 1);
      return Buffer.from(all.join('\n'));
    }
    case 'flip': {
      const copy = Buffer.from(file);
      if (copy.length > 0) copy[m.at % copy.length] = m.byte;
      return copy;
    }
    case 'garbage':
      return Buffer.from(m.data);
    case 'zip':
      return Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(m.data)]);
  }
}

/** The tables an import writes records to, and the audit log. */
const DATA_TABLES = [
  'governments',
  'government_names',
  'memberships',
  'climate_targets',
  'emission_reports',
  'record_versions',
  'audit_log',
] as const;

describe.each(dialectCases())('importers fed hostile files on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: StoreDb;
  let drop: () => Promise<void>;
  const escaped: unknown[] = [];
  const catcher = (error: unknown) => escaped.push(error);

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await demoDatabase(dialect));
  });
  afterAll(async () => {
    await drop?.();
  });
  beforeEach(() => {
    process.on('unhandledRejection', catcher);
    process.on('uncaughtException', catcher);
  });
  afterEach(() => {
    process.off('unhandledRejection', catcher);
    process.off('uncaughtException', catcher);
  });

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of DATA_TABLES) {
      const row = await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  it_('feeds every importer', () => {
    expect(new Set(Object.values(FILES).map((f) => f.kind))).toEqual(new Set(IMPORT_KINDS));
  });

  it_.each(Object.keys(FILES))(
    '%s: a hostile file is refused or run to its end, never half written',
    async (name) => {
      const { kind, file: original } = FILES[name]!;
      const base = await original();
      await fc.assert(
        fc.asyncProperty(
          fc.array(fileMutation, { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          // Uploads arrive in pieces: a row, a quote or a character may be cut between two.
          fc.integer({ min: 1, max: 4096 }),
          async (mutations, dryRun, chunkSize) => {
            const file = mutations.reduce(mutateFile, base);
            const chunks: Buffer[] = [];
            for (let at = 0; at < file.length; at += chunkSize) {
              chunks.push(file.subarray(at, at + chunkSize));
            }
            escaped.length = 0;
            const before = await counts();
            let started: Awaited<ReturnType<typeof beginImport>>;
            try {
              started = await beginImport(db, ACTOR, {
                kind,
                input: Readable.from(chunks),
                fileName: 'hostile.csv',
                dryRun,
              });
            } catch (error) {
              // Refused at once: the layout is not recognised or the file cannot be read.
              expect(error).toBeInstanceOf(HttpProblem);
              expect((error as HttpProblem).status).toBe(422);
              expect(await counts()).toEqual(before);
              return;
            }
            const run = await started.done;
            // Let anything the stream left behind surface before judging.
            await new Promise((resolve) => setImmediate(resolve));
            expect(escaped).toEqual([]);
            expect(['done', 'failed']).toContain(run.status);
            if (run.status === 'failed') expect(run.error?.trim()).toBeTruthy();
            const after = await counts();
            if (dryRun || (run.status === 'failed' && run.processedRows === 0)) {
              expect(after).toEqual(before);
              return;
            }
            if (run.status === 'done') {
              expect(run.processedRows).toBe(run.totalRows);
              // Every row has its outcome, and a skipped row says why.
              const outcomes = await db.kysely
                .selectFrom('import_run_rows')
                .where('run_id', '=', run.id)
                .select(['action', 'reason'])
                .execute();
              expect(outcomes).toHaveLength(run.totalRows);
              for (const o of outcomes.filter((x) => x.action === 'skip')) {
                expect(o.reason?.trim()).toBeTruthy();
              }
              // The run's own entry, and one for its batch when the batch wrote anything.
              const entries = await db.kysely
                .selectFrom('audit_log')
                .where('entity_type', '=', 'import')
                .where('entity_id', '=', String(run.id))
                .select('action')
                .execute();
              expect(entries.filter((e) => e.action === 'create')).toHaveLength(1);
              if (run.created + run.updated > 0) {
                expect(entries.filter((e) => e.action === 'update').length).toBeGreaterThan(0);
              }
              const records = (t: Record<string, number>) =>
                (t.climate_targets ?? 0) + (t.emission_reports ?? 0);
              expect(records(after) > records(before)).toBe(run.created > 0);
            }
          },
        ),
        { numRuns: 25 },
      );
    },
    // Generous: an XLSX import on PostgreSQL on a busy machine takes its time.
    120_000,
  );
});
