import type { ImportKind } from '../../../core/climate/types';

/**
 * The column layouts Accord can read, as data. CDP renames its export's columns almost every
 * year and the Net Zero Tracker has changed its own, so columns are recognised by what they
 * mean: each field has the header texts that have meant it (FIELD_ALIASES, every layout's
 * spellings together plus a few more), compared after normaliseHeader (recognise.ts), and each
 * known export is a layout naming the headers of its year and the fields it cannot do without.
 * A new year's file is supported by adding its spellings here, not by changing the importer.
 */

/** Fields of a CDP "Emissions Reduction Targets" row. */
export const CDP_TARGET_FIELDS = [
  'reportingYear',
  'account',
  'organization',
  'city',
  'country',
  'cdpRegion',
  'cityBoundary',
  'targetType',
  'sector',
  'sourcesDiffering',
  'targetBoundary',
  'baseYear',
  'yearSet',
  'baseEmissions',
  'percent',
  'targetYear',
  'targetEmissions',
  'projectedPopulation',
  'intensityUnit',
  'baseIntensity',
  'bauEmissions',
  'achieved',
  'initiatives',
  'methodology',
  'parisAligned',
  'higherLevelAligned',
  'description',
  'population',
  'populationYear',
  'location',
  'lastUpdate',
  'name',
  'entityType',
  'iso',
] as const;
export type CdpTargetField = (typeof CDP_TARGET_FIELDS)[number];

/** Fields of a CDP "City-wide Emissions" row, across the years' layouts. */
export const CDP_EMISSION_FIELDS = [
  'reportingYear',
  'account',
  'organization',
  'city',
  'country',
  'cdpRegion',
  'inventoryStatus',
  'accountingYear',
  'cityBoundary',
  'inventoryBoundary',
  'protocol',
  'protocolComment',
  'gases',
  'directGeneration',
  'directExcludingGeneration',
  'indirectGeneration',
  'indirectExcludingGeneration',
  'outsideGeneration',
  'outsideExcludingGeneration',
  'scope1Total',
  'scope2Total',
  'scope3Total',
  'basic',
  'basicPlus',
  'citywideTotal',
  /** What a city-wide total covers ("Total Scope 1, Scope 2 and Waste Scope 3 (Total BASIC emissions)"). */
  'totalCoverage',
  'change',
  'changeReason',
  'landArea',
  'population',
  'populationYear',
  'location',
  'lastUpdate',
  /** Long tables (one row per line of a report): the line's name, its column and its figure. */
  'line',
  'lineColumn',
  'lineValue',
  /** Sums of a long table's sector lines by scope, used where no TOTAL line is given. */
  'scope1Lines',
  'scope2Lines',
  'scope3Lines',
] as const;
export type CdpEmissionField = (typeof CDP_EMISSION_FIELDS)[number];

/**
 * Fields of a Net Zero Tracker row (one actor with its end and interim target). The emissions
 * columns (baseline, target, BAU) hold MtCO2e in the tracker's codebook; a cell may also state
 * its unit ("640 ktCO2e") or, for intensity targets, an intensity ("6.1 tCO2e/capita").
 */
export const NZT_FIELDS = [
  'idCode',
  'name',
  'country',
  'actorType',
  'endTarget',
  'endTargetYear',
  'endTargetStatus',
  'endTargetPercent',
  'endTargetBaselineYear',
  'endTargetBaselineEmissions',
  'endTargetTargetEmissions',
  'endTargetBauEmissions',
  'endTargetIntensityUnit',
  'endTargetOther',
  'endTargetText',
  'interimTarget',
  'interimTargetYear',
  'interimTargetPercent',
  'interimTargetBaselineYear',
  'interimTargetBaselineEmissions',
  'interimTargetTargetEmissions',
  'interimTargetBauEmissions',
  'interimTargetIntensityUnit',
  'interimTargetOther',
  'interimTargetText',
  'statusDate',
  'sourceUrl',
  'raceToZero',
  'gases',
  'scope1',
  'scope2',
  'scope3',
  'hasPlan',
  'reportingMechanism',
  'offsets',
] as const;
export type NztField = (typeof NZT_FIELDS)[number];

/**
 * How the rows of a long table become reports: CDP's 2017 GPC export and its 2022–2023
 * questionnaire exports give one row per line (and column) of a city's inventory table.
 */
export interface LongTable<F extends string = string> {
  /** Rows with the same values in these fields are one report. */
  groupBy: readonly F[];
  /** The field naming the line, the one naming its column (if any) and the one with its figure. */
  line: F;
  column?: F;
  value: F;
  /**
   * Accord's field → the lines (and, in tables with columns, the columns) whose figure it is,
   * compared after normaliseHeader. Of several lines giving one field, the first figure counts.
   */
  lines: readonly { field: F; names: readonly string[]; columns?: readonly string[] }[];
  /** Other lines that name a scope ("Transportation – Scope 2 (II.X.2)") are summed into these. */
  scopeSums?: readonly [F, F, F];
}

