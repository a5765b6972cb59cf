import {
  GASES,
  type Gas,
  type NetZeroLabel,
  type TargetBoundary,
  type TargetStatus,
  type TargetType,
} from '../../../core/climate/types';
import type { ImportEntity, ImportReason } from '../../../core/climate/import-reasons';
import type { GovernmentKind } from '../../../core/membership';
import type { ReportRow, TargetRow } from '../repository';
import type { RecordedField } from './row-fields';

/**
 * What a row of an import file becomes before it meets the database: who it is about (a
 * subject, matched to a government later) and the climate records it carries, with the key
 * that finds them again on the next run.
 */

/** The columns of a target an import writes; a re-import compares exactly these. */
export const TARGET_VALUE_COLUMNS = [
  'type',
  'net_zero_label',
  'title',
  'description',
  'base_year',
  'base_emissions',
  'target_year',
  'reduction_percent',
  'target_emissions',
  'bau_emissions',
  'base_intensity',
  'intensity_unit',
  'coverage_gases',
  'coverage_scopes',
  'coverage_sectors',
  'boundary',
  'status',
  'date_set',
  'source_url',
  'source_document',
  'initiatives',
  'offsets_allowed',
  'self_reported_progress',
  'self_reported_source',
] as const;
export type TargetValues = Pick<TargetRow, (typeof TARGET_VALUE_COLUMNS)[number]>;

/** The columns of an emission report an import writes and compares (provenance is written only). */
export const REPORT_VALUE_COLUMNS = [
  'year',
  'source',
  'source_label',
  'period_start',
  'period_end',
  'scope1',
  'scope2',
  'scope3',
  'basic',
  'basic_plus',
  'total',
  'total_coverage',
  'gases',
  'protocol',
  'boundary',
  'report_year',
  'dataset',
] as const;
export type ReportValues = Pick<ReportRow, (typeof REPORT_VALUE_COLUMNS)[number]> & {
  provenance: string;
};

export interface TargetRecord {
  table: 'target';
  /** import_key: the same target gets the same key on every run. */
  key: string;
  /** import_key of the end target this one is an interim step of. */
  parentKey: string | null;
  values: TargetValues;
  /** How the row report names it: a target of a type and year, the tracker's end target… */
  entity: ImportEntity;
  /**
   * A record of Accord's own targets export (id_code accord:SLUG): when no target has its key, a target of the government that already
   * states what it says (statesSame in map-nzt.ts) is this record, unchanged (Accord's own export
   * read back), instead of a new one beside it. 'all' compares the row's shared columns (status,
   * gases, scopes…) too, 'own' only the target's own ones. Data, not a function: mapped rows are
   * spooled as JSON.
   */
  statesSameAs?: 'all' | 'own';
}

export interface ReportRecord {
  table: 'report';
  key: string;
  values: ReportValues;
  entity: ImportEntity;
}

export type MappedRecord = TargetRecord | ReportRecord;

/** Who a row is about, as the file says it; matched to a government (or created) later. */
export interface Subject {
  /** Identity within one run: rows with the same key are about the same government. */
  key: string;
  cdpAccount: string | null;
  nztId: string | null;
  /** The government's slug, when the row is Accord's own (an id_code accord:SLUG). */
  accordSlug?: string | null;
  /** Names the file gives; the first is the English name of a government created from it. */
  names: string[];
  /** The country as written, for messages. */
  country: string | null;
  iso2: string | null;
  cdpRegion: string | null;
  kind: GovernmentKind;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  populationYear: number | null;
  areaKm2: number | null;
}

export interface MappedRow {
  row: number;
  subject: Subject | null;
  /** Set when the row cannot be imported whatever the database holds. */
  skip: ImportReason | null;
  records: MappedRecord[];
  /**
   * What the row report must say of the row whatever its action: figures not kept and why,
   * values given but not read (a date in no known form), a last row that may be cut short.
   */
  notes?: ImportReason[];
  /** The fields the row had a value for, for the row report (row-fields.ts). */
  fields?: RecordedField[];
}

export interface MapContext {
  fileName: string;
  layoutId: string;
}

