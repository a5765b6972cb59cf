import type { DialectName } from '../db/database';
import { demoDatabase } from '../../../test/setup/demo-store';
import type { AuditActor } from '../audit/service';
import type { StoreDb } from '../store';

/**
 * The climate service tests' world: a fresh database of the dialect with the demo network, the
 * demo's governments by slug, and actors of each kind (none of them needs a user row).
 */

export type Slug = 'kyoto' | 'seoul' | 'suwon' | 'changchun' | 'new-taipei';

export interface ClimateWorld {
  db: StoreDb;
  drop(): Promise<void>;
  gov: Record<Slug, number>;
  admin: AuditActor;
  viewer: AuditActor;
  officer(slug: Slug): AuditActor;
}

export async function climateWorld(dialect: DialectName): Promise<ClimateWorld> {
  const { db, drop } = await demoDatabase(dialect);
  const slugs: Slug[] = ['kyoto', 'seoul', 'suwon', 'changchun', 'new-taipei'];
  const gov = {} as Record<Slug, number>;
  for (const slug of slugs) {
    const id = await db.members.findGovernmentIdBySlug(slug);
    if (id === undefined) throw new Error(`the demo has no ${slug}`);
    gov[slug] = id;
  }
  return {
    db,
    drop,
    gov,
    admin: { userId: 9101, role: 'admin', governmentId: null, label: 'secretariat (test)' },
    viewer: { userId: 9102, role: 'viewer', governmentId: null, label: 'viewer (test)' },
    officer: (slug) => ({
      userId: 9103,
      role: 'officer',
      governmentId: gov[slug],
      label: `${slug} officer (test)`,
    }),
  };
}

/** The number of rows of a table (of one climate record, when entity is given). */
export async function countRows(
  db: StoreDb,
  table: 'climate_targets' | 'inventories' | 'emission_reports' | 'climate_actions' | 'audit_log',
): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The audit entries of one record, oldest first. */
export function auditOf(db: StoreDb, entityType: string, entityId: number) {
  return db.kysely
    .selectFrom('audit_log')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .select(['action', 'summary', 'actor_label'])
    .orderBy('id')
    .execute();
}
