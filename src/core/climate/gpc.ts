/**
 * Reference data of the Global Protocol for Community-Scale Greenhouse Gas Emission
 * Inventories (GPC, version 1.1, 2021): sectors, sub-sectors and the subcategory codes of its
 * reporting table, with the scope of each line and the totals (BASIC, BASIC+) it belongs to.
 * Names are English only; the web app translates them by code.
 */

export const GPC_SECTOR_CODES = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type GpcSectorCode = (typeof GPC_SECTOR_CODES)[number];

export type GpcScope = 1 | 2 | 3;
export const GPC_SCOPES: readonly GpcScope[] = [1, 2, 3];

export interface GpcSector {
  code: GpcSectorCode;
  name: string;
}

export interface GpcSubsector {
  code: string;
  sector: GpcSectorCode;
  name: string;
}

export interface GpcSubcategory {
  /** Reporting-table code: sub-sector plus scope line, e.g. 'I.1.2'; IPPU and AFOLU use the sub-sector code. */
  code: string;
  sector: GpcSectorCode;
  subsector: string;
  scope: GpcScope;
  /** Counted in the BASIC total. */
  basic: boolean;
  /** Counted in the BASIC+ total (which contains every BASIC line). */
  basicPlus: boolean;
  /** Reported for the territorial (scope 1) total only, never in BASIC or BASIC+. */
  territorialOnly: boolean;
}

export const GPC_SECTORS: readonly GpcSector[] = [
  { code: 'I', name: 'Stationary energy' },
  { code: 'II', name: 'Transportation' },
  { code: 'III', name: 'Waste' },
  { code: 'IV', name: 'Industrial processes and product use (IPPU)' },
  { code: 'V', name: 'Agriculture, forestry and other land use (AFOLU)' },
  { code: 'VI', name: 'Other scope 3' },
];

export const GPC_SUBSECTORS: readonly GpcSubsector[] = [
  { code: 'I.1', sector: 'I', name: 'Residential buildings' },
  { code: 'I.2', sector: 'I', name: 'Commercial and institutional buildings and facilities' },
  { code: 'I.3', sector: 'I', name: 'Manufacturing industries and construction' },
  { code: 'I.4', sector: 'I', name: 'Energy industries' },
  { code: 'I.5', sector: 'I', name: 'Agriculture, forestry and fishing activities' },
  { code: 'I.6', sector: 'I', name: 'Non-specified sources' },
  {
    code: 'I.7',
    sector: 'I',
    name: 'Fugitive emissions from mining, processing, storage and transportation of coal',
  },
  { code: 'I.8', sector: 'I', name: 'Fugitive emissions from oil and natural gas systems' },
  { code: 'II.1', sector: 'II', name: 'On-road transportation' },
  { code: 'II.2', sector: 'II', name: 'Railways' },
  { code: 'II.3', sector: 'II', name: 'Waterborne navigation' },
  { code: 'II.4', sector: 'II', name: 'Aviation' },
  { code: 'II.5', sector: 'II', name: 'Off-road transportation' },
  { code: 'III.1', sector: 'III', name: 'Solid waste disposal' },
  { code: 'III.2', sector: 'III', name: 'Biological treatment of waste' },
  { code: 'III.3', sector: 'III', name: 'Incineration and open burning' },
  { code: 'III.4', sector: 'III', name: 'Wastewater treatment and discharge' },
  { code: 'IV.1', sector: 'IV', name: 'Industrial processes' },
  { code: 'IV.2', sector: 'IV', name: 'Product use' },
  { code: 'V.1', sector: 'V', name: 'Livestock' },
  { code: 'V.2', sector: 'V', name: 'Land' },
  { code: 'V.3', sector: 'V', name: 'Aggregate sources and non-CO₂ emission sources on land' },
  // GPC's reporting table has a single line for other scope 3 emissions.
  { code: 'VI.1', sector: 'VI', name: 'Other scope 3' },
];

/** Which inventory totals a reporting line enters (GPC 1.1, chapter 3: BASIC and BASIC+). */
type LineRole = 'basic' | 'basic-plus' | 'territorial-only' | 'other';

