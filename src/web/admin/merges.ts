/**
 * Merging two records of one government, as the admin pages show it: the report of likely
 * duplicates, the merges made and their undo (GET /government-duplicates, /government-merges).
 */
import type { GovernmentKind, MembershipCategory } from '../../core/membership';

export interface DuplicateSide {
  slug: string;
  name: string;
  aliases: string[];
  kind: GovernmentKind;
  country: string;
  category: MembershipCategory;
  cdpAccount: string | null;
  nztId: string | null;
  latitude: number | null;
  longitude: number | null;
  targets: number;
  reports: number;
  createdAt: string;
}

export interface DuplicatePair {
  a: DuplicateSide;
  b: DuplicateSide;
  reasons: ('name' | 'place')[];
  matchingNames: string[];
  distanceKm: number | null;
  keysDiffer: boolean;
  suggestedKeep: string;
}

export interface GovernmentMerge {
  id: number;
  kept: { slug: string; name: string; exists: boolean };
  merged: { slug: string; name: string; exists: boolean };
  at: string;
  by: string;
  rows: Record<string, number>;
  undoneAt: string | null;
  undoneBy: string | null;
  undoable: boolean;
}

/** The two sides of a pair as the merge takes them: the one kept and the one merged into it. */
export function sidesFor(
  pair: DuplicatePair,
  keep: string,
): { kept: DuplicateSide; merged: DuplicateSide } {
  return keep === pair.b.slug ? { kept: pair.b, merged: pair.a } : { kept: pair.a, merged: pair.b };
}

/** A stable key of a pair, whichever side is listed first. */
export function pairKey(pair: Pick<DuplicatePair, 'a' | 'b'>): string {
  return [pair.a.slug, pair.b.slug].sort().join('|');
}

/** How many rows a merge moved, changed or removed, in all. */
export function rowsTotal(merge: Pick<GovernmentMerge, 'rows'>): number {
  return Object.values(merge.rows).reduce((sum, n) => sum + n, 0);
}
