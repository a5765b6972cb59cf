import { Type, type Static } from 'typebox';
import { NET_ZERO_LABELS, TARGET_STATUSES, TARGET_TYPES } from '../../core/climate/types';
import { ActorLabel, Id, Names, Nullable, PageQuery, Slug } from '../http/common-schemas';
import { Titles } from '../climate/schema-parts';
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

/** What tells a government apart from one of the same name: where it is and what it is. */
const Distinguishing = {
  /** Its names by language (what the web shows, in the reader's language). */
  names: Names,
  /** The language of its own name (BCP 47). */
  localLang: Type.String(),
  kind: GovernmentKind,
  country: CountryCode,
};

const MergeSide = Type.Object({
  slug: Slug,
  /** Its English name (or its first). */
  name: Type.String(),
  ...Distinguishing,
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
  /** Its English name (or its first). */
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  ...Distinguishing,
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
  /** For a name match: the names and aliases of either that match, as written. */
  matchingNames: Type.Array(Type.String()),
  distanceKm: Nullable(Type.Number()),
  /** Both carry a CDP account, or both a tracker id, and they differ: perhaps two entities. */
  keysDiffer: Type.Boolean(),
  /** The one to keep: a member over a prospect, then the one with more records, then the older. */
  suggestedKeep: Slug,
});
export type DuplicatePair = Static<typeof DuplicatePair>;

/** Where a target came from, by its import key: a file's import, or entered in Accord. */
export const TARGET_ORIGINS = ['cdp', 'tracker', 'accord-export', 'import', 'entered'] as const;
export type TargetOrigin = (typeof TARGET_ORIGINS)[number];

export const DuplicateTargetSide = Type.Object({
  id: Id,
  title: Type.String(),
  type: Type.Enum(TARGET_TYPES),
  netZeroLabel: Nullable(Type.Enum(NET_ZERO_LABELS)),
  baseYear: Nullable(Type.Integer()),
  targetYear: Nullable(Type.Integer()),
  reductionPercent: Nullable(Type.Number()),
  targetEmissions: Nullable(Type.Number()),
  status: Type.Enum(TARGET_STATUSES),
  origin: Type.Enum(TARGET_ORIGINS),
  sourceDocument: Nullable(Type.String()),
  /** Whether it is an interim step of another target. */
  interim: Type.Boolean(),
  /** Interim targets that point at it, and actions linked to it: they go to the one kept. */
  interims: Type.Integer({ minimum: 0 }),
  actions: Type.Integer({ minimum: 0 }),
  updatedAt: Type.String(),
});
export type DuplicateTargetSide = Static<typeof DuplicateTargetSide>;

export const DuplicateTargetPair = Type.Object({
  government: Type.Object({ slug: Slug, name: Type.String() }),
  a: DuplicateTargetSide,
  b: DuplicateTargetSide,
  /** The one to keep: the one with interim targets or actions, then the one stating more, then the older. */
  suggestedKeep: Id,
});
export type DuplicateTargetPair = Static<typeof DuplicateTargetPair>;

export const DuplicateReport = Type.Object({
  items: Type.Array(DuplicatePair),
  /** Targets of one government that state the same thing (src/core/climate/same-target.ts). */
  targetPairs: Type.Array(DuplicateTargetPair),
  /** Pairs found again but left out, because an administrator said they are two. */
  dismissed: Type.Object({
    governments: Type.Integer({ minimum: 0 }),
    targets: Type.Integer({ minimum: 0 }),
  }),
});
export type DuplicateReport = Static<typeof DuplicateReport>;

// "Not the same": the marks and their withdrawal

export const DismissalKind = Type.Enum(['government', 'target'] as const);

export const GovernmentDismissalInput = Type.Object(
  { a: Slug, b: Slug },
  { additionalProperties: false },
);
export type GovernmentDismissalInput = Static<typeof GovernmentDismissalInput>;

export const TargetDismissalInput = Type.Object({ a: Id, b: Id }, { additionalProperties: false });
export type TargetDismissalInput = Static<typeof TargetDismissalInput>;

const DismissalSide = Type.Object({
  /** The government's name, or the target's title (as it was when the mark was made, once gone). */
  name: Type.String(),
  /** Whether the record exists now (a merged government does again once the merge is undone). */
  exists: Type.Boolean(),
  /** The government, or the target's government (for a link), while it exists. */
  slug: Nullable(Slug),
  /** A target's government's name, while it exists. */
  governmentName: Nullable(Type.String()),
  /**
   * The government's names by language and the language of its own (the target's government's
   * for a target), while it exists: the web names it in the reader's language.
   */
  government: Nullable(Type.Object({ names: Names, localLang: Type.String() })),
  /** A target's title by language, while it exists (`name` is the title as entered). */
  titles: Nullable(Titles),
});

export const DuplicateDismissal = Type.Object({
  id: Id,
  kind: DismissalKind,
  a: DismissalSide,
  b: DismissalSide,
  at: Type.String({ description: 'ISO 8601' }),
  by: ActorLabel,
});
export type DuplicateDismissal = Static<typeof DuplicateDismissal>;

export const DismissalQuery = Type.Object({ kind: Type.Optional(DismissalKind), ...PageQuery });

// Keeping one of two targets that state the same thing

export const TargetResolutionInput = Type.Object(
  { keep: Id, remove: Id },
  { additionalProperties: false },
);
export type TargetResolutionInput = Static<typeof TargetResolutionInput>;

export const TargetResolution = Type.Object({
  kept: Id,
  removed: Id,
  /** Interim targets of the removed one now pointing at the one kept. */
  interims: Type.Integer({ minimum: 0 }),
  /** Actions linked to the removed one now linked to the one kept. */
  actions: Type.Integer({ minimum: 0 }),
});
export type TargetResolution = Static<typeof TargetResolution>;
