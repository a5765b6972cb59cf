import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../../test/setup/app';
import type { ImportRun, ImportRunRow } from '../schemas';
import type { ImportMatch } from './match-schemas';

/**
 * Matches an import was not sure of are listed in its preview; a person confirms, rejects or
 * asks for a prospect, and the real import of the file applies those decisions.
 */

const FILE = fs.readFileSync(
  fileURLToPath(new URL('./fixtures/nzt-duplicates.csv', import.meta.url)),
);

describe.each(dialectCases())('uncertain matches on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: { cookie: string; 'x-csrf-token': string };
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  async function upload(query: string) {
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/nzt?fileName=nzt-duplicates.csv&${query}`,
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: FILE,
    });
  }

  async function finished(id: number): Promise<ImportRun> {
    for (let i = 0; i < 200; i++) {
      const res = await t.app.inject({ url: `/api/v1/imports/${id}`, headers: admin });
      const run = res.json() as ImportRun;
      if (run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`import ${id} did not finish`);
  }

  const matchesOf = async (id: number) => {
    const res = await t.app.inject({ url: `/api/v1/imports/${id}/matches`, headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: ImportMatch[] }).items;
  };

  const decide = (runId: number, matchId: number, payload: object) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/imports/${runId}/matches/${matchId}`,
      headers: admin,
      payload,
    });

  it_('lists them in the preview, and the import applies what a person decided', async () => {
    const started = await upload('dryRun=true');
    expect(started.statusCode, started.body).toBe(202);
    const preview = await finished((started.json() as { run: ImportRun }).run.id);
    expect(preview).toMatchObject({ status: 'done', created: 5, skipped: 0 });

    const matches = await matchesOf(preview.id);
    expect(
      matches.map((m) => [
        m.row,
        m.names,
        m.status,
        m.applied?.slug,
        m.candidates.map((c) => c.slug),
      ]),
    ).toEqual([
      [2, ['Taipei City'], 'likely', 'taipei', ['taipei']],
      [3, ['Denver, CO'], 'likely', 'denver', ['denver']],
      [4, ['Ciudad de México (Mexico City)'], 'likely', 'mexico-city', ['mexico-city']],
      [5, ['Guangzhou, Guangdong'], 'likely', 'guangzhou', ['guangzhou']],
    ]);
    expect(matches[0]).toMatchObject({
      country: 'TW',
      applied: { slug: 'taipei', name: 'Taipei', exists: true },
      decision: null,
      government: null,
    });
    const [taipei, denver, , guangzhou] = matches as [
      ImportMatch,
      ImportMatch,
      ImportMatch,
      ImportMatch,
    ];

    const accepted = await decide(preview.id, taipei.id, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ decision: 'accept', government: 'taipei' });
    expect(accepted.json().decidedBy).toBeTruthy();
    expect((await decide(preview.id, denver.id, { decision: 'skip' })).statusCode).toBe(200);
    expect((await decide(preview.id, guangzhou.id, { decision: 'create' })).statusCode).toBe(200);
    // Wrong answers name the field.
    const unknown = await decide(preview.id, denver.id, {
      decision: 'accept',
      government: 'no-such-city',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toMatchObject([
      { pointer: '/government', detail: 'no government "no-such-city"' },
    ]);
    expect(
      (await decide(preview.id, denver.id, { decision: 'skip', government: 'denver' })).statusCode,
    ).toBe(422);
    expect((await decide(preview.id, 99999, { decision: 'skip' })).statusCode).toBe(404);

    const wrong = await upload('decisionsFrom=99999');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toMatchObject([
      { pointer: '/querystring/decisionsFrom', detail: 'no import run 99999' },
    ]);

    // A second preview applying the decisions names the prospect it would create by its name.
    const decided = await upload(`dryRun=true&decisionsFrom=${preview.id}`);
    const previewed = await finished((decided.json() as { run: ImportRun }).run.id);
    expect((await matchesOf(previewed.id)).find((m) => m.row === 5)?.applied).toEqual({
      slug: 'guangzhou-guangdong',
      name: 'Guangzhou, Guangdong',
      exists: false,
    });

    const real = await upload(`decisionsFrom=${preview.id}`);
    expect(real.statusCode, real.body).toBe(202);
    const run = await finished((real.json() as { run: ImportRun }).run.id);
    expect(run).toMatchObject({ status: 'done', dryRun: false, skipped: 1 });
    const rows = await t.app.inject({ url: `/api/v1/imports/${run.id}/rows`, headers: admin });
    const items = (rows.json() as { items: ImportRunRow[] }).items;
    // Governments by their names, never their slugs; a preview's run by no number.
    expect(items.map((r) => [r.row, r.government, r.reasons])).toEqual([
      [
        2,
        'taipei',
        [
          { code: 'matched-as-confirmed', params: { run: preview.id } },
          { code: 'nzt-id-recorded', params: { id: 'CIT-DUP-01' } },
        ],
      ],
      [3, null, [{ code: 'rejected-in-preview', params: { run: preview.id } }]],
      [
        4,
        'mexico-city',
        [
          { code: 'matched-by-likely-name', params: { government: 'Mexico City' } },
          { code: 'nzt-id-recorded', params: { id: 'CIT-DUP-03' } },
        ],
      ],
      [
        5,
        'guangzhou-guangdong',
        [
          {
            code: 'new-prospect-as-chosen',
            params: { name: 'Guangzhou, Guangdong', run: preview.id },
          },
        ],
      ],
      [
        6,
        'villeneuve-sur-fixture',
        [{ code: 'new-prospect', params: { name: 'Villeneuve-sur-Fixture' } }],
      ],
    ]);
    expect(items.map((r) => r.reason)).toEqual([
      'matched as confirmed in the preview; Net Zero Tracker id CIT-DUP-01 recorded',
      'not imported: rejected in the preview',
      'matched by a likely name (Mexico City); Net Zero Tracker id CIT-DUP-03 recorded',
      'new prospect government "Guangzhou, Guangdong" (as chosen in the preview)',
      'new prospect government "Villeneuve-sur-Fixture"',
    ]);
    const applied = await matchesOf(run.id);
    expect(applied.map((m) => [m.row, m.decision, m.applied?.slug ?? null])).toEqual([
      [2, 'accept', 'taipei'],
      [3, 'skip', null],
      [4, null, 'mexico-city'],
      [5, 'create', 'guangzhou-guangdong'],
    ]);
    // A run that has imported takes no decisions.
    expect((await decide(run.id, applied[0]?.id ?? 0, { decision: 'skip' })).statusCode).toBe(409);

    // The next import matches Taipei by the tracker id it recorded: nothing to confirm.
    const again = await upload('dryRun=true');
    const second = await finished((again.json() as { run: ImportRun }).run.id);
    expect((await matchesOf(second.id)).map((m) => m.row)).toEqual([3]);
  });
});
