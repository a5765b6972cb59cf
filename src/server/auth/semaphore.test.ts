import { describe, expect, it } from 'vitest';
import { createSemaphore } from './semaphore';

/** A promise the test resolves when it lets a task finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createSemaphore', () => {
  it('never runs more than its limit at once, and starts the queued tasks in order', async () => {
    const slots = createSemaphore(2);
    const gates = Array.from({ length: 6 }, gate);
    const started: number[] = [];
    const finished: number[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const results = gates.map((g, i) =>
      slots.run(async () => {
        started.push(i);
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await g.opened;
        running -= 1;
        finished.push(i);
        return i * 10;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(slots.active).toBe(2);
    expect(slots.waiting).toBe(4);

    // Finishing the second first frees one slot: the third task (not a later one) takes it.
    gates[1]!.open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.open();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    await expect(Promise.all(results)).resolves.toEqual([0, 10, 20, 30, 40, 50]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(finished).toHaveLength(6);
    expect(mostAtOnce).toBe(2);
    expect(slots.active).toBe(0);
    expect(slots.waiting).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const slots = createSemaphore(1);
    const failing = slots.run(() => Promise.reject(new Error('boom')));
    const next = slots.run(async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
    expect(slots.active).toBe(0);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => createSemaphore(0)).toThrow(RangeError);
    expect(() => createSemaphore(1.5)).toThrow(RangeError);
  });
});
