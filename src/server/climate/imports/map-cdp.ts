import { toIso2 } from '../../../core/climate/country';
import type { ImportReason, NumberProblem } from '../../../core/climate/import-reasons';
import { targetTypeHas } from '../../../core/climate/target-fields';
import type { NetZeroLabel, TargetType } from '../../../core/climate/types';
import { searchKey } from '../../../core/names';
import { layoutById, layoutDateOrder, type CdpEmissionField, type CdpTargetField } from './layouts';
import {
  accountNumber,
  boundaryFrom,
  distinctNames,
  gasesFrom,
  intensityUnitFrom,
  kindFrom,
  statusFromDescription,
  targetTitle,
  type MapContext,
  type MappedRow,
  type Subject,
  type TargetValues,
} from './mapping';
import { roundSum } from './long-table';
import type { FieldRow } from './read-rows';
import { recordedFields } from './row-fields';
import {
  clip,
  MAX_YEAR,
  MIN_YEAR,
  NOT_APPLICABLE,
  parseAmount,
  parseNumber,
  parseWktPoint,
  parseYear,
  present,
  readAccountingPeriod,
  withoutOtherPrefix,
} from './values';

/** CDP's rows: the Emissions Reduction Targets and the City-wide Emissions exports. */

type Fields<F extends string> = Partial<Record<F, string>>;

/**
 * Reads a row's numbers and years and keeps a note of each cell that says something but could
 * not be read ("approx. 5000", "2030s", a negative tonnage): the figure is left out, and the
 * row report says so (naming the field), instead of it vanishing without a word.
 */
/** The fields a note names: the row report shows each by its name in the reader's language. */
type CdpField = CdpTargetField | CdpEmissionField;

class Readings {
  readonly notes: ImportReason[] = [];

  note(field: CdpField, raw: string | number | undefined, problem: NumberProblem) {
    const value = typeof raw === 'number' ? String(raw) : (clip(present(raw), 40) ?? '');
    this.notes.push({ code: 'value-not-read', params: { field, value, ...problem } });
  }

  year(field: CdpField, raw: string | undefined): number | null {
    const year = parseYear(raw);
    if (year === null && present(raw) !== null) {
      this.note(field, raw, { problem: 'not-a-year', min: MIN_YEAR, max: MAX_YEAR });
    }
    return year;
  }

  amount(field: CdpField, raw: string | undefined, max = 1e12): number | null {
    const amount = parseAmount(raw, max);
    if (amount === null && present(raw) !== null) {
      this.note(field, raw, {
        problem: parseNumber(raw) === null ? 'not-a-number' : 'negative-or-too-large',
      });
    }
    return amount;
  }

  number(field: CdpField, raw: string | undefined): number | null {
    const number = parseNumber(raw);
    if (number === null && present(raw) !== null) {
      this.note(field, raw, { problem: 'not-a-number' });
    }
    return number;
  }
}

/** The date order of the file's layout (CDP writes month first). */
function dateOrderOf(context: MapContext) {
  return layoutDateOrder(layoutById(context.layoutId) ?? { kind: 'cdp-emissions' });
}

/** Fields both CDP exports share, for naming the city. */
type SubjectFields = Fields<
  | 'account'
  | 'organization'
  | 'city'
  | 'country'
  | 'cdpRegion'
  | 'location'
  | 'population'
  | 'populationYear'
  | 'name'
  | 'entityType'
  | 'iso'
  | 'landArea'
>;

export function cdpSubject(f: SubjectFields): Subject {
  const cdpAccount = accountNumber(present(f.account));
  // The city's short name reads best as an English name; the organisation's is often
  // "City of …" or "… Metropolitan Government", which stays as an alias.
  const names = distinctNames(
    [present(f.city), present(f.name), present(f.organization)],
    searchKey,
  );
  const country = present(f.country);
  const iso = present(f.iso);
  const iso2 = (iso ? toIso2(iso) : null) ?? (country ? toIso2(country) : null);
  const point = parseWktPoint(f.location);
  const population = parseAmount(f.population);
  return {
    key: cdpAccount
      ? `cdp:${cdpAccount}`
      : `name:${searchKey(names[0] ?? '')}|${iso2 ?? country ?? ''}`,
    cdpAccount,
    nztId: null,
    names,
    country: country ?? iso,
    iso2,
    cdpRegion: present(f.cdpRegion),
    kind: kindFrom(present(f.entityType)),
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    population: population === null ? null : Math.round(population),
    populationYear: population === null ? null : parseYear(f.populationYear),
    areaKm2: parseAmount(f.landArea, 1e7),
  };
}