export interface Layout<F extends string = string> {
  id: string;
  kind: ImportKind;
  label: string;
  /** Accord's field → the header texts of this layout that mean it. */
  columns: Partial<Record<F, readonly string[]>>;
  /** Fields without which a file of this layout cannot be imported. */
  required: readonly F[];
  /** Of each list, one field at least (a report needs one figure, whichever it is). */
  requiredOneOf?: readonly (readonly F[])[];
  /** Headers of this layout Accord reads nothing from on purpose: no warning names them. */
  ignored?: readonly string[];
  /** Set for long tables (one row per line of a report). */
  long?: LongTable<F>;
  /** A layout a person made in the mapping step and saved under this name. */
  saved?: boolean;
  /**
   * How the layout writes dates in numbers only ("10/04/2021"): when not said, CDP's month
   * first (American) and the Net Zero Tracker's day first (layoutDateOrder). Dates that do not
   * fit the order are reported, not guessed.
   */
  dateOrder?: 'day-first' | 'month-first';
}

/** The order a layout writes dates in numbers only: its own, or its source's habit. */
export function layoutDateOrder(
  layout: Pick<Layout, 'kind' | 'dateOrder'> | undefined,
): 'day-first' | 'month-first' {
  return layout?.dateOrder ?? (layout?.kind === 'nzt' ? 'day-first' : 'month-first');
}

/** CDP's split of a report by scope and by generation of grid-supplied energy, 2018–2019. */
const SPLIT_2018: Partial<Record<CdpEmissionField, readonly string[]>> = {
  directGeneration: [
    'Direct emissions/ Scope 1 (metric tonnes CO2e) for Total generation of grid supplied energy ',
  ],
  directExcludingGeneration: [
    'Direct emissions/ Scope 1 (metric tonnes CO2e) for Total emissions (excluding generation of grid-supplied energy) ',
  ],
  indirectGeneration: [
    'Indirect emissions from use of grid supplied energy/Scope 2 (metric tonnes CO2e) for Total generation of grid supplied energy',
  ],
  indirectExcludingGeneration: [
    'Indirect emissions from use of grid supplied energy/Scope 2 (metric tonnes CO2e) for Total emissions (excluding generation of grid-supplied energy)',
  ],
  outsideGeneration: [
    'Emissions occurring outside city boundary/ Scope 3 (metric tonnes CO2e) for Total generation of grid supplied energy ',
  ],
  outsideExcludingGeneration: [
    'Emissions occurring outside city boundary/ Scope 3 (metric tonnes CO2e) for Total emissions (excluding generation of grid-supplied energy) ',
  ],
};

/** The same split as 2020 and 2021 name it (no slashes, "grid-supplied"). */
const SPLIT_2020: Partial<Record<CdpEmissionField, readonly string[]>> = {
  directGeneration: [
    'Direct emissions (metric tonnes CO2e) for Total generation of grid-supplied energy',
  ],
  directExcludingGeneration: [
    'Direct emissions (metric tonnes CO2e) for Total emissions (excluding generation of grid-supplied energy)',
  ],
  indirectGeneration: [
    'Indirect emissions from use of grid supplied energy (metric tonnes CO2e) for Total generation of grid supplied energy',
  ],
  indirectExcludingGeneration: [
    'Indirect emissions from use of grid supplied energy (metric tonnes CO2e) for Total Emissions (excluding generation of grid-supplied energy)',
  ],
  outsideGeneration: [
    'Emissions occurring outside city boundary (metric tonnes CO2e) for Total Generation of grid supplied energy',
  ],
  outsideExcludingGeneration: [
    'Emissions occurring outside city boundary (metric tonnes CO2e) for Total Emissions (excluding generation of grid-supplied energy)',
  ],
};

/** A wide emissions export must have one column of figures at least. */
const WIDE_FIGURES: readonly CdpEmissionField[] = [
  'scope1Total',
  'scope2Total',
  'scope3Total',
  'basic',
  'basicPlus',
  'citywideTotal',
  'directGeneration',
  'directExcludingGeneration',
  'indirectGeneration',
  'indirectExcludingGeneration',
  'outsideGeneration',
  'outsideExcludingGeneration',
];

/** Columns of the early exports Accord has no field for: GDP, climate, the country's point. */
const CDP_EARLY_IGNORED = [
  'C40',
  'Access',
  'City GDP',
  'GDP',
  'GDP Currency',
  'Year of GDP',
  'GDP Year',
  'GDP Source',
  'Average annual temperature (in Celsius)',
  'Average altitude (m)',
  'Country Location',
] as const;

