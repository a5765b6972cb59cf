import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../test/setup/databases';
import type { StoreDb } from '../store';
import { migrateToLatest } from './migrate';

const entry = (summary: string) => ({
  at: '2026-12-02T00:00:00.000Z',
  actorUserId: null,
  actorLabel: 'test',
  action: 'create' as const,
  entityType: 'test',
  entityId: '1',
  summary,
  before: null,
  after: null,
});

describe.each(dialectCases())('the unit of work on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: StoreDb;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await drop?.();
  });

  const summaries = async () =>
    (await db.kysely.selectFrom('audit_log').select('summary').orderBy('id').execute()).map(
      (r) => r.summary,
    );

  it_('binds each repository to the database and names its dialect', async () => {
    expect(db.dialect).toBe(dialect);
    expect(db.inTransaction).toBe(false);
    await db.audit.insertAudit(entry('outside'));
    expect(await summaries()).toContain('outside');
  });

  it_('commits every write of a unit together', async () => {
    await db.transaction(async (tx) => {
      expect(tx.inTransaction).toBe(true);
      await tx.audit.insertAudit(entry('first of two'));
      await tx.audit.insertAudit(entry('second of two'));
    });
    expect(await summaries()).toEqual(expect.arrayContaining(['first of two', 'second of two']));
  });

  it_('leaves nothing behind when the unit fails, nested units included', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.audit.insertAudit(entry('lost outer'));
        // A service called inside the unit joins it rather than committing on its own.
        await tx.transaction(async (inner) => {
          expect(inner).toBe(tx);
          await inner.audit.insertAudit(entry('lost inner'));
        });
        throw new Error('rule broken after both writes');
      }),
    ).rejects.toThrow('rule broken');
    const all = await summaries();
    expect(all).not.toContain('lost outer');
    expect(all).not.toContain('lost inner');
  });

  it_('reads its own uncommitted writes inside the unit', async () => {
    await db.transaction(async (tx) => {
      await tx.audit.insertAudit(entry('seen inside'));
      const page = await tx.audit.listAudit({}, 1, 100);
      expect(page.rows.map((r) => r.summary)).toContain('seen inside');
    });
  });
});
