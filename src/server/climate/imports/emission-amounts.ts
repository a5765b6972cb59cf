import type { AmountProblem } from '../../../core/climate/import-reasons';
import { parseNumber, present } from './values';

/**
 * Amounts of emissions as trackers write them: a bare number in the unit their codebook gives
 * the column ("7.84" in a column documented in MtCO2e), or a number with its unit in the cell
 * ("12.5 MtCO2e", "640 ktCO2e", "5.2 tCO2e/capita"). Accord stores tonnes CO2e, and intensities
 * as tonnes per denominator unit, so every amount is converted here; what cannot be read
 * without a guess comes back as a problem to report, never as a number.
 */

/** The unit a column documents for its bare numbers. */
export interface ColumnUnit {
  /** Tonnes in one unit. */
  tonnes: number;
  /** How the unit is written, for messages. */
  label: string;
}

export const MEGATONNES: ColumnUnit = { tonnes: 1e6, label: 'MtCO2e' };
export const TONNES: ColumnUnit = { tonnes: 1, label: 'tCO2e' };

export type EmissionsAmount =
  | { kind: 'absolute'; tonnes: number; unit: string }
  /** t CO2e per denominator unit; `denominator` as written ("per capita", "per million USD"). */
  | { kind: 'intensity'; perDenominator: number; denominator: string };

/** About twice the world's yearly emissions: no government's figure is larger. */
const MORE_THAN_THE_WORLD = 1e11;

const LEADING_NUMBER =
  /^([-+]?(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.\d+)?(?:e[-+]?\d+)?|[-+]?\.\d+)\s*(.*)$/i;

/** Scaling leaves binary noise (7.84 × 1e6 = 7840000.000000001); 12 digits are what was written. */
const rounded = (value: number) => Number(value.toPrecision(12));

const NOT_READABLE: AmountProblem = { problem: 'not-an-amount' };

/** Tonnes in one unit of mass as written before the gas ("Mt", "kt", "million tonnes"). */
function massScale(mass: string): number | 'ambiguous' | null {
  // "Mt" is a megatonne; "MT" and "mt" are metric tonnes in American use.
  if (mass === 'Mt') return 1e6;
  if (/^mt$/i.test(mass)) return 'ambiguous';
  const m = mass.toLowerCase();
  if (/^(t|tonnes?|tons?|metrictonnes?|metrictons?)$/.test(m)) return 1;
  if (/^(kg|kilograms?)$/.test(m)) return 1e-3;
  if (/^(kt|kilotonnes?|kilotons?|thousand(metric)?(tonnes?|tons?))$/.test(m)) return 1e3;
  if (/^(mmt|megatonnes?|megatons?|million(metric)?(tonnes?|tons?))$/.test(m)) return 1e6;
  if (/^(gt|gigatonnes?|gigatons?|billion(metric)?(tonnes?|tons?))$/.test(m)) return 1e9;
  return null;
}

/** The unit of mass in a unit of emissions, without the gas ("MtCO2e" → "Mt"). */
function massOf(unit: string): string {
  const compact = unit.replace(/₂/g, '2').replace(/[\s\-_.()]/g, '');
  const gas = /^(.*?)(?:of)?(?:co2e?q?|co2equivalents?|ghgs?|carbondioxideequivalents?)?$/i.exec(
    compact,
  );
  return gas?.[1] ?? compact;
}

/**
 * An amount of emissions from a cell: null when the cell says nothing, a problem (a code, for
 * the row's report) when it cannot be read without guessing.
 */
export function parseEmissionsAmount(
  value: string | null | undefined,
  columnUnit: ColumnUnit,
): EmissionsAmount | AmountProblem | null {
  const text = present(value);
  if (text === null) return null;
  const match = LEADING_NUMBER.exec(text);
  const number = match ? parseNumber(match[1]) : null;
  if (!match || number === null) return NOT_READABLE;
  const numberText = match[1] as string;
  const unit = (match[2] ?? '').trim();
  if (number < 0) return { problem: 'negative-amount' };

  const ratio = /^(.*?)\s*(?:\/|\bper\b)\s*(.+)$/i.exec(unit);
  if (ratio) {
    const scale = massScale(massOf(ratio[1] as string));
    if (scale === 'ambiguous') return { problem: 'ambiguous-unit', unit };
    if (scale === null) return NOT_READABLE;
    return {
      kind: 'intensity',
      perDenominator: rounded(number * scale),
      denominator: `per ${(ratio[2] as string).trim()}`,
    };
  }

  let tonnes: number;
  let label: string;
  if (unit === '') {
    tonnes = number * columnUnit.tonnes;
    label = columnUnit.label;
  } else {
    const scale = massScale(massOf(unit));
    if (scale === 'ambiguous') return { problem: 'ambiguous-unit', unit };
    if (scale === null) return NOT_READABLE;
    tonnes = number * scale;
    label = unit;
  }
  if (tonnes > MORE_THAN_THE_WORLD) {
    return { problem: 'more-than-the-world', amount: numberText, unit: label };
  }
  return { kind: 'absolute', tonnes: rounded(tonnes), unit: label };
}