const NET_ZERO_TEXT: Record<NetZeroLabel, string> = {
  'net-zero': 'Net zero',
  'zero-emissions': 'Zero emissions',
  'zero-carbon': 'Zero carbon',
  'carbon-neutral': 'Carbon neutral',
  'climate-neutral': 'Climate neutral',
  'ghg-neutral': 'GHG neutral',
  'climate-positive': 'Climate positive',
  'net-negative': 'Net negative',
};

export function netZeroText(label: NetZeroLabel): string {
  return NET_ZERO_TEXT[label];
}

/** The net-zero family name a tracker's or member's text uses, if it uses one. */
export function netZeroLabelFrom(text: string | null): NetZeroLabel | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/net[\s-]*zero/.test(t)) return 'net-zero';
  if (/zero[\s-]*emission/.test(t)) return 'zero-emissions';
  if (/zero[\s-]*carbon|carbon[\s-]*free/.test(t)) return 'zero-carbon';
  if (/carbon[\s-]*neutral/.test(t)) return 'carbon-neutral';
  if (/climate[\s-]*neutral/.test(t)) return 'climate-neutral';
  if (/(ghg|greenhouse[\s-]*gas)[\s-]*neutral/.test(t)) return 'ghg-neutral';
  if (/climate[\s-]*positive/.test(t)) return 'climate-positive';
  if (/(net|carbon|climate)[\s-]*negative/.test(t)) return 'net-negative';
  return null;
}

/**
 * The Net Zero Tracker's statuses ("In law", "In policy document", "Declaration / pledge",
 * "Proposed / in discussion", "Achieved (self-declared)", "Achieved (externally validated)").
 */
export function targetStatusFrom(text: string | null): TargetStatus | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/achieved/.test(t))
    return /extern|validated|verified/.test(t) ? 'achieved-validated' : 'achieved-self-declared';
  if (/\blaw\b|legislat/.test(t)) return 'law';
  if (/policy/.test(t)) return 'policy';
  if (/declar|pledge/.test(t)) return 'declaration';
  if (/propos|discuss/.test(t)) return 'proposed';
  return null;
}

/**
 * CDP answers with a status only in prose: a target is taken as set in policy unless its
 * description plainly says it is law or not adopted yet. Only unambiguous phrases count, because
 * descriptions mention laws and drafts of other things ("a draft ordinance on bicycles").
 */
export function statusFromDescription(text: string | null): TargetStatus {
  if (!text) return 'policy';
  if (
    /\b(not yet (been )?(adopted|approved)|target (is|was|has been) proposed|proposed target|draft target|under discussion)\b/i.test(
      text,
    )
  ) {
    return 'proposed';
  }
  if (
    /\b((target|goal|commitment) (is|was|has been) (legally binding|set (out )?in law|written into law|adopted (in|into) law)|enshrined in (the )?law)\b/i.test(
      text,
    )
  ) {
    return 'law';
  }
  return 'policy';
}

/** CDP's boundary answers ("Same – covers entire city…", "Smaller…", "Larger…"). */
export function boundaryFrom(text: string | null): TargetBoundary {
  if (!text) return 'unknown';
  const t = text.trim().toLowerCase();
  if (t.startsWith('same')) return 'city-wide';
  if (t.startsWith('larger')) return 'larger';
  // Only part of the city, part plus neighbours, or only the local government's own operations.
  if (t.startsWith('smaller') || t.startsWith('partial') || t.startsWith('local government')) {
    return 'partial';
  }
  return 'unknown';
}

const GAS_PATTERNS: Record<Gas, RegExp> = {
  CO2: /\bco2\b|carbon dioxide/,
  CH4: /\bch4\b|methane/,
  // CDP's exports write nitrous oxide with a zero ("N20").
  N2O: /\bn2o\b|\bn20\b|nitrous oxide/,
  HFCs: /\bhfcs?\b|hydrofluorocarbon/,
  PFCs: /\bpfcs?\b|perfluorocarbon/,
  SF6: /\bsf6\b|sul(ph|f)ur hexafluoride/,
  NF3: /\bnf3\b|nitrogen trifluoride/,
};

