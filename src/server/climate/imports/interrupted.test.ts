import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { syntheticTargetsCsv } from '../../../../test/setup/cdp-synthetic';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import { beginImport, BATCH_SIZE, interruptAbandonedRuns, runImport } from './service';

/**
 * Runs that stop before they end: stopped by their process (a shutdown, Ctrl-C), abandoned by
 * a process that died (marked by a sweep once their lease runs out), and taken from a process
 * that was thought dead; and a rerun of the same file that completes what they committed.
 */

const ACTOR = { userId: null, label: 'test' };
const ROWS = BATCH_SIZE * 3 + 20;

describe.each(dialectCases())('interrupted imports on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: false, adminPassword: 'test-admin-password-1' });
  }, 60_000);
  afterAll(async () => {
    await drop?.();
  });

  const file = () => Readable.from([Buffer.from(syntheticTargetsCsv(ROWS))]);
  const syntheticTargets = async () =>
    Number(
      (
        await db.kysely
          .selectFrom('climate_targets')
          .where('import_key', 'like', 'cdp-targets|2021|7%')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditOf = (runId: number) =>
    db.kysely
      .selectFrom('audit_log')
      .where('entity_type', '=', 'import')
      .where('entity_id', '=', String(runId))
      .select(['action', 'summary', 'actor_label'])
      .orderBy('id')
      .execute();
  const insertRun = async (values: {
    status: 'running' | 'done';
    heartbeatAt: string;
    dryRun?: boolean;
    processed?: number;
  }) => {
    const row = await db.kysely
      .insertInto('import_runs')
      .values({
        kind: 'cdp-targets',
        file_name: 'left.csv',
        layout: 'cdp-targets',
        dry_run: values.dryRun ? 1 : 0,
        status: values.status,
        total_rows: 2000,
        processed_rows: values.processed ?? 0,
        created_count: values.processed ?? 0,
        updated_count: 0,
        skipped_count: 0,
        error: null,
        actor_user_id: null,
        actor_label: 'test',
        started_at: values.heartbeatAt,
        finished_at: null,
        heartbeat_at: values.heartbeatAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const statusOf = async (id: number) =>
    db.kysely
      .selectFrom('import_runs')
      .where('id', '=', id)
      .select(['status', 'error'])
      .executeTakeFirstOrThrow();
  const reasonOf = async (id: number) =>
    JSON.parse(
      (
        await db.kysely
          .selectFrom('import_runs')
          .where('id', '=', id)
          .select('error_json')
          .executeTakeFirstOrThrow()
      ).error_json ?? 'null',
    ) as unknown;

  it_(
    'stopped after a batch: the batch is audited with its records, the run ends interrupted, a rerun completes it without duplicates',
    async () => {
      const stop = new AbortController();
      const { done } = await beginImport(db, ACTOR, {
        kind: 'cdp-targets',
        input: file(),
        fileName: 'synthetic.csv',
        onProgress: ({ processed }) => {
          if (processed === BATCH_SIZE) stop.abort(new Error('Stopped for the test'));
        },
        signal: stop.signal,
      });
      const stopped = await done;
      expect(stopped).toMatchObject({ status: 'interrupted', processedRows: BATCH_SIZE });
      expect(stopped.error).toBe(
        `Stopped for the test. The batches committed before it stopped (${BATCH_SIZE} rows) ` +
          'stay applied; running the same import again completes it without duplicates.',
      );
      expect(await syntheticTargets()).toBe(BATCH_SIZE);
      const entries = await auditOf(stopped.id);
      // The batch's entry came with its records; the run's entry says how it ended.
      expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
      expect(entries[0]?.summary).toBe(
        `Import cdp-targets of synthetic.csv, rows 2–${BATCH_SIZE + 1}: ${BATCH_SIZE} created, ` +
          '0 updated, 0 unchanged, 0 skipped',
      );
      expect(entries[1]?.summary).toMatch(/^Import cdp-targets of synthetic\.csv \(interrupted\)/);

      const rerun = await runImport(db, ACTOR, {
        kind: 'cdp-targets',
        input: file(),
        fileName: 'synthetic.csv',
      });
      expect(rerun).toMatchObject({
        status: 'done',
        processedRows: ROWS,
        created: ROWS - BATCH_SIZE,
        updated: 0,
      });
      expect(await syntheticTargets()).toBe(ROWS);
      const governments = await db.kysely
        .selectFrom('governments')
        .where('cdp_account', 'like', '7%')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(governments.n)).toBe(ROWS);
    },
    120_000,
  );

  it_(
    'marks interrupted only the runs whose lease ran out, once however many sweep at once',
    async () => {
      const now = new Date();
      const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
      const abandoned = await insertRun({
        status: 'running',
        heartbeatAt: ago(120_000),
        processed: 1500,
      });
      const abandonedPreview = await insertRun({
        status: 'running',
        heartbeatAt: ago(120_000),
        dryRun: true,
        processed: 500,
      });
      const alive = await insertRun({ status: 'running', heartbeatAt: ago(5_000) });
      const finished = await insertRun({ status: 'done', heartbeatAt: ago(3_600_000) });

      // Two servers starting together sweep together.
      const sweeps = await Promise.all([
        interruptAbandonedRuns(db, { leaseMs: 60_000, now }),
        interruptAbandonedRuns(db, { leaseMs: 60_000, now }),
      ]);
      const claimed = sweeps.flat().map((r) => r.id);
      expect(claimed.sort()).toEqual([abandoned, abandonedPreview].sort());

      expect(await statusOf(abandoned)).toEqual({
        status: 'interrupted',
        error:
          'The import was interrupted: the process running it stopped without finishing ' +
          `(its last sign of life was at ${ago(120_000)}). The batches committed before it ` +
          'stopped (1500 rows) stay applied; running the same import again completes it ' +
          'without duplicates.',
      });
      // The same as a code, for the run page to say in the reader's language.
      expect(await reasonOf(abandoned)).toEqual({
        code: 'process-died',
        params: { lastSign: ago(120_000) },
        written: { code: 'kept-after-stop', params: { rows: 1500 } },
      });
      expect((await statusOf(abandonedPreview)).status).toBe('interrupted');
      expect((await statusOf(alive)).status).toBe('running');
      expect((await statusOf(finished)).status).toBe('done');
      // One entry for the run that had written, none for the preview.
      expect(await auditOf(abandoned)).toEqual([
        {
          action: 'update',
          actor_label: 'system',
          summary:
            'Import cdp-targets of left.csv (interrupted): the process running it stopped ' +
            'after committing 1500 of 2000 rows',
        },
      ]);
      expect(await auditOf(abandonedPreview)).toEqual([]);
      expect(await interruptAbandonedRuns(db, { leaseMs: 60_000, now })).toEqual([]);
    },
  );

  it_(
    'a run taken away by a sweep stops writing: its next batch rolls back',
    async () => {
      const before = await syntheticTargets();
      let taken = false;
      const { done } = await beginImport(db, ACTOR, {
        kind: 'cdp-targets',
        input: file(),
        fileName: 'synthetic.csv',
        dryRun: true,
        onProgress: ({ processed }) => {
          if (processed !== BATCH_SIZE || taken) return;
          taken = true;
          // Another server thought this process dead: its lease "ran out" an hour from now.
          void interruptAbandonedRuns(db, {
            leaseMs: 60_000,
            now: new Date(Date.now() + 3_600_000),
          });
        },
      });
      const run = await done;
      expect(run.status).toBe('interrupted');
      expect(run.error).toMatch(/^The import was interrupted: the process running it stopped/);
      const outcomes = await db.kysely
        .selectFrom('import_run_rows')
        .where('run_id', '=', run.id)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      // The batch after the sweep did not commit: the run holds what the sweep saw.
      expect(Number(outcomes.n)).toBe(run.processedRows);
      expect(run.processedRows).toBeLessThan(ROWS);
      expect(await syntheticTargets()).toBe(before);
    },
    120_000,
  );
});