const CDP_TARGETS_OPENCLIMATE: Layout<CdpTargetField> = {
  id: 'cdp-targets-2021-openclimate',
  kind: 'cdp-targets',
  label: 'CDP 2021 Cities Emissions Reduction Targets, as cleaned by OpenClimate',
  columns: {
    reportingYear: ['Year.Reported.to.CDP'],
    account: ['Account.Number'],
    organization: ['Organization'],
    city: ['City'],
    country: ['Country'],
    cdpRegion: ['CDP.Region'],
    cityBoundary: ['City.boundary'],
    targetType: ['Type.of.target'],
    sector: ['Sector'],
    sourcesDiffering: ['Identify.and.explain.sources.that.differ.from.the.inventory'],
    targetBoundary: ['Target.boundary.relative.to.city.boundary'],
    baseYear: ['Base.year'],
    yearSet: ['Year.target.was.set'],
    baseEmissions: ['Base.year.emissions..metric.tonnes.CO2e.'],
    percent: ['Percentage.reduction.target'],
    targetYear: ['Target.year'],
    targetEmissions: ['Target.year.absolute.emissions..metric.tonnes.CO2e.'],
    projectedPopulation: ['Projected.population.in.target.year'],
    intensityUnit: ['Intensity.unit..Emissions.per.'],
    baseIntensity: ['Base.year.emissions.per.intensity.unit..metric.tonnes.CO2e.per.denominator.'],
    bauEmissions: [
      'Estimated.business.as.usual.absolute.emissions.in.target.year..metric.tonnes.CO2e.',
    ],
    achieved: ['Percentage.of.target.achieved.so.far'],
    initiatives: ['Select.the.initiatives.that.this.target.contributes.towards'],
    methodology: [
      'Description.of.the.target.and.the.modelling.methodology.ies..and.parameters.used.to.define.it',
    ],
    parisAligned: [
      'Does.this.target.align.with.the.global.1.5...2..C.pathway.set.out.in.the.Paris.Agreement.',
    ],
    higherLevelAligned: [
      'Does.this.target.align.to.a.requirement.from.a.higher.level.of.government.',
    ],
    description: ['Target.description'],
    population: ['Population'],
    populationYear: ['Population.Year'],
    location: ['City.Location'],
    lastUpdate: ['Last.update'],
    name: ['name'],
    entityType: ['entity_type'],
    iso: ['iso'],
  },
  ignored: ['Access'],
  required: ['account', 'organization', 'country', 'targetType', 'targetYear', 'name', 'iso'],
};

const CDP_TARGETS_RAW: Layout<CdpTargetField> = {
  id: 'cdp-targets',
  kind: 'cdp-targets',
  label: 'CDP 2021 Cities Emissions Reduction Targets (CDP Open Data export)',
  columns: {
    reportingYear: ['Year Reported to CDP'],
    account: ['Account Number'],
    organization: ['Organization'],
    city: ['City'],
    country: ['Country'],
    cdpRegion: ['CDP Region'],
    cityBoundary: ['City boundary'],
    targetType: ['Type of target'],
    sector: ['Sector'],
    sourcesDiffering: ['Identify and explain sources that differ from the inventory'],
    targetBoundary: ['Target boundary relative to city boundary'],
    baseYear: ['Base year'],
    yearSet: ['Year target was set'],
    baseEmissions: ['Base year emissions (metric tonnes CO2e)'],
    percent: ['Percentage reduction target'],
    targetYear: ['Target year'],
    targetEmissions: ['Target year absolute emissions (metric tonnes CO2e)'],
    projectedPopulation: ['Projected population in target year'],
    intensityUnit: ['Intensity unit (Emissions per)'],
    baseIntensity: ['Base year emissions per intensity unit (metric tonnes CO2e per denominator)'],
    bauEmissions: [
      'Estimated business as usual absolute emissions in target year (metric tonnes CO2e)',
    ],
    achieved: ['Percentage of target achieved so far'],
    initiatives: ['Select the initiatives that this target contributes towards'],
    methodology: [
      'Description of the target and the modelling methodology(ies) and parameters used to define it',
    ],
    parisAligned: [
      'Does this target align with the global 1.5-2˚C pathway set out in the Paris Agreement?',
    ],
    higherLevelAligned: [
      'Does this target align to a requirement from a higher level of government?',
    ],
    description: ['Target description'],
    population: ['Population'],
    populationYear: ['Population Year'],
    location: ['City Location'],
    lastUpdate: ['Last update'],
  },
  ignored: ['Access'],
  required: ['account', 'organization', 'country', 'targetType', 'targetYear'],
};

