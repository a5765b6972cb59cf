import type { Store } from '../store';
import { RESTORE_JUMP } from '../db/restore-jump';
import {
  batchesOf,
  governmentParts,
  summarizeParts,
  type ClimateSummaryAnswer,
  type GovernmentPart,
} from './summary-service';

/**
 * The network summary kept up to date government by government (issue 13). Each server keeps,
 * per assessment year, every government's part of the summary (its row and what it adds to the
 * roll-up) beside the climate data version it is current at. When the version has moved, it
 * asks which governments were written since (migration 0029 records, by trigger, the version of
 * the last write to each government's rows) and assesses those again, in batches; the roll-up
 * over the kept parts is then a pass over ten thousand small records. A server that starts, or
 * is asked for a year it does not keep, assesses the whole network once, a batch at a time.
 *
 * Several servers sharing a database stay right: each reads the version, and the governments
 * changed since the version it holds, from the database.
 */

interface YearState {
  /** The version every kept part is current at (or newer); null before the first build. */
  synced: string | null;
  parts: Map<number, GovernmentPart>;
  /** The parts in id order, made again after a change of the set. */
  ordered: GovernmentPart[] | null;
  /** One bring-up at a time per year. */
  queue: Promise<unknown>;
}

/** Years kept at most: this year's, and a couple of others asked for. */
const YEARS_KEPT = 3;

export class NetworkAssessment {
  private readonly years = new Map<number, YearState>();

  /**
   * The summary for a region (every government without one) as of a year, from parts current
   * at `version` or newer (the data version the caller read before).
   */
  async summary(
    store: Store,
    version: string,
    region: string | undefined,
    asOfYear: number,
  ): Promise<ClimateSummaryAnswer> {
    const state = this.stateOf(asOfYear);
    const run = state.queue.then(() => this.bringUpTo(store, state, version, asOfYear));
    state.queue = run.catch(() => undefined);
    const regions = await store.climate.summaryRegions();
    await run;
    state.ordered ??= [...state.parts.values()].sort((a, b) => a.id - b.id);
    return summarizeParts(state.ordered, regions, region, asOfYear);
  }

  /** Governments kept per year (for tests). */
  kept(asOfYear: number): number | undefined {
    return this.years.get(asOfYear)?.parts.size;
  }

  private stateOf(asOfYear: number): YearState {
    let state = this.years.get(asOfYear);
    if (state) {
      // Most recently used goes last.
      this.years.delete(asOfYear);
    } else {
      state = { synced: null, parts: new Map(), ordered: null, queue: Promise.resolve() };
      for (const [oldest] of this.years) {
        if (this.years.size < YEARS_KEPT) break;
        this.years.delete(oldest);
      }
    }
    this.years.set(asOfYear, state);
    return state;
  }

  private async bringUpTo(
    store: Store,
    state: YearState,
    version: string,
    asOfYear: number,
  ): Promise<void> {
    if (state.synced !== null && BigInt(state.synced) >= BigInt(version)) return;
    // A jump of a restore's size: the database was replaced, so its marks are not to be asked.
    const afresh =
      state.synced === null || BigInt(version) - BigInt(state.synced) >= BigInt(RESTORE_JUMP);
    // Read after the caller read `version`: whatever was written at it or before is seen here.
    const ids = afresh
      ? await store.climate.summaryGovernmentIds(undefined)
      : await store.climate.governmentsChangedSince(state.synced as string);
    if (afresh) {
      state.parts.clear();
      state.ordered = null;
    }
    for (const batch of batchesOf(ids)) {
      const parts = await governmentParts(store, batch, asOfYear);
      // A government changed and gone since (deleted, merged away) has no part any more.
      const fresh = new Map(parts.map((p) => [p.id, p]));
      for (const id of batch) {
        const part = fresh.get(id);
        if (!part) {
          if (state.parts.delete(id)) state.ordered = null;
        } else {
          if (!state.parts.has(id)) state.ordered = null;
          state.parts.set(id, part);
        }
      }
      // A government assessed again keeps its place in the order; a new or gone one sorts anew.
      if (state.ordered) replaceInOrder(state.ordered, parts);
    }
    state.synced = version;
  }
}

/** Puts each part in the place of the one with its id in `ordered` (sorted by id). */
function replaceInOrder(ordered: GovernmentPart[], parts: readonly GovernmentPart[]): void {
  for (const part of parts) {
    let lo = 0;
    let hi = ordered.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = (ordered[mid] as GovernmentPart).id;
      if (id === part.id) {
        ordered[mid] = part;
        break;
      }
      if (id < part.id) lo = mid + 1;
      else hi = mid - 1;
    }
  }
}
