/** The network's climate summary (the dashboard), as the API shows it. */
import { Type } from 'typebox';
import { ASSESSMENT_STATUSES } from '../../core/climate/types';
import { Nullable, Slug } from '../http/common-schemas';
import { Titles, Year } from './schema-parts';

const StatusCounts = Type.Record(Type.String(), Type.Integer());
const GroupSummary = Type.Object({
  governments: Type.Integer(),
  withTargets: Type.Integer(),
  withNetZero: Type.Integer(),
  netZeroShare: Type.Number(),
  baseEmissionsCovered: Type.Number(),
  committedReduction2030: Type.Number(),
  committedReduction2050: Type.Number(),
  byStatus: StatusCounts,
  byCountry: Type.Record(
    Type.String(),
    Type.Object({
      governments: Type.Integer(),
      withTargets: Type.Integer(),
      withNetZero: Type.Integer(),
      byStatus: StatusCounts,
    }),
  ),
});
export const ClimateSummaryRow = Type.Object({
  slug: Slug,
  names: Type.Record(Type.String(), Type.String()),
  localLang: Type.String(),
  country: Type.String(),
  region: Slug,
  isMember: Type.Boolean(),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  targets: Type.Integer(),
  netZeroYear: Nullable(Type.Integer()),
  headline: Nullable(
    Type.Object({
      targetId: Type.Integer(),
      title: Type.String(),
      titles: Titles,
      targetYear: Nullable(Type.Integer()),
      status: Type.Enum(ASSESSMENT_STATUSES),
      progress: Nullable(Type.Number()),
      illustrative: Type.Boolean({
        description:
          'The figure assessed comes from an illustrative inventory (demo figures no member reported)',
      }),
    }),
  ),
  baseEmissions: Nullable(Type.Number()),
  latestEmissions: Nullable(Type.Number()),
  latestYear: Nullable(Type.Integer()),
  latestIllustrative: Type.Boolean({
    description: 'latestEmissions comes from an illustrative inventory: label it wherever shown',
  }),
});
export const ClimateSummary = Type.Object({
  region: Nullable(Slug),
  asOfYear: Type.Integer(),
  members: GroupSummary,
  prospects: GroupSummary,
  rows: Type.Array(ClimateSummaryRow),
});
export const ClimateSummaryQuery = Type.Object({
  /** Without a region: every government of the network ("All regions" on the dashboard). */
  region: Type.Optional(Slug),
  asOf: Type.Optional(Year),
});
