import type { ImportKind } from '../../../core/climate/types';

/**
 * The column layouts Accord can read, as data. CDP renames its export's columns almost every
 * year and the Net Zero Tracker has changed its own, so each known set of headers is a table
 * from Accord's field names to the header texts that mean them. A new year's file is supported
 * by adding a layout here, not by changing the importer.
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
  'change',
  'changeReason',
  'landArea',
  'population',
  'populationYear',
  'location',
  'lastUpdate',
] as const;
export type CdpEmissionField = (typeof CDP_EMISSION_FIELDS)[number];

/** Fields of a Net Zero Tracker row (one actor with its end and interim target). */
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
  'endTargetText',
  'interimTarget',
  'interimTargetYear',
  'interimTargetPercent',
  'interimTargetBaselineYear',
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

export interface Layout<F extends string = string> {
  id: string;
  kind: ImportKind;
  label: string;
  /** Accord's field → the header texts that mean it (compared after normaliseHeader, recognise.ts). */
  columns: Partial<Record<F, readonly string[]>>;
  /** Fields without which a file of this layout cannot be imported. */
  required: readonly F[];
  /**
   * How the layout writes dates in numbers only ("10/04/2021"): CDP's exports month first
   * (American), the Net Zero Tracker day first. Dates that do not fit are reported, not guessed.
   */
  dateOrder?: 'day-first' | 'month-first';
}

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
  required: ['account', 'organization', 'country', 'targetType', 'targetYear', 'name', 'iso'],
  dateOrder: 'month-first',
};

const CDP_TARGETS_RAW: Layout<CdpTargetField> = {
  id: 'cdp-targets',
  kind: 'cdp-targets',
  label: 'CDP Cities Emissions Reduction Targets (CDP Open Data export)',
  columns: {
    reportingYear: ['Year Reported to CDP', 'Reporting Year'],
    account: ['Account Number', 'Account No'],
    organization: ['Organization', 'Organisation'],
    city: ['City', 'City Short Name'],
    country: ['Country'],
    cdpRegion: ['CDP Region', 'Region'],
    cityBoundary: ['City boundary', 'Administrative city boundary', 'Boundary'],
    targetType: ['Type of target', 'Target type'],
    sector: ['Sector', 'Sectors covered'],
    sourcesDiffering: ['Identify and explain sources that differ from the inventory'],
    targetBoundary: [
      'Target boundary relative to city boundary',
      'Target boundary (relative to city boundary)',
    ],
    baseYear: ['Base year'],
    yearSet: ['Year target was set'],
    baseEmissions: ['Base year emissions (metric tonnes CO2e)', 'Base year emissions (tCO2e)'],
    percent: ['Percentage reduction target', 'Percentage reduction target (%)'],
    targetYear: ['Target year'],
    targetEmissions: [
      'Target year absolute emissions (metric tonnes CO2e)',
      'Target year emissions (metric tonnes CO2e)',
    ],
    projectedPopulation: ['Projected population in target year'],
    intensityUnit: ['Intensity unit (Emissions per)', 'Intensity unit'],
    baseIntensity: [
      'Base year emissions per intensity unit (metric tonnes CO2e per denominator)',
      'Base year emissions per intensity unit',
    ],
    bauEmissions: [
      'Estimated business as usual absolute emissions in target year (metric tonnes CO2e)',
      'Business as usual emissions in target year (metric tonnes CO2e)',
    ],
    achieved: ['Percentage of target achieved so far', 'Percentage of target achieved'],
    initiatives: ['Select the initiatives that this target contributes towards'],
    methodology: [
      'Description of the target and the modelling methodology(ies) and parameters used to define it',
    ],
    parisAligned: [
      'Does this target align with the global 1.5-2˚C pathway set out in the Paris Agreement?',
      'Does this target align with the global 1.5-2°C pathway set out in the Paris Agreement?',
    ],
    higherLevelAligned: [
      'Does this target align to a requirement from a higher level of government?',
    ],
    description: ['Target description', 'Comment'],
    population: ['Population'],
    populationYear: ['Population Year'],
    location: ['City Location'],
    lastUpdate: ['Last update'],
  },
  required: ['account', 'organization', 'country', 'targetType', 'targetYear'],
  dateOrder: 'month-first',
};

const CDP_EMISSIONS_2021: Layout<CdpEmissionField> = {
  id: 'cdp-emissions-2021',
  kind: 'cdp-emissions',
  label: 'CDP 2021 City-wide Emissions (CDP Open Data export)',
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
  required: ['account', 'organization', 'country', 'accountingYear', 'scope1Total', 'scope2Total'],
  dateOrder: 'month-first',
};

