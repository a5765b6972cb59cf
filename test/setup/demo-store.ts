/**
 * What the service tests share: a fresh database of a dialect with the demo network loaded,
 * and actors to act as (the secretariat, an officer of a demo government).
 */
import type { DialectName } from '../../src/server/db/database';
import type { AuditActor } from '../../src/server/audit/service';
import { bootstrapDatabase } from '../../src/server/setup/bootstrap';
import type { StoreDb } from '../../src/server/store';
import { freshDatabase } from './databases';

/** A fresh database with the demo network; `drop` removes it. */
export async function demoDatabase(
  dialect: DialectName,
): Promise<{ db: StoreDb; drop(): Promise<void> }> {
  const fresh = await freshDatabase(dialect);
  await bootstrapDatabase(fresh.db, { seedDemo: true, adminPassword: 'x'.repeat(12) });
  return fresh;
}

/** The secretariat, acting without a user account behind it (as the demo loader does). */
export const TEST_SECRETARIAT: AuditActor = {
  userId: null as unknown as number,
  role: 'admin',
  governmentId: null,
  label: 'secretariat (test)',
};

/** An officer of the demo government with this slug. */
export async function officerOf(db: StoreDb, slug: string, label = 'officer'): Promise<AuditActor> {
  const governmentId = await db.members.findGovernmentIdBySlug(slug);
  if (governmentId === undefined) throw new Error(`no demo government "${slug}"`);
  return { userId: null as unknown as number, role: 'officer', governmentId, label };
}