/**
 * The 2016 and 2017 targets exports, as the column names public code reads from them show
 * (their full header rows were not found): "Baseline year", "Baseline emissions (metric tonnes
 * CO2e)", "Target date", "Organisation".
 */
const CDP_TARGETS_2016_2017: Layout<CdpTargetField> = {
  id: 'cdp-targets-2016-2017',
  kind: 'cdp-targets',
  label: 'CDP 2016–2017 Cities Emissions Reduction Targets',
  columns: {
    reportingYear: ['Reporting year'],
    account: ['Account number'],
    organization: ['Organisation', 'Organization'],
    city: ['City', 'City Name'],
    country: ['Country'],
    cdpRegion: ['Region'],
    targetType: ['Type of target'],
    sector: ['Sector'],
    baseYear: ['Baseline year'],
    baseEmissions: ['Baseline emissions (metric tonnes CO2e)'],
    percent: ['Percentage reduction target'],
    targetYear: ['Target date'],
    description: ['Comment'],
    population: ['Population'],
    populationYear: ['Population year'],
  },
  ignored: ['C40', 'Access'],
  required: ['account', 'organization', 'country', 'targetType', 'targetYear'],
};

/** "2016 - Citywide GHG Emissions" (its real header row; "Measurement Year" is a date). */
const CDP_EMISSIONS_2016: Layout<CdpEmissionField> = {
  id: 'cdp-emissions-2016',
  kind: 'cdp-emissions',
  label: 'CDP 2016 Citywide GHG Emissions',
  columns: {
    account: ['Account Number'],
    organization: ['City Name'],
    country: ['Country'],
    city: ['City Short Name'],
    reportingYear: ['Reporting Year'],
    accountingYear: ['Measurement Year'],
    inventoryBoundary: ['Boundary'],
    protocol: ['Primary Methodology'],
    protocolComment: ['Methodology Details'],
    gases: ['Gases included'],
    citywideTotal: ['Total City-wide Emissions (metric tonnes CO2e)'],
    scope1Total: ['Total Scope 1 Emissions (metric tonnes CO2e)'],
    scope2Total: ['Total Scope 2 Emissions (metric tonnes CO2e)'],
    change: ['Increase/Decrease from last year'],
    changeReason: ['Reason for increase/decrease in emissions'],
    populationYear: ['Current Population Year'],
    population: ['Current Population'],
    landArea: ['Land area (in square km)'],
    location: ['City Location'],
  },
  ignored: CDP_EARLY_IGNORED,
  required: ['account', 'organization', 'country', 'accountingYear', 'citywideTotal'],
  requiredOneOf: [WIDE_FIGURES],
};

/** "2017 - Cities Community Wide Emissions", the summary export (its real header row). */
const CDP_EMISSIONS_2017: Layout<CdpEmissionField> = {
  id: 'cdp-emissions-2017',
  kind: 'cdp-emissions',
  label: 'CDP 2017 Cities Community Wide Emissions',
  columns: {
    account: ['Account number'],
    organization: ['Organization'],
    city: ['City'],
    country: ['Country'],
    cdpRegion: ['Region'],
    reportingYear: ['Reporting year'],
    accountingYear: ['Accounting year'],
    inventoryBoundary: ['Boundary'],
    protocol: ['Protocol'],
    protocolComment: ['Protocol column'],
    gases: ['Gases included'],
    citywideTotal: ['Total emissions (metric tonnes CO2e)'],
    totalCoverage: ['Scopes Included '],
    scope1Total: ['Total Scope 1 Emissions (metric tonnes CO2e)'],
    scope2Total: ['Total Scope 2 Emissions (metric tonnes CO2e)'],
    change: ['Increase/Decrease from last year'],
    changeReason: ['Reason for increase/decrease in emissions'],
    population: ['Population'],
    populationYear: ['Population year'],
    landArea: ['Land area (in square km)'],
    location: ['City Location'],
  },
  ignored: [...CDP_EARLY_IGNORED, 'Comment'],
  required: ['account', 'organization', 'country', 'accountingYear', 'citywideTotal'],
  requiredOneOf: [WIDE_FIGURES],
};

/** The lines of CDP's long tables and the fields their figures give. */
const LONG_LINES: LongTable<CdpEmissionField>['lines'] = [
  { field: 'basic', names: ['TOTAL BASIC emissions'] },
  { field: 'basicPlus', names: ['TOTAL BASIC+ emissions', 'TOTAL BASIC and BASIC+ emissions'] },
  { field: 'scope1Total', names: ['TOTAL Scope 1 (Territorial) emissions'] },
  {
    field: 'directExcludingGeneration',
    names: ['Total Scope 1 emissions (excluding generation of grid-supplied energy)'],
  },
  {
    field: 'directGeneration',
    names: ['Scope 1 emissions from generation of grid-supplied energy'],
  },
  { field: 'scope2Total', names: ['TOTAL Scope 2 emissions'] },
  { field: 'scope3Total', names: ['TOTAL Scope 3 emissions'] },
];

