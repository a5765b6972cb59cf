import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ACCORD_ACTOR_LABELS } from '../core/attribution';
import { SYSTEM_ADMIN } from '../server/audit/service';
import type { AccordConfig } from '../server/config';
import type { StoreDb as Db } from '../server/store';
import { withDatabase } from './database';
import { migrateToLatest } from '../server/db/migrate';
import { regionsOnly } from '../server/setup/demo/seed';
import { nowIso } from '../server/clock';
import { HttpProblem } from '../server/http/problem';
import { loadInventoryExport, writeInventoryExport } from '../server/climate/exports/inventory';
import { prepareTargetsExport } from '../server/climate/exports/targets';
import type { TableFormat } from '../server/climate/exports/write-table';
import { encodingNamed, TEXT_ENCODINGS } from '../server/climate/imports/decode';
import { layoutById } from '../server/climate/imports/layouts';
import { listSavedLayouts, SAVED_LAYOUT_PREFIX } from '../server/climate/imports/saved-layouts';
import { beginImport, importReportCsv } from '../server/climate/imports/service';
import { RunProblemError } from '../server/climate/imports/unreadable';
import type { ImportKind } from '../server/climate/schemas';
import { findLocale, LOCALES, type Locale } from '../core/locales';
import type { Io } from './io';

/**
 * `accord import …` and `accord export …`: the climate data exchange from the command line,
 * on the database the server uses. Both return the process exit code: 0 done, 1 failed,
 * 2 wrong usage.
 */

export const IMPORT_USAGE = `Usage:
  accord import cdp-targets FILE.csv [--dry-run] [--no-create] [--layout NAME] [--encoding NAME]
                                     [--decisions-from RUN]
  accord import cdp-emissions FILE.csv [--dry-run] [--no-create] [--layout NAME] [--encoding NAME]
                                       [--decisions-from RUN]
  accord import nzt FILE.xlsx [--dry-run] [--no-create] [--layout NAME] [--decisions-from RUN]
  accord import layouts              list the saved column layouts

  --dry-run        report what the import would do; write no record
  --no-create      skip rows that match no government instead of adding them as prospects
  --layout NAME    read the file with the column layout saved under NAME (made in the web's
                   import page when a file's headers match no known layout)
  --encoding NAME  the CSV file's character encoding, when detection gets it wrong:
                   ${TEXT_ENCODINGS.join(', ')}
  --decisions-from RUN
                   apply the decisions taken on the uncertain matches of preview RUN
                   (a dry run of the same file, decided in the web's import page)`;

export const EXPORT_USAGE = `Usage:
  accord export targets --format csv|xlsx [--region REGION] [--out FILE]
  accord export inventory GOVERNMENT YEAR --format csv|xlsx [--lang LANG] [--out FILE]
    (the GPC inventory of the year, else the totals reported for it)

  --lang LANG      the inventory's headers and words in ${LOCALES.join(', ')} (default en);
                   the targets file keeps the Net Zero Tracker's column names in every language
  Without --out the file is written to standard output.`;

const KINDS: readonly ImportKind[] = ['cdp-targets', 'cdp-emissions', 'nzt'];
const CLI_ACTOR = { userId: null, label: ACCORD_ACTOR_LABELS.cli } as const;

/** Opens the database as the server does, brings it up to date and makes sure regions exist. */
function withDb<T>(config: AccordConfig, fn: (db: Db) => Promise<T>): Promise<T> {
  return withDatabase(config, async (db) => {
    await migrateToLatest(db);
    // Prospects created by an import need the network's regions.
    await regionsOnly(db, nowIso());
    return fn(db);
  });
}

/** The first word may be the command's own name when a caller passes the whole argv. */
function withoutCommand(args: string[], name: string): string[] {
  return args[0] === name ? args.slice(1) : args;
}

function problemText(err: HttpProblem): string {
  return err.detail ?? err.title;
}

