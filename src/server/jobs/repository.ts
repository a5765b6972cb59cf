/**
 * Runs of the daily jobs: the owner of scheduled_job_runs. A run claims its job's day; the
 * unique key on job and day lets one claim through, so a day's run happens once however many
 * servers share the database and however often each of them tries.
 */
import type { Selectable } from 'kysely';
import type { ScheduledJobRunTable } from '../db/schema-membership';
import type { Executor } from '../db/types';

export type JobRunRow = Selectable<ScheduledJobRunTable>;

/**
 * Claims the day for the job: true when this call made the claim, false when the day was
 * claimed already. On PostgreSQL a claim made by a transaction still open elsewhere waits for
 * it: if it commits this one is refused, if it rolls back this one gets the day.
 */
export async function claimJobDay(
  db: Executor,
  job: string,
  day: string,
  startedAt: string,
): Promise<boolean> {
  const rows = await db
    .insertInto('scheduled_job_runs')
    .values({ job, day, started_at: startedAt, summary: null })
    .onConflict((oc) => oc.columns(['job', 'day']).doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function setJobSummary(
  db: Executor,
  job: string,
  day: string,
  summary: string,
): Promise<void> {
  await db
    .updateTable('scheduled_job_runs')
    .set({ summary })
    .where('job', '=', job)
    .where('day', '=', day)
    .execute();
}

/** A job's runs, the latest first. */
export function jobRuns(db: Executor, job: string, limit: number): Promise<JobRunRow[]> {
  return db
    .selectFrom('scheduled_job_runs')
    .selectAll()
    .where('job', '=', job)
    .orderBy('day', 'desc')
    .limit(limit)
    .execute();
}
