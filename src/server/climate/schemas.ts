import { Type, type Static } from 'typebox';
import { GPC_SECTOR_CODES } from '../../core/climate/gpc';
import {
  ACTION_STATUSES,
  ASSESSMENT_STATUSES,
  COVERAGE_NEEDS,
  FIGURE_COVERAGES,
  TOTAL_COVERAGES,
  GASES,
  GWP_SETS,
  IMPORT_KINDS,
  IMPORT_RUN_STATUSES,
  INVENTORY_STATUSES,
  NET_ZERO_LABELS,
  NOT_ASSESSABLE_REASONS,
  NOTATION_KEYS,
  TARGET_BOUNDARIES,
  TARGET_STATUSES,
  TARGET_TYPES,
  VERSION_CHANGES,
  VERSIONED_RECORDS,
} from '../../core/climate/types';
import { FIGURE_BASES } from '../../core/climate/sources';
import { IsoDate, Nullable, Slug, Id, MAX_INT32, ActorLabel } from '../http/common-schemas';
import {
  ImportEntity,
  ImportReason,
  ImportRowGovernment,
  ImportRunError,
} from './imports/reason-schemas';

const Year = Type.Integer({ minimum: 1950, maximum: 2100 });
const Tonnes = Type.Number({ minimum: 0, maximum: 1e12, description: 't CO2e a year' });
const Percent = Type.Number({ minimum: -1000, maximum: 1000 });
const Url = Type.String({ format: 'uri', maxLength: 1000, pattern: '^https?://' });

export const TargetType = Type.Enum(TARGET_TYPES);
export const NetZeroLabel = Type.Enum(NET_ZERO_LABELS);
export const TargetStatus = Type.Enum(TARGET_STATUSES);
export const TargetBoundary = Type.Enum(TARGET_BOUNDARIES);
export const Gas = Type.Enum(GASES);
export const EntryGas = Type.Enum([...GASES, 'CO2e'] as const);
export const GwpSet = Type.Enum(GWP_SETS);
export const NotationKey = Type.Enum(NOTATION_KEYS);
export const ActionStatus = Type.Enum(ACTION_STATUSES);
const GpcSector = Type.Enum(GPC_SECTOR_CODES);

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
  selfReported: Nullable(Type.Object({ progressPercent: Type.Number(), source: Type.String() })),
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

export const InventoryEntry = Type.Object({
  code: Type.String({
    pattern: '^(I|II|III|IV|V|VI)(\\.[0-9]){1,2}$',
    description: 'GPC subcategory, e.g. I.1.1',
  }),
  gas: EntryGas,
  amount: Nullable(
    Type.Number({
      description:
        'Tonnes of the gas (t CO2e when gas is CO2e, HFCs or PFCs); negative only for V.2 land removals',
    }),
  ),
  notationKey: Nullable(NotationKey),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});
export type InventoryEntry = Static<typeof InventoryEntry>;

export const InventoryTotals = Type.Object({
  basic: Type.Number(),
  basicPlus: Type.Number(),
  territorial: Type.Number(),
  byScope: Type.Record(Type.String(), Type.Number()),
  bySector: Type.Record(Type.String(), Type.Number()),
  bySubsector: Type.Record(Type.String(), Type.Number()),
  byGas: Type.Record(Type.String(), Type.Number()),
  completeness: Type.Number({ description: 'Share of BASIC lines with a number or NO/IE/NA' }),
});

export const InventorySummary = Type.Object({
  id: Type.Integer(),
  governmentSlug: Slug,
  year: Year,
  gwpSet: GwpSet,
  boundary: Type.String(),
  methodology: Type.String(),
  status: Type.Enum(INVENTORY_STATUSES),
  notes: Nullable(Type.String()),
  isIllustrative: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  totals: InventoryTotals,
});
export const Inventory = Type.Object({
  ...InventorySummary.properties,
  entries: Type.Array(InventoryEntry),
});
export type Inventory = Static<typeof Inventory>;

