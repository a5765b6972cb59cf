import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../server/config';
import { openStore as openDatabase } from '../server/store';
import { nowIso } from '../server/clock';
import { saveLayout } from '../server/climate/imports/saved-layouts';
import { layoutText, runExportCommand, runImportCommand } from './climate-commands';
import type { Io } from './io';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => null };
  return { io, out, err };
}

const EMISSIONS_CSV = [
  'Year Reported to CDP,Account Number,Organization,City,Country,CDP Region,Accounting year,' +
    'TOTAL Scope 1 Emissions (metric tonnes CO2e),TOTAL Scope 2 emissions (metric tonnes CO2e),' +
    'TOTAL BASIC Emissions (GPC)',
  '2021,990001,City of Testville,Testville,Japan,East Asia,2018-04-01 - 2019-03-31,"1,000",2000,NA',
  '2021,990002,Nowhere Town,Nowhere,Japan,East Asia,-,5,6,NA',
].join('\n');

const TARGETS_CSV = [
  'Account Number,Organization,City,Country,Type of target,Base year,' +
    'Base year emissions (metric tonnes CO2e),Percentage reduction target,Target year',
  '990001,City of Testville,Testville,Japan,Base year emissions (absolute) target,2013,4000,50,2030',
].join('\n');

describe('layoutText', () => {
  it('says how a run read its file in words, never by a layout id', () => {
    expect(layoutText('cdp-targets-2021-openclimate')).toBe(
      'read as CDP 2021 Cities Emissions Reduction Targets, as cleaned by OpenClimate',
    );
    expect(layoutText('nzt')).toMatch(/^read as Net Zero Tracker export/);
    expect(layoutText('saved:town sheet')).toBe('read with the saved layout "town sheet"');
    expect(layoutText(null)).toBe('layout not recognised');
    expect(layoutText('cdp-targets-1999')).not.toContain('cdp-targets-1999');
  });
});

