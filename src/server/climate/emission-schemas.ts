/** Emission reports and a government's emissions year by year, as the API shows and takes them. */
import { Type, type Static } from 'typebox';
import { FIGURE_COVERAGES, TOTAL_COVERAGES } from '../../core/climate/types';
import { FIGURE_BASES } from '../../core/climate/sources';
import { IsoDate, Nullable, Slug } from '../http/common-schemas';
import { Gas, Tonnes, Year } from './schema-parts';

const TotalCoverage = Type.Enum(TOTAL_COVERAGES, {
  description: 'What the total covers (GPC BASIC, BASIC+, scope 1 + 2, scope 1); null: not said',
});
const ReportBoundary = Type.Enum(['city-wide', 'partial', 'larger'] as const, {
  description: 'The inventory boundary against the administrative boundary',
});

export const EmissionReport = Type.Object({
  id: Type.Integer(),
  governmentSlug: Slug,
  year: Year,
  source: Type.String({ description: 'cdp, national, other' }),
  sourceLabel: Type.String(),
  periodStart: Nullable(IsoDate),
  periodEnd: Nullable(IsoDate),
  scope1: Nullable(Type.Number()),
  scope2: Nullable(Type.Number()),
  scope3: Nullable(Type.Number()),
  basic: Nullable(Type.Number()),
  basicPlus: Nullable(Type.Number()),
  total: Nullable(Type.Number()),
  totalCoverage: Nullable(TotalCoverage),
  gases: Nullable(Type.String()),
  protocol: Nullable(Type.String({ description: 'The methodology the figures follow' })),
  boundary: Nullable(Type.String()),
  reportYear: Nullable(
    Type.Integer({ description: 'The year the report was published (the CDP reporting year)' }),
  ),
  dataset: Nullable(
    Type.String({ description: 'The kind of file it was imported from; null if entered by hand' }),
  ),
  preferred: Type.Boolean({
    description: 'Chosen by staff for its year: used whatever the rule would choose',
  }),
  provenance: Type.Record(Type.String(), Type.Unknown()),
  version: Type.Integer(),
});
export type EmissionReport = Static<typeof EmissionReport>;

export const EmissionReportCreate = Type.Object(
  {
    year: Year,
    source: Type.String({ minLength: 1, maxLength: 40 }),
    sourceLabel: Type.String({ minLength: 1, maxLength: 200 }),
    periodStart: Type.Optional(Nullable(IsoDate)),
    periodEnd: Type.Optional(Nullable(IsoDate)),
    scope1: Type.Optional(Nullable(Tonnes)),
    scope2: Type.Optional(Nullable(Tonnes)),
    scope3: Type.Optional(Nullable(Tonnes)),
    basic: Type.Optional(Nullable(Tonnes)),
    basicPlus: Type.Optional(Nullable(Tonnes)),
    total: Type.Optional(Nullable(Tonnes)),
    totalCoverage: Type.Optional(Nullable(TotalCoverage)),
    gases: Type.Optional(Nullable(Type.Array(Gas, { uniqueItems: true }))),
    protocol: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    boundary: Type.Optional(Nullable(ReportBoundary)),
    reportYear: Type.Optional(Nullable(Year)),
    preferred: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type EmissionReportCreate = Static<typeof EmissionReportCreate>;

/** One year of a government's emissions, from every source, with the one progress uses. */
export const EmissionsYear = Type.Object({
  year: Year,
  /** The figure assessments use this year (t CO2e) and where it comes from. */
  value: Nullable(Type.Number()),
  source: Nullable(Type.String()),
  basis: Nullable(
    Type.Enum(FIGURE_BASES, {
      description:
        'Why the value is used: chosen by staff, the member’s own inventory, or the newest report',
    }),
  ),
  reportId: Nullable(Type.Integer({ description: 'The report the value comes from' })),
  coverage: Nullable(Type.Enum(FIGURE_COVERAGES, { description: 'What the value covers' })),
  inventory: Nullable(
    Type.Object({
      id: Type.Integer(),
      basic: Type.Number(),
      basicPlus: Type.Number(),
      isIllustrative: Type.Boolean(),
    }),
  ),
  /** Every report of the year, the one used first, then by the precedence rule. */
  reports: Type.Array(EmissionReport),
});
export const EmissionsSeries = Type.Object({
  governmentSlug: Slug,
  years: Type.Array(EmissionsYear),
});
