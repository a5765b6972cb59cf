import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import type { Store } from '../store';
import { recordAudit, SYSTEM_ACTOR, SYSTEM_ADMIN, auditPage, type AuditActor } from './service';
import type { AuditEntry } from './schemas';

/**
 * The log names each record in the reader's language (a post's title, a meeting's title and
 * day, a government's name), says when one is gone, and never needs its id to be read; the
 * names of a page are read with one query per kind of record.
 */
describe.each(dialectCases())('the audit log’s record names on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
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

  const log = async (query: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({
      url: `/api/v1/audit?${query}`,
      headers: { ...admin, ...headers },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: AuditEntry[]; total: number };
  };

  it_(
    'names a news post by its title in the reader’s language, and says so once it is deleted',
    async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/news',
        headers: admin,
        payload: {
          slug: 'audit-names',
          translations: {
            en: { title: 'Summit report', summary: '', bodyHtml: '' },
            ko: { title: '정상회의 보고', summary: '', bodyHtml: '' },
          },
        },
      });
      expect(created.statusCode).toBe(201);
      const { id } = created.json() as { id: number };

      const ko = await log(`entityType=news_post&entityId=${id}&lang=ko`);
      expect(ko.items[0]).toMatchObject({
        recordState: 'named',
        record: { name: '정상회의 보고', lang: 'ko', on: null, path: '/admin/news/audit-names' },
      });
      // Without lang, Accept-Language decides; a language the post lacks falls to English.
      const ja = await log(`entityType=news_post&entityId=${id}`, { 'accept-language': 'ja' });
      expect(ja.items[0]?.record).toMatchObject({ name: 'Summit report', lang: 'en' });

      const gone = await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/news/audit-names',
        headers: admin,
      });
      expect(gone.statusCode).toBe(204);
      const after = await log(`entityType=news_post&entityId=${id}&lang=ko`);
      expect(after.items.length).toBeGreaterThanOrEqual(2);
      for (const entry of after.items) {
        expect(entry).toMatchObject({ recordState: 'gone', record: null });
      }
    },
  );

  it_(
    'names a government by its name for the reader, and a meeting by its title and day',
    async () => {
      const seoul = (await t.app.inject({ url: '/api/v1/governments/seoul' })).json() as {
        id: number;
        version: number;
      };
      const changed = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/governments/seoul',
        headers: { ...admin, 'if-match': `"${seoul.version}"` },
        payload: { website: 'https://seoul.example.org' },
      });
      expect(changed.statusCode).toBe(200);
      const ja = await log(`entityType=government&entityId=${seoul.id}&lang=ja`);
      expect(ja.items[0]).toMatchObject({
        recordState: 'named',
        record: { path: '/admin/governments/seoul', on: null },
      });
      expect(ja.items[0]?.record?.name).toMatch(/서울|ソウル/);
      const en = await log(`entityType=government&entityId=${seoul.id}&lang=en`);
      expect(en.items[0]?.record?.name).toMatch(/Seoul/);

      const meeting = await t.db.kysely
        .selectFrom('meetings')
        .select(['id', 'title'])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await t.db.transaction((tx) =>
        recordAudit(tx, SYSTEM_ACTOR, {
          action: 'update',
          entityType: 'meeting',
          entityId: meeting.id,
          summary: 'meeting touched',
        }),
      );
      const entry = (await log(`entityType=meeting&entityId=${meeting.id}&lang=en`)).items[0];
      expect(entry?.recordState).toBe('named');
      expect(entry?.record?.name).toBe((JSON.parse(meeting.title) as { en: string }).en);
      expect(entry?.record?.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry?.record?.path).toBe(`/admin/meetings/${meeting.id}`);
    },
  );

  it_(
    'names a member’s inventory by the member and year, and a target by its title, on the member’s climate page',
    async () => {
      const inventory = await t.db.kysely
        .selectFrom('inventories')
        .innerJoin('governments', 'governments.id', 'inventories.government_id')
        .where('governments.slug', '=', 'changchun')
        .select(['inventories.id', 'inventories.year'])
        .executeTakeFirstOrThrow();
      const target = await t.db.kysely
        .selectFrom('climate_targets')
        .innerJoin('governments', 'governments.id', 'climate_targets.government_id')
        .where('governments.slug', '=', 'kyoto')
        .where('climate_targets.title', '=', 'Zero emissions by 2050')
        .select('climate_targets.id')
        .executeTakeFirstOrThrow();
      await t.db.transaction(async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'update',
          entityType: 'inventory',
          entityId: inventory.id,
          summary: 'inventory touched',
        });
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'update',
          entityType: 'target',
          entityId: target.id,
          summary: 'target touched',
        });
      });
      const inv = (await log(`entityType=inventory&entityId=${inventory.id}&lang=ja`)).items[0];
      expect(inv?.record).toMatchObject({
        name: `長春市 ${inventory.year}`,
        lang: 'ja',
        path: '/members/changchun/climate',
      });
      const tgt = (await log(`entityType=target&entityId=${target.id}&lang=ko`)).items[0];
      expect(tgt?.record).toMatchObject({
        name: '2050년까지 배출 제로',
        lang: 'ko',
        path: `/members/kyoto/climate#target-${target.id}`,
      });
    },
  );

  it_('leaves a kind without names unnamed, and a record that never was gone', async () => {
    await t.db.transaction(async (tx) => {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'update',
        entityType: 'sign-in',
        entityId: 'somebody',
        summary: 'a sign-in',
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'delete',
        entityType: 'person',
        entityId: 999_999,
        summary: 'a person removed',
      });
    });
    expect((await log('entityType=sign-in&entityId=somebody')).items[0]).toMatchObject({
      recordState: 'unnamed',
      record: null,
    });
    expect((await log('entityType=person&entityId=999999')).items[0]).toMatchObject({
      recordState: 'gone',
      record: null,
    });
  });

  it_('says what kind of actor each entry is, so no English label needs showing', async () => {
    await t.db.transaction(async (tx) => {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'update',
        entityType: 'actor-kinds',
        entityId: 'system',
        summary: 'by Accord',
      });
      await recordAudit(tx, SYSTEM_ADMIN, {
        action: 'update',
        entityType: 'actor-kinds',
        entityId: 'demo',
        summary: 'by the demo loader',
      });
      await recordAudit(
        tx,
        { userId: null, label: 'sign-in from 203.0.113.9' },
        { action: 'update', entityType: 'actor-kinds', entityId: 'sign-in', summary: 'refused' },
      );
    });
    const kinds = async (id: string) =>
      (await log(`entityType=actor-kinds&entityId=${id}`)).items[0]?.actor;
    expect(await kinds('system')).toEqual({ userId: null, kind: 'system', label: 'system' });
    expect(await kinds('demo')).toEqual({ userId: null, kind: 'demo', label: 'demo loader' });
    expect(await kinds('sign-in')).toEqual({
      userId: null,
      kind: 'sign-in',
      label: '203.0.113.9',
    });
    // A user's entry is theirs, by name.
    const users = (await log('entityType=user')).items;
    expect(users.length).toBeGreaterThan(0);
    for (const u of users.filter((e) => e.actor.userId !== null)) {
      expect(u.actor.kind).toBe('user');
    }
  });

  it_('reads the names of a page with one query per kind of record', async () => {
    const people = await t.db.kysely.selectFrom('people').select('id').limit(3).execute();
    const governments = await t.db.kysely.selectFrom('governments').select('id').limit(3).execute();
    await t.db.transaction(async (tx) => {
      for (const p of people) {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'update',
          entityType: 'person',
          entityId: p.id,
          summary: 'person touched',
        });
      }
      for (const g of governments) {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'update',
          entityType: 'government',
          entityId: g.id,
          summary: 'government touched',
        });
      }
    });
    const calls: string[] = [];
    const counting = new Proxy(t.db, {
      get(target, area, receiver) {
        const repo: unknown = Reflect.get(target, area, receiver);
        if (typeof area !== 'string' || repo === null || typeof repo !== 'object') return repo;
        return new Proxy(repo, {
          get(r, name, rr) {
            const fn: unknown = Reflect.get(r, name, rr);
            if (typeof fn !== 'function' || typeof name !== 'string' || !name.endsWith('ByIds')) {
              return fn;
            }
            return (...args: unknown[]) => {
              calls.push(`${area}.${name}`);
              return (fn as (...a: unknown[]) => unknown).apply(r, args);
            };
          },
        });
      },
    }) as Store;
    const actor: AuditActor = { userId: 1, role: 'admin', governmentId: null, label: 'admin' };
    const page = await auditPage(counting, actor, {}, 1, 50, 'ko');
    expect(page.items.filter((i) => i.recordState === 'named').length).toBeGreaterThanOrEqual(6);
    expect(calls.filter((c) => c === 'people.peopleNamesByIds')).toHaveLength(1);
    expect(calls.filter((c) => c === 'members.governmentNamesByIds')).toHaveLength(1);
    expect(new Set(calls).size).toBe(calls.length);
  });
});
