import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import type { ImportKind } from '../schemas';
import { runImport } from './service';
import { emissionsOf, targetsOf } from '../service';

/**
 * The shared CDP files, imported into the demo network on both dialects. The files are real
 * and messy; they live outside the repository (../shared/data), so without them the suite says
 * so and skips, except on CI where their absence is a failure.
 */

const DATA_DIR = fileURLToPath(new URL('../../../../../shared/data/cdp/', import.meta.url));
const TARGETS_FILE = `${DATA_DIR}2021_Cities_Emissions_Reduction_Targets.csv`;
const EMISSIONS_FILE = `${DATA_DIR}2021_City-wide_Emissions.csv`;
const haveData = fs.existsSync(TARGETS_FILE) && fs.existsSync(EMISSIONS_FILE);
const onCi = process.env.CI === 'true';

if (!haveData) {
  console.warn(`\n  SKIPPING the CDP import tests: ${DATA_DIR} is not there.\n`);
}

/** The East Asia RexCom members with a CDP account, as the shared files number them. */
const MEMBERS: Record<string, string> = {
  '49389': 'kyoto',
  '31187': 'seoul',
  '44185': 'suwon',
  '56276': 'new-taipei',
};

const ACTOR = { userId: null, label: 'test' };

async function count(db: Db, table: 'climate_targets' | 'emission_reports' | 'governments') {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function outcomes(db: Db, runId: number) {
  return db.kysely
    .selectFrom('import_run_rows')
    .where('run_id', '=', runId)
    .select(['row_number', 'action', 'government', 'entity', 'reason'])
    .orderBy('row_number')
    .orderBy('id')
    .execute();
}

function importFile(db: Db, kind: ImportKind, file: string, dryRun = false) {
  return runImport(db, ACTOR, {
    kind,
    input: fs.createReadStream(file),
    fileName: file.split('/').pop() as string,
    dryRun,
  });
}

describe('the shared CDP data', () => {
  it.runIf(!haveData && onCi)('is there on CI', () => {
    throw new Error(`CI needs the shared data at ${DATA_DIR}`);
  });
});

describe.each(dialectCases())('CDP imports on $label', ({ dialect, skip }) => {
  const off = skip || !haveData;
  const it_ = off ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    if (off) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'test-admin-password-1' });
  });
  afterAll(async () => {
    await drop?.();
  });

  it_(
    'previews the targets file without writing, then imports exactly what it previewed',
    async () => {
      const before = {
        targets: await count(db, 'climate_targets'),
        governments: await count(db, 'governments'),
      };
      const preview = await importFile(db, 'cdp-targets', TARGETS_FILE, true);
      expect(preview).toMatchObject({
        status: 'done',
        dryRun: true,
        layout: 'cdp-targets-2021-openclimate',
        totalRows: 1460,
        processedRows: 1460,
      });
      expect(await count(db, 'climate_targets')).toBe(before.targets);
      expect(await count(db, 'governments')).toBe(before.governments);

      const run = await importFile(db, 'cdp-targets', TARGETS_FILE);
      expect(run).toMatchObject({ status: 'done', dryRun: false, totalRows: 1460 });
      expect(run.created + run.updated).toBeGreaterThan(900);
      expect(await outcomes(db, run.id)).toEqual(await outcomes(db, preview.id));
      expect({ created: run.created, updated: run.updated, skipped: run.skipped }).toEqual({
        created: preview.created,
        updated: preview.updated,
        skipped: preview.skipped,
      });
    },
    180_000,
  );

  it_('matches the RexCom members by CDP account instead of adding them again', async () => {
    const members = await db.kysely
      .selectFrom('governments')
      .where('cdp_account', 'in', Object.keys(MEMBERS))
      .select(['slug', 'cdp_account'])
      .execute();
    expect(Object.fromEntries(members.map((m) => [m.cdp_account, m.slug]))).toEqual(MEMBERS);
    for (const slug of Object.values(MEMBERS)) {
      const names = await db.kysely
        .selectFrom('governments')
        .where('slug', 'like', `${slug}%`)
        .select('slug')
        .execute();
      expect(names.map((n) => n.slug)).toEqual([slug]);
    }
  });

  it_("stores Kyoto's base-year target with CDP's self-reported progress", async () => {
    const target = await db.kysely
      .selectFrom('climate_targets as t')
      .innerJoin('governments as g', 'g.id', 't.government_id')
      .where('g.slug', '=', 'kyoto')
      .where('t.type', '=', 'base-year')
      .selectAll('t')
      .executeTakeFirstOrThrow();
    expect(target).toMatchObject({
      base_year: 2013,
      base_emissions: 7_840_000,
      reduction_percent: 40,
      target_year: 2030,
      self_reported_progress: 74,
      self_reported_source: 'CDP 2021',
      title: '40 % below 2013 by 2030',
      boundary: 'city-wide',
      date_set: '2021-01-01',
    });
    expect(JSON.parse(target.coverage_sectors)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(JSON.parse(target.initiatives)).toContain('Cities Race to Zero');
    const versions = await db.kysely
      .selectFrom('record_versions')
      .where('entity_type', '=', 'target')
      .where('entity_id', '=', target.id)
      .select(['version', 'change'])
      .orderBy('version')
      .execute();
    // 'update' when the import took over the demo's own copy of this target, else 'create'.
    expect(versions[versions.length - 1]?.version).toBe(target.version);
    expect(['create', 'update']).toContain(versions[versions.length - 1]?.change);
  });

  it_('skips rows without a target and says why', async () => {
    const run = await db.kysely
      .selectFrom('import_runs')
      .where('kind', '=', 'cdp-targets')
      .where('dry_run', '=', 0)
      .select('id')
      .executeTakeFirstOrThrow();
    const skipped = (await outcomes(db, run.id)).filter((o) => o.action === 'skip');
    expect(skipped.every((o) => o.reason)).toBe(true);
    expect(skipped.filter((o) => o.reason === 'No target')).toHaveLength(206);
    expect(skipped.filter((o) => o.reason?.startsWith('target type not given'))).toHaveLength(127);
  });

  it_(
    'changes nothing when the targets file is imported again',
    async () => {
      const before = {
        targets: await count(db, 'climate_targets'),
        governments: await count(db, 'governments'),
      };
      const again = await importFile(db, 'cdp-targets', TARGETS_FILE);
      expect(again).toMatchObject({ status: 'done', created: 0, updated: 0 });
      expect(await count(db, 'climate_targets')).toBe(before.targets);
      expect(await count(db, 'governments')).toBe(before.governments);
    },
    180_000,
  );

  it_(
    'previews and imports the emissions file, then finds nothing to do the second time',
    async () => {
      const before = {
        reports: await count(db, 'emission_reports'),
        governments: await count(db, 'governments'),
      };
      const preview = await importFile(db, 'cdp-emissions', EMISSIONS_FILE, true);
      expect(preview).toMatchObject({
        status: 'done',
        layout: 'cdp-emissions-2021',
        totalRows: 989,
      });
      expect(await count(db, 'emission_reports')).toBe(before.reports);
      expect(await count(db, 'governments')).toBe(before.governments);

      const run = await importFile(db, 'cdp-emissions', EMISSIONS_FILE);
      expect(run).toMatchObject({ status: 'done', totalRows: 989, processedRows: 989 });
      expect(await outcomes(db, run.id)).toEqual(await outcomes(db, preview.id));
      const skipped = (await outcomes(db, run.id)).filter((o) => o.action === 'skip');
      expect(skipped.some((o) => o.reason === 'accounting year unknown')).toBe(true);

      const kyoto = await db.kysely
        .selectFrom('emission_reports as r')
        .innerJoin('governments as g', 'g.id', 'r.government_id')
        .where('g.slug', '=', 'kyoto')
        .where('r.year', '=', 2018)
        .selectAll('r')
        .execute();
      expect(kyoto).toHaveLength(1);
      expect(kyoto[0]).toMatchObject({
        scope1: 3_636_204,
        scope2: 2_904_444,
        total: 6_540_648,
        total_coverage: 'scope-1-2',
        report_year: 2021,
        dataset: 'cdp-emissions',
        // Nobody chose it: the rule uses it as the newest (and only) report of its year.
        preferred: 0,
        source: 'cdp',
        period_start: '2018-04-01',
        period_end: '2019-03-31',
        import_key: 'cdp|2021|49389',
      });
      expect(JSON.parse(kyoto[0]?.provenance ?? '{}')).toMatchObject({
        layout: 'cdp-emissions-2021',
        reportedYear: 2021,
      });
      for (const slug of ['seoul', 'suwon', 'new-taipei']) {
        const reports = await db.kysely
          .selectFrom('emission_reports as r')
          .innerJoin('governments as g', 'g.id', 'r.government_id')
          .where('g.slug', '=', slug)
          .select('r.id')
          .execute();
        expect(reports.length).toBeGreaterThan(0);
      }

      const counts = {
        reports: await count(db, 'emission_reports'),
        governments: await count(db, 'governments'),
      };
      const again = await importFile(db, 'cdp-emissions', EMISSIONS_FILE);
      expect(again).toMatchObject({ status: 'done', created: 0, updated: 0 });
      expect(await count(db, 'emission_reports')).toBe(counts.reports);
      expect(await count(db, 'governments')).toBe(counts.governments);
    },
    180_000,
  );

  it_('audits each real run once, and each batch that wrote records with the batch', async () => {
    const entries = await db.kysely
      .selectFrom('audit_log')
      .where('entity_type', '=', 'import')
      .select(['action', 'entity_id', 'summary', 'after_json'])
      .orderBy('id')
      .execute();
    // Two targets runs and two emissions runs; previews change nothing and are not audited.
    const runs = entries.filter((e) => e.action === 'create');
    expect(runs).toHaveLength(4);
    expect(runs[0]?.summary).toMatch(/^Import cdp-targets of .*: 1460 rows, \d+ created/);
    // Every record a run created or updated is in the entry of the batch that wrote it.
    const batches = entries.filter((e) => e.action === 'update');
    for (const run of runs) {
      const total = JSON.parse(run.after_json as string) as { created: number; updated: number };
      const ofRun = batches
        .filter((b) => b.entity_id === run.entity_id)
        .map((b) => JSON.parse(b.after_json as string) as { created: number; updated: number });
      expect(ofRun.reduce((sum, b) => sum + b.created + b.updated, 0)).toBe(
        total.created + total.updated,
      );
    }
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches[0]?.summary).toMatch(/^Import cdp-targets of .*, rows \d+–\d+: \d+ created/);
  });

  it_(
    "assesses Kyoto's imported 2030 target on track, 41.4 %, from the imported 2021 city-wide emissions",
    async () => {
      const targets = await targetsOf(db, 'kyoto', 2021);
      const target = targets.find(
        (t) => t.type === 'base-year' && t.baseYear === 2013 && t.targetYear === 2030,
      );
      expect(target?.importKey).toMatch(/^cdp-targets\|2021\|49389\|/);
      const a = target?.assessment;
      expect(a?.status).toBe('on-track');
      expect(a?.actualYear).toBe(2018);
      expect(a?.actual).toBe(3_636_204 + 2_904_444);
      // (7,840,000 − 6,540,648) ÷ (7,840,000 − 4,704,000) = 1,299,352 ÷ 3,136,000
      expect(a?.progress).toBeCloseTo(1_299_352 / 3_136_000, 9);
      expect(Math.round((a?.progress ?? 0) * 1000) / 10).toBe(41.4);
      expect(target?.selfReported).toEqual({ progressPercent: 74, source: 'CDP 2021' });
      // The figure used is the imported CDP report, with its provenance.
      const series = await emissionsOf(db, null, 'kyoto');
      const y2018 = series.years.find((y) => y.year === 2018);
      expect(y2018?.basis).toBe('newest-report');
      const used = y2018?.reports.find((r) => r.id === y2018.reportId);
      expect(used?.provenance).toMatchObject({ file: '2021_City-wide_Emissions.csv' });
    },
  );
});