export async function runImportCommand(
  args: string[],
  io: Io,
  config: AccordConfig,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: withoutCommand(args, 'import'),
      options: {
        'dry-run': { type: 'boolean' },
        'no-create': { type: 'boolean' },
        layout: { type: 'string' },
        encoding: { type: 'string' },
        'decisions-from': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const [kind, file, ...extra] = parsed.positionals;
  if (kind === 'layouts' && !file) return listLayoutsCommand(io, config);
  if (!kind || !file || extra.length > 0 || !(KINDS as readonly string[]).includes(kind)) {
    io.err(IMPORT_USAGE);
    return 2;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    io.err(`no such file: ${file}`);
    return 2;
  }
  const dryRun = parsed.values['dry-run'] ?? false;
  const encodingName = parsed.values.encoding;
  const encoding = encodingName === undefined ? undefined : encodingNamed(encodingName);
  if (encoding === null) {
    io.err(`unknown encoding: ${encodingName}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const decisionsFrom = parsed.values['decisions-from'];
  if (decisionsFrom !== undefined && !/^[1-9]\d{0,9}$/.test(decisionsFrom)) {
    io.err(`--decisions-from takes the number of a preview run, not "${decisionsFrom}"`);
    return 2;
  }

  // Ctrl-C (or a TERM) stops the run between batches: it ends interrupted, what it committed
  // stays, and the temporary files go, instead of the process dying where it stands.
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    // A second Ctrl-C is the operator insisting: leave now, as Node would have.
    if (stop.signal.aborted) process.exit(130);
    io.out(
      `Stopping the import (${signal}); what it has committed stays. Ctrl-C again to quit now.`,
    );
    const by = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    stop.abort(
      new RunProblemError(`Stopped by ${by}`, {
        code: 'stopped-by-signal',
        params: { signal: by },
      }),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await withDb(config, async (db) => {
      let started;
      try {
        started = await beginImport(db, CLI_ACTOR, {
          kind: kind as ImportKind,
          input: fs.createReadStream(file),
          fileName: path.basename(file),
          dryRun,
          noCreate: parsed.values['no-create'] ?? false,
          layout: parsed.values.layout,
          encoding,
          decisionsFrom: decisionsFrom === undefined ? null : Number(decisionsFrom),
          maxBytes: Infinity,
          onProgress: ({ processed, total }) => io.out(`  ${processed} of ${total} rows`),
          signal: stop.signal,
          leaseMs: config.importLeaseSeconds * 1000,
        });
      } catch (err) {
        if (err instanceof HttpProblem) {
          io.err(`error: ${problemText(err)}`);
          if (err.code === 'layout-not-recognised') {
            io.err(
              'Map its columns in the web (Administration → Imports) and save the mapping, then ' +
                'import with --layout NAME. `accord import layouts` lists the saved ones.',
            );
          }
          return stop.signal.aborted ? 130 : 1;
        }
        throw err;
      }
      io.out(
        `Import ${started.run.id}${dryRun ? ' (dry run: nothing will be written)' : ''}: ` +
          layoutText(started.run.layout) +
          (started.run.encoding
            ? `, encoding ${started.run.encoding} (${encoding ? 'chosen' : 'detected'})`
            : ''),
      );
      const run = await started.done;
      const unchanged = run.processedRows - run.created - run.updated - run.skipped;
      const ended = {
        done: 'Done',
        failed: 'Failed',
        interrupted: 'Interrupted',
        running: 'Ended',
      };
      io.out(
        `${ended[run.status]}: ${run.processedRows} of ${run.totalRows} rows; ` +
          `${run.created} created, ${run.updated} updated, ${unchanged} unchanged, ` +
          `${run.skipped} skipped${dryRun ? ' (dry run)' : ''}`,
      );
      const fresh = run.newGovernments;
      if (fresh.count > 0) {
        const governments = `${fresh.count} government${fresh.count === 1 ? '' : 's'}`;
        const rows = `${fresh.rows} row${fresh.rows === 1 ? '' : 's'}`;
        io.out(
          dryRun
            ? `${governments} not in Accord yet (${rows}) would be added as prospects; ` +
                'import with --no-create to leave their rows out'
            : `${governments} added as prospects (${rows})`,
        );
      }
      const uncertain = (await db.importMatches.pageRunMatches(run.id, 1, 1)).total;
      if (uncertain > 0) {
        io.out(
          `${uncertain} government${uncertain === 1 ? '' : 's'} matched without certainty: ` +
            `see the run's matches in the web's import page (run ${run.id})`,
        );
      }
      // Private like the database beside it: the report names governments and their figures.
      fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
      const reportFile = path.join(config.dataDir, `import-${run.id}.csv`);
      await pipeline(
        importReportCsv(db, run.id),
        fs.createWriteStream(reportFile, { mode: 0o600 }),
      );
      io.out(`Row report: ${reportFile}`);
      for (const warning of run.warnings) io.err(`warning: ${warning.detail}`);
      if (run.status === 'done') return 0;
      io.err(`error: ${run.error ?? 'the import failed'}`);
      return run.status === 'interrupted' ? 130 : 1;
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * How the run read the file, in words: a published layout by its name (never its id), a saved
 * one by the name it was saved under (the name `--layout` takes).
 */
export function layoutText(layout: string | null): string {
  if (layout === null) return 'layout not recognised';
  if (layout.startsWith(SAVED_LAYOUT_PREFIX)) {
    return `read with the saved layout "${layout.slice(SAVED_LAYOUT_PREFIX.length)}"`;
  }
  const known = layoutById(layout);
  return known ? `read as ${known.label}` : 'read with a layout this version does not know';
}

async function listLayoutsCommand(io: Io, config: AccordConfig): Promise<number> {
  return withDb(config, async (db) => {
    const layouts = await listSavedLayouts(db);
    if (layouts.length === 0) {
      io.out('No column layouts are saved.');
      return 0;
    }
    for (const layout of layouts) {
      const read = layout.columns.filter((c) => c.field !== null).length;
      io.out(
        `${layout.name}\t${layout.kind}\t${read} of ${layout.columns.length} columns read\t` +
          `saved by ${layout.createdBy}, ${layout.updatedAt.slice(0, 10)}`,
      );
    }
    return 0;
  });
}

/** Where an export goes: a file, or standard output (which must stay open afterwards). */
async function writeTo(
  file: string | undefined,
  stdout: Writable,
  write: (out: Writable) => Promise<void>,
): Promise<void> {
  const out = file ? fs.createWriteStream(file) : new PassThrough();
  if (!file) out.pipe(stdout, { end: false });
  try {
    await write(out);
    await finished(out);
  } catch (err) {
    out.destroy();
    throw err;
  }
}

export async function runExportCommand(
  args: string[],
  io: Io,
  config: AccordConfig,
  stdout: Writable = process.stdout,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: withoutCommand(args, 'export'),
      options: {
        format: { type: 'string' },
        region: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const format = (values.format ?? (values.out?.endsWith('.xlsx') ? 'xlsx' : 'csv')) as TableFormat;
  if (format !== 'csv' && format !== 'xlsx') {
    io.err(`--format must be csv or xlsx\n\n${EXPORT_USAGE}`);
    return 2;
  }
  // ko-KR or zh-TW read as the language Accord has; one it lacks is a usage error, not English.
  const locale: Locale | undefined = values.lang === undefined ? 'en' : findLocale([values.lang]);
  if (locale === undefined) {
    io.err(`--lang must be one of ${LOCALES.join(', ')}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const [what, ...rest] = positionals;
  const done = (file: string | undefined) => {
    if (file) io.out(`Wrote ${file}`);
    return 0;
  };
  try {
    // The targets file is the tracker's machine format, in its words only: --lang is refused.
    if (what === 'targets' && rest.length === 0 && values.lang === undefined) {
      return await withDb(config, async (db) => {
        const write = await prepareTargetsExport(db, { format, region: values.region });
        await writeTo(values.out, stdout, write);
        return done(values.out);
      });
    }
    if (what === 'inventory' && rest.length === 2 && !values.region) {
      const [government, yearText] = rest as [string, string];
      const year = Number(yearText);
      if (!Number.isInteger(year)) {
        io.err(`YEAR must be a year, got "${yearText}"`);
        return 2;
      }
      return await withDb(config, async (db) => {
        // Read first: a missing inventory must not leave an empty file behind.
        // The command line is the server's operator: it reads drafts as the secretariat does.
        const data = await loadInventoryExport(db, SYSTEM_ADMIN, government, year);
        await writeTo(values.out, stdout, (out) => writeInventoryExport(data, format, out, locale));
        return done(values.out);
      });
    }
  } catch (err) {
    if (err instanceof HttpProblem) {
      io.err(`error: ${problemText(err)}`);
      return 1;
    }
    throw err;
  }
  io.err(EXPORT_USAGE);
  return 2;
}