function line(code: string, scope: GpcScope, role: LineRole): GpcSubcategory {
  const parts = code.split('.');
  const sector = parts[0] as GpcSectorCode;
  const subsector = parts.length > 2 ? `${parts[0]}.${parts[1]}` : code;
  return {
    code,
    sector,
    subsector,
    scope,
    basic: role === 'basic',
    basicPlus: role === 'basic' || role === 'basic-plus',
    territorialOnly: role === 'territorial-only',
  };
}

/**
 * Stationary energy and transportation sub-sectors with the usual three lines: .1 scope 1
 * (BASIC), .2 scope 2 grid energy (BASIC), .3 scope 3 (BASIC+): T&D losses in sector I,
 * transboundary journeys in sector II.
 */
function threeScopeLines(subsector: string): GpcSubcategory[] {
  return [
    line(`${subsector}.1`, 1, 'basic'),
    line(`${subsector}.2`, 2, 'basic'),
    line(`${subsector}.3`, 3, 'basic-plus'),
  ];
}

/**
 * Waste sub-sectors: .1 waste generated and treated inside the city (scope 1, BASIC),
 * .2 waste generated inside and treated outside (scope 3, BASIC), .3 waste generated outside
 * and treated inside (scope 1, territorial total only).
 */
function wasteLines(subsector: string): GpcSubcategory[] {
  return [
    line(`${subsector}.1`, 1, 'basic'),
    line(`${subsector}.2`, 3, 'basic'),
    line(`${subsector}.3`, 1, 'territorial-only'),
  ];
}

/** Every reporting line of GPC 1.1 in the order of its reporting table. */
export const GPC_SUBCATEGORIES: readonly GpcSubcategory[] = [
  ...threeScopeLines('I.1'),
  ...threeScopeLines('I.2'),
  ...threeScopeLines('I.3'),
  ...threeScopeLines('I.4'),
  // Generation supplied to the grid is reported once, in the territorial total; counting it in
  // BASIC would double-count it with the scope-2 lines of the consumers (GPC 1.1, chapter 6).
  line('I.4.4', 1, 'territorial-only'),
  ...threeScopeLines('I.5'),
  ...threeScopeLines('I.6'),
  // Fugitive emissions happen where the coal, oil or gas is handled: scope 1 only.
  line('I.7.1', 1, 'basic'),
  line('I.8.1', 1, 'basic'),
  ...threeScopeLines('II.1'),
  ...threeScopeLines('II.2'),
  ...threeScopeLines('II.3'),
  ...threeScopeLines('II.4'),
  // Off-road vehicles do not make transboundary journeys: no scope-3 line.
  line('II.5.1', 1, 'basic'),
  line('II.5.2', 2, 'basic'),
  ...wasteLines('III.1'),
  ...wasteLines('III.2'),
  ...wasteLines('III.3'),
  ...wasteLines('III.4'),
  line('IV.1', 1, 'basic-plus'),
  line('IV.2', 1, 'basic-plus'),
  line('V.1', 1, 'basic-plus'),
  line('V.2', 1, 'basic-plus'),
  line('V.3', 1, 'basic-plus'),
  // Other scope 3 is reported beside the inventory but enters neither BASIC nor BASIC+.
  line('VI.1', 3, 'other'),
];

const subcategoriesByCode: ReadonlyMap<string, GpcSubcategory> = new Map(
  GPC_SUBCATEGORIES.map((subcategory) => [subcategory.code, subcategory]),
);
const subsectorsByCode: ReadonlyMap<string, GpcSubsector> = new Map(
  GPC_SUBSECTORS.map((subsector) => [subsector.code, subsector]),
);
const sectorsByCode: ReadonlyMap<string, GpcSector> = new Map(
  GPC_SECTORS.map((sector) => [sector.code, sector]),
);

export function subcategoryByCode(code: string): GpcSubcategory | undefined {
  return subcategoriesByCode.get(code);
}

export function isSubcategoryCode(code: string): boolean {
  return subcategoriesByCode.has(code);
}

export function subsectorByCode(code: string): GpcSubsector | undefined {
  return subsectorsByCode.get(code);
}

export function sectorByCode(code: string): GpcSector | undefined {
  return sectorsByCode.get(code);
}

/** The lines whose completeness decides whether an inventory is a complete BASIC inventory. */
export const GPC_BASIC_SUBCATEGORY_CODES: readonly string[] = GPC_SUBCATEGORIES.filter(
  (subcategory) => subcategory.basic,
).map((subcategory) => subcategory.code);
