import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../../test/setup/app';
import type { ImportColumns, ImportLayout, ImportRun } from '../schemas';

/**
 * The mapping step through the API: a file whose headers fit no layout is refused with
 * code layout-not-recognised; its columns are shown with what Accord would read from each;
 * the mapping a person makes is saved under a name and reads the file, asked for by name or
 * recognised like a built-in layout.
 */

/** A city's own spreadsheet: CDP's meaning, its own words, one column Accord has no field for. */
const OWN_FILE = [
  'CDP no.,City,Nation,Inventory period,Scope 1 (t),Scope 2 (t),Scope 3 (t),Trees planted',
  '992901,Fixture Grove,Argentina,2019,1200,800,300,4100',
  '992902,Fixture Glen,Argentina,2020,Not Applicable,900,,3900',
].join('\n');

const MAPPING = [
  { header: 'CDP no.', field: 'account' },
  { header: 'City', field: 'city' },
  { header: 'Nation', field: 'country' },
  { header: 'Inventory period', field: 'accountingYear' },
  { header: 'Scope 1 (t)', field: 'scope1Total' },
  { header: 'Scope 2 (t)', field: 'scope2Total' },
  { header: 'Scope 3 (t)', field: 'scope3Total' },
  { header: 'Trees planted', field: null },
];

describe.each(dialectCases())('import layouts API on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: { cookie: string; 'x-csrf-token': string };
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  async function waitForRun(id: number): Promise<ImportRun> {
    for (let i = 0; i < 100; i++) {
      const res = await t.app.inject({ url: `/api/v1/imports/${id}`, headers: admin });
      const run = res.json() as ImportRun;
      if (run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  }

  const upload = (query: string, payload = OWN_FILE) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/cdp-emissions?${query}`,
      headers: { ...admin, 'content-type': 'text/csv' },
      payload,
    });

  it_('refuses a file no layout fits with code layout-not-recognised', async () => {
    const res = await upload('dryRun=true');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'layout-not-recognised' });
  });

  it_("shows the file's columns, what each would hold and whether it has numbers", async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/cdp-emissions/columns',
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: OWN_FILE,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as ImportColumns;
    expect(body).toMatchObject({ kind: 'cdp-emissions', headerRow: 1, layout: null });
    expect(body.columns.map((c) => [c.header, c.field, c.numeric])).toEqual([
      ['CDP no.', null, true],
      // "City" has meant the city in every CDP layout.
      ['City', 'city', false],
      ['Nation', null, false],
      ['Inventory period', null, true],
      ['Scope 1 (t)', null, true],
      ['Scope 2 (t)', null, true],
      ['Scope 3 (t)', null, true],
      ['Trees planted', null, true],
    ]);
    expect(body.columns[1]?.samples).toEqual(['Fixture Grove', 'Fixture Glen']);
    expect(body.fields).toContain('scope3Total');
    expect(body.needs.all).toEqual(['accountingYear']);
  });

  it_('checks a mapping before saving it', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/imports/layouts/half%20a%20mapping',
      headers: admin,
      payload: { kind: 'cdp-emissions', columns: MAPPING.slice(0, 3) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject([
      { pointer: '/columns', detail: 'no column is mapped to accountingYear' },
      expect.objectContaining({ pointer: '/columns' }),
    ]);
    const twice = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/imports/layouts/twice',
      headers: admin,
      payload: {
        kind: 'cdp-emissions',
        columns: [...MAPPING.slice(0, 7), { header: 'Trees planted', field: 'scope1Total' }],
      },
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors).toMatchObject([
      { pointer: '/columns/7/field', detail: '"scope1Total" is already read from column 5' },
    ]);
  });

  it_('saves the mapping, reads the file with it by name and then recognises it', async () => {
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/imports/layouts/Fixture%20own%20file',
      headers: admin,
      payload: { kind: 'cdp-emissions', columns: MAPPING },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      name: 'Fixture own file',
      kind: 'cdp-emissions',
      version: 1,
    } satisfies Partial<ImportLayout>);

    const named = await upload('dryRun=true&layout=Fixture%20own%20file');
    expect(named.statusCode).toBe(202);
    const run = await waitForRun((named.json() as { run: ImportRun }).run.id);
    expect(run).toMatchObject({
      status: 'done',
      layout: 'saved:Fixture own file',
      totalRows: 2,
      created: 2,
      skipped: 0,
      // "Trees planted" has numbers, but the mapping ignores it on purpose.
      warnings: [],
    });

    // Without asking: a file with every column of the saved layout is recognised as it.
    const real = await upload('fileName=own.csv');
    expect(real.statusCode).toBe(202);
    expect((real.json() as { run: ImportRun }).run.layout).toBe('saved:Fixture own file');
    await waitForRun((real.json() as { run: ImportRun }).run.id);
    const reports = await t.db.kysely
      .selectFrom('emission_reports')
      .where('import_key', 'in', ['cdp|-|992901', 'cdp|-|992902'])
      .select(['import_key', 'year', 'scope1', 'scope2', 'scope3', 'total'])
      .orderBy('import_key')
      .execute();
    expect(reports).toEqual([
      {
        import_key: 'cdp|-|992901',
        year: 2019,
        scope1: 1200,
        scope2: 800,
        scope3: 300,
        total: 2000,
      },
      {
        import_key: 'cdp|-|992902',
        year: 2020,
        scope1: null,
        scope2: 900,
        scope3: null,
        total: null,
      },
    ]);

    const list = await t.app.inject({
      url: '/api/v1/imports/layouts?kind=cdp-emissions',
      headers: admin,
    });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: ImportLayout[] }).items.map((l) => l.name)).toEqual([
      'Fixture own file',
    ]);
  });

  it_('names a layout that is not saved, or is for another kind', async () => {
    const missing = await upload('dryRun=true&layout=nothing%20here');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toMatchObject([
      { pointer: '/layout', detail: 'no layout is saved as "nothing here"' },
    ]);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/cdp-targets?dryRun=true&layout=Fixture%20own%20file',
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: OWN_FILE,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0]).toMatchObject({ pointer: '/layout' });
  });

  it_('deletes a saved layout, audited', async () => {
    const gone = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/imports/layouts/Fixture%20own%20file',
      headers: admin,
    });
    expect(gone.statusCode).toBe(204);
    const again = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/imports/layouts/Fixture%20own%20file',
      headers: admin,
    });
    expect(again.statusCode).toBe(404);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .where('entity_type', '=', 'import-layout')
      .select('action')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it_('is for administrators only', async () => {
    const officer = await t.signInOfficer('kyoto');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/imports/layouts/mine',
      headers: officer,
      payload: { kind: 'cdp-emissions', columns: MAPPING },
    });
    expect(res.statusCode).toBe(403);
    const anonymous = await t.app.inject({ url: '/api/v1/imports/layouts' });
    expect(anonymous.statusCode).toBe(401);
  });
});
