import { toIso2 } from '../../../core/climate/country';
import type { ImportReason, NotKeptBecause } from '../../../core/climate/import-reasons';
import { nztGasesText, slugOfAccordId } from '../../../core/climate/nzt-vocabulary';
import type { NetZeroLabel, TargetStatus, TargetType } from '../../../core/climate/types';
import { searchKey } from '../../../core/names';
import { unquotedCsvText } from '../../http/csv-cell';
import { MEGATONNES, parseEmissionsAmount, type EmissionsAmount } from './emission-amounts';
import type { NztField } from './layouts';
import {
  distinctNames,
  gasesFrom,
  intensityUnitFrom,
  kindFrom,
  netZeroLabelFrom,
  targetStatusFrom,
  targetTitle,
  type MappedRow,
  type Subject,
  type TargetRecord,
  type TargetValues,
} from './mapping';
import type { FieldRow } from './read-rows';
import { clip, parseNumber, parseYear, parseYesNo, present, readDate } from './values';

/**
 * A Net Zero Tracker row: one actor with its end target and, often, an interim target on the
 * way there. Countries and companies are in the same export; Accord keeps local and regional
 * governments only.
 */

type Fields = Partial<Record<NztField, string>>;

/** Excel keeps dates as day numbers since 1899-12-30 when a cell's date format is lost. */
function excelSerialDate(text: string | null): string | null {
  const serial = parseNumber(text);
  if (serial === null || serial < 10_000 || serial > 80_000 || !Number.isInteger(serial)) {
    return null;
  }
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** "Yes" or "Partial" coverage of a scope counts it as covered. */
function covers(text: string | null): boolean {
  return text !== null && /^(yes|partial|true|1)\b/i.test(text.trim());
}

/**
 * The tracker's target types (its codebook's words in `end_target` and `interim_target`):
 * the net-zero family ("Net zero", "Carbon neutral(ity)", …), "Emissions reduction target",
 * "Absolute emissions target", "Reduction v. BAU", "Emissions intensity target" and "Other".
 */
type TrackerType = 'net-zero' | 'reduction' | 'absolute' | 'bau' | 'intensity' | 'other';

function trackerTypeOf(text: string): TrackerType | null {
  const t = text.trim().toLowerCase();
  if (netZeroLabelFrom(text) !== null) return 'net-zero';
  if (/\bbau\b|business[\s-]*as[\s-]*usual/.test(t)) return 'bau';
  if (/intensity/.test(t)) return 'intensity';
  if (/absolute/.test(t)) return 'absolute';
  if (/reduction/.test(t)) return 'reduction';
  if (/^other\b/.test(t)) return 'other';
  return null;
}

/** One of the row's two targets, as the tracker gives it. */
interface Tracked {
  /** The columns' prefix: end_target_… or interim_target_…. */
  column: 'end' | 'interim';
  /** The fields its figures come from, for the row's notes. */
  fields: Record<'percent' | 'base' | 'target' | 'bau', NztField>;
  text: string;
  year: number | null;
  percent: number | null;
  baseYear: number | null;
  base: EmissionsAmount | null;
  target: EmissionsAmount | null;
  bau: EmissionsAmount | null;
  intensityUnit: string | null;
  other: string | null;
  description: string | null;
}

type TargetSpecific =
  | 'type'
  | 'net_zero_label'
  | 'title'
  | 'description'
  | 'base_year'
  | 'base_emissions'
  | 'target_year'
  | 'reduction_percent'
  | 'target_emissions'
  | 'bau_emissions'
  | 'base_intensity'
  | 'intensity_unit';

const percentOf = (text: string | undefined) => {
  const value = parseNumber(text);
  return value !== null && Math.abs(value) <= 1000 ? value : null;
};

/** The denominator of an intensity unit as written ("tCO2e/capita" → "per capita"). */
function denominatorOf(unit: string): string {
  const ratio = /^(.*?)\s*(?:\/|\bper\b)\s*(.+)$/i.exec(unit);
  return ratio ? `per ${(ratio[2] as string).trim()}` : unit;
}

/** An amount of emissions from one of the tracker's columns; what cannot be read is noted. */
function amountOf(
  field: NztField,
  cell: string | undefined,
  notes: ImportReason[],
): EmissionsAmount | null {
  const read = parseEmissionsAmount(cell, MEGATONNES);
  if (read === null) return null;
  if ('problem' in read) {
    const value = clip(present(cell), 60) ?? '';
    notes.push({ code: 'value-not-read', params: { field, value, ...read } });
    return null;
  }
  return read;
}

const FIELDS_OF: Record<'end' | 'interim', Tracked['fields']> = {
  end: {
    percent: 'endTargetPercent',
    base: 'endTargetBaselineEmissions',
    target: 'endTargetTargetEmissions',
    bau: 'endTargetBauEmissions',
  },
  interim: {
    percent: 'interimTargetPercent',
    base: 'interimTargetBaselineEmissions',
    target: 'interimTargetTargetEmissions',
    bau: 'interimTargetBauEmissions',
  },
};

function trackedTarget(
  f: Fields,
  column: 'end' | 'interim',
  text: string,
  notes: ImportReason[],
): Tracked {
  const end = column === 'end';
  const fields = FIELDS_OF[column];
  return {
    column,
    fields,
    text,
    year: parseYear(end ? f.endTargetYear : f.interimTargetYear),
    percent: percentOf(end ? f.endTargetPercent : f.interimTargetPercent),
    baseYear: parseYear(end ? f.endTargetBaselineYear : f.interimTargetBaselineYear),
    base: amountOf(fields.base, f[fields.base], notes),
    target: amountOf(fields.target, f[fields.target], notes),
    bau: amountOf(fields.bau, f[fields.bau], notes),
    intensityUnit: present(end ? f.endTargetIntensityUnit : f.interimTargetIntensityUnit),
    other: freeText(end ? f.endTargetOther : f.interimTargetOther),
    description: clip(freeText(end ? f.endTargetText : f.interimTargetText), 5000),
  };
}

/**
 * Free text as written, without the quote a CSV writer (Accord's own export) puts before text
 * that a spreadsheet would take for a formula.
 */
function freeText(cell: string | undefined): string | null {
  const value = present(cell);
  return value === null ? null : unquotedCsvText(value);
}

const formatAmount = (a: EmissionsAmount) =>
  a.kind === 'absolute' ? `${a.tonnes} t` : `${a.perDenominator} t ${a.denominator}`;

/**
 * A tracked target → Accord's target of the matching type, its levels in tonnes. A figure the
 * type cannot hold is not stored, and the row's notes say which and why.
 */
function targetValues(
  t: Tracked,
  shared: Omit<TargetValues, TargetSpecific>,
  notes: ImportReason[],
): TargetValues {
  type Figure = keyof Tracked['fields'];
  const drop = (figure: Figure, value: number | string, why: NotKeptBecause) =>
    notes.push({
      code: 'value-not-kept',
      params: { field: t.fields[figure], value: String(value), why },
    });
  const absolute = (a: EmissionsAmount | null, figure: Figure, why: NotKeptBecause) => {
    if (a === null) return null;
    if (a.kind === 'absolute') return a.tonnes;
    drop(figure, formatAmount(a), why);
    return null;
  };
  const trackerType = trackerTypeOf(t.text);
  const by = t.year === null ? '' : ` by ${t.year}`;
  const values = {
    ...shared,
    net_zero_label: null as NetZeroLabel | null,
    description: t.description,
    base_year: t.baseYear,
    base_emissions: null as number | null,
    target_year: t.year,
    reduction_percent: null as number | null,
    target_emissions: null as number | null,
    bau_emissions: null as number | null,
    base_intensity: null as number | null,
    intensity_unit: null as string | null,
  };
  const notIntensity = 'intensity-not-amount';

  if (trackerType === 'other' || trackerType === null) {
    if (trackerType === null) {
      notes.push({
        code: 'tracker-type-unknown',
        params: { target: t.column, value: clip(t.text, 80) as string },
      });
    }
    values.base_emissions = absolute(t.base, 'base', notIntensity);
    if (t.percent !== null) drop('percent', t.percent, 'other-states-no-reduction');
    if (t.target) drop('target', formatAmount(t.target), 'other-states-no-level');
    if (t.bau) drop('bau', formatAmount(t.bau), 'other-states-no-bau');
    const words = t.other ?? (trackerType === null ? `${t.text}${by}` : null);
    return {
      ...values,
      type: 'other',
      title: words === null ? `Other target${by}` : (clip(words, 300) as string),
      description: t.description ?? (words !== null && words.length > 300 ? words : null),
    };
  }

  let type: TargetType;
  switch (trackerType) {
    case 'net-zero': {
      const zero = 'net-zero-level-is-zero';
      type = 'fixed-level';
      values.net_zero_label = netZeroLabelFrom(t.text);
      values.target_emissions = 0;
      values.base_emissions = absolute(t.base, 'base', notIntensity);
      if (t.percent !== null && t.percent !== 100) drop('percent', t.percent, zero);
      if (t.target && !(t.target.kind === 'absolute' && t.target.tonnes === 0)) {
        drop('target', formatAmount(t.target), zero);
      }
      if (t.bau) drop('bau', formatAmount(t.bau), zero);
      break;
    }
    case 'bau':
      type = 'baseline-scenario';
      values.reduction_percent = t.percent;
      values.base_emissions = absolute(t.base, 'base', notIntensity);
      values.target_emissions = absolute(t.target, 'target', notIntensity);
      values.bau_emissions = absolute(t.bau, 'bau', notIntensity);
      break;
    case 'intensity': {
      type = 'intensity';
      values.reduction_percent = t.percent;
      if (t.base?.kind === 'intensity') values.base_intensity = t.base.perDenominator;
      else values.base_emissions = absolute(t.base, 'base', notIntensity);
      // Accord holds the level of an intensity target as a reduction in percent.
      values.target_emissions = absolute(t.target, 'target', 'intensity-level-as-percent');
      if (t.bau) drop('bau', formatAmount(t.bau), 'intensity-no-bau');
      const unit =
        t.intensityUnit !== null
          ? denominatorOf(t.intensityUnit)
          : t.base?.kind === 'intensity'
            ? t.base.denominator
            : null;
      values.intensity_unit = unit === null ? null : intensityUnitFrom(unit);
      break;
    }
    case 'absolute':
    case 'reduction': {
      const level = absolute(t.target, 'target', notIntensity);
      // An absolute target states its level; one the tracker gives only as a percentage is
      // a reduction from its base year, like an "Emissions reduction target".
      type =
        trackerType === 'absolute' && (level !== null || t.percent === null)
          ? 'fixed-level'
          : 'base-year';
      values.base_emissions = absolute(t.base, 'base', notIntensity);
      values.target_emissions = level;
      if (type === 'base-year') values.reduction_percent = t.percent;
      else if (t.percent !== null) drop('percent', t.percent, 'absolute-level-is-target');
      if (t.bau) drop('bau', formatAmount(t.bau), 'below-base-no-bau');
      break;
    }
  }
  return {
    ...values,
    type,
    title: targetTitle({
      type,
      netZeroLabel: values.net_zero_label,
      baseYear: values.base_year,
      targetYear: values.target_year,
      reductionPercent: values.reduction_percent,
      targetEmissions: values.target_emissions,
      intensityUnit:
        values.intensity_unit === 'per-capita' || values.intensity_unit === 'per-gdp'
          ? values.intensity_unit
          : null,
    }),
  };
}

const closeTo = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

function listOf(json: string): unknown[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

const unitKey = (unit: string) =>
  unit
    .replace(/^per\s+/i, '')
    .trim()
    .toLowerCase();

/**
 * Whether an existing target states what a mapped record says, in the tracker's terms: what the
 * row leaves empty says nothing, amounts agree to rounding (the tracker's Mt), gases agree in the
 * tracker's words, and the row's shared columns (status, gases, scopes, source…) count only for
 * the target they were written from (the end target, else the interim).
 */
export function statesSame(
  imported: TargetValues,
  existing: TargetValues,
  withShared: boolean,
): boolean {
  const zero = imported.net_zero_label;
  if (zero !== existing.net_zero_label) return false;
  // The tracker has one word for a net-zero target whatever Accord's type.
  if (zero === null && imported.type !== existing.type) return false;
  if (imported.type === 'other' && imported.title !== existing.title) return false;
  const same = <T>(a: T | null, b: T | null, eq = (x: T, y: T) => x === y) =>
    a === null || (b !== null && eq(a, b));
  const numbers = [
    'base_emissions',
    'bau_emissions',
    'base_intensity',
    'reduction_percent',
    ...(zero === null ? (['target_emissions'] as const) : []),
  ] as const;
  if (!numbers.every((c) => same(imported[c], existing[c], closeTo))) return false;
  if (!same(imported.base_year, existing.base_year)) return false;
  if (!same(imported.target_year, existing.target_year)) return false;
  if (!same(imported.description, existing.description)) return false;
  if (!same(imported.intensity_unit, existing.intensity_unit, (a, b) => unitKey(a) === unitKey(b)))
    return false;
  if (!withShared) return true;
  const gases = listOf(imported.coverage_gases).map(String);
  if (
    gases.length &&
    nztGasesText(gases) !== nztGasesText(listOf(existing.coverage_gases).map(String))
  )
    return false;
  const scopes = listOf(imported.coverage_scopes).map(Number).sort().join();
  if (scopes && scopes !== listOf(existing.coverage_scopes).map(Number).sort().join()) return false;
  const raceToZero = (json: string) => listOf(json).some((i) => /race to zero/i.test(String(i)));
  if (raceToZero(imported.initiatives) && !raceToZero(existing.initiatives)) return false;
  return (
    imported.status === existing.status &&
    same(imported.date_set, existing.date_set) &&
    same(imported.source_url, existing.source_url) &&
    same(imported.offsets_allowed, existing.offsets_allowed)
  );
}

export function mapNztRow(row: FieldRow): MappedRow {
  const f = row.fields as Fields;
  const idCode = present(f.idCode);
  // Accord's own export names a government the tracker does not know by accord:SLUG.
  const accordSlug = idCode ? slugOfAccordId(idCode) : null;
  const nztId = accordSlug ? null : idCode;
  const country = present(f.country);
  const iso2 = country ? toIso2(country) : null;
  const names = distinctNames([freeText(f.name)], searchKey);
  const subject: Subject | null = idCode
    ? {
        key: `nzt:${idCode}`,
        cdpAccount: null,
        nztId,
        accordSlug,
        names,
        country,
        iso2,
        cdpRegion: null,
        kind: kindFrom(present(f.actorType)),
        latitude: null,
        longitude: null,
        population: null,
        populationYear: null,
        areaKm2: null,
      }
    : null;
  const skip = (reason: ImportReason): MappedRow => ({
    row: row.number,
    subject,
    skip: reason,
    records: [],
  });
  if (!idCode) return skip({ code: 'no-id-code' });
  const actorType = present(f.actorType);
  if (actorType && /country|company|companies|business/i.test(actorType)) {
    return skip({ code: 'not-local-government', params: { value: clip(actorType, 80) as string } });
  }

  const statusText = present(f.endTargetStatus);
  // A tracked target without a status is taken as announced, not as policy.
  const status: TargetStatus = targetStatusFrom(statusText) ?? 'declaration';
  // The tracker writes dates day first, or as a spreadsheet's serial number.
  const statusDate = readDate(f.statusDate, 'day-first');
  const serialDate = excelSerialDate(present(f.statusDate));
  const dateSet = statusDate && 'date' in statusDate ? statusDate.date : serialDate;
  const statusDateProblem: ImportReason | null =
    statusDate && 'problem' in statusDate && serialDate === null
      ? {
          code: 'value-not-read',
          params: {
            field: 'statusDate',
            value: clip(present(f.statusDate) ?? '', 60) ?? '',
            ...statusDate,
          },
        }
      : null;
  const url = present(f.sourceUrl);
  const offsets = parseYesNo(f.offsets);
  const scopes = ([1, 2, 3] as const).filter((n) => covers(present(f[`scope${n}`])));
  const shared: Omit<TargetValues, TargetSpecific> = {
    coverage_gases: JSON.stringify(gasesFrom(present(f.gases))),
    coverage_scopes: JSON.stringify(scopes),
    coverage_sectors: '[]',
    boundary: 'unknown',
    status,
    date_set: dateSet,
    source_url: url && /^https?:\/\/\S+$/i.test(url) && url.length <= 1000 ? url : null,
    source_document: accordSlug ? 'Accord targets export' : 'Net Zero Tracker',
    initiatives: JSON.stringify(parseYesNo(f.raceToZero) ? ['Race to Zero'] : []),
    offsets_allowed: offsets === null ? null : offsets ? 1 : 0,
    self_reported_progress: null,
    self_reported_source: null,
  };

  const endText = present(f.endTarget);
  const hasEnd = endText !== null && !/^no target/i.test(endText);
  const interimText = present(f.interimTarget);
  const interimYear = parseYear(f.interimTargetYear);
  const hasInterim =
    (interimText !== null && !/^no target/i.test(interimText)) ||
    (interimText === null && interimYear !== null);
  if (!hasEnd && !hasInterim) return skip({ code: 'no-target' });

  const notes: ImportReason[] = statusDateProblem ? [statusDateProblem] : [];
  const records: TargetRecord[] = [];
  const endKey = `nzt|${idCode}|end`;
  const end = hasEnd ? trackedTarget(f, 'end', endText, notes) : null;
  if (end) {
    const values = targetValues(end, shared, notes);
    records.push({
      table: 'target',
      key: endKey,
      parentKey: null,
      values,
      entity: { kind: 'end-target', year: values.target_year },
      ...(accordSlug ? { statesSameAs: 'all' as const } : {}),
    });
  }
  if (hasInterim) {
    const interim = trackedTarget(f, 'interim', interimText ?? 'Emissions reduction target', notes);
    // The tracker gives one baseline figure per year of an actor: an interim target measured
    // from the end target's base year has the end target's base emissions.
    if (interim.base === null && end?.base && end.baseYear !== null) {
      if (interim.baseYear === end.baseYear) interim.base = end.base;
    }
    const values = targetValues(interim, shared, notes);
    records.push({
      table: 'target',
      key: `nzt|${idCode}|interim`,
      parentKey: hasEnd ? endKey : null,
      values,
      entity: { kind: 'interim-target', year: values.target_year },
      ...(accordSlug ? { statesSameAs: hasEnd ? ('own' as const) : ('all' as const) } : {}),
    });
  }
  return { row: row.number, subject, skip: null, records, notes };
}