const CDP_EMISSIONS_2016_2019: Layout<CdpEmissionField> = {
  id: 'cdp-emissions-2016-2019',
  kind: 'cdp-emissions',
  label: 'CDP City-wide Emissions, 2016–2019 exports (older column names)',
  columns: {
    reportingYear: ['Reporting Year', 'Year Reported to CDP', 'CDP Reporting Year'],
    account: ['Account Number', 'Account number'],
    organization: ['Organization', 'Organisation'],
    city: ['City', 'City Short Name', 'City name'],
    country: ['Country'],
    cdpRegion: ['CDP Region', 'Region'],
    inventoryStatus: ['City-wide emissions inventory', 'Does your city have an inventory'],
    accountingYear: [
      'Accounting year',
      'Accounting Year',
      'Measurement year',
      'Inventory year',
      'Year of emissions',
    ],
    cityBoundary: ['Boundary', 'Administrative city boundary', 'City boundary'],
    inventoryBoundary: [
      'Inventory boundary',
      'Inventory boundary (compared to Administrative city boundary)',
    ],
    protocol: ['Primary Methodology', 'Primary Protocol', 'Methodology', 'Protocol'],
    protocolComment: ['Methodology details', 'Primary Protocol Comment', 'Protocol column'],
    gases: ['Gases included', 'Gases Included'],
    scope1Total: [
      'Scope 1 Emissions (metric tonnes CO2e)',
      'Total Scope 1 Emissions (metric tonnes CO2e)',
      'Scope 1 emissions (metric tonnes CO2e)',
    ],
    scope2Total: [
      'Scope 2 Emissions (metric tonnes CO2e)',
      'Total Scope 2 Emissions (metric tonnes CO2e)',
      'Scope 2 emissions (metric tonnes CO2e)',
    ],
    scope3Total: [
      'Scope 3 Emissions (metric tonnes CO2e)',
      'Total Scope 3 Emissions (metric tonnes CO2e)',
    ],
    basic: ['Total BASIC Emissions (GPC)', 'BASIC Emissions (GPC)'],
    basicPlus: ['Total BASIC+ Emissions (GPC)', 'BASIC+ Emissions (GPC)'],
    citywideTotal: [
      'Total City-wide Emissions (metric tonnes CO2e)',
      'Total city-wide emissions (metric tonnes CO2e)',
      'Total emissions (metric tonnes CO2e)',
    ],
    change: ['Chnage in emissions', 'Change in emissions', 'Increase/Decrease from last year'],
    changeReason: [
      'Reason for change',
      'Primary reason for the change in emissions',
      'Reason for increase/decrease in emissions',
    ],
    landArea: ['Land area (in square km)', 'City area (km2)'],
    population: ['Population', 'Current Population'],
    populationYear: ['Population Year', 'Current Population Year'],
    location: ['City Location', 'Location'],
    lastUpdate: ['Last update'],
  },
  required: ['account', 'organization', 'country', 'citywideTotal'],
  dateOrder: 'month-first',
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
    endTargetBaselineEmissions: ['end_target_baseline_emissions'],
    endTargetText: ['end_target_text'],
    interimTarget: ['interim_target'],
    interimTargetYear: ['interim_target_year'],
    interimTargetPercent: ['interim_target_percentage_reduction'],
    interimTargetBaselineYear: ['interim_target_baseline_year'],
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
  dateOrder: 'day-first',
};

/**
 * Newer Net Zero Tracker exports put a row of column groups ("End target information", …)
 * above the headers and renamed several columns.
 */
const NZT_GROUPED: Layout<NztField> = {
  id: 'nzt-grouped',
  kind: 'nzt',
  label: 'Net Zero Tracker export, newer (column groups on row 1, renamed headers on row 2)',
  columns: {
    idCode: ['id_code', 'Id_code', 'ID', 'Entity_id'],
    name: ['Name'],
    country: ['Country', 'Country_ISO3', 'ISO3'],
    actorType: ['Entity_type', 'Actor_type'],
    endTarget: ['End_target'],
    endTargetYear: ['End_target_year'],
    endTargetStatus: ['Status_of_end_target', 'End_target_status'],
    endTargetPercent: ['End_target_percentage_reduction'],
    endTargetBaselineYear: ['End_target_baseline_year'],
    endTargetBaselineEmissions: ['End_target_baseline_emissions'],
    endTargetText: ['End_target_text'],
    interimTarget: ['Interim_target'],
    interimTargetYear: ['Interim_target_year'],
    interimTargetPercent: ['Interim_target_percentage_reduction'],
    interimTargetBaselineYear: ['Interim_target_baseline_year'],
    interimTargetText: ['Interim_target_text'],
    statusDate: ['Date_of_last_status_update', 'Status_date'],
    sourceUrl: ['End_target_source_url', 'Source_url'],
    raceToZero: ['Race_to_zero_member', 'Race_to_Zero'],
    gases: ['GHG_coverage', 'Gases_coverage', 'Gasses_coverage'],
    scope1: ['Scope_1_coverage', 'Scope_1'],
    scope2: ['Scope_2_coverage', 'Scope_2'],
    scope3: ['Scope_3_coverage', 'Scope_3'],
    hasPlan: ['Published_plan', 'Has_plan'],
    reportingMechanism: ['Reporting_mechanism'],
    offsets: ['Carbon_credits', 'Carbon_credit_offsets'],
  },
  required: ['idCode', 'name', 'country', 'endTarget', 'endTargetYear'],
  dateOrder: 'day-first',
};

export const LAYOUTS: readonly Layout[] = [
  CDP_TARGETS_OPENCLIMATE,
  CDP_TARGETS_RAW,
  CDP_EMISSIONS_2021,
  CDP_EMISSIONS_2016_2019,
  NZT_PLAIN,
  NZT_GROUPED,
] as readonly Layout[];

export function layoutById(id: string): Layout | undefined {
  return LAYOUTS.find((layout) => layout.id === id);
}
