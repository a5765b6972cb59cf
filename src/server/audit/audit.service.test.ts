import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../test/setup/databases';
import { bootstrapDatabase } from '../setup/bootstrap';
import type { StoreDb } from '../store';
import { auditPage, recordAudit, SYSTEM_ACTOR, type AuditActor } from './service';

describe.each(dialectCases())('audit service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: StoreDb;
  let drop: () => Promise<void>;
  const admin: AuditActor = { userId: 1, role: 'admin', governmentId: null, label: 'admin' };

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: false, adminPassword: 'x'.repeat(12) });
  });
  afterAll(async () => {
    await drop?.();
  });

  it_('records an entry in the unit of work and reads it back, JSON parsed', async () => {
    await db.transaction((tx) =>
      recordAudit(tx, SYSTEM_ACTOR, {
        action: 'update',
        entityType: 'widget',
        entityId: 7,
        summary: 'widget 7 changed',
        before: { size: 1 },
        after: { size: 2 },
      }),
    );
    const page = await auditPage(db, admin, { entityType: 'widget' }, 1, 20);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      actor: { userId: null, label: 'system' },
      entityId: '7',
      before: { size: 1 },
      after: { size: 2 },
    });
  });

  it_('leaves nothing behind when the unit of work fails', async () => {
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'create',
          entityType: 'gadget',
          entityId: 1,
          summary: 'gadget added',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await auditPage(db, admin, { entityType: 'gadget' }, 1, 20)).total).toBe(0);
  });

  it_('is the secretariat’s to read', async () => {
    const officer: AuditActor = { userId: 2, role: 'officer', governmentId: 1, label: 'o' };
    await expect(auditPage(db, officer, {}, 1, 20)).rejects.toMatchObject({ status: 403 });
    await expect(auditPage(db, null, {}, 1, 20)).rejects.toMatchObject({ status: 401 });
  });

  it_('names the table and the row of a stored value that does not parse', async () => {
    const row = await db.kysely
      .insertInto('audit_log')
      .values({
        at: new Date().toISOString(),
        actor_user_id: null,
        actor_label: 'system',
        action: 'update',
        entity_type: 'damaged',
        entity_id: '1',
        summary: 'damaged',
        before_json: '{not json',
        after_json: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(auditPage(db, admin, { entityType: 'damaged' }, 1, 20)).rejects.toThrow(
      `audit_log ${row.id}: the stored JSON does not parse`,
    );
  });
});
