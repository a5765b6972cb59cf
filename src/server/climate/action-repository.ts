import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ClimateActionTable } from '../db/schema';
import type { Executor } from '../db/types';

/** Climate actions and the targets they serve (re-exported by repository.ts). */

export type ActionRow = Selectable<ClimateActionTable>;

export function actionsOfGovernment(db: Executor, governmentId: number): Promise<ActionRow[]> {
  return db
    .selectFrom('climate_actions')
    .where('government_id', '=', governmentId)
    .selectAll()
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findAction(db: Executor, id: number): Promise<ActionRow | undefined> {
  return db.selectFrom('climate_actions').where('id', '=', id).selectAll().executeTakeFirst();
}

export async function targetIdsOfActions(
  db: Executor,
  actionIds: number[],
): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (actionIds.length === 0) return map;
  const rows = await db
    .selectFrom('action_targets')
    .where('action_id', 'in', actionIds)
    .select(['action_id', 'target_id'])
    .orderBy('target_id')
    .execute();
  for (const r of rows) map.set(r.action_id, [...(map.get(r.action_id) ?? []), r.target_id]);
  return map;
}

export async function insertAction(
  db: Executor,
  values: Insertable<ClimateActionTable>,
): Promise<number> {
  const row = await db
    .insertInto('climate_actions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAction(
  db: Executor,
  id: number,
  values: Updateable<ClimateActionTable>,
): Promise<void> {
  await db.updateTable('climate_actions').set(values).where('id', '=', id).execute();
}

export async function setActionTargets(db: Executor, actionId: number, targetIds: number[]) {
  await db.deleteFrom('action_targets').where('action_id', '=', actionId).execute();
  if (targetIds.length) {
    await db
      .insertInto('action_targets')
      .values(targetIds.map((target_id) => ({ action_id: actionId, target_id })))
      .execute();
  }
}

export async function deleteAction(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('climate_actions').where('id', '=', id).execute();
}
