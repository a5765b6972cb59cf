/**
 * The shape every figure of `npm run bench` takes, and the helpers that time things.
 *
 * Absolute times on a shared machine are noise, so each figure is measured beside what sets its
 * limit (DuckDB over the same data, one prepared statement, a bare Fastify route, …) in the same
 * run, and the table gives the ratio. A figure without a reference (a size, a p95) is compared
 * with its target alone.
 */
import { performance } from 'node:perf_hooks';

export type Database = 'sqlite' | 'postgres' | 'none';

export interface Measurement {
  /** Stable id, e.g. `summary.network`: the key in latest.json. */
  id: string;
  /** What is measured, said for a reader of the table. */
  what: string;
  database: Database;
  /** `ms` and `KB`: lower is better; `req/s` and `rows/s`: higher is better. */
  unit: 'ms' | 'req/s' | 'rows/s' | 'KB' | 'MB';
  /** Accord's median (or its single reading, for sizes and memory). */
  accord: number;
  /** The reference measured in the same run, when the figure has one. */
  reference?: { label: string; value: number };
  /** The target, said for a reader: `≤ 3 × DuckDB`, `p95 < 20 ms`, `≥ 60 % of bare`. */
  target: string;
  /** Whether the target is met; null when this run could not tell (a quick run, say). */
  met: boolean | null;
  /** The part of `npm run bench` that measured it (set by the runner). */
  part?: string;
  /** Further readings: p95, peak RSS, counts. */
  detail?: Record<string, number | string>;
}

export interface BenchOptions {
  /** A smaller run, for trying the bench out: fewer governments, fewer repetitions. */
  quick: boolean;
}

/** Accord's reading over the reference's: for times, how many times slower; for rates, the share. */
export function ratioOf(m: Measurement): number | undefined {
  if (!m.reference || m.reference.value === 0) return undefined;
  return m.accord / m.reference.value;
}

export interface Timing {
  median: number;
  p95: number;
  min: number;
  runs: number;
}

/** Order statistics of a list of readings (nearest rank). */
export function summarize(readings: number[]): Timing {
  if (readings.length === 0) throw new Error('no readings');
  const sorted = [...readings].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]!, runs: sorted.length };
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls, in milliseconds. The calls run one after
 * another, so a reading is one request's latency, not a throughput.
 */
export async function time(
  fn: () => unknown,
  { runs, warmup = 2 }: { runs: number; warmup?: number },
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const readings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    readings.push(performance.now() - start);
  }
  return summarize(readings);
}

/** Resident memory now, in MiB. */
export function rssMiB(): number {
  return process.memoryUsage().rss / 2 ** 20;
}
