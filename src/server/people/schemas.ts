import { Type, type Static } from 'typebox';
import { IsoDate, Names, Nullable, Page, PageQuery, Slug, Id } from '../http/common-schemas';
import { PositionTitle } from '../members/schemas';

export const Position = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  title: PositionTitle,
  /** Where the position is held: a government or an office of the network. */
  government: Nullable(
    Type.Object({ id: Type.Integer(), slug: Slug, names: Names, localLang: Type.String() }),
  ),
  office: Nullable(
    Type.Object({
      id: Type.Integer(),
      slug: Slug,
      name: Type.String(),
      names: Names,
    }),
  ),
  startDate: Nullable(IsoDate),
  endDate: Nullable(IsoDate),
  /**
   * The last day someone confirmed that the holder still holds the position; null when never.
   * A holder long in office with no confirmation since reads "not confirmed since".
   */
  confirmedOn: Nullable(IsoDate),
  /** Incremented by every change of the position (also the ETag): send it back as If-Match. */
  version: Type.Integer(),
});
export type Position = Static<typeof Position>;

export const Person = Type.Object({
  id: Type.Integer(),
  fullName: Type.String(),
  names: Names,
  email: Nullable(Type.String()),
  isDemo: Type.Boolean(),
  positions: Type.Array(Position),
  /**
   * Incremented by every change of the person's own fields (also the ETag): send it back as
   * If-Match. Positions change through their own routes and do not count.
   */
  version: Type.Integer(),
});
export type Person = Static<typeof Person>;

export const PersonPage = Page(Person);
export const PersonQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  government: Type.Optional(Slug),
  ...PageQuery,
});

export const PersonCreate = Type.Object(
  {
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    names: Type.Optional(Names),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  },
  { additionalProperties: false },
);
export type PersonCreate = Static<typeof PersonCreate>;
export const PersonPatch = Type.Partial(PersonCreate, { additionalProperties: false });
export type PersonPatch = Static<typeof PersonPatch>;

export const PositionCreate = Type.Object(
  {
    personId: Id,
    governmentSlug: Type.Optional(Slug),
    officeSlug: Type.Optional(Slug),
    title: PositionTitle,
    startDate: Type.Optional(Nullable(IsoDate)),
    endDate: Type.Optional(Nullable(IsoDate)),
    confirmedOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type PositionCreate = Static<typeof PositionCreate>;

export const PositionPatch = Type.Object(
  {
    title: Type.Optional(PositionTitle),
    startDate: Type.Optional(Nullable(IsoDate)),
    endDate: Type.Optional(Nullable(IsoDate)),
    /** The day the holder was confirmed in the position (not after today); null clears it. */
    confirmedOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type PositionPatch = Static<typeof PositionPatch>;
