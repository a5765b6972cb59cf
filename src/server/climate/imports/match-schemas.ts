import { Type, type Static } from 'typebox';
import { Nullable, Slug } from '../../http/common-schemas';

/** The matches an import run was not sure of, and a person's decision on each (API shapes). */

export const MatchDecisionValue = Type.Enum(['accept', 'create', 'skip'] as const, {
  description:
    'accept: the rows are about `government`; create: a new prospect for them; skip: not imported',
});

export const ImportMatch = Type.Object({
  id: Type.Integer(),
  /** The first row about this subject. */
  row: Type.Integer(),
  /** The names the file gives. */
  names: Type.Array(Type.String()),
  country: Nullable(Type.String()),
  /**
   * likely: matched by name, places not confirming; several: more than one candidate (the rows
   * were skipped); other-key: a namesake that carries another CDP account or tracker id (a new
   * prospect was created beside it).
   */
  status: Type.Enum(['likely', 'several', 'other-key'] as const),
  /** The government the run used or created; null when it skipped the rows. */
  applied: Nullable(Type.Object({ slug: Slug, name: Type.String(), exists: Type.Boolean() })),
  candidates: Type.Array(Type.Object({ slug: Slug, name: Type.String(), exists: Type.Boolean() })),
  /** On a preview, a person's decision (the real import applies it); on a run, the one applied. */
  decision: Nullable(MatchDecisionValue),
  government: Nullable(Slug),
  decidedAt: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
});
export type ImportMatch = Static<typeof ImportMatch>;

export const ImportMatchDecision = Type.Object(
  {
    /** null takes a decision back: the run decides as it would without one. */
    decision: Nullable(MatchDecisionValue),
    government: Type.Optional(Nullable(Slug)),
  },
  { additionalProperties: false },
);
export type ImportMatchDecision = Static<typeof ImportMatchDecision>;