export const InventoryCreate = Type.Object(
  {
    year: Year,
    gwpSet: GwpSet,
    boundary: Type.Optional(Type.String({ maxLength: 60 })),
    methodology: Type.Optional(Type.String({ maxLength: 60 })),
    status: Type.Optional(Type.Enum(INVENTORY_STATUSES)),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    entries: Type.Optional(Type.Array(InventoryEntry, { maxItems: 2000 })),
  },
  { additionalProperties: false },
);
export type InventoryCreate = Static<typeof InventoryCreate>;
export const InventoryPatch = Type.Object(
  {
    gwpSet: Type.Optional(GwpSet),
    boundary: Type.Optional(Type.String({ maxLength: 60 })),
    methodology: Type.Optional(Type.String({ maxLength: 60 })),
    status: Type.Optional(Type.Enum(INVENTORY_STATUSES)),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    /** When present, replaces every entry. */
    entries: Type.Optional(Type.Array(InventoryEntry, { maxItems: 2000 })),
  },
  { additionalProperties: false },
);
export type InventoryPatch = Static<typeof InventoryPatch>;

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

export const Action = Type.Object({
  id: Type.Integer(),
  governmentSlug: Slug,
  title: Type.String(),
  description: Nullable(Type.String()),
  sector: Nullable(GpcSector),
  status: ActionStatus,
  startDate: Nullable(IsoDate),
  endDate: Nullable(IsoDate),
  expectedReduction: Nullable(Type.Number({ description: 't CO2e a year' })),
  cost: Nullable(Type.Number()),
  costCurrency: Nullable(Type.String()),
  coBenefits: Type.Array(Type.String()),
  sdgs: Type.Array(Type.Integer({ minimum: 1, maximum: 17 })),
  targetIds: Type.Array(Type.Integer()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type Action = Static<typeof Action>;
export const ActionCreate = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    sector: Type.Optional(Nullable(GpcSector)),
    status: ActionStatus,
    startDate: Type.Optional(Nullable(IsoDate)),
    endDate: Type.Optional(Nullable(IsoDate)),
    expectedReduction: Type.Optional(Nullable(Tonnes)),
    cost: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
    costCurrency: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z]{3}$' }))),
    coBenefits: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 20 })),
    sdgs: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 17 }), { uniqueItems: true }),
    ),
    targetIds: Type.Optional(Type.Array(Id, { uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type ActionCreate = Static<typeof ActionCreate>;
export const ActionPatch = Type.Partial(ActionCreate, { additionalProperties: false });
export type ActionPatch = Static<typeof ActionPatch>;

export const RecordVersion = Type.Object({
  version: Type.Integer(),
  at: Type.String(),
  actor: ActorLabel,
  change: Type.Enum(VERSION_CHANGES),
  /** The record as the API presents it after the change (null after a delete). */
  snapshot: Type.Unknown(),
});
export const HistoryEntityType = Type.Enum(VERSIONED_RECORDS);
export const History = Type.Object({
  entityType: HistoryEntityType,
  entityId: Type.Integer(),
  versions: Type.Array(RecordVersion),
});

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
  isMember: Type.Boolean(),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  targets: Type.Integer(),
  netZeroYear: Nullable(Type.Integer()),
  headline: Nullable(
    Type.Object({
      targetId: Type.Integer(),
      title: Type.String(),
      targetYear: Nullable(Type.Integer()),
      status: Type.Enum(ASSESSMENT_STATUSES),
      progress: Nullable(Type.Number()),
    }),
  ),
  baseEmissions: Nullable(Type.Number()),
  latestEmissions: Nullable(Type.Number()),
  latestYear: Nullable(Type.Integer()),
});
export const ClimateSummary = Type.Object({
  region: Nullable(Slug),
  asOfYear: Type.Integer(),
  members: GroupSummary,
  prospects: GroupSummary,
  rows: Type.Array(ClimateSummaryRow),
});
export const ClimateSummaryQuery = Type.Object({
  region: Type.Optional(Slug),
  asOf: Type.Optional(Year),
});

export const ImportKind = Type.Enum(IMPORT_KINDS);
export type ImportKind = Static<typeof ImportKind>;
/** An Accord field and the source columns it came from. */
export const ImportFieldSources = Type.Object({
  field: Type.String({
    description: "Accord's field, by its key (scope1Total, targetYear…)",
  }),
  sources: Type.Array(Type.String(), {
    description: 'The headers of the columns it came from, as the file spells them',
  }),
});
export type ImportFieldSources = Static<typeof ImportFieldSources>;
export const ImportRun = Type.Object({
  id: Type.Integer(),
  kind: ImportKind,
  fileName: Type.String(),
  layout: Nullable(
    Type.String({ description: 'The header layout recognised, e.g. cdp-targets-2021-openclimate' }),
  ),
  encoding: Nullable(
    Type.String({
      description:
        "The CSV file's character encoding as read: detected from its first bytes or chosen " +
        '(utf-8, utf-16le, utf-16be, windows-1252, shift_jis, euc-kr, big5, gb18030); null for XLSX',
    }),
  ),
  dryRun: Type.Boolean(),
  status: Type.Enum(IMPORT_RUN_STATUSES),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
  error: Nullable(Type.String({ description: 'Why it failed or was interrupted, in English' })),
  errorReason: Nullable(ImportRunError),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  warnings: Type.Array(
    Type.Object({
      code: Type.Literal('unread-numbers'),
      column: Type.String({ description: "The column's header" }),
      rows: Type.Integer({ description: 'How many rows have a number in it' }),
      firstRow: Type.Integer({ description: 'The first such row' }),
      detail: Type.String(),
    }),
    { description: 'What the run read past: a column with numbers that no field reads' },
  ),
  columns: Nullable(
    Type.Array(ImportFieldSources, {
      description:
        "The run's column map: each field it reads and the column it reads it from, however " +
        'the layout was chosen (a known layout, a saved one, a mapping); null before the ' +
        'layout is known, and for runs from before it was recorded',
    }),
  ),
});
export type ImportRun = Static<typeof ImportRun>;
export type ImportWarning = ImportRun['warnings'][number];
/** A column of a saved layout: its header and the field it holds (null: ignored). */
export const ImportLayoutColumn = Type.Object({
  header: Type.String({ minLength: 1, maxLength: 500 }),
  field: Nullable(Type.String({ minLength: 1, maxLength: 60 })),
});
export const ImportLayoutName = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'Letters, digits, spaces, dots, dashes or underscores',
});
export const ImportLayoutInput = Type.Object({
  kind: ImportKind,
  columns: Type.Array(ImportLayoutColumn, { minItems: 1, maxItems: 500 }),
});
export const ImportLayout = Type.Object({
  name: Type.String(),
  kind: ImportKind,
  columns: Type.Array(ImportLayoutColumn),
  version: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ImportLayout = Static<typeof ImportLayout>;
/** What the mapping step shows of a file: its columns, what each holds, a few values. */
export const ImportColumns = Type.Object({
  kind: ImportKind,
  headerRow: Type.Integer(),
  layout: Nullable(Type.String({ description: 'The layout that fits, if one does' })),
  missing: Type.Array(Type.String(), {
    description: 'Headers the closest layout needs and the file lacks',
  }),
  columns: Type.Array(
    Type.Object({
      index: Type.Integer(),
      header: Type.String(),
      field: Nullable(Type.String({ description: 'The field Accord reads from it, if any' })),
      ignored: Type.Boolean({ description: 'A column known and read on purpose by no field' }),
      numeric: Type.Boolean({ description: 'Some of its first values are numbers' }),
      samples: Type.Array(Type.String()),
    }),
  ),
  fields: Type.Array(Type.String(), { description: "The kind's fields, in order" }),
  needs: Type.Object({
    all: Type.Array(Type.String()),
    oneOf: Type.Array(Type.Array(Type.String())),
  }),
});
export type ImportColumns = Static<typeof ImportColumns>;
export const ImportRunRow = Type.Object({
  row: Type.Integer(),
  action: Type.Enum(['create', 'update', 'skip', 'unchanged'] as const),
  entity: Nullable(Type.String({ description: 'The records it carries, in English' })),
  entities: Nullable(
    Type.Array(ImportEntity, { description: 'The same, structured; null for older runs' }),
  ),
  government: Nullable(Type.String({ description: "The government's slug" })),
  governmentNames: Nullable(ImportRowGovernment),
  reason: Nullable(Type.String({ description: 'Its reasons in English, for older clients' })),
  reasons: Nullable(
    Type.Array(ImportReason, {
      description: 'Its reasons as codes with parameters, in order; null for older runs',
    }),
  ),
  fields: Nullable(
    Type.Array(ImportFieldSources, {
      description:
        'The fields this row had a value for (a cell that says something) and the columns each ' +
        "came from; a value made from several (a scope total summed from CDP's split columns, a " +
        "long table's line) names every column that fed it. Null when not recorded (older runs)",
    }),
  ),
});
export type ImportRunRow = Static<typeof ImportRunRow>;
