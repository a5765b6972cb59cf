import type { Executor } from '../db/types';

/**
 * What the report of targets stated twice and keeping one of them read (re-exported as part of
 * store.climate by repository.ts): every target with its government, the interim targets and
 * actions that point at a target.
 */

/** Every target, by government, oldest first. */
export function targetsForDuplicates(db: Executor) {
  return db
    .selectFrom('climate_targets')
    .selectAll()
    .orderBy('government_id')
    .orderBy('id')
    .execute();
}

/** How many actions link each target (targets without any are absent). */
export async function actionCountsByTarget(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('action_targets')
    .select(['target_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('target_id')
    .execute();
  return new Map(rows.map((r) => [r.target_id, Number(r.n)]));
}

/** The interim targets of a target (those whose end target it is). */
export async function interimIdsOf(db: Executor, targetId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('climate_targets')
    .select('id')
    .where('parent_target_id', '=', targetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The actions linked to a target. */
export async function actionIdsOfTarget(db: Executor, targetId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('action_targets')
    .select('action_id')
    .where('target_id', '=', targetId)
    .orderBy('action_id')
    .execute();
  return rows.map((r) => r.action_id);
}
