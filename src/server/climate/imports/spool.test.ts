import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Spool } from './spool';

describe('Spool', () => {
  it('gives back what was written, in order', async () => {
    const spool = await Spool.create<{ n: number }>();
    for (let n = 0; n < 3; n++) await spool.write({ n });
    await spool.close();
    const read: number[] = [];
    for await (const item of spool.read()) read.push(item.n);
    expect(read).toEqual([0, 1, 2]);
    await spool.remove();
  });

  it('reads back any item by its place, across the pieces it was written and read in', async () => {
    const spool = await Spool.create<{ n: number; text: string }>();
    // About 3 MB in lines of varied length, with characters of several bytes in UTF-8.
    for (let n = 0; n < 3000; n++) await spool.write({ n, text: 'é東'.repeat(n % 700) });
    await spool.close();
    const places: number[] = [];
    let count = 0;
    for await (const { item, place } of spool.readPlaced()) {
      expect(item.n).toBe(count++);
      places.push(place);
    }
    expect(count).toBe(3000);
    for (const n of [0, 1, 1234, 2999]) {
      expect(spool.readAt(places[n] as number)).toEqual({ n, text: 'é東'.repeat(n % 700) });
    }
    await spool.remove();
  });

  it('can be removed with a write still buffered, without an error escaping', async () => {
    // An import whose file breaks while the spool is still writing removes it at once: the
    // write in flight must fail quietly, not as an uncaught exception that ends the server.
    const escaped: unknown[] = [];
    const onUncaught = (err: unknown) => escaped.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const spool = await Spool.create<string>();
      const pending = spool.write('x'.repeat(4_000_000)).then(
        () => 'written',
        (err: Error) => err.message,
      );
      await spool.remove();
      expect(await pending).toMatch(/spool was removed/);
      await new Promise((r) => setTimeout(r, 50));
      expect(escaped).toEqual([]);
      await expect(spool.write('after')).rejects.toThrow(/spool/);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('leaves no file behind once removed', async () => {
    const spool = await Spool.create<number>();
    await spool.write(1);
    const dir = (spool as unknown as { dir: string }).dir;
    await spool.remove();
    expect(fs.existsSync(dir)).toBe(false);
  });
});