/**
 * "2017 - Cities Community Wide Emissions (GPC)": one row per sector and scope line of a city's
 * GPC table. Its columns as public code reads them; the full header row was not found.
 */
const CDP_EMISSIONS_2017_GPC: Layout<CdpEmissionField> = {
  id: 'cdp-emissions-2017-gpc',
  kind: 'cdp-emissions',
  label: 'CDP 2017 City-wide Emissions by GPC sector and scope (one row per line)',
  columns: {
    reportingYear: ['Reporting year'],
    account: ['Account number'],
    organization: ['Organization'],
    city: ['City'],
    country: ['Country'],
    cdpRegion: ['Region'],
    protocol: ['Protocol'],
    accountingYear: ['Account year'],
    population: ['Population'],
    populationYear: ['Population Year'],
    line: ['Sector and scope (GPC reference number)'],
    lineValue: ['Emissions (metric tonnes CO2e)'],
  },
  ignored: ['C40', 'Access'],
  required: ['account', 'accountingYear', 'line', 'lineValue'],
  long: {
    groupBy: ['account', 'reportingYear'],
    line: 'line',
    value: 'lineValue',
    lines: LONG_LINES,
    scopeSums: ['scope1Lines', 'scope2Lines', 'scope3Lines'],
  },
};

/** "2018 - 2019 City-wide Emissions" (the real header row of both years' files). */
const CDP_EMISSIONS_2018_2019: Layout<CdpEmissionField> = {
  id: 'cdp-emissions-2018-2019',
  kind: 'cdp-emissions',
  label: 'CDP 2018 and 2019 City-wide Emissions',
  columns: {
    reportingYear: ['Year Reported to CDP'],
    account: ['Account Number'],
    organization: ['Organization'],
    city: ['City'],
    country: ['Country'],
    cdpRegion: ['CDP Region'],
    inventoryStatus: ['City-wide Emissions Inventory'],
    accountingYear: ['Accounting Year'],
    inventoryBoundary: ['Inventory Boundary'],
    protocol: ['Primary Protocol'],
    protocolComment: ['Primary Protocol Comment'],
    gases: ['Gases Included'],
    ...SPLIT_2018,
    scope1Total: ['Total Scope 1 Emissions (metric tonnes CO2e)'],
    scope2Total: ['Total Scope 2 Emissions (metric tonnes CO2e)'],
    scope3Total: [
      'Total Scope 3 emissions (metric tonnes CO2e)',
      'Total Scope 3 Emissions (metric tonnes CO2e)',
    ],
    basic: ['Total BASIC Emissions (GPC)'],
    basicPlus: ['Total BASIC+ Emissions (GPC)'],
    change: ['Chnage in emissions'],
    changeReason: ['Reason for change'],
    landArea: ['Land area (in square km)'],
    population: ['Population'],
    populationYear: ['Population Year'],
    location: ['City Location'],
    lastUpdate: ['Last update'],
  },
  ignored: ['Reporting Authority', 'Access', 'Common Reporting Framework inventory format (GPC) '],
  required: ['account', 'organization', 'country', 'accountingYear'],
  requiredOneOf: [WIDE_FIGURES],
};

/** "2020 - City-Wide Emissions" and "2021 City-wide Emissions" (2021 drops one column). */
const CDP_EMISSIONS_2020_2021: Layout<CdpEmissionField> = {
  id: 'cdp-emissions-2021',
  kind: 'cdp-emissions',
  label: 'CDP 2020 and 2021 City-wide Emissions',
  columns: {
    reportingYear: ['Year Reported to CDP'],
    account: ['Account Number'],
    organization: ['Organization'],
    city: ['City'],
    country: ['Country'],
    cdpRegion: ['CDP Region'],
    inventoryStatus: ['City-wide emissions inventory'],
    accountingYear: ['Accounting year'],
    cityBoundary: ['Administrative city boundary'],
    inventoryBoundary: ['Inventory boundary (compared to Administrative city boundary)'],
    protocol: ['Primary Protocol'],
    protocolComment: ['Primary Protocol Comment'],
    gases: ['Gases Included'],
    ...SPLIT_2020,
    scope1Total: ['TOTAL Scope 1 Emissions (metric tonnes CO2e)'],
    scope2Total: ['TOTAL Scope 2 emissions (metric tonnes CO2e)'],
    scope3Total: ['TOTAL Scope 3 Emissions'],
    basic: ['TOTAL BASIC Emissions (GPC)'],
    basicPlus: ['TOTAL BASIC+ Emissions (GPC)'],
    change: ['Change in emissions'],
    changeReason: ['Primary reason for the change in emissions'],
    landArea: ['Land area (in square km)'],
    population: ['Population'],
    populationYear: ['Population Year'],
    location: ['City Location'],
    lastUpdate: ['Last update'],
  },
  ignored: ['Access', 'Common Reporting Framework inventory format (GPC)'],
  required: ['account', 'organization', 'country', 'accountingYear'],
  requiredOneOf: [WIDE_FIGURES],
};

