import type { ImportKind } from '../../../core/climate/types';
import { CDP_EMISSION_LAYOUTS } from './layouts-cdp-emissions';
import {
  CDP_EMISSION_FIELDS,
  CDP_TARGET_FIELDS,
  NZT_FIELDS,
  type CdpTargetField,
  type Layout,
  type NztField,
} from './layout-fields';
import { TRANSLATED_ALIASES } from './layouts-translated';

/**
 * The column layouts Accord can read, as data. CDP renames its export's columns almost every
 * year and the Net Zero Tracker has changed its own, so columns are recognised by what they
 * mean: each field has the header texts that have meant it (FIELD_ALIASES, every layout's
 * spellings together plus a few more), compared after normaliseHeader (recognise.ts), and each
 * known export is a layout naming the headers of its year and the fields it cannot do without.
 * A new year's file is supported by adding its spellings here, not by changing the importer.
 */

export * from './layout-fields';

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
  ...CDP_EMISSION_LAYOUTS,
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
 * files name the same thing (in other languages: layouts-translated.ts).
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
  for (const [field, names] of Object.entries(TRANSLATED_ALIASES[kind])) add(field, names);
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
