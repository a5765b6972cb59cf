/**
 * The import keys a run has handled, and the row that carried each: how a record given twice in
 * one file is told apart (`part-given-in-rows`, `same-record-as-rows`). A Map of every key is
 * some 60 bytes a record in the JavaScript heap, which V8 keeps about three times over as it
 * grows: some 200 MB of resident memory for a million reports. Here each key is a 64-bit hash
 * and the place in the run's spool of the row that carried it, in typed arrays outside the
 * heap (16 bytes a slot, at most twice as many slots as keys). A hash says "maybe": the row at
 * that place is read back from the spool and its keys compared, so the answer is exact.
 */

/** The row spooled at a place: its number and the import keys of its records. */
export type Recall = (place: number) => { row: number; keys: readonly string[] };

const EMPTY = -1;

/** Two 32-bit FNV-1a hashes of the key, with different offsets: 64 bits together. */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a | 0, b | 0];
}

export class SeenKeys {
  private high = new Int32Array(0);
  private low = new Int32Array(0);
  private places = new Float64Array(0);
  private size = 0;
  /** Without places (rows not read from a spool): the keys themselves. */
  private readonly exact: Map<string, number> | null;

  constructor(private readonly recall: Recall | null) {
    this.exact = recall === null ? new Map() : null;
    if (recall !== null) this.allocate(1024);
  }

  /** The row that carried `key` earlier in the run, if one did. */
  get(key: string): number | undefined {
    const direct = (this.exact ?? this.fallbackKeys)?.get(key);
    if (direct !== undefined || this.exact) return direct;
    const [h, l] = hashes(key);
    const mask = this.high.length - 1;
    for (let slot = l & mask; this.places[slot] !== EMPTY; slot = (slot + 1) & mask) {
      if (this.high[slot] !== h || this.low[slot] !== l) continue;
      const earlier = (this.recall as Recall)(this.places[slot] as number);
      if (earlier.keys.includes(key)) return earlier.row;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Notes that the row spooled at `place` (numbered `row`) carried `key`. */
  set(key: string, row: number, place: number | undefined): void {
    if (this.exact || place === undefined) {
      // Rows without a place are kept exactly (a run fed rows directly).
      (this.exact ?? this.fallback()).set(key, row);
      return;
    }
    if ((this.size + 1) * 2 > this.high.length) this.grow();
    const [h, l] = hashes(key);
    this.put(h, l, place);
    this.size += 1;
  }

  private fallbackKeys: Map<string, number> | null = null;

  private fallback(): Map<string, number> {
    this.fallbackKeys ??= new Map();
    return this.fallbackKeys;
  }

  private put(h: number, l: number, place: number): void {
    const mask = this.high.length - 1;
    let slot = l & mask;
    while (this.places[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.high[slot] = h;
    this.low[slot] = l;
    this.places[slot] = place;
  }

  private allocate(slots: number): void {
    this.high = new Int32Array(slots);
    this.low = new Int32Array(slots);
    this.places = new Float64Array(slots).fill(EMPTY);
  }

  private grow(): void {
    const { high, low, places } = this;
    this.allocate(high.length * 2);
    for (let slot = 0; slot < high.length; slot++) {
      if (places[slot] !== EMPTY)
        this.put(high[slot] as number, low[slot] as number, places[slot] as number);
    }
  }
}
