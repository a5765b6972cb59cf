import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import type { ImportKind } from '../schemas';
import { importRunRows, runImport } from './service';

/**
 * CDP's targets file and the Net Zero Tracker give one government the same targets: the second
 * file imported makes no second target. Its rows say which target they state (unchanged, or
 * updated with what the target lacked), the target keeps the first source's key and words, and
 * importing either file again changes nothing. A target only one source gives is still created.
 */

const ACTOR = { userId: null, label: 'cross-source test' };

const CDP_HEADER =
  'Account Number,Organization,City,Country,CDP Region,Type of target,Base year,' +
  'Base year emissions (metric tonnes CO2e),Percentage reduction target,Target year,City Location';
const cdpFile = (account: number, city: string, years = [2030, 2050]) =>
  [
    CDP_HEADER,
    ...years.map(
      (year) =>
        `${account},City of ${city},${city},Japan,East Asia,Base year emissions (absolute) target,2013,7840000,${year === 2050 ? 100 : 40},${year},POINT (135.1 34.6)`,
    ),
    '',
  ].join('\n');

const NZT_HEADER =
  'id_code,name,country,actor_type,end_target,end_target_year,end_target_status,' +
  'end_target_percentage_reduction,end_target_baseline_year,end_target_baseline_emissions,' +
  'interim_target,interim_target_year,interim_target_percentage_reduction,' +
  'interim_target_baseline_year,source_url';
/** Net zero by 2050 and 40 % by 2030 from 2013 (7.84 Mt), as CDP's rows say; or 45 % by 2030. */
const nztFile = (id: string, city: string, interimPercent = 40) =>
  [
    NZT_HEADER,
    `${id},${city},JPN,City,Net zero,2050,In policy document,100,2013,7.84,Emissions reduction target,2030,${interimPercent},2013,https://example.org/${id}`,
    '',
  ].join('\n');

