import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

type Headers = { cookie: string; 'x-csrf-token': string };

describe.each(dialectCases())('climate API on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: Headers;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  const kyotoTarget = {
    type: 'base-year',
    title: '40 % below 2013 by 2030',
    status: 'policy',
    baseYear: 2013,
    baseEmissions: 7_840_000,
    targetYear: 2030,
    reductionPercent: 40,
    coverage: {
      gases: ['CO2', 'CH4'],
      scopes: [1, 2],
      sectors: ['I', 'II', 'III'],
      boundary: 'city-wide',
    },
  };

  it_(
    "assesses Kyoto's 2030 target from the FY2018 CDP totals as PRODUCT.md works it out",
    async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/governments/kyoto/targets',
        headers: admin,
        payload: kyotoTarget,
      });
      expect(created.statusCode).toBe(201);
      const report = await t.app.inject({
        method: 'POST',
        url: '/api/v1/governments/kyoto/emission-reports',
        headers: admin,
        payload: {
          year: 2018,
          source: 'cdp',
          sourceLabel: 'CDP 2021',
          scope1: 3_636_204,
          scope2: 2_904_444,
          preferred: true,
        },
      });
      expect(report.statusCode).toBe(201);
      const id = created.json().id;
      const a2021 = (
        await t.app.inject({ url: `/api/v1/targets/${id}/assessment?asOf=2021` })
      ).json();
      expect(a2021.status).toBe('on-track');
      expect(a2021.computed).toBe(true);
      expect(a2021.actual).toBe(6_540_648);
      expect(a2021.actualYear).toBe(2018);
      expect(a2021.expected).toBeCloseTo(7_840_000 - (5 / 17) * 3_136_000, 3);
      expect(a2021.progress).toBeCloseTo((7_840_000 - 6_540_648) / 3_136_000, 9);
      expect(Math.round(a2021.progress * 1000) / 10).toBe(41.4);
      const a2026 = (
        await t.app.inject({ url: `/api/v1/targets/${id}/assessment?asOf=2026` })
      ).json();
      expect(a2026.status).toBe('stale');
      expect(a2026.onPathway).toBe(true);
    },
  );

  it_('names the missing field when a target lacks what its type needs', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/kyoto/targets',
      headers: admin,
      payload: { ...kyotoTarget, baseYear: undefined },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].pointer).toBe('/baseYear');
    const years = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/kyoto/targets',
      headers: admin,
      payload: { ...kyotoTarget, targetYear: 2010 },
    });
    expect(years.json().errors[0].pointer).toBe('/targetYear');
  });

  it_("lets an officer keep their own government's targets, not another's", async () => {
    const officer = await t.signInOfficer('seoul');
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/seoul/targets',
      headers: officer,
      payload: {
        type: 'fixed-level',
        title: 'Carbon neutral by 2050',
        status: 'policy',
        targetYear: 2050,
        targetEmissions: 0,
        netZeroLabel: 'carbon-neutral',
      },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().assessment).toMatchObject({
      status: 'not-assessable',
      reason: 'no-base-emissions',
    });
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/kyoto/targets',
      headers: officer,
      payload: kyotoTarget,
    });
    expect(other.statusCode).toBe(403);
  });

  it_('keeps every version of a target and restores an earlier one as a new version', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/governments/suwon/targets',
        headers: admin,
        payload: { ...kyotoTarget, title: 'v1' },
      })
    ).json();
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/targets/${created.id}`,
      headers: admin,
      payload: { title: 'v2', reductionPercent: 50 },
    });
    expect(changed.json()).toMatchObject({ title: 'v2', reductionPercent: 50, version: 2 });
    const history = (await t.app.inject({ url: `/api/v1/history/target/${created.id}` })).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.versions[1].snapshot.title).toBe('v1');
    const restored = await t.app.inject({
      method: 'POST',
      url: `/api/v1/history/target/${created.id}/restore`,
      headers: admin,
      payload: { version: 1 },
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ title: 'v1', reductionPercent: 40, version: 3 });
    const after = (await t.app.inject({ url: `/api/v1/history/target/${created.id}` })).json();
    expect(after.versions[0].change).toBe('restore');
  });

  it_('totals an inventory under its GWP set and recomputes when the set changes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/changchun/inventories',
      headers: admin,
      payload: {
        year: 2020,
        gwpSet: 'AR5',
        entries: [
          { code: 'I.1.1', gas: 'CO2', amount: 1000, notationKey: null },
          { code: 'I.1.1', gas: 'CH4', amount: 10, notationKey: null },
          { code: 'I.2.2', gas: 'CO2e', amount: 500, notationKey: null },
          { code: 'III.1.1', gas: 'CO2e', amount: null, notationKey: 'NE' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    // AR5: 1000 + 10 × 28 + 500 = 1780
    expect(res.json().totals.basic).toBeCloseTo(1780, 9);
    const ar6 = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/inventories/${res.json().id}`,
      headers: admin,
      // Final: the emissions series counts reported inventories, not drafts.
      payload: { gwpSet: 'AR6', status: 'final' },
    });
    // AR6: 1000 + 10 × 27.9 + 500 = 1779
    expect(ar6.json().totals.basic).toBeCloseTo(1779, 9);
    expect(ar6.json().entries).toHaveLength(4);
    const series = (await t.app.inject({ url: '/api/v1/governments/changchun/emissions' })).json();
    // The demo's illustrative 2019 inventory stays labelled as such beside the new one.
    expect(series.years).toEqual([
      expect.objectContaining({ year: 2019, source: 'inventory-illustrative' }),
      expect.objectContaining({ year: 2020, source: 'inventory', value: ar6.json().totals.basic }),
    ]);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/changchun/inventories',
      headers: admin,
      payload: { year: 2020, gwpSet: 'AR5' },
    });
    expect(dup.statusCode).toBe(409);
  });

  it_('refuses an inventory line that cannot be totalled, naming the line', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/new-taipei/inventories',
      headers: admin,
      payload: {
        year: 2020,
        gwpSet: 'AR6',
        entries: [
          { code: 'I.1.1', gas: 'CO2', amount: 5, notationKey: null },
          { code: 'I.1.1', gas: 'CO2', amount: 5, notationKey: 'IE' },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/entries/1');
    const inventories = (
      await t.app.inject({ url: '/api/v1/governments/new-taipei/inventories' })
    ).json();
    expect(inventories.items).toHaveLength(0);
  });

  it_('prefers one source per year and says which', async () => {
    const make = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/governments/new-taipei/emission-reports',
        headers: admin,
        payload,
      });
    const a = (
      await make({ year: 2015, source: 'cdp', sourceLabel: 'CDP', total: 100, preferred: true })
    ).json();
    const b = (
      await make({ year: 2015, source: 'national', sourceLabel: 'National statistics', total: 90 })
    ).json();
    let year = (await t.app.inject({ url: '/api/v1/governments/new-taipei/emissions' })).json()
      .years[0];
    expect(year).toMatchObject({ value: 100, source: 'cdp' });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/emission-reports/${b.id}`,
      headers: admin,
      payload: { preferred: true },
    });
    year = (await t.app.inject({ url: '/api/v1/governments/new-taipei/emissions' })).json()
      .years[0];
    expect(year).toMatchObject({ value: 90, source: 'national' });
    expect(year.reports.find((r: { id: number }) => r.id === a.id).preferred).toBe(false);
  });

  it_('links actions to the targets of the same government only', async () => {
    const target = (await t.app.inject({ url: '/api/v1/governments/kyoto/targets' })).json()
      .items[0];
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/kyoto/actions',
      headers: admin,
      payload: {
        title: '1.5 °C lifestyles campaign',
        status: 'in-progress',
        sector: 'I',
        sdgs: [13, 11],
        targetIds: [target.id],
        expectedReduction: 12000,
      },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ sdgs: [11, 13], targetIds: [target.id] });
    const seoulTarget = (await t.app.inject({ url: '/api/v1/governments/seoul/targets' })).json()
      .items[0];
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governments/kyoto/actions',
      headers: admin,
      payload: { title: 'x', status: 'planned', targetIds: [seoulTarget.id] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toBe('/targetIds/0');
  });

  it_('rolls the region up for the dashboard, members and prospects apart', async () => {
    const res = await t.app.inject({ url: '/api/v1/climate/summary?region=east-asia&asOf=2021' });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.members.governments).toBe(5);
    expect(s.members.withTargets).toBeGreaterThanOrEqual(3);
    expect(s.members.withNetZero).toBeGreaterThanOrEqual(1);
    expect(s.prospects.governments).toBeGreaterThan(0);
    const kyoto = s.rows.find((r: { slug: string }) => r.slug === 'kyoto');
    expect(kyoto.headline).toMatchObject({ status: 'on-track', targetYear: 2030 });
    expect(kyoto.latestYear).toBe(2018);
  });
});
