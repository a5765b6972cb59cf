import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import type { DuplicateDismissal, DuplicateReport } from './merge-schemas';

/**
 * "Not the same" and targets stated twice, through the API on both databases: a pair of
 * governments or of targets marked as two leaves the duplicates report (and is counted) in
 * whichever order its ids come, outlives a merge of one of them and its undo, and can be
 * withdrawn; two targets of one government that state the same thing are listed, and keeping
 * one removes the other through the target's delete, its interim target and action moved to
 * the one kept. Administrators only.
 */

type Headers = { cookie: string; 'x-csrf-token': string };

describe.each(dialectCases())(
  'duplicates marked as two, and targets stated twice, on $label',
  ({ dialect, skip }) => {
    let t: TestApp;
    let admin: Headers;
    beforeAll(async () => {
      if (skip) return;
      t = await makeTestApp(dialect);
      admin = await t.signInAdmin();
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });
    const it_ = skip ? it.skip : it;

    const call = (
      method: 'GET' | 'POST' | 'DELETE',
      url: string,
      payload?: object,
      headers = admin,
    ) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    const report = async () => {
      const res = await call('GET', '/government-duplicates');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as DuplicateReport;
    };
    const hasPair = (r: DuplicateReport, x: string, y: string) =>
      r.items.some((p) => [p.a.slug, p.b.slug].sort().join() === [x, y].sort().join());
    const hasTargetPair = (r: DuplicateReport, x: number, y: number) =>
      r.targetPairs.some((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join());
    const auditOf = (entityType: string) =>
      t.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'entity_id', 'summary'])
        .where('entity_type', '=', entityType)
        .orderBy('id')
        .execute();

    it_(
      'leaves a pair marked as two governments out, in either order, through a merge and its undo',
      async () => {
        const created = await call('POST', '/governments', {
          slug: 'taipei-again',
          names: { en: 'Taipei City' },
          kind: 'city',
          region: 'east-asia',
          localLang: 'en',
          country: 'TW',
          latitude: 25.0375,
          longitude: 121.5637,
        });
        expect(created.statusCode, created.body).toBe(201);
        const before = await report();
        expect(hasPair(before, 'taipei', 'taipei-again')).toBe(true);

        const marked = await call('POST', '/duplicate-dismissals/governments', {
          a: 'taipei-again',
          b: 'taipei',
        });
        expect(marked.statusCode, marked.body).toBe(201);
        const mark = marked.json() as DuplicateDismissal;
        // Stored in one order (the older government first), named as they are now.
        expect(mark).toMatchObject({
          kind: 'government',
          a: { name: 'Taipei', slug: 'taipei', exists: true },
          b: { name: 'Taipei City', slug: 'taipei-again', exists: true },
        });
        // With the names the web chooses from in the reader's language.
        expect(mark.a.government?.names).toMatchObject({ en: 'Taipei', 'zh-Hant': '臺北市' });
        expect(mark.b.government).toEqual({ names: { en: 'Taipei City' }, localLang: 'en' });
        // The same pair the other way round is the same mark.
        const again = await call('POST', '/duplicate-dismissals/governments', {
          a: 'taipei',
          b: 'taipei-again',
        });
        expect(again.statusCode).toBe(200);
        expect((again.json() as DuplicateDismissal).id).toBe(mark.id);

        const after = await report();
        expect(hasPair(after, 'taipei', 'taipei-again')).toBe(false);
        expect(after.dismissed.governments).toBe(before.dismissed.governments + 1);
        expect(after.items).toHaveLength(before.items.length - 1);

        // A merge of the two anyway, and its undo, leave the mark as it was.
        const merge = await call('POST', '/government-merges', {
          keep: 'taipei',
          merge: 'taipei-again',
        });
        expect(merge.statusCode, merge.body).toBe(201);
        const during = (await call('GET', '/duplicate-dismissals?kind=government')).json();
        expect(during.items[0]).toMatchObject({
          id: mark.id,
          b: { name: 'Taipei City', exists: false, slug: null, government: null },
        });
        const undo = await call('POST', `/government-merges/${merge.json().id}/undo`);
        expect(undo.statusCode, undo.body).toBe(200);
        expect(hasPair(await report(), 'taipei', 'taipei-again')).toBe(false);

        // Withdrawn, the pair is listed again; a second withdrawal finds nothing.
        expect((await call('DELETE', `/duplicate-dismissals/${mark.id}`)).statusCode).toBe(204);
        expect(hasPair(await report(), 'taipei', 'taipei-again')).toBe(true);
        expect((await call('DELETE', `/duplicate-dismissals/${mark.id}`)).statusCode).toBe(404);
        const audit = (await auditOf('government')).filter((a) => /not one/.test(a.summary));
        expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);

        const bad = await call('POST', '/duplicate-dismissals/governments', {
          a: 'taipei',
          b: 'nowhere',
        });
        expect(bad.statusCode).toBe(422);
        expect(bad.json().errors).toEqual([
          {
            pointer: '/b',
            detail: 'no government "nowhere"',
            code: 'unknown-reference',
            params: { record: 'government' },
          },
        ]);
        const self = await call('POST', '/duplicate-dismissals/governments', {
          a: 'taipei',
          b: 'taipei',
        });
        expect(self.statusCode).toBe(422);
      },
    );

    it_('lists targets stated twice, marks them as two, and keeps one of them', async () => {
      const post = async (url: string, payload: object) => {
        const res = await call('POST', url, payload);
        expect(res.statusCode, res.body).toBe(201);
        return (res.json() as { id: number }).id;
      };
      const target = (over: object) => ({
        type: 'base-year',
        title: '40 % below 2005 by 2030',
        status: 'policy',
        baseYear: 2005,
        targetYear: 2030,
        ...over,
      });
      // Entered by hand as a percent, and again as an amount with its base (14 Mt less 40 %).
      const kept = await post('/governments/kyoto/targets', target({ reductionPercent: 40 }));
      const removed = await post(
        '/governments/kyoto/targets',
        target({ baseEmissions: 14_000_000, targetEmissions: 8_400_000 }),
      );
      const other = await post('/governments/kyoto/targets', target({ reductionPercent: 50 }));
      const interim = await post(
        '/governments/kyoto/targets',
        target({
          title: '20 % by 2025',
          targetYear: 2025,
          reductionPercent: 20,
          parentTargetId: removed,
        }),
      );
      const action = await post('/governments/kyoto/actions', {
        title: 'LED street lights',
        status: 'planned',
        targetIds: [removed, other],
      });

      const before = await report();
      const pair = before.targetPairs.find((p) => [p.a.id, p.b.id].includes(removed));
      expect(pair).toMatchObject({
        government: { slug: 'kyoto', name: 'Kyoto' },
        a: { id: kept, origin: 'entered', interims: 0, actions: 0 },
        b: { id: removed, interims: 1, actions: 1 },
        // The one with an interim target and an action is the one to keep.
        suggestedKeep: removed,
      });
      expect(hasTargetPair(before, kept, other)).toBe(false);

      // Marked as two targets (in either order) the pair leaves the report, and is counted.
      const marked = await call('POST', '/duplicate-dismissals/targets', { a: removed, b: kept });
      expect(marked.statusCode, marked.body).toBe(201);
      const mark = marked.json() as DuplicateDismissal;
      expect(mark).toMatchObject({
        kind: 'target',
        a: {
          name: '40 % below 2005 by 2030',
          slug: 'kyoto',
          governmentName: 'Kyoto',
          exists: true,
          titles: {},
        },
      });
      expect(mark.a.government?.names).toMatchObject({ en: 'Kyoto', ja: '京都市' });
      const hidden = await report();
      expect(hasTargetPair(hidden, kept, removed)).toBe(false);
      expect(hidden.dismissed.targets).toBe(before.dismissed.targets + 1);
      const listed = (await call('GET', '/duplicate-dismissals?kind=target')).json();
      expect(listed).toMatchObject({ total: 1, items: [{ id: mark.id }] });
      expect((await call('DELETE', `/duplicate-dismissals/${mark.id}`)).statusCode).toBe(204);
      expect(hasTargetPair(await report(), kept, removed)).toBe(true);
      const seoulTarget = await post(
        '/governments/seoul/targets',
        target({ reductionPercent: 40 }),
      );
      const across = await call('POST', '/duplicate-dismissals/targets', {
        a: kept,
        b: seoulTarget,
      });
      expect(across.statusCode).toBe(422);

      // Only a pair that states the same thing is resolved, within one government.
      expect(
        (await call('POST', '/target-duplicates/resolutions', { keep: kept, remove: other }))
          .statusCode,
      ).toBe(409);
      const elsewhere = await call('POST', '/target-duplicates/resolutions', {
        keep: kept,
        remove: seoulTarget,
      });
      expect(elsewhere.statusCode).toBe(422);
      expect(elsewhere.json().errors[0].pointer).toBe('/remove');

      const resolved = await call('POST', '/target-duplicates/resolutions', {
        keep: kept,
        remove: removed,
      });
      expect(resolved.statusCode, resolved.body).toBe(200);
      expect(resolved.json()).toEqual({ kept, removed, interims: 1, actions: 1 });
      expect((await call('GET', `/targets/${removed}`)).statusCode).toBe(404);
      expect((await call('GET', `/targets/${interim}`)).json()).toMatchObject({
        parentTargetId: kept,
      });
      expect((await call('GET', `/targets/${kept}`)).json()).toMatchObject({
        interimTargetIds: [interim],
      });
      const actions = (await call('GET', '/governments/kyoto/actions')).json().items as {
        id: number;
        targetIds: number[];
      }[];
      expect(actions.find((a) => a.id === action)?.targetIds.sort((x, y) => x - y)).toEqual(
        [kept, other].sort((x, y) => x - y),
      );
      // The removed target's history ends with its deletion; the interim and the action each
      // have a version of the change; the resolution is in the audit log.
      const versions = await t.db.kysely
        .selectFrom('record_versions')
        .select(['entity_type', 'entity_id', 'version', 'change'])
        .where((eb) =>
          eb.or([
            eb.and([eb('entity_type', '=', 'target'), eb('entity_id', 'in', [removed, interim])]),
            eb.and([eb('entity_type', '=', 'action'), eb('entity_id', '=', action)]),
          ]),
        )
        .orderBy('id')
        .execute();
      expect(versions.map((v) => [v.entity_type, v.entity_id, v.version, v.change])).toEqual([
        ['target', removed, 1, 'create'],
        ['target', interim, 1, 'create'],
        ['action', action, 1, 'create'],
        ['target', interim, 2, 'update'],
        ['action', action, 2, 'update'],
        ['target', removed, 2, 'delete'],
      ]);
      const audit = await auditOf('target');
      expect(audit.at(-1)).toMatchObject({ action: 'update', entity_id: String(kept) });
      expect(audit.at(-1)?.summary).toMatch(
        /kept .* removed, both stating the same; 1 interim targets and 1 actions/,
      );
      expect(hasTargetPair(await report(), kept, removed)).toBe(false);
      // A second resolution finds the removed one gone.
      const twice = await call('POST', '/target-duplicates/resolutions', {
        keep: kept,
        remove: removed,
      });
      expect(twice.statusCode).toBe(422);
    });

    it_('is for administrators only', async () => {
      const officer = await t.signInOfficer('kyoto');
      const requests: [method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object][] = [
        ['GET', '/duplicate-dismissals'],
        ['POST', '/duplicate-dismissals/governments', { a: 'seoul', b: 'suwon' }],
        ['POST', '/duplicate-dismissals/targets', { a: 1, b: 2 }],
        ['DELETE', '/duplicate-dismissals/1'],
        ['POST', '/target-duplicates/resolutions', { keep: 1, remove: 2 }],
      ];
      for (const [method, url, payload] of requests) {
        expect((await call(method, url, payload, officer)).statusCode, url).toBe(403);
        expect(
          (await call(method, url, payload, {} as Headers)).statusCode,
          `${url} without a session`,
        ).toBe(401);
      }
      expect(await t.db.kysely.selectFrom('duplicate_dismissals').selectAll().execute()).toEqual(
        [],
      );
    });
  },
);