describe.each(dialectCases())(
  'one target from CDP and the tracker on $label',
  ({ dialect, skip }) => {
    let db: Db;
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      if (skip) return;
      ({ db, drop } = await freshDatabase(dialect));
      await bootstrapDatabase(db, { seedDemo: false, adminPassword: 'x'.repeat(12) });
    }, 120_000);
    afterAll(async () => {
      await drop?.();
    });
    const it_ = skip ? it.skip : it;

    async function importText(kind: ImportKind, text: string, dryRun = false) {
      const run = await runImport(db, ACTOR, {
        kind,
        input: Readable.from([Buffer.from(text, 'utf8')]),
        fileName: `${kind}.csv`,
        dryRun,
      });
      expect(run.status, JSON.stringify(run)).toBe('done');
      const rows = (await importRunRows(db, run.id, { page: 1, pageSize: 10 })).items;
      return { run, rows };
    }
    const targetsOf = (slug: string) =>
      db.kysely
        .selectFrom('climate_targets as t')
        .innerJoin('governments as g', 'g.id', 't.government_id')
        .selectAll('t')
        .where('g.slug', '=', slug)
        .orderBy('t.target_year')
        .orderBy('t.id')
        .execute();

    it_('CDP, then the tracker with the same two targets: two targets, not four', async () => {
      const cdp = await importText('cdp-targets', cdpFile(991801, 'Crossbridge'));
      expect(cdp.run).toMatchObject({ created: 2, skipped: 0 });
      const slug = cdp.rows[0]?.government as string;
      const fromCdp = await targetsOf(slug);
      expect(fromCdp.map((t) => [t.type, t.target_year, t.net_zero_label])).toEqual([
        ['base-year', 2030, null],
        ['base-year', 2050, 'net-zero'],
      ]);
      const [interim, end] = fromCdp as [(typeof fromCdp)[number], (typeof fromCdp)[number]];

      // A dry run of the tracker says what the real one then does.
      for (const dryRun of [true, false]) {
        const nzt = await importText('nzt', nztFile('CIT-X801', 'Crossbridge'), dryRun);
        expect(nzt.run).toMatchObject({ created: 0, updated: 1, skipped: 0 });
        expect(nzt.rows[0]).toMatchObject({ government: slug, action: 'update' });
        // Each of CDP's targets by its title, type and year, never its id.
        const states = (nzt.rows[0]?.reasons ?? []).filter(
          (r) => r.code === 'states-target-of-other-source',
        );
        expect(states).toEqual([
          {
            code: 'states-target-of-other-source',
            params: {
              target: { title: end.title, type: 'base-year', year: 2050 },
              origin: 'cdp',
              filled: expect.arrayContaining(['sourceUrl']),
            },
          },
          {
            code: 'states-target-of-other-source',
            params: {
              target: { title: interim.title, type: 'base-year', year: 2030 },
              origin: 'cdp',
              filled: expect.arrayContaining(['sourceUrl']),
            },
          },
        ]);
        expect(nzt.rows[0]?.reason).toContain(
          `states target "${end.title}" (Base-year reduction, 2050) from CDP, which takes from ` +
            'this row: ',
        );
        expect(nzt.rows[0]?.reason).toMatch(/takes from this row: .*Source web address/);
        expect(nzt.rows[0]?.reason).not.toMatch(/#\d/);
      }
      const after = await targetsOf(slug);
      expect(after.map((t) => t.id)).toEqual([interim.id, end.id]);
      // CDP's records (the 2030 one already an interim step of the 2050 one), with what they
      // lacked from the tracker.
      expect(after[0]).toMatchObject({
        import_key: interim.import_key,
        type: 'base-year',
        reduction_percent: 40,
        source_document: interim.source_document,
        source_url: 'https://example.org/CIT-X801',
        parent_target_id: end.id,
        version: 2,
      });
      expect(after[1]).toMatchObject({
        import_key: end.import_key,
        type: 'base-year',
        net_zero_label: 'net-zero',
        version: 2,
      });

      // Either file again changes nothing.
      const nztAgain = await importText('nzt', nztFile('CIT-X801', 'Crossbridge'));
      expect(nztAgain.run).toMatchObject({ created: 0, updated: 0 });
      expect(nztAgain.rows.map((r) => r.action)).toEqual(['unchanged']);
      expect(nztAgain.rows[0]?.reasons).toContainEqual({
        code: 'states-target-of-other-source',
        params: {
          target: { title: end.title, type: 'base-year', year: 2050 },
          origin: 'cdp',
          filled: [],
        },
      });
      const cdpAgain = await importText('cdp-targets', cdpFile(991801, 'Crossbridge'));
      expect(cdpAgain.run).toMatchObject({ created: 0, updated: 0 });
      expect(cdpAgain.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
      expect((await targetsOf(slug)).map((t) => t.version)).toEqual([2, 2]);
    });

    it_('the tracker first, then CDP; a target only one gives is created', async () => {
      const nzt = await importText('nzt', nztFile('CIT-X802', 'Twinford', 45));
      expect(nzt.run).toMatchObject({ created: 1 });
      const slug = nzt.rows[0]?.government as string;
      expect(await targetsOf(slug)).toHaveLength(2);

      const cdp = await importText('cdp-targets', cdpFile(991802, 'Twinford'));
      // Net zero by 2050 is the tracker's end target; CDP's 40 % is not the tracker's 45 %.
      expect(cdp.rows.map((r) => r.government)).toEqual([slug, slug]);
      expect(cdp.rows.map((r) => r.action)).toEqual(['create', 'unchanged']);
      expect(cdp.rows[1]?.reason).toMatch(
        /states target "Net zero by 2050" \(Fixed level, 2050\) from the Net Zero Tracker/,
      );
      const targets = await targetsOf(slug);
      expect(
        targets.map((t) => [t.target_year, t.reduction_percent, t.import_key?.split('|')[0]]),
      ).toEqual([
        [2030, 45, 'nzt'],
        [2030, 40, 'cdp-targets'],
        [2050, null, 'nzt'],
      ]);
    });

    it_('links a target CDP gave alone to the end target the tracker adds', async () => {
      const cdp = await importText('cdp-targets', cdpFile(991803, 'Lonebrook', [2030]));
      const slug = cdp.rows[0]?.government as string;
      const [alone] = await targetsOf(slug);
      expect(alone?.parent_target_id).toBeNull();
      const nzt = await importText('nzt', nztFile('CIT-X803', 'Lonebrook'));
      expect(nzt.run).toMatchObject({ created: 1, skipped: 0 });
      expect(nzt.rows[0]?.reasons).toContainEqual({
        code: 'states-target-of-other-source',
        params: {
          target: { title: alone?.title, type: 'base-year', year: 2030 },
          origin: 'cdp',
          filled: expect.arrayContaining(['parentTargetId']),
        },
      });
      expect(nzt.rows[0]?.reason).toMatch(/takes from this row: .*End target/);
      const targets = await targetsOf(slug);
      expect(targets.map((t) => [t.target_year, t.import_key?.split('|')[0]])).toEqual([
        [2030, 'cdp-targets'],
        [2050, 'nzt'],
      ]);
      expect(targets[0]).toMatchObject({ id: alone?.id, parent_target_id: targets[1]?.id });
      const again = await importText('nzt', nztFile('CIT-X803', 'Lonebrook'));
      expect(again.run).toMatchObject({ created: 0, updated: 0 });
      expect(again.rows.map((r) => r.action)).toEqual(['unchanged']);
    });
  },
);
