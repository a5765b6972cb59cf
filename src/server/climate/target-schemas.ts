/** Targets and their assessment, as the API shows and takes them. */
import { Type, type Static } from 'typebox';
import {
  ASSESSMENT_STATUSES,
  COVERAGE_NEEDS,
  FIGURE_COVERAGES,
  NET_ZERO_LABELS,
  NOT_ASSESSABLE_REASONS,
  TARGET_BOUNDARIES,
  TARGET_STATUSES,
  TARGET_TYPES,
} from '../../core/climate/types';
import { IsoDate, Nullable, Slug, MAX_INT32 } from '../http/common-schemas';
import { Gas, GpcSector, Titles, Tonnes, Year } from './schema-parts';

const Percent = Type.Number({ minimum: -1000, maximum: 1000 });
const Url = Type.String({ format: 'uri', maxLength: 1000, pattern: '^https?://' });

export const TargetType = Type.Enum(TARGET_TYPES);
export const NetZeroLabel = Type.Enum(NET_ZERO_LABELS);
export const TargetStatus = Type.Enum(TARGET_STATUSES);
export const TargetBoundary = Type.Enum(TARGET_BOUNDARIES);

/** A year shown but not used by an assessment: a stable code, and what it compares. */
export const ExcludedYear = Type.Union([
  Type.Object({
    year: Type.Integer(),
    code: Type.Literal('coverage'),
    reported: Type.Enum(FIGURE_COVERAGES),
    required: Type.Enum(COVERAGE_NEEDS),
  }),
  Type.Object({
    year: Type.Integer(),
    code: Type.Literal('boundary'),
    reported: TargetBoundary,
    required: TargetBoundary,
  }),
  Type.Object({
    year: Type.Integer(),
    code: Type.Literal('gases'),
    reported: Type.Array(Gas),
    required: Type.Array(Gas),
  }),
]);

export const Assessment = Type.Object({
  status: Type.Enum(ASSESSMENT_STATUSES),
  reason: Nullable(Type.Enum(NOT_ASSESSABLE_REASONS)),
  targetLevel: Nullable(Type.Number()),
  actual: Nullable(Type.Number()),
  actualYear: Nullable(Type.Integer()),
  actualSource: Nullable(Type.String()),
  expected: Nullable(Type.Number()),
  progress: Nullable(
    Type.Number({ description: 'Share of the committed reduction achieved (0.414 = 41.4 %)' }),
  ),
  gap: Nullable(Type.Number({ description: 'actual − expected; positive when above the pathway' })),
  onPathway: Nullable(Type.Boolean()),
  trend: Nullable(
    Type.Object({
      slope: Type.Number(),
      intercept: Type.Number(),
      fromYear: Type.Integer(),
      toYear: Type.Integer(),
    }),
  ),
  trendYear: Nullable(Type.Integer()),
  benchmark: Nullable(
    Type.Object({
      emissions2019: Type.Number(),
      benchmark2030: Type.Number(),
      target2030: Type.Number(),
      reductionFrom2019Percent: Type.Number(),
      aligned: Type.Boolean(),
    }),
  ),
  compared: Nullable(
    Type.Enum(COVERAGE_NEEDS, {
      description: 'The total compared, from the target coverage (BASIC, BASIC+, scope 1+2…)',
    }),
  ),
  coverageAssumed: Type.Boolean({
    description: 'The target does not say what it covers; `compared` is assumed',
  }),
  excluded: Type.Array(ExcludedYear, {
    description: 'Years from the base year on whose figure is not comparable, and why',
  }),
  /** Always true: Accord computed this from reported emissions; never a self-reported figure. */
  computed: Type.Literal(true),
  asOfYear: Type.Integer(),
});
export type Assessment = Static<typeof Assessment>;

const targetFields = {
  parentTargetId: Nullable(
    Type.Integer({
      minimum: 1,
      maximum: MAX_INT32,
      description: 'The end target an interim target leads to',
    }),
  ),
  type: TargetType,
  netZeroLabel: Nullable(NetZeroLabel),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  titles: Titles,
  description: Nullable(Type.String({ maxLength: 5000 })),
  baseYear: Nullable(Year),
  baseEmissions: Nullable(Tonnes),
  targetYear: Nullable(Year),
  reductionPercent: Nullable(Percent),
  targetEmissions: Nullable(Tonnes),
  bauEmissions: Nullable(Tonnes),
  baseIntensity: Nullable(Type.Number({ minimum: 0 })),
  intensityUnit: Nullable(Type.String({ maxLength: 60, description: 'e.g. per-capita, per-gdp' })),
  fuel: Nullable(Type.String({ maxLength: 60, description: 'Fuel phased out, e.g. coal' })),
  sharePercent: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
  pollutant: Nullable(Type.String({ maxLength: 20, description: 'PM2.5, PM10, NO2' })),
  levelValue: Nullable(Type.Number({ minimum: 0 })),
  levelUnit: Nullable(Type.String({ maxLength: 20 })),
  coverage: Type.Object({
    gases: Type.Array(Gas, { uniqueItems: true }),
    scopes: Type.Array(Type.Integer({ minimum: 1, maximum: 3 }), { uniqueItems: true }),
    sectors: Type.Array(GpcSector, { uniqueItems: true }),
    boundary: TargetBoundary,
  }),
  status: TargetStatus,
  dateSet: Nullable(IsoDate),
  sourceUrl: Nullable(Url),
  sourceDocument: Nullable(Type.String({ maxLength: 300 })),
  initiatives: Type.Array(Type.String({ maxLength: 120 }), { maxItems: 30 }),
  offsetsAllowed: Nullable(Type.Boolean()),
};

export const Target = Type.Object({
  id: Type.Integer(),
  governmentSlug: Slug,
  ...targetFields,
  /** What the member reported themselves (e.g. CDP's "% of target achieved"): shown beside, never used. */
  selfReported: Nullable(
    Type.Object({
      progressPercent: Type.Number(),
      source: Nullable(
        Type.String({ description: 'Where it was reported ("CDP 2021"); null when not said' }),
      ),
    }),
  ),
  interimTargetIds: Type.Array(Type.Integer()),
  importKey: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  assessment: Assessment,
});
export type Target = Static<typeof Target>;

export const TargetCreate = Type.Object(
  {
    ...Object.fromEntries(
      Object.entries(targetFields).map(([k, v]) =>
        ['type', 'title', 'status'].includes(k) ? [k, v] : [k, Type.Optional(v)],
      ),
    ),
  } as {
    [K in keyof typeof targetFields]: K extends 'type' | 'title' | 'status'
      ? (typeof targetFields)[K]
      : ReturnType<typeof Type.Optional<(typeof targetFields)[K]>>;
  },
  { additionalProperties: false },
);
export type TargetCreate = Static<typeof TargetCreate>;
export const TargetPatch = Type.Partial(TargetCreate, { additionalProperties: false });
export type TargetPatch = Static<typeof TargetPatch>;

export const TargetList = Type.Object({ items: Type.Array(Target), asOfYear: Type.Integer() });