function targetTypeFrom(text: string): TargetType | null {
  const t = text.toLowerCase();
  if (t.includes('intensity')) return 'intensity';
  if (t.includes('base year')) return 'base-year';
  if (t.includes('fixed level')) return 'fixed-level';
  if (t.includes('baseline scenario') || t.includes('business as usual')) {
    return 'baseline-scenario';
  }
  return null;
}

const ALL_SOURCES = ['I', 'II', 'III', 'IV', 'V'];

/** Initiatives a target counts towards, without CDP's "Other, please specify" and non-answers. */
function initiativesFrom(text: string | null): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  for (const part of text.split(';')) {
    const name = withoutOtherPrefix(part.trim());
    if (name === '' || /^NA$/i.test(name) || /does not contribute/i.test(name)) continue;
    seen.add(clip(name, 120) as string);
  }
  return [...seen].slice(0, 30);
}

const formatKeyNumber = (value: number | null) => (value === null ? '-' : String(value));

/**
 * A row of the Emissions Reduction Targets export → one target, or a reason to skip it.
 * `keyOf` turns the row's natural key into its import key (it numbers repeats, because CDP
 * lists some cities' sector targets with identical figures).
 */
export function mapCdpTargetRow(
  row: FieldRow,
  context: MapContext & { keyOf(naturalKey: string): string },
): MappedRow {
  const f = row.fields as Fields<CdpTargetField>;
  const subject = cdpSubject(f);
  const typeText = present(f.targetType);
  const read = new Readings();
  const skip = (reason: ImportReason): MappedRow => ({
    row: row.number,
    subject,
    skip: reason,
    records: [],
    ...(read.notes.length ? { notes: read.notes } : {}),
  });
  if (typeText === null) return skip({ code: 'target-type-missing' });
  if (/^no target/i.test(typeText)) return skip({ code: 'no-target' });
  const type = targetTypeFrom(typeText);
  if (type === null) {
    return skip({ code: 'target-type-unknown', params: { value: clip(typeText, 80) as string } });
  }

  const reportingYear = read.year('reportingYear', f.reportingYear);
  const baseYear = read.year('baseYear', f.baseYear);
  const targetYear = read.year('targetYear', f.targetYear);
  const percent = read.number('percent', f.percent);
  const reductionPercent = percent !== null && Math.abs(percent) <= 1000 ? percent : null;
  if (percent !== null && reductionPercent === null) {
    read.note('percent', percent, { problem: 'beyond-1000-percent' });
  }
  const targetEmissions = read.amount('targetEmissions', f.targetEmissions);
  const unitText = present(f.intensityUnit);
  const intensityUnit =
    targetTypeHas(type, 'intensityUnit') && unitText !== null
      ? intensityUnitFrom(withoutOtherPrefix(unitText))
      : null;
  // A target that ends at zero emissions is a net-zero target whatever CDP's type calls it.
  const netZeroLabel: NetZeroLabel | null =
    (type === 'fixed-level' && targetEmissions === 0) ||
    ((type === 'base-year' || type === 'baseline-scenario') &&
      reductionPercent !== null &&
      reductionPercent >= 100)
      ? 'net-zero'
      : null;
  const description = clip(present(f.description) ?? present(f.methodology), 5000);
  const yearSet = read.year('yearSet', f.yearSet);
  const achieved = read.number('achieved', f.achieved);
  const sector = present(f.sector);
  const values: TargetValues = {
    type,
    net_zero_label: netZeroLabel,
    title: targetTitle({
      type,
      netZeroLabel,
      baseYear,
      targetYear,
      reductionPercent,
      targetEmissions,
      intensityUnit,
    }),
    description,
    base_year: baseYear,
    base_emissions: read.amount('baseEmissions', f.baseEmissions),
    target_year: targetYear,
    reduction_percent: reductionPercent,
    target_emissions: targetEmissions,
    bau_emissions: read.amount('bauEmissions', f.bauEmissions),
    base_intensity: targetTypeHas(type, 'baseIntensity')
      ? read.amount('baseIntensity', f.baseIntensity)
      : null,
    intensity_unit: intensityUnit,
    coverage_gases: '[]',
    coverage_scopes: '[]',
    coverage_sectors: JSON.stringify(
      sector && /all emissions sources/i.test(sector) ? ALL_SOURCES : [],
    ),
    boundary: boundaryFrom(present(f.targetBoundary)),
    status: statusFromDescription(description),
    date_set: yearSet === null ? null : `${yearSet}-01-01`,
    source_url: null,
    source_document: reportingYear
      ? `CDP ${reportingYear} Cities Emissions Reduction Targets`
      : 'CDP Cities Emissions Reduction Targets',
    initiatives: JSON.stringify(initiativesFrom(present(f.initiatives))),
    offsets_allowed: null,
    self_reported_progress: achieved,
    self_reported_source: achieved === null ? null : reportingYear ? `CDP ${reportingYear}` : 'CDP',
  };
  const level =
    reductionPercent !== null
      ? `${reductionPercent}%`
      : targetEmissions !== null
        ? `${targetEmissions}t`
        : '-';
  const who = subject.cdpAccount ?? subject.key;
  const key = context.keyOf(
    [
      'cdp-targets',
      reportingYear ?? '-',
      who,
      type,
      formatKeyNumber(baseYear),
      formatKeyNumber(targetYear),
      level,
    ].join('|'),
  );
  return {
    row: row.number,
    subject,
    skip: null,
    ...(read.notes.length ? { notes: read.notes } : {}),
    records: [
      {
        table: 'target',
        key,
        parentKey: null,
        values,
        entity: { kind: 'target', year: targetYear, type },
      },
    ],
  };
}

