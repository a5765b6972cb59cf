/**
 * The ballot box: how a cast ballot is placed so that the box says nothing of who cast it or when.
 *
 * Each ballot is written once, under a key of 122 random bits drawn at the cast, and never moved;
 * the box is always read in key order (and on SQLite stored in it: the table has no rowid). Why
 * this and not a shuffle kept up cast by cast:
 *
 * - One copy of the box: the keys are independent uniform draws, so the order of the ballots by
 *   key is a uniformly random permutation of the casts, whatever the order of arrival.
 * - Two copies taken apart (two backups): the ballots present in the second and not the first are
 *   the casts in between (their choices follow from the totals anyway); their keys are fresh
 *   independent draws, so which of them came with which of those casts is as uncertain as if the
 *   box had been shaken whole. Old ballots never move, so they tell nothing either.
 * - One write per cast, whatever the size of the box: a 10,000-member election is linear in all.
 *
 * An "inside-out" Fisher–Yates kept in slots (the new ballot takes a random slot j in [0, n] and
 * the ballot there moves to slot n) also gives a uniform box after every cast at O(1) writes, but
 * not the second guarantee: where the displaced old ballots end up records when they were moved,
 * and so which new ballot came before which (ballot-box.test.ts shows a case where two copies
 * pin the order of two casts exactly). The full shuffle of every cast that this replaces kept both
 * guarantees at a cost that grew with the box (quadratic over an election).
 */

/** A source of random bytes: node's crypto.randomBytes in service, a seeded one in tests. */
export type RandomBytes = (size: number) => Uint8Array;

/**
 * A ballot's key: a version-4 UUID (122 random bits) from `random`. Its only use is the order
 * the box is read and stored in; nothing else may depend on it.
 */
export function ballotKey(random: RandomBytes): string {
  const b = Uint8Array.from(random(16));
  if (b.length !== 16) throw new Error('ballotKey needs 16 random bytes');
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The choices as stored: sorted, so that the order the boxes were ticked in says nothing. */
export function sealedChoices(choices: readonly number[]): number[] {
  return [...choices].sort((a, b) => a - b);
}
