import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../test/setup/databases';
import type { AuditActor } from '../audit/service';
import { bootstrapDatabase } from '../setup/bootstrap';
import type { StoreDb } from '../store';
import {
  createGovernment,
  getGovernment,
  listGovernmentsPage,
  listRegions,
  updateGovernment,
} from './service';

/** The members service without HTTP: who may change a government's record, and what. */
describe.each(dialectCases())('members service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: StoreDb;
  let drop: () => Promise<void>;
  const admin: AuditActor = { userId: 9001, role: 'admin', governmentId: null, label: 'admin' };
  const viewer: AuditActor = { userId: 9004, role: 'viewer', governmentId: null, label: 'viewer' };
  let suwon: AuditActor;

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'x'.repeat(12) });
    const id = (await db.members.findGovernmentIdBySlug('suwon')) as number;
    suwon = { userId: 9002, role: 'officer', governmentId: id, label: 'suwon officer' };
  });
  afterAll(async () => {
    await drop?.();
  });

  const auditOf = (entityId: number) =>
    db.kysely
      .selectFrom('audit_log')
      .where('entity_type', '=', 'government')
      .where('entity_id', '=', String(entityId))
      .select(['actor_label', 'summary'])
      .orderBy('id')
      .execute();

  it_("lets an officer change their own government's record, with an audit entry", async () => {
    const before = await getGovernment(db, 'suwon');
    const after = await updateGovernment(db, suwon, 'suwon', {
      population: 1_200_000,
      populationYear: 2024,
    });
    expect(after.population).toBe(1_200_000);
    expect(after.updatedAt >= before.updatedAt).toBe(true);
    const entries = await auditOf(before.id);
    expect(entries.at(-1)).toMatchObject({ actor_label: 'suwon officer' });
    expect(entries.at(-1)?.summary).toMatch(/population/);
  });

  it_("refuses another government's record, and membership and region to officers", async () => {
    await expect(
      updateGovernment(db, suwon, 'seoul', { website: 'https://example.org' }),
    ).rejects.toMatchObject({
      status: 403,
      detail: `You may edit only your own government's record, not "seoul".`,
    });
    await expect(
      updateGovernment(db, suwon, 'suwon', {
        membership: { category: 'full-member', status: 'current' },
      }),
    ).rejects.toMatchObject({ status: 403, detail: 'Only the secretariat changes membership.' });
    const region = (await getGovernment(db, 'suwon')).region;
    const elsewhere = (await listRegions(db)).find((r) => r.slug !== region)?.slug as string;
    await expect(updateGovernment(db, suwon, 'suwon', { region: elsewhere })).rejects.toMatchObject(
      { status: 403, detail: 'Only the secretariat moves a government to another region.' },
    );
    await expect(
      updateGovernment(db, viewer, 'suwon', { website: 'https://example.org' }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await getGovernment(db, 'suwon')).region).toBe(region);
  });

  it_('keeps membership to its years, even for the secretariat', async () => {
    const before = await getGovernment(db, 'seoul');
    await expect(
      updateGovernment(db, admin, 'seoul', {
        membership: { category: 'associate-member', status: 'current', since: '2001-01-01' },
      }),
    ).rejects.toMatchObject({
      status: 422,
      code: 'membership-by-years',
      errors: [{ pointer: '/membership', detail: 'follows the years of membership' }],
    });
    expect((await getGovernment(db, 'seoul')).membership).toEqual(before.membership);
  });

  it_('lets the secretariat add governments, as prospects, and no one else', async () => {
    const changed = await getGovernment(db, 'seoul');
    const input = {
      slug: 'test-town',
      names: { en: 'Test Town' },
      kind: 'city' as const,
      country: 'KR',
      region: changed.region,
      localLang: 'en',
    };
    await expect(createGovernment(db, suwon, input)).rejects.toMatchObject({ status: 403 });
    await expect(
      createGovernment(db, admin, {
        ...input,
        membership: { category: 'full-member', status: 'current' },
      }),
    ).rejects.toMatchObject({ status: 422, code: 'membership-by-years' });
    const created = await createGovernment(db, admin, input);
    expect(created.membership).toEqual({ category: 'non-member', status: 'none', since: null });
    const page = await listGovernmentsPage(db, { q: 'Test Town' });
    expect(page.items.map((g) => g.slug)).toEqual(['test-town']);
    await expect(createGovernment(db, admin, input)).rejects.toMatchObject({ status: 409 });
  });

  it_('keeps a CDP account to one government', async () => {
    await updateGovernment(db, admin, 'seoul', { cdpAccount: '424242' });
    await expect(
      updateGovernment(db, suwon, 'suwon', { cdpAccount: '424242' }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await updateGovernment(db, admin, 'seoul', { cdpAccount: '424242' })).cdpAccount).toBe(
      '424242',
    );
  });
});
