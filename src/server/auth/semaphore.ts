/**
 * A counting semaphore: at most `limit` tasks run at once, the rest wait their turn in the order
 * they asked. Password hashing uses one so that a burst of sign-ins cannot occupy every thread of
 * Node's pool (which file reads, DNS and compression share) for seconds.
 */
export interface Semaphore {
  /** Runs `task` once a slot is free; the slot is released when it settles, even by an error. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`a semaphore needs a positive whole limit, not ${limit}`);
  }
  let active = 0;
  const queue: (() => void)[] = [];

  const release = () => {
    const next = queue.shift();
    // The slot passes straight to the next waiter, so a newcomer cannot take it in between.
    if (next) next();
    else active -= 1;
  };

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < limit) active += 1;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
