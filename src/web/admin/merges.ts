/**
 * Merging two records of one government, as the admin pages show it: the report of likely
 * duplicates (governments, and targets of one government stated twice), the merges made and
 * their undo, and pairs marked as not the same (GET /government-duplicates,
 * /government-merges, /duplicate-dismissals).
 */
import type { NetZeroLabel, TargetStatus, TargetType } from '../../core/climate/types';
import type { GovernmentKind, MembershipCategory } from '../../core/membership';
import type { NamesByLanguage } from '../../core/names';

/**
 * What tells a government apart from another of the same name, as a person knows it: its
 * names (said in the reader's language), its kind and its country. Never its slug.
 */
export interface GovernmentApart {
  names: NamesByLanguage;
  localLang: string;
  kind: GovernmentKind;
  country: string;
}

export interface DuplicateSide extends GovernmentApart {
  /** For links and requests only; never shown. */
  slug: string;
  name: string;
  aliases: string[];
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

/** Where a target came from (its import key's source), as the report says it. */
export const TARGET_ORIGINS = ['cdp', 'tracker', 'accord-export', 'import', 'entered'] as const;
export type TargetOrigin = (typeof TARGET_ORIGINS)[number];

export interface DuplicateTargetSide {
  id: number;
  title: string;
  type: TargetType;
  netZeroLabel: NetZeroLabel | null;
  baseYear: number | null;
  targetYear: number | null;
  reductionPercent: number | null;
  targetEmissions: number | null;
  status: TargetStatus;
  origin: TargetOrigin;
  sourceDocument: string | null;
  interim: boolean;
  interims: number;
  actions: number;
  updatedAt: string;
}

export interface DuplicateTargetPair {
  government: { slug: string; name: string };
  a: DuplicateTargetSide;
  b: DuplicateTargetSide;
  suggestedKeep: number;
}

export interface DuplicateReport {
  items: DuplicatePair[];
  targetPairs: DuplicateTargetPair[];
  dismissed: { governments: number; targets: number };
}

export interface DuplicateDismissal {
  id: number;
  kind: 'government' | 'target';
  a: DismissalSide;
  b: DismissalSide;
  at: string;
  by: string;
}

export interface DismissalSide {
  name: string;
  exists: boolean;
  slug: string | null;
  governmentName: string | null;
  /** The government's (or the target's government's) names, while it exists. */
  government: { names: Partial<Record<string, string>>; localLang: string } | null;
  /** A target's title by language, while it exists. */
  titles: Partial<Record<string, string>> | null;
}

export interface TargetResolution {
  kept: number;
  removed: number;
  interims: number;
  actions: number;
}

export interface MergeSide extends GovernmentApart {
  /** For links only; never shown. */
  slug: string;
  name: string;
  exists: boolean;
}

export interface GovernmentMerge {
  id: number;
  kept: MergeSide;
  merged: MergeSide;
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

/** The two targets of a pair as keeping one takes them: the one kept and the one removed. */
export function targetSidesFor(
  pair: DuplicateTargetPair,
  keep: number,
): { kept: DuplicateTargetSide; removed: DuplicateTargetSide } {
  return keep === pair.b.id ? { kept: pair.b, removed: pair.a } : { kept: pair.a, removed: pair.b };
}

/**
 * Two governments' names for a sentence ("Merge A into B?"): each by its name, and where the
 * two names read the same, each with what tells it apart (`apart`: its kind and country).
 */
export function namesApart<S>(
  a: S,
  b: S,
  name: (side: S) => string,
  apart: (side: S) => string,
): [string, string] {
  const [na, nb] = [name(a), name(b)];
  return na === nb ? [apart(a), apart(b)] : [na, nb];
}
