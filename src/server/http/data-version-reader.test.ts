import { describe, expect, it } from 'vitest';
import { DataVersionReader } from './data-version-reader';

/** A database whose version moves when told, counting the reads and when each began. */
function fakeVersions() {
  let version = 1;
  const began: number[] = [];
  return {
    bump: () => (version += 1),
    reads: () => began.length,
    read: () => {
      began.push(version);
      return Promise.resolve(new Map([['directory', String(version)]]));
    },
  };
}

describe('DataVersionReader', () => {
  it('reads once for the requests that arrived before the read began', async () => {
    const db = fakeVersions();
    const reader = new DataVersionReader(db.read);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => reader.current('directory')),
    );
    expect(new Set(answers)).toEqual(new Set(['1']));
    expect(db.reads()).toBe(1);
  });

  it('gives a request made after a write a read begun after it', async () => {
    const db = fakeVersions();
    const reader = new DataVersionReader(db.read);
    expect(await reader.current('directory')).toBe('1');
    db.bump();
    expect(await reader.current('directory')).toBe('2');
    // One waiting while a write lands before its read begins sees that write too.
    const waiting = reader.current('directory');
    db.bump();
    expect(await waiting).toBe('3');
    expect(db.reads()).toBe(3);
  });

  it('does not let a request join a read that has already begun', async () => {
    const db = fakeVersions();
    let release!: () => void;
    const slow = new DataVersionReader(async () => {
      const seen = await db.read();
      await new Promise<void>((resolve) => (release = resolve));
      return seen;
    });
    const first = slow.current('directory');
    await new Promise((resolve) => setImmediate(resolve));
    // The first read has begun (at version 1); a write, then a new request.
    db.bump();
    const second = slow.current('directory');
    release();
    expect(await first).toBe('1');
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await second).toBe('2');
  });

  it('answers 0 for a version the database does not hold yet', async () => {
    const reader = new DataVersionReader(() => Promise.resolve(new Map()));
    expect(await reader.current('directory')).toBe('0');
  });
});
