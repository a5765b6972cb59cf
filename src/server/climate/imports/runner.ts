import type { Store } from '../../store';
import type { ImportRun } from '../schemas';
import { interruptAbandonedRuns } from './service';
import { RunProblemError } from './unreadable';

/**
 * The import runs one server works on in the background, and its care of runs others left.
 * At start and every half lease it sweeps: runs whose process died are marked interrupted (a
 * conditional update, so two servers on one database never both claim a run). When the server
 * starts closing it stops the runs still working (they end `interrupted`, their committed
 * batches kept) while requests in flight drain, and it waits for them before the database
 * closes.
 */
export class ImportRunner {
  private readonly active = new Set<Promise<unknown>>();
  private readonly stopping = new AbortController();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    readonly leaseMs: number,
    private readonly onSweepError: (err: unknown) => void,
  ) {}

  /** Aborted when the server closes. */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  /** Keeps a run's promise (which never rejects) until it ends. */
  track(done: Promise<unknown>): void {
    this.active.add(done);
    void done.then(() => this.active.delete(done));
  }

  sweep(): Promise<ImportRun[]> {
    return interruptAbandonedRuns(this.store, { leaseMs: this.leaseMs });
  }

  /** Sweeps now and then every half lease, until closed; a failed sweep is reported, not thrown. */
  async start(): Promise<void> {
    await this.sweep().catch(this.onSweepError);
    this.sweeper = setInterval(
      () => void this.sweep().catch(this.onSweepError),
      Math.max(250, Math.floor(this.leaseMs / 2)),
    );
    this.sweeper.unref();
  }

  /** Stops sweeping and tells the runs to stop (between batches), without waiting. */
  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.stopping.abort(
      new RunProblemError('Accord stopped before the import finished', { code: 'server-stopped' }),
    );
  }

  /** Stops, and waits until every run has written how it ended. */
  async close(): Promise<void> {
    this.stop();
    await Promise.all(this.active);
  }
}
