import { afterEach, describe, expect, it, vi } from 'vitest';

// argon2 stands in as a fake whose calls wait for the test, so the test sees how many overlap.
const calls = vi.hoisted(() => ({
  running: 0,
  mostAtOnce: 0,
  pending: [] as (() => void)[],
}));

vi.mock('argon2', () => {
  const work = async <T>(value: T): Promise<T> => {
    calls.running += 1;
    calls.mostAtOnce = Math.max(calls.mostAtOnce, calls.running);
    await new Promise<void>((resolve) => calls.pending.push(resolve));
    calls.running -= 1;
    return value;
  };
  return {
    default: {
      argon2id: 2,
      hash: (password: string) => work(`hashed:${password}`),
      verify: (hash: string, password: string) => work(hash === `hashed:${password}`),
    },
  };
});

const { hashPassword, verifyPassword } = await import('./secrets');

/** The bound the server keeps (secrets.ts): a burst of sign-ins leaves Node's pool free. */
const ARGON2_CONCURRENCY = 2;

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  calls.running = 0;
  calls.mostAtOnce = 0;
  calls.pending.length = 0;
});

describe('password hashing', () => {
  it(`runs at most ${ARGON2_CONCURRENCY} argon2 operations at once, hashes and verifies alike`, async () => {
    const work = [
      hashPassword('one'),
      verifyPassword('hashed:two', 'two'),
      hashPassword('three'),
      verifyPassword('hashed:four', 'wrong'),
      hashPassword('five'),
    ];
    let done = 0;
    while (done < work.length) {
      await settle();
      expect(calls.running).toBeLessThanOrEqual(ARGON2_CONCURRENCY);
      const next = calls.pending.shift();
      if (next) {
        next();
        done += 1;
      }
    }
    await expect(Promise.all(work)).resolves.toEqual([
      'hashed:one',
      true,
      'hashed:three',
      false,
      'hashed:five',
    ]);
    expect(calls.mostAtOnce).toBe(ARGON2_CONCURRENCY);
  });
});
