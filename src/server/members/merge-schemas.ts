import { Type, type Static } from 'typebox';
import { Nullable, Slug } from '../http/common-schemas';
import { CountryCode, GovernmentKind, MembershipCategory } from './schemas';

/** The API's shapes for merging governments and the report of likely duplicates. */

export const GovernmentMergeInput = Type.Object(
  {
    keep: Slug,
    merge: Slug,
  },
  { additionalProperties: false },
);
export type GovernmentMergeInput = Static<typeof GovernmentMergeInput>;

const MergeSide = Type.Object({
  slug: Slug,
  name: Type.String(),
  /** Whether the government exists now (a merged one does again once the merge is undone). */
  exists: Type.Boolean(),
});

export const GovernmentMerge = Type.Object({
  id: Type.Integer(),
  kept: MergeSide,
  merged: MergeSide,
  at: Type.String({ description: 'ISO 8601' }),
  /** Who merged them, as the audit log names them. */
  by: Type.String(),
  /** Rows moved, changed or removed, by table. */
  rows: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  undoneAt: Nullable(Type.String()),
  undoneBy: Nullable(Type.String()),
  /** False once undone, or when the kept government was merged into another since. */
  undoable: Type.Boolean(),
});
export type GovernmentMerge = Static<typeof GovernmentMerge>;

export const DuplicateSide = Type.Object({
  slug: Slug,
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  kind: GovernmentKind,
  country: CountryCode,
  category: MembershipCategory,
  cdpAccount: Nullable(Type.String()),
  nztId: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  targets: Type.Integer({ minimum: 0 }),
  reports: Type.Integer({ minimum: 0 }),
  createdAt: Type.String(),
});
export type DuplicateSide = Static<typeof DuplicateSide>;

export const DuplicatePair = Type.Object({
  a: DuplicateSide,
  b: DuplicateSide,
  /** Why they look alike: a likely name with the country, or the same place (within 5 km). */
  reasons: Type.Array(Type.Enum(['name', 'place'] as const)),
  /** The names that match (folded), for a name match. */
  matchingNames: Type.Array(Type.String()),
  distanceKm: Nullable(Type.Number()),
  /** Both carry a CDP account, or both a tracker id, and they differ: perhaps two entities. */
  keysDiffer: Type.Boolean(),
  /** The one to keep: a member over a prospect, then the one with more records, then the older. */
  suggestedKeep: Slug,
});
export type DuplicatePair = Static<typeof DuplicatePair>;

export const DuplicateReport = Type.Object({ items: Type.Array(DuplicatePair) });
