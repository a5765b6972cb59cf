import type { CdpEmissionField, Layout, LongTable } from './layout-fields';

/**
 * The published layouts of CDP's city-wide emissions exports, 2016 to 2023, newest first: a
 * file that fits two years alike is taken for the newer (layouts.ts lists them in this order).
 */

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

export const CDP_EMISSION_LAYOUTS: readonly Layout<CdpEmissionField>[] = [
  CDP_EMISSIONS_2023,
  CDP_EMISSIONS_2022,
  CDP_EMISSIONS_2020_2021,
  CDP_EMISSIONS_2018_2019,
  CDP_EMISSIONS_2017_GPC,
  CDP_EMISSIONS_2017,
  CDP_EMISSIONS_2016,
];