/** The row's cells without CDP's "Not Applicable" and the like, which mean an empty cell. */
function withoutNotApplicable<F extends string>(fields: Partial<Record<F, string>>) {
  const out: Partial<Record<F, string>> = {};
  for (const [field, value] of Object.entries(fields) as [F, string | undefined][]) {
    if (value !== undefined && !NOT_APPLICABLE.test(value.trim())) out[field] = value;
  }
  return out;
}

/** The sum of the figures given, or null when none is. */
function sumOfGiven(...values: (number | null)[]): number | null {
  const given = values.filter((v): v is number => v !== null);
  // Rounded to what the figures carry, so that 12422.55 + 7838.23 is not 20260.780000000002.
  return given.length === 0 ? null : roundSum(given.reduce((a, b) => a + b, 0));
}

/** A reporting year from a year or a questionnaire's name ("Cities 2022"). */
function reportingYearFrom(text: string | undefined): number | null {
  const year = parseYear(text);
  if (year !== null) return year;
  const named = /\b(19[5-9]\d|20\d\d)\b/.exec(present(text) ?? '');
  return named ? parseYear(named[1]) : null;
}

/**
 * A row of the City-wide Emissions export → one emission report. Scope totals come from the
 * TOTAL columns, or else from CDP's split by generation of grid-supplied energy, which many
 * cities fill instead: a scope is the sum of its two parts (direct emissions for generation of
 * grid-supplied energy and excluding it are scope 1, indirect use of grid energy scope 2,
 * emissions outside the boundary scope 3), or else the sum of a long table's sector lines. The
 * total compared with targets is BASIC, else the city-wide total, else scope 1 excluding the
 * generation of grid-supplied energy plus scope 2, so that a power plant's emissions are not
 * counted twice (once where it burns, once where its power is used).
 */