const ALL_GASES = /\ball\b.*\b(ghgs?|greenhouse|gases|gasses)\b|kyoto (basket|gases)/;
/** "Carbon dioxide and other GHGs", "CO2 + other greenhouse gases". */
const WITH_OTHER_GASES = /(\band|\bplus|&|\+)\s*(all\s+)?other\s+(ghgs?|greenhouse|gases|gasses)\b/;

/**
 * Gases named in a text ("CH4, CO2, N20", "All GHGs", "CO2 only", the Net Zero Tracker's
 * "Carbon dioxide and other GHGs"), in Accord's order.
 */
export function gasesFrom(text: string | null): Gas[] {
  if (!text) return [];
  const t = text.toLowerCase();
  if (ALL_GASES.test(t) || WITH_OTHER_GASES.test(t)) return [...GASES];
  return GASES.filter((gas) => GAS_PATTERNS[gas].test(t));
}

function formatPercent(value: number): string {
  return String(Number(value.toFixed(2)));
}

const TONNES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function formatTonnes(value: number): string {
  return TONNES.format(value);
}

/** "per capita" or "per unit of GDP" for the intensity units members report. */
export function intensityUnitFrom(text: string | null): string | null {
  if (!text) return null;
  if (/capita|person|inhabitant|resident|population/i.test(text)) return 'per-capita';
  if (/\bgdp\b|gross domestic/i.test(text)) return 'per-gdp';
  return Array.from(text).slice(0, 60).join('');
}

/**
 * An English title for a target, made from its figures so that every import writes the same
 * one: "40 % below 2013 by 2030", "Net zero by 2050", "25 % below business as usual by 2030".
 */
export function targetTitle(target: {
  type: TargetType;
  netZeroLabel: NetZeroLabel | null;
  baseYear: number | null;
  targetYear: number | null;
  reductionPercent: number | null;
  targetEmissions: number | null;
  intensityUnit: string | null;
}): string {
  const by = target.targetYear === null ? '' : ` by ${target.targetYear}`;
  const p = target.reductionPercent;
  if (target.netZeroLabel) return `${netZeroText(target.netZeroLabel)}${by}`;
  switch (target.type) {
    case 'base-year':
      if (p !== null && target.baseYear !== null) {
        return `${formatPercent(p)} % below ${target.baseYear}${by}`;
      }
      if (target.targetEmissions !== null)
        return `${formatTonnes(target.targetEmissions)} t CO2e${by}`;
      return `Emissions reduction${by}`;
    case 'fixed-level':
      return target.targetEmissions !== null
        ? `${formatTonnes(target.targetEmissions)} t CO2e${by}`
        : `Fixed emissions level${by}`;
    case 'baseline-scenario':
      return p !== null
        ? `${formatPercent(p)} % below business as usual${by}`
        : `Reduction below business as usual${by}`;
    case 'intensity': {
      const per =
        target.intensityUnit === 'per-capita'
          ? ' per capita'
          : target.intensityUnit === 'per-gdp'
            ? ' per unit of GDP'
            : ' in emissions intensity';
      if (p !== null && target.baseYear !== null) {
        return `${formatPercent(p)} % below ${target.baseYear}${per}${by}`;
      }
      return `Emissions intensity reduction${by}`;
    }
    default:
      return `Target${by}`;
  }
}

/** Keeps the first of names that fold alike, and drops empty ones. */
export function distinctNames(names: (string | null | undefined)[], fold: (n: string) => string) {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const trimmed = name?.trim();
    if (!trimmed) continue;
    const key = fold(trimmed);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

/** Account numbers read from a spreadsheet cell may come as "49389.0". */
export function accountNumber(text: string | null): string | null {
  if (!text) return null;
  const trimmed = text.trim().replace(/\.0+$/, '');
  return trimmed === '' ? null : trimmed;
}

/** Kinds a tracker's actor type or CDP's entity type can name. */
export function kindFrom(text: string | null): GovernmentKind {
  if (!text) return 'city';
  const t = text.toLowerCase();
  if (/province|region|state|prefecture/.test(t))
    return t.includes('prefecture') ? 'prefecture' : 'province';
  if (/county/.test(t)) return 'county';
  return 'city';
}