/**
 * The 2022 and 2023 exports: one row per cell of the questionnaire's emissions table. Their
 * columns as public code reads them; the full header rows were not found, so the
 * organisation's name and country are read when a file has them.
 */
const LONG_QUESTIONNAIRE: LongTable<CdpEmissionField> = {
  groupBy: ['account', 'reportingYear'],
  line: 'line',
  column: 'lineColumn',
  value: 'lineValue',
  lines: LONG_LINES.map((line) => ({ ...line, columns: ['Emissions (metric tonnes CO2e)'] })),
};

const CDP_EMISSIONS_2022: Layout<CdpEmissionField> = {
  id: 'cdp-emissions-2022',
  kind: 'cdp-emissions',
  label: 'CDP 2022 Cities Emissions (one row per answer of the emissions table)',
  columns: {
    reportingYear: ['Questionnaire'],
    account: ['Organization Number'],
    organization: ['Organization Name', 'Organization'],
    country: ['Country/Area', 'Country'],
    cdpRegion: ['CDP Region'],
    protocol: ['Emissions reporting framework or protocol'],
    accountingYear: ['Inventory Year'],
    gases: ['Gases Included'],
    inventoryBoundary: ['Inventory boundary (relative to jurisdiction boundary)'],
    population: ['Population in inventory year'],
    line: ['Emissions Row Name'],
    lineColumn: ['Emissions Column Name'],
    lineValue: ['Emissions Response Answer'],
  },
  ignored: ['Emissions Row Number'],
  required: ['account', 'accountingYear', 'line', 'lineColumn', 'lineValue'],
  long: LONG_QUESTIONNAIRE,
};

const CDP_EMISSIONS_2023: Layout<CdpEmissionField> = {
  id: 'cdp-emissions-2023',
  kind: 'cdp-emissions',
  label: 'CDP 2023 Cities Emissions (one row per answer of the emissions table)',
  columns: {
    reportingYear: ['Questionnaire'],
    account: ['Organization Number'],
    organization: ['Organization Name', 'Organization'],
    country: ['Country/Area', 'Country'],
    cdpRegion: ['CDP Region'],
    protocol: ['Primary protocol/framework used to compile main inventory'],
    accountingYear: ['Year covered by main inventory'],
    gases: ['Gases included in main inventory'],
    inventoryBoundary: ['Boundary of main inventory relative to jurisdiction boundary'],
    population: ['Population in year covered by main inventory'],
    line: ['Emissions Row Name'],
    lineColumn: ['Emissions Column Name'],
    lineValue: ['Emissions Response Answer'],
  },
  ignored: ['Emissions Row Number'],
  required: ['account', 'accountingYear', 'line', 'lineColumn', 'lineValue'],
  long: LONG_QUESTIONNAIRE,
};

const NZT_PLAIN: Layout<NztField> = {
  id: 'nzt',
  kind: 'nzt',
  label: 'Net Zero Tracker export (one row per actor, headers on the first row)',
  columns: {
    idCode: ['id_code'],
    name: ['name'],
    country: ['country'],
    actorType: ['actor_type'],
    endTarget: ['end_target'],
    endTargetYear: ['end_target_year'],
    endTargetStatus: ['end_target_status'],
    endTargetPercent: ['end_target_percentage_reduction'],
    endTargetBaselineYear: ['end_target_baseline_year'],
    endTargetBaselineEmissions: ['end_target_baseline_emissions', 'end_target_baseyear_emissions'],
    endTargetTargetEmissions: ['end_target_target_emissions'],
    endTargetBauEmissions: ['end_target_bau_emissions'],
    endTargetIntensityUnit: ['end_target_intensity_unit'],
    endTargetOther: ['end_target_other'],
    endTargetText: ['end_target_text'],
    interimTarget: ['interim_target'],
    interimTargetYear: ['interim_target_year'],
    interimTargetPercent: ['interim_target_percentage_reduction'],
    interimTargetBaselineYear: ['interim_target_baseline_year'],
    interimTargetBaselineEmissions: [
      'interim_target_baseline_emissions',
      'interim_target_baseyear_emissions',
    ],
    interimTargetTargetEmissions: ['interim_target_target_emissions'],
    interimTargetBauEmissions: ['interim_target_bau_emissions'],
    interimTargetIntensityUnit: ['interim_target_intensity_unit'],
    interimTargetOther: ['interim_target_other'],
    interimTargetText: ['interim_target_text'],
    statusDate: ['status_date'],
    sourceUrl: ['source_url'],
    raceToZero: ['race_to_zero_member'],
    gases: ['gasses_coverage', 'gases_coverage'],
    scope1: ['scope_1'],
    scope2: ['scope_2'],
    scope3: ['scope_3'],
    hasPlan: ['has_plan'],
    reportingMechanism: ['reporting_mechanism'],
    offsets: ['carbon_credit_offsets'],
  },
  required: ['idCode', 'name', 'country', 'endTarget', 'endTargetYear'],
};