export function mapCdpEmissionRow(row: FieldRow, context: MapContext): MappedRow {
  const f = withoutNotApplicable(row.fields as Fields<CdpEmissionField>);
  const subject = cdpSubject(f);
  const read = new Readings();
  const skip = (reason: ImportReason): MappedRow => ({
    row: row.number,
    subject,
    skip: reason,
    records: [],
    ...(read.notes.length ? { notes: read.notes } : {}),
  });
  const accounting = readAccountingPeriod(f.accountingYear, dateOrderOf(context));
  if (accounting === null) return skip({ code: 'accounting-year-unknown' });
  if ('problem' in accounting) {
    const value = clip(present(f.accountingYear), 80) ?? '';
    return skip({ code: 'accounting-year-not-read', params: { value, ...accounting } });
  }
  const period = accounting.period;
  // A scope total summed from its split columns names both in the row report.
  const summedFrom: Record<string, CdpEmissionField[]> = {};
  const summed = (total: CdpEmissionField, parts: [CdpEmissionField, number | null][]) => {
    const given = parts.filter(([, value]) => value !== null);
    if (given.length > 0) summedFrom[total] = given.map(([field]) => field);
    return sumOfGiven(...given.map(([, value]) => value));
  };
  const directGeneration = read.amount('directGeneration', f.directGeneration);
  const directExcluding = read.amount('directExcludingGeneration', f.directExcludingGeneration);
  const scope1Total = read.amount('scope1Total', f.scope1Total);
  const scope2 =
    read.amount('scope2Total', f.scope2Total) ??
    summed('scope2Total', [
      ['indirectGeneration', read.amount('indirectGeneration', f.indirectGeneration)],
      [
        'indirectExcludingGeneration',
        read.amount('indirectExcludingGeneration', f.indirectExcludingGeneration),
      ],
    ]) ??
    read.amount('scope2Lines', f.scope2Lines);
  const scope1 =
    scope1Total ??
    summed('scope1Total', [
      ['directGeneration', directGeneration],
      ['directExcludingGeneration', directExcluding],
    ]) ??
    read.amount('scope1Lines', f.scope1Lines);
  const scope3 =
    read.amount('scope3Total', f.scope3Total) ??
    summed('scope3Total', [
      ['outsideGeneration', read.amount('outsideGeneration', f.outsideGeneration)],
      [
        'outsideExcludingGeneration',
        read.amount('outsideExcludingGeneration', f.outsideExcludingGeneration),
      ],
    ]) ??
    read.amount('scope3Lines', f.scope3Lines);
  const citywide = read.amount('citywideTotal', f.citywideTotal);
  // 2017 says what its one total covers: "… (Total BASIC emissions)" or BASIC+.
  const coverage = present(f.totalCoverage)?.toLowerCase() ?? '';
  const basic =
    read.amount('basic', f.basic) ??
    (/basic\b(?!\+)/.test(coverage) && !/basic\+/.test(coverage) ? citywide : null);
  const basicPlus =
    read.amount('basicPlus', f.basicPlus) ?? (/basic\+/.test(coverage) ? citywide : null);
  const scope1ExcludingGeneration = scope1Total ?? directExcluding ?? parseAmount(f.scope1Lines);
  const total =
    basic ??
    citywide ??
    (scope1ExcludingGeneration !== null && scope2 !== null
      ? scope1ExcludingGeneration + scope2
      : null);
  // What the total covers: BASIC (or BASIC+ when 2017 says so of its one total), scope 1 + 2
  // as summed here, or a city-wide total CDP does not define (null).
  const totalCoverage =
    basic !== null
      ? 'basic'
      : citywide !== null
        ? basicPlus === citywide
          ? 'basic-plus'
          : null
        : total === null
          ? null
          : 'scope-1-2';
  if ([scope1, scope2, scope3, basic, basicPlus, total].every((v) => v === null)) {
    return skip({ code: 'no-emission-figures' });
  }
  const reportingYear = reportingYearFrom(f.reportingYear);
  if (reportingYear === null && present(f.reportingYear) !== null) {
    read.note('reportingYear', f.reportingYear, {
      problem: 'not-a-year',
      min: MIN_YEAR,
      max: MAX_YEAR,
    });
  }
  const gases = gasesFrom(present(f.gases));
  const protocol = present(f.protocol);
  const inventoryBoundary = boundaryFrom(present(f.inventoryBoundary));
  const who = subject.cdpAccount ?? subject.key;
  const lines = (row as FieldRow & { lines?: { first: number; last: number } }).lines;
  return {
    row: row.number,
    subject,
    skip: null,
    ...(read.notes.length ? { notes: read.notes } : {}),
    fields: recordedFields(f, { ...row.derived, ...summedFrom }),
    records: [
      {
        table: 'report',
        key: ['cdp', reportingYear ?? '-', who].join('|'),
        entity:
          lines && lines.last > lines.first
            ? {
                kind: 'emission-report',
                year: period.year,
                rows: { first: lines.first, last: lines.last },
              }
            : { kind: 'emission-report', year: period.year },
        values: {
          year: period.year,
          source: 'cdp',
          source_label: reportingYear
            ? `CDP ${reportingYear} city-wide emissions`
            : 'CDP city-wide emissions',
          period_start: period.start,
          period_end: period.end,
          scope1,
          scope2,
          scope3,
          basic,
          basic_plus: basicPlus,
          total,
          total_coverage: totalCoverage,
          gases: gases.length ? gases.join(', ') : null,
          protocol: protocol === null ? null : clip(withoutOtherPrefix(protocol), 300),
          boundary: inventoryBoundary === 'unknown' ? null : inventoryBoundary,
          report_year: reportingYear,
          dataset: 'cdp-emissions',
          provenance: JSON.stringify({
            file: context.fileName,
            row: row.number,
            ...(lines ? { rows: [lines.first, lines.last] } : {}),
            reportedYear: reportingYear,
            layout: context.layoutId,
          }),
        },
      },
    ],
  };
}
