/** An intensity target's unit as the reader reads it. */
import type { TFunction } from 'i18next';
import { INTENSITY_UNITS } from '../../core/climate/types';

const CODES: ReadonlySet<string> = new Set(INTENSITY_UNITS);

/**
 * The denominator of an intensity target ("per {unit}"): a code an importer wrote
 * ('per-capita', 'per-gdp') by its name in the reader's language, a unit typed by hand as typed,
 * and '—' when there is none.
 */
export function intensityUnitText(t: TFunction, unit: string | null): string {
  if (unit === null || unit.trim() === '') return '—';
  return CODES.has(unit) ? t(`climate:intensityUnits.${unit}`) : unit;
}