/**
 * Newer Net Zero Tracker exports put a row of column groups ("End target information", …)
 * above the headers and renamed several columns (`ID_Code`, `Entity_type`,
 * `Status_of_end_target`, `GHGs_covered`, `end_target_baseyear_emissions`,
 * `Interim_target_baseyear_emissions`, `Scope_1_coverage`, `Published_plan`, `Carbon_credits`).
 */
const NZT_GROUPED: Layout<NztField> = {
  id: 'nzt-grouped',
  kind: 'nzt',
  label: 'Net Zero Tracker export, newer (column groups on row 1, renamed headers on row 2)',
  columns: {
    idCode: ['ID_Code', 'ID', 'Entity_id'],
    name: ['Name'],
    country: ['Country', 'Country_ISO3', 'ISO3'],
    actorType: ['Entity_type', 'Actor_type'],
    endTarget: ['End_target'],
    endTargetYear: ['End_target_year'],
    endTargetStatus: ['Status_of_end_target', 'End_target_status'],
    endTargetPercent: ['End_target_percentage_reduction'],
    endTargetBaselineYear: ['End_target_baseline_year'],
    endTargetBaselineEmissions: ['End_target_baseyear_emissions', 'End_target_baseline_emissions'],
    endTargetTargetEmissions: ['End_target_target_emissions'],
    endTargetBauEmissions: ['End_target_bau_emissions'],
    endTargetIntensityUnit: ['End_target_intensity_unit'],
    endTargetOther: ['End_target_other'],
    endTargetText: ['End_target_text'],
    interimTarget: ['Interim_target'],
    interimTargetYear: ['Interim_target_year'],
    interimTargetPercent: ['Interim_target_percentage_reduction'],
    interimTargetBaselineYear: ['Interim_target_baseline_year'],
    interimTargetBaselineEmissions: [
      'Interim_target_baseyear_emissions',
      'Interim_target_baseline_emissions',
    ],
    interimTargetTargetEmissions: ['Interim_target_target_emissions'],
    interimTargetBauEmissions: ['Interim_target_bau_emissions'],
    interimTargetIntensityUnit: ['Interim_target_intensity_unit'],
    interimTargetOther: ['Interim_target_other'],
    interimTargetText: ['Interim_target_text'],
    statusDate: ['Date_of_last_status_update', 'Status_date'],
    sourceUrl: ['End_target_source_url', 'Source_url'],
    raceToZero: ['Race_to_zero_member', 'Race_to_Zero'],
    gases: ['GHGs_covered', 'GHG_coverage', 'Gases_coverage', 'Gasses_coverage'],
    scope1: ['Scope_1_coverage', 'Scope_1'],
    scope2: ['Scope_2_coverage', 'Scope_2'],
    scope3: ['Scope_3_coverage', 'Scope_3'],
    hasPlan: ['Published_plan', 'Has_plan'],
    reportingMechanism: ['Reporting_mechanism'],
    offsets: ['Carbon_credits', 'Carbon_credit_offsets'],
  },
  required: ['idCode', 'name', 'country', 'endTarget', 'endTargetYear'],
};

export const LAYOUTS: readonly Layout[] = [
  CDP_TARGETS_OPENCLIMATE,
  CDP_TARGETS_RAW,
  CDP_TARGETS_2016_2017,
  // Newest first: a file that fits two years alike is taken for the newer.
  CDP_EMISSIONS_2023,
  CDP_EMISSIONS_2022,
  CDP_EMISSIONS_2020_2021,
  CDP_EMISSIONS_2018_2019,
  CDP_EMISSIONS_2017_GPC,
  CDP_EMISSIONS_2017,
  CDP_EMISSIONS_2016,
  NZT_PLAIN,
  NZT_GROUPED,
] as readonly Layout[];

/** Every field an import kind knows, in the order a mapping step lists them. */
export const FIELDS_OF: Record<ImportKind, readonly string[]> = {
  'cdp-targets': CDP_TARGET_FIELDS,
  'cdp-emissions': CDP_EMISSION_FIELDS.filter(
    (f) =>
      !['line', 'lineColumn', 'lineValue', 'scope1Lines', 'scope2Lines', 'scope3Lines'].includes(f),
  ),
  nzt: NZT_FIELDS,
};

