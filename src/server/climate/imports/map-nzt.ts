import { toIso2 } from '../../../core/climate/country';
import { targetTypeHas } from '../../../core/climate/target-fields';
import type { NetZeroLabel, TargetStatus, TargetType } from '../../../core/climate/types';
import { searchKey } from '../../../core/names';
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
import {
  clip,
  parseAmount,
  parseDate,
  parseNumber,
  parseYear,
  parseYesNo,
  present,
} from './values';

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

function typeFor(text: string, percent: number | null): TargetType {
  if (/intensity/i.test(text)) return 'intensity';
  if (netZeroLabelFrom(text) !== null) return 'fixed-level';
  // "Emissions reduction target", "Science-Based Target", "Other": a reduction from a base year
  // when a percentage is given; otherwise a level the tracker does not quantify.
  return percent !== null ? 'base-year' : 'fixed-level';
}

interface TargetParts {
  text: string;
  year: number | null;
  percent: number | null;
  baselineYear: number | null;
  baselineEmissions: number | null;
  description: string | null;
}

function targetValues(
  parts: TargetParts,
  shared: Omit<TargetValues, TargetSpecific>,
): TargetValues {
  const type = typeFor(parts.text, parts.percent);
  const netZeroLabel: NetZeroLabel | null = netZeroLabelFrom(parts.text);
  const intensityUnit = targetTypeHas(type, 'intensityUnit') ? intensityUnitFrom(parts.text) : null;
  const targetEmissions = netZeroLabel !== null ? 0 : null;
  return {
    ...shared,
    type,
    net_zero_label: netZeroLabel,
    title: targetTitle({
      type,
      netZeroLabel,
      baseYear: parts.baselineYear,
      targetYear: parts.year,
      reductionPercent: parts.percent,
      targetEmissions,
      intensityUnit:
        intensityUnit === 'per-capita' || intensityUnit === 'per-gdp' ? intensityUnit : null,
    }),
    description: parts.description,
    base_year: parts.baselineYear,
    base_emissions: parts.baselineEmissions,
    target_year: parts.year,
    reduction_percent: parts.percent,
    target_emissions: targetEmissions,
    intensity_unit:
      intensityUnit === 'per-capita' || intensityUnit === 'per-gdp' ? intensityUnit : null,
  };
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
  | 'intensity_unit';

const percentOf = (text: string | undefined) => {
  const value = parseNumber(text);
  return value !== null && Math.abs(value) <= 1000 ? value : null;
};

export function mapNztRow(row: FieldRow): MappedRow {
  const f = row.fields as Fields;
  const nztId = present(f.idCode);
  const country = present(f.country);
  const iso2 = country ? toIso2(country) : null;
  const names = distinctNames([present(f.name)], searchKey);
  const subject: Subject | null = nztId
    ? {
        key: `nzt:${nztId}`,
        cdpAccount: null,
        nztId,
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
  const skip = (reason: string): MappedRow => ({
    row: row.number,
    subject,
    skip: reason,
    records: [],
  });
  if (!nztId) return skip('no id_code');
  const actorType = present(f.actorType);
  if (actorType && /country|company|companies|business/i.test(actorType)) {
    return skip(`not a local or regional government (actor_type ${actorType})`);
  }

  const statusText = present(f.endTargetStatus);
  // A tracked target without a status is taken as announced, not as policy.
  const status: TargetStatus = targetStatusFrom(statusText) ?? 'declaration';
  const dateSet = parseDate(f.statusDate) ?? excelSerialDate(present(f.statusDate));
  const url = present(f.sourceUrl);
  const offsets = parseYesNo(f.offsets);
  const scopes = ([1, 2, 3] as const).filter((n) => covers(present(f[`scope${n}`])));
  const shared: Omit<TargetValues, TargetSpecific> = {
    bau_emissions: null,
    base_intensity: null,
    coverage_gases: JSON.stringify(gasesFrom(present(f.gases))),
    coverage_scopes: JSON.stringify(scopes),
    coverage_sectors: '[]',
    boundary: 'unknown',
    status,
    date_set: dateSet,
    source_url: url && /^https?:\/\/\S+$/i.test(url) && url.length <= 1000 ? url : null,
    source_document: 'Net Zero Tracker',
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
  if (!hasEnd && !hasInterim) return skip('No target');

  const records: TargetRecord[] = [];
  const endKey = `nzt|${nztId}|end`;
  if (hasEnd) {
    const values = targetValues(
      {
        text: endText,
        year: parseYear(f.endTargetYear),
        percent: percentOf(f.endTargetPercent),
        baselineYear: parseYear(f.endTargetBaselineYear),
        baselineEmissions: parseAmount(f.endTargetBaselineEmissions),
        description: clip(present(f.endTargetText), 5000),
      },
      shared,
    );
    records.push({
      table: 'target',
      key: endKey,
      parentKey: null,
      values,
      label: `end target ${values.target_year ?? '(no year)'}`,
    });
  }
  if (hasInterim) {
    const values = targetValues(
      {
        text: interimText ?? 'Emissions reduction target',
        year: interimYear,
        percent: percentOf(f.interimTargetPercent),
        baselineYear: parseYear(f.interimTargetBaselineYear),
        baselineEmissions: null,
        description: clip(present(f.interimTargetText), 5000),
      },
      shared,
    );
    records.push({
      table: 'target',
      key: `nzt|${nztId}|interim`,
      parentKey: hasEnd ? endKey : null,
      values,
      label: `interim target ${values.target_year ?? '(no year)'}`,
    });
  }
  return { row: row.number, subject, skip: null, records };
}
