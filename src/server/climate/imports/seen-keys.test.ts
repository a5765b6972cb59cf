import { describe, expect, it } from 'vitest';
import { SeenKeys } from './seen-keys';

describe('SeenKeys', () => {
  it('answers the row that carried a key, over many keys and growth of its table', () => {
    // Place n holds row n + 2, which carried the key `k${n}`.
    const seen = new SeenKeys((place) => ({ row: place + 2, keys: [`k${place}`] }));
    for (let n = 0; n < 5000; n++) seen.set(`k${n}`, n + 2, n);
    expect(seen.get('k0')).toBe(2);
    expect(seen.get('k4999')).toBe(5001);
    expect(seen.has('k5000')).toBe(false);
    expect(seen.get('cdp|2021|k1')).toBeUndefined();
  });

  it('is exact: a key whose hash is held is seen only when its row carried it', () => {
    // A spool that says the row at each place carried another key: what a hash collision is.
    const seen = new SeenKeys((place) => ({ row: place + 2, keys: ['something else'] }));
    seen.set('cdp|2021|1', 2, 0);
    expect(seen.get('cdp|2021|1')).toBeUndefined();
  });

  it('keeps the keys themselves for rows read from no spool', () => {
    const seen = new SeenKeys(null);
    seen.set('a', 7, undefined);
    expect(seen.get('a')).toBe(7);
    const mixed = new SeenKeys(() => ({ row: 3, keys: ['b'] }));
    mixed.set('a', 9, undefined);
    mixed.set('b', 3, 0);
    expect([mixed.get('a'), mixed.get('b'), mixed.get('c')]).toEqual([9, 3, undefined]);
  });
});