/**
 * Spellings beyond the layouts' own: how other years, the OpenClimate copies and people's own
 * files name the same thing.
 */
const EXTRA_ALIASES: Record<ImportKind, Partial<Record<string, readonly string[]>>> = {
  'cdp-targets': {
    account: ['Account No', 'CDP account number', 'Organization Number'],
    organization: ['Organisation', 'Organization Name'],
    city: ['City Short Name'],
    country: ['Country/Area'],
    cdpRegion: ['Region'],
    reportingYear: ['Reporting Year', 'Questionnaire'],
    cityBoundary: ['Administrative city boundary', 'Boundary'],
    targetType: ['Target type'],
    sector: ['Sectors covered'],
    targetBoundary: ['Target boundary (relative to city boundary)'],
    baseEmissions: ['Base year emissions (tCO2e)'],
    percent: ['Percentage reduction target (%)'],
    targetEmissions: ['Target year emissions (metric tonnes CO2e)'],
    intensityUnit: ['Intensity unit'],
    baseIntensity: ['Base year emissions per intensity unit'],
    bauEmissions: ['Business as usual emissions in target year (metric tonnes CO2e)'],
    achieved: ['Percentage of target achieved'],
  },
  'cdp-emissions': {
    account: ['Account No', 'CDP account number'],
    organization: ['Organisation', 'Organization Name'],
    country: ['Country/Area'],
    cdpRegion: ['Region'],
    reportingYear: ['Reporting Year', 'CDP Reporting Year'],
    accountingYear: ['Inventory year', 'Year of emissions', 'Measurement year'],
    inventoryBoundary: ['Inventory boundary'],
    protocol: ['Primary Methodology', 'Methodology', 'Protocol'],
    protocolComment: ['Methodology details'],
    scope1Total: ['Scope 1 emissions (metric tonnes CO2e)', 'Total Scope 1 emissions'],
    scope2Total: ['Scope 2 emissions (metric tonnes CO2e)', 'Total Scope 2 emissions'],
    scope3Total: ['Scope 3 emissions (metric tonnes CO2e)', 'Total Scope 3 emissions'],
    basic: ['BASIC Emissions (GPC)', 'Total BASIC emissions'],
    basicPlus: ['BASIC+ Emissions (GPC)', 'Total BASIC+ emissions'],
    citywideTotal: ['Total city-wide emissions', 'Total emissions'],
    changeReason: ['Reason for increase/decrease in emissions'],
    landArea: ['City area (km2)', 'Land area (km2)'],
    population: ['Current Population'],
    location: ['Location'],
  },
  nzt: {},
};

function aliasesOf(kind: ImportKind): Map<string, readonly string[]> {
  const byField = new Map<string, string[]>();
  const add = (field: string, names: readonly string[] | undefined) => {
    if (!names) return;
    let list = byField.get(field);
    if (!list) byField.set(field, (list = []));
    for (const name of names) if (!list.includes(name)) list.push(name);
  };
  for (const layout of LAYOUTS) {
    if (layout.kind !== kind) continue;
    for (const [field, names] of Object.entries(layout.columns)) add(field, names);
  }
  for (const [field, names] of Object.entries(EXTRA_ALIASES[kind])) add(field, names);
  return byField;
}

/**
 * Every field of a kind with every header text that has meant it: the union of the layouts'
 * spellings and the extra aliases. A file's column is recognised when its normalised header is
 * one of these; which year's layout the file is of only names it.
 */
export const FIELD_ALIASES: Record<ImportKind, ReadonlyMap<string, readonly string[]>> = {
  'cdp-targets': aliasesOf('cdp-targets'),
  'cdp-emissions': aliasesOf('cdp-emissions'),
  nzt: aliasesOf('nzt'),
};

/** Headers of a kind's layouts that Accord reads nothing from on purpose. */
export const IGNORED_HEADERS: Record<ImportKind, readonly string[]> = {
  'cdp-targets': [
    ...new Set(LAYOUTS.filter((l) => l.kind === 'cdp-targets').flatMap((l) => l.ignored ?? [])),
  ],
  'cdp-emissions': [
    ...new Set(LAYOUTS.filter((l) => l.kind === 'cdp-emissions').flatMap((l) => l.ignored ?? [])),
  ],
  nzt: [...new Set(LAYOUTS.filter((l) => l.kind === 'nzt').flatMap((l) => l.ignored ?? []))],
};

export function layoutById(id: string): Layout | undefined {
  return LAYOUTS.find((layout) => layout.id === id);
}
