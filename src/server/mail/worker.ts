/**
 * The mail worker: in each server that has SMTP_URL, it sends what the outbox holds. Every
 * few seconds (and at once when an administrator asks) it claims the letters that are due,
 * a few at a time, with one conditional UPDATE (repository.ts `claimDueLetters`), so servers
 * sharing a database never send one letter twice. Each claim is a lease: a server that dies
 * while sending leaves its letters to be taken again once the lease runs out.
 *
 * A letter the SMTP server accepts is marked sent with its Message-ID; one refused for now
 * (4xx, no answer) waits by the schedule in backoff.ts; one refused for good (5xx), or whose
 * last attempt failed, is marked failed with the server's answer, for an administrator to send
 * again. Times come from the injected clock, so tests move time instead of waiting.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { now as serverNow } from '../clock';
import type { Store } from '../store';
import { classifyFailure, nextAttemptAt } from './backoff';
import type { OutboxRow } from './repository';
import { messageIdOf, type MailTransport } from './smtp';

export interface MailWorkerOptions {
  store: Store;
  transport: MailTransport;
  /** The From of every letter (ACCORD_MAIL_FROM). */
  from: string;
  clock?: () => Date;
  /** Names this worker in the letters it claims; unique per process by default. */
  workerId?: string;
  /** Letters claimed at once. */
  batchSize?: number;
  /** The wait between looks at the outbox when nothing asks sooner. */
  pollMs?: number;
  /** How long a claim holds: well beyond the SMTP time limits of one letter (smtp.ts). */
  leaseMs?: number;
  /** An error of the worker itself (the database unreachable), not of a letter. */
  onError?: (error: unknown) => void;
}

/** What one pass over the outbox did. */
export interface DeliveryReport {
  sent: number;
  /** Refused for now: due again later. */
  retried: number;
  /** Refused for good, or out of attempts. */
  failed: number;
  /** Taken by another server meanwhile (this one's lease ran out): not marked by this one. */
  lost: number;
}

const emptyReport = (): DeliveryReport => ({ sent: 0, retried: 0, failed: 0, lost: 0 });

export class MailWorker {
  readonly id: string;
  private readonly store: Store;
  private readonly transport: MailTransport;
  private readonly from: string;
  private readonly clock: () => Date;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly onError: (error: unknown) => void;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<DeliveryReport> | null = null;
  private again = false;
  private started = false;
  private stopped = false;

  constructor(options: MailWorkerOptions) {
    this.store = options.store;
    this.transport = options.transport;
    this.from = options.from;
    this.clock = options.clock ?? serverNow;
    this.id = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.batchSize = options.batchSize ?? 10;
    this.pollMs = options.pollMs ?? 15_000;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.onError = options.onError ?? (() => {});
  }

  /** Looks at the outbox now and then every poll, until stopped. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.loop();
  }

  /** Looks at the outbox as soon as the pass under way (if any) ends. */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.loop();
  }

  /** One pass: sends every letter that is due, batch after batch. For tests and the loop. */
  async runOnce(): Promise<DeliveryReport> {
    while (this.current) await this.current;
    const pass = this.drain();
    this.current = pass;
    try {
      return await pass;
    } finally {
      this.current = null;
    }
  }

  /** Stops looking; the letter being sent finishes, the rest of its batch is let go. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops, waits for the letter being sent, and closes the connection to the SMTP server. */
  async close(): Promise<void> {
    this.stop();
    while (this.current) await this.current.catch(() => undefined);
    this.transport.close();
  }

  private loop(): void {
    if (this.stopped) return;
    this.timer = null;
    void this.runOnce()
      .catch((error: unknown) => {
        this.onError(error);
      })
      .finally(() => {
        if (this.stopped) return;
        const delay = this.again ? 0 : this.pollMs;
        this.again = false;
        this.timer = setTimeout(() => this.loop(), delay);
        this.timer.unref();
      });
  }

  private async drain(): Promise<DeliveryReport> {
    const report = emptyReport();
    let emptyClaims = 0;
    while (!this.stopped) {
      const now = this.clock();
      const claimed = await this.store.mail.claimDueLetters({
        worker: this.id,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
        limit: this.batchSize,
      });
      if (claimed.length === 0) {
        // Nothing due, or every letter this claim chose went to another server's claim at
        // the same instant: then choose again (a few times at most, then wait for the poll).
        emptyClaims += 1;
        if (emptyClaims > 3 || !(await this.store.mail.hasDueLetters(now.toISOString()))) break;
        continue;
      }
      emptyClaims = 0;
      for (const [index, row] of claimed.entries()) {
        if (this.stopped) {
          // Closing: what was claimed and not tried goes back to the queue, uncounted.
          await this.store.mail.releaseLetters(
            claimed.slice(index).map((r) => r.id),
            this.id,
          );
          return report;
        }
        await this.deliver(row, report);
      }
    }
    return report;
  }

  private async deliver(row: OutboxRow, report: DeliveryReport): Promise<void> {
    // The same on every attempt: a receiver sees a retried letter as the same letter.
    const messageId = row.message_id ?? messageIdOf(this.from, row);
    let outcome: Parameters<Store['mail']['finishAttempt']>[2];
    try {
      await this.transport.send({ from: this.from, messageId, row });
      outcome = { status: 'sent', at: this.clock().toISOString(), messageId };
    } catch (error) {
      const failure = classifyFailure(error);
      const next = failure.permanent ? null : nextAttemptAt(row.attempts, this.clock());
      outcome = next
        ? { status: 'queued', nextAttemptAt: next.toISOString(), error: failure.reason, messageId }
        : { status: 'failed', error: failure.reason, messageId };
    }
    const mine = await this.store.mail.finishAttempt(row.id, this.id, outcome);
    if (!mine) report.lost += 1;
    else if (outcome.status === 'sent') report.sent += 1;
    else if (outcome.status === 'queued') report.retried += 1;
    else report.failed += 1;
  }
}