describe('accord import and export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-climate-cli-'));
  const config = { ...configFromEnv({}), dataDir: dir, databaseUrl: undefined };
  const emissionsFile = path.join(dir, 'emissions.csv');
  const targetsFile = path.join(dir, 'targets.csv');
  fs.writeFileSync(emissionsFile, EMISSIONS_CSV);
  fs.writeFileSync(targetsFile, TARGETS_CSV);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('previews an import and writes the row report next to the data', async () => {
    const c = capture();
    expect(
      await runImportCommand(['cdp-emissions', emissionsFile, '--dry-run'], c.io, config),
    ).toBe(0);
    const text = c.out.join('\n');
    expect(text).toContain('read as CDP 2020 and 2021 City-wide Emissions,');
    expect(text).not.toContain('cdp-emissions-2021');
    expect(text).toContain('dry run');
    expect(text).toMatch(/1 of 2 rows|2 of 2 rows/);
    expect(text).toContain('Done: 2 of 2 rows; 1 created, 0 updated, 0 unchanged, 1 skipped');
    // The preview says, before anything is written, which governments the import would add.
    expect(text).toMatch(
      /^\d+ governments? not in Accord yet \(\d+ rows?\) would be added as prospects; import with --no-create/m,
    );
    const reportFile = path.join(dir, 'import-1.csv');
    expect(text).toContain(`Row report: ${reportFile}`);
    const report = fs.readFileSync(reportFile, 'utf8');
    expect(report.startsWith('\uFEFFrow,action,government,entity,reason')).toBe(true);
    expect(report).toContain('accounting year unknown');
    // It names governments and their figures: private like the database beside it.
    expect((fs.statSync(reportFile).mode & 0o777).toString(8)).toBe('600');
  });

  it('imports, and a second import changes nothing', async () => {
    let c = capture();
    expect(await runImportCommand(['import', 'cdp-emissions', emissionsFile], c.io, config)).toBe(
      0,
    );
    expect(c.out.join('\n')).toContain('1 created');
    c = capture();
    expect(await runImportCommand(['cdp-emissions', emissionsFile], c.io, config)).toBe(0);
    expect(c.out.join('\n')).toContain('0 created, 0 updated, 1 unchanged, 1 skipped');
    c = capture();
    expect(await runImportCommand(['cdp-targets', targetsFile, '--no-create'], c.io, config)).toBe(
      0,
    );
    expect(c.out.join('\n')).toContain('read as CDP 2021 Cities Emissions Reduction Targets');
    expect(c.out.join('\n')).toContain('1 created');
  });

  it('reads a file with a saved layout (--layout), and lists the saved ones', async () => {
    const ownFile = path.join(dir, 'own.csv');
    fs.writeFileSync(
      ownFile,
      ['Town,Nation,Year,Scope 1 (t),Trees', 'Layoutville,Japan,2019,700,40'].join('\n'),
    );
    const refused = capture();
    expect(
      await runImportCommand(['cdp-emissions', ownFile, '--dry-run'], refused.io, config),
    ).toBe(1);
    expect(refused.err.join('\n')).toContain('--layout NAME');

    const db = openDatabase({ dataDir: dir });
    try {
      await saveLayout(
        db,
        { userId: null, label: 'test' },
        {
          name: 'town-sheet',
          kind: 'cdp-emissions',
          columns: [
            { header: 'Town', field: 'city' },
            { header: 'Nation', field: 'country' },
            { header: 'Year', field: 'accountingYear' },
            { header: 'Scope 1 (t)', field: 'scope1Total' },
            { header: 'Trees', field: null },
          ],
        },
      );
    } finally {
      await db.close();
    }
    const c = capture();
    expect(
      await runImportCommand(
        ['cdp-emissions', ownFile, '--dry-run', '--layout', 'town-sheet'],
        c.io,
        config,
      ),
    ).toBe(0);
    expect(c.out.join('\n')).toContain('read with the saved layout "town-sheet"');
    expect(c.out.join('\n')).not.toContain('saved:');
    expect(c.out.join('\n')).toContain('1 created');

    const listed = capture();
    expect(await runImportCommand(['layouts'], listed.io, config)).toBe(0);
    expect(listed.out.join('\n')).toContain('town-sheet\tcdp-emissions\t4 of 5 columns read');
  });

  it('explains wrong usage and unreadable files', async () => {
    let c = capture();
    expect(await runImportCommand(['cdp-everything', emissionsFile], c.io, config)).toBe(2);
    expect(c.err.join('\n')).toContain('accord import cdp-targets');
    c = capture();
    expect(await runImportCommand(['nzt', path.join(dir, 'missing.xlsx')], c.io, config)).toBe(2);
    c = capture();
    expect(await runImportCommand(['nzt', emissionsFile], c.io, config)).toBe(1);
    expect(c.err.join('\n')).toMatch(/^error: The headers do not match any nzt layout/);
  });

  it('reads a CSV file in the encoding named, and refuses an encoding it does not know', async () => {
    const latin = path.join(dir, 'latin.csv');
    fs.writeFileSync(
      latin,
      iconv.encode(
        EMISSIONS_CSV.replace('Testville', 'Genève').replace(/99000/g, '99100'),
        'cp1252',
      ),
    );
    let c = capture();
    expect(await runImportCommand(['cdp-emissions', latin, '--dry-run'], c.io, config)).toBe(0);
    expect(c.out.join('\n')).toContain('encoding windows-1252 (detected)');
    c = capture();
    expect(
      await runImportCommand(
        ['cdp-emissions', latin, '--dry-run', '--encoding', 'UTF8'],
        c.io,
        config,
      ),
    ).toBe(1);
    expect(c.out.join('\n')).toContain('encoding utf-8 (chosen)');
    expect(c.err.join('\n')).toMatch(/error: The file is not valid UTF-8 on line 2/);
    c = capture();
    expect(
      await runImportCommand(['cdp-emissions', latin, '--encoding', 'ebcdic'], c.io, config),
    ).toBe(2);
    expect(c.err.join('\n')).toMatch(/^unknown encoding: ebcdic/);
  });

  it('exports targets to a file and to standard output', async () => {
    let c = capture();
    const file = path.join(dir, 'targets-export.csv');
    expect(
      await runExportCommand(['targets', '--format', 'csv', '--out', file], c.io, config),
    ).toBe(0);
    expect(c.out).toEqual([`Wrote ${file}`]);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFlast_updated,id_code,name,country,actor_type,end_target,')).toBe(
      true,
    );
    expect(csv).toMatch(/,accord:testville,Testville,JPN,City,Emissions reduction target,/);

    c = capture();
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(
      await runExportCommand(['export', 'targets', '--region', 'east-asia'], c.io, config, stdout),
    ).toBe(0);
    expect(c.out).toEqual([]);
    expect(Buffer.concat(chunks).toString('utf8')).toContain('Testville');
    expect(stdout.writableEnded).toBe(false);
  });

  it('writes a formula-like name as text in the row report and the export', async () => {
    const formula = `=1+1+cmd|' /C calc'!A0`;
    const file = path.join(dir, 'formula-targets.csv');
    fs.writeFileSync(
      file,
      [
        TARGETS_CSV.split('\n')[0],
        `990003,${formula},${formula},Japan,Base year emissions (absolute) target,2013,4000,50,2030`,
      ].join('\n'),
    );
    let c = capture();
    expect(await runImportCommand(['import', 'cdp-targets', file], c.io, config)).toBe(0);
    const reportLine = c.out.find((l) => l.startsWith('Row report: '));
    const report = fs.readFileSync(reportLine!.slice('Row report: '.length), 'utf8');
    expect(report).not.toMatch(/(^|,)=1\+1/m);

    c = capture();
    const out = path.join(dir, 'formula-export.csv');
    expect(await runExportCommand(['targets', '--out', out], c.io, config)).toBe(0);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv).toContain(`'${formula}`);
    expect(csv).not.toMatch(/(^|,)=1\+1/m);
  });

  it('exports an inventory, and says so when there is none', async () => {
    const db = openDatabase({ dataDir: dir });
    try {
      const government = await db.kysely
        .selectFrom('governments')
        .where('slug', '=', 'testville')
        .select('id')
        .executeTakeFirstOrThrow();
      const now = nowIso();
      const inventory = await db.kysely
        .insertInto('inventories')
        .values({
          government_id: government.id,
          year: 2018,
          gwp_set: 'AR6',
          boundary: 'city-wide',
          methodology: 'GPC 1.1',
          status: 'draft',
          notes: null,
          is_illustrative: 0,
          basic_total: 1000,
          basic_plus_total: 1000,
          totals: '{}',
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('inventory_entries')
        .values({
          inventory_id: inventory.id,
          code: 'I.1.1',
          gas: 'CO2',
          amount: 1000,
          notation_key: null,
          notes: null,
        })
        .execute();
    } finally {
      await db.close();
    }
    let c = capture();
    const file = path.join(dir, 'inventory.xlsx');
    expect(
      await runExportCommand(
        ['inventory', 'testville', '2018', '--format', 'xlsx', '--out', file],
        c.io,
        config,
      ),
    ).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    c = capture();
    const missing = path.join(dir, 'none.csv');
    expect(
      await runExportCommand(['inventory', 'testville', '1999', '--out', missing], c.io, config),
    ).toBe(1);
    expect(c.err.join('\n')).toContain('No 1999 inventory or reported emissions of "testville"');
    expect(fs.existsSync(missing)).toBe(false);

    // --lang: the headers and words in Korean (ko-KR reads as ko); the numbers unchanged.
    c = capture();
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(
      await runExportCommand(
        ['export', 'inventory', 'testville', '2018', '--lang', 'ko-KR'],
        c.io,
        config,
        stdout,
      ),
    ).toBe(0);
    const korean = Buffer.concat(chunks).toString('utf8');
    expect(korean.startsWith('\uFEFFGPC 코드,부문,하위 부문,스코프,CO₂(톤),')).toBe(true);
    expect(korean).toMatch(/^I\.1\.1,고정 에너지,주거용 건물,1,1000,/m);

    c = capture();
    expect(
      await runExportCommand(['inventory', 'testville', '2018', '--lang', 'fr'], c.io, config),
    ).toBe(2);
    expect(c.err[0]).toMatch(/^--lang must be one of en, ko, ja, zh-Hans, zh-Hant/);
    // The targets file is the tracker's machine format, in one language only.
    expect(await runExportCommand(['targets', '--lang', 'ko'], c.io, config)).toBe(2);

    c = capture();
    expect(await runExportCommand(['inventory', 'testville'], c.io, config)).toBe(2);
    expect(await runExportCommand(['targets', '--format', 'pdf'], c.io, config)).toBe(2);
  });
  it('applies the decisions taken on a preview with --decisions-from', async () => {
    const file = path.join(dir, 'testville-city.csv');
    fs.writeFileSync(
      file,
      [
        TARGETS_CSV.split('\n')[0],
        ',Testville City Government,Testville City,Japan,Base year emissions (absolute) target,2013,4000,40,2035',
      ].join('\n'),
    );
    let c = capture();
    expect(await runImportCommand(['cdp-targets', file, '--dry-run'], c.io, config)).toBe(0);
    const preview = Number(/^Import (\d+)/.exec(c.out[0] ?? '')?.[1]);
    expect(c.out.join('\n')).toContain(
      `1 government matched without certainty: see the run's matches in the web's import page (run ${preview})`,
    );
    const db = openDatabase({ dataDir: dir });
    try {
      const match = (await db.importMatches.pageRunMatches(preview, 1, 10)).rows[0];
      expect(match).toMatchObject({ applied: 'testville', status: 'likely' });
      await db.importMatches.decideRunMatch(match!.id, {
        decision: 'skip',
        decision_slug: null,
        decided_at: nowIso(),
        decided_by: 'test',
      });
    } finally {
      await db.close();
    }
    c = capture();
    expect(
      await runImportCommand(
        ['cdp-targets', file, '--decisions-from', String(preview)],
        c.io,
        config,
      ),
    ).toBe(0);
    expect(c.out.join('\n')).toContain('0 created, 0 updated, 0 unchanged, 1 skipped');
    c = capture();
    expect(
      await runImportCommand(['cdp-targets', file, '--decisions-from', 'last'], c.io, config),
    ).toBe(2);
    expect(c.err.join('\n')).toContain('--decisions-from takes the number of a preview run');
  });
});
