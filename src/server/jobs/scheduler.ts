/**
 * The in-process scheduler of the daily jobs. Each server runs one, started with the app: it
 * looks every hour (and at start) whether today's run of each job has been made, and runs it
 * if not. A run claims its job's day in scheduled_job_runs in the same transaction as its work,
 * so across servers sharing a database one run per day happens; a run that fails leaves no
 * claim behind and is tried again at the next look. Days are UTC calendar days of the server's
 * clock (src/server/clock.ts, injected for tests).
 */
import { now as serverNow } from '../clock';
import type { Store } from '../store';

export interface DailyJob {
  name: string;
  /** The day's work, in the transaction that claimed the day. */
  run(tx: Store, day: string): Promise<unknown>;
}

export type JobOutcome = { ran: true; summary: unknown } | { ran: false };

/** The UTC calendar day of an instant. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * Runs the job for the day unless that day's run was made already (here or on another server):
 * what it did, or `ran: false`.
 */
export function runDailyJob(store: Store, job: DailyJob, day: string): Promise<JobOutcome> {
  return store.transaction(async (tx) => {
    if (!(await tx.jobs.claimJobDay(job.name, day, serverNow().toISOString()))) {
      return { ran: false } as const;
    }
    const summary = await job.run(tx, day);
    await tx.jobs.setJobSummary(job.name, day, JSON.stringify(summary));
    return { ran: true, summary } as const;
  });
}

export interface SchedulerOptions {
  /** The clock; the server's by default. */
  now?: () => Date;
  /** How often to look, in milliseconds (an hour by default). */
  intervalMs?: number;
  onRun?: (job: string, day: string, outcome: JobOutcome) => void;
  onError?: (job: string, error: unknown) => void;
}

export class DailyScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** The last day each job was seen done, so a look on a done day costs no query. */
  private readonly done = new Map<string, string>();
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    private readonly jobs: readonly DailyJob[],
    private readonly options: SchedulerOptions = {},
  ) {
    this.now = options.now ?? serverNow;
  }

  /** Looks once: runs each job whose day is not done. Never throws; failures are reported. */
  tick(): Promise<void> {
    // One look at a time: a slow run is not started again by the next look.
    this.running ??= this.look().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async look(): Promise<void> {
    const day = dayOf(this.now());
    for (const job of this.jobs) {
      if (this.done.get(job.name) === day) continue;
      try {
        const outcome = await runDailyJob(this.store, job, day);
        this.done.set(job.name, day);
        this.options.onRun?.(job.name, day, outcome);
      } catch (error) {
        this.options.onError?.(job.name, error);
      }
    }
  }

  /** Looks now, then every interval, until stopped; does not wait for the first look. */
  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 3_600_000);
    this.timer.unref();
  }

  /** Stops looking and waits for a run in progress to end (before the database closes). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
