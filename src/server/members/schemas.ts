import { Type, type Static } from 'typebox';
import {
  GOVERNMENT_KINDS,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
  POSITION_TITLES,
} from '../../core/membership';
import { IsoDate, Names, Nullable, Page, PageQuery, Slug } from '../http/common-schemas';

export const GovernmentKind = Type.Enum(GOVERNMENT_KINDS);
export const MembershipCategory = Type.Enum(MEMBERSHIP_CATEGORIES);
export const MembershipStatus = Type.Enum(MEMBERSHIP_STATUSES);
export const PositionTitle = Type.Enum(POSITION_TITLES);
export const CountryCode = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2',
});

export const Membership = Type.Object({
  category: MembershipCategory,
  status: MembershipStatus,
  since: Nullable(IsoDate),
});

export const GovernmentSummary = Type.Object({
  id: Type.Integer(),
  slug: Slug,
  kind: GovernmentKind,
  names: Names,
  /** The language of the official local name (a key of names). */
  localLang: Type.String(),
  aliases: Type.Array(Type.String()),
  country: CountryCode,
  region: Slug,
  membership: Membership,
  population: Nullable(Type.Integer()),
  populationYear: Nullable(Type.Integer()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  isDemo: Type.Boolean(),
});
export type GovernmentSummary = Static<typeof GovernmentSummary>;

export const OfficeHolder = Type.Object({
  positionId: Type.Integer(),
  personId: Type.Integer(),
  fullName: Type.String(),
  personNames: Names,
  title: PositionTitle,
  startDate: Nullable(IsoDate),
  endDate: Nullable(IsoDate),
  /** The last day the holder was confirmed in the position; null when never. */
  confirmedOn: Nullable(IsoDate),
});
export type OfficeHolder = Static<typeof OfficeHolder>;

export const Government = Type.Object({
  ...GovernmentSummary.properties,
  areaKm2: Nullable(Type.Number()),
  unlocode: Nullable(Type.String()),
  cdpAccount: Nullable(Type.String()),
  website: Nullable(Type.String()),
  /** Positions held today (no end date, or an end date not yet passed). */
  officeHolders: Type.Array(OfficeHolder),
  /** Every position ever recorded, newest first. */
  positions: Type.Array(OfficeHolder),
  /** Incremented by every change of the record (also the ETag): send it back as If-Match. */
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Government = Static<typeof Government>;

export const GovernmentSort = Type.Enum([
  'name',
  '-name',
  'population',
  '-population',
  'country',
  '-country',
] as const);

export const GovernmentQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description:
        'Any part of a name or alias, in any script. Without sort, exact matches come first, then names that start with q, then the rest; within each, names in the language of lang first',
    }),
  ),
  region: Type.Optional(Slug),
  country: Type.Optional(CountryCode),
  category: Type.Optional(MembershipCategory),
  sort: Type.Optional(GovernmentSort),
  lang: Type.Optional(
    Type.String({ description: 'Language whose names sort by name and rank first in a search' }),
  ),
  ...PageQuery,
});
export type GovernmentQuery = Static<typeof GovernmentQuery>;

export const GovernmentPage = Page(GovernmentSummary);

const Url = Type.String({ format: 'uri', maxLength: 500, pattern: '^https?://' });

/** Fields an officer or admin may change; membership only by admins. */
export const GovernmentPatch = Type.Object(
  {
    names: Type.Optional(Names),
    aliases: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 }),
    ),
    kind: Type.Optional(GovernmentKind),
    country: Type.Optional(CountryCode),
    region: Type.Optional(Slug),
    localLang: Type.Optional(Type.String({ minLength: 2, maxLength: 10 })),
    population: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 }))),
    populationYear: Type.Optional(Nullable(Type.Integer({ minimum: 1800, maximum: 2100 }))),
    areaKm2: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000 }))),
    latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
    unlocode: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z]{2} ?[A-Z2-9]{3}$' }))),
    cdpAccount: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{1,12}$' }))),
    website: Type.Optional(Nullable(Url)),
    membership: Type.Optional(
      Type.Object(
        {
          category: MembershipCategory,
          status: Type.Optional(MembershipStatus),
          since: Type.Optional(Nullable(IsoDate)),
        },
        {
          description:
            'Not writable here: a membership follows its years (the /membership routes start, renew and suspend them). Sending it is refused with 422 and the code membership-by-years.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type GovernmentPatch = Static<typeof GovernmentPatch>;

/** A new government: a slug, an English name (checked by the service) and where it is. */
export const GovernmentCreate = Type.Object(
  {
    ...GovernmentPatch.properties,
    slug: Slug,
    names: Names,
    kind: GovernmentKind,
    country: CountryCode,
    region: Slug,
    localLang: Type.String({ minLength: 2, maxLength: 10 }),
  },
  { additionalProperties: false },
);
export type GovernmentCreate = Static<typeof GovernmentCreate>;
export const Region = Type.Object({
  slug: Slug,
  name: Type.String(),
  governmentCount: Type.Integer(),
  memberCount: Type.Integer(),
});
export type Region = Static<typeof Region>;
