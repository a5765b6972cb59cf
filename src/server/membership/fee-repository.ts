/**
 * The fee schedule's versions: the owner of fee_schedules. The highest version is the schedule
 * in force; a change inserts the next version, so every schedule ever used stays readable.
 */
import type { Insertable, Selectable } from 'kysely';
import type { FeeScheduleTable } from '../db/schema-membership';
import type { Executor } from '../db/types';

export type FeeScheduleRow = Selectable<FeeScheduleTable>;

export function currentFeeSchedule(db: Executor): Promise<FeeScheduleRow | undefined> {
  return db
    .selectFrom('fee_schedules')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Adds a version. Two changes made at once from the same version both try the same number:
 * the unique key lets one through and refuses the other (409 on /version).
 */
export async function insertFeeSchedule(
  db: Executor,
  values: Insertable<FeeScheduleTable>,
): Promise<void> {
  await db.insertInto('fee_schedules').values(values).execute();
}
