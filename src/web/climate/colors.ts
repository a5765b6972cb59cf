/**
 * Colours of the climate pages. Charts (ECharts draws its own SVG) and the map need real colour
 * values rather than CSS variables, so the palette lives here; climate.css repeats the status
 * colours for the badges.
 */
import type { MapStatus } from './dashboard';

export const STATUS_COLORS: Readonly<Record<MapStatus, string>> = {
  achieved: '#0b6e5b',
  'on-track': '#3f9a52',
  'off-track': '#c2410c',
  stale: '#a16207',
  'not-assessable': '#6b777c',
  none: '#b9c3c6',
};

/** One colour per emissions source; sources Accord does not know take the next spare one. */
const SOURCE_COLORS: Readonly<Record<string, string>> = {
  inventory: '#0b6e5b',
  'inventory-illustrative': '#0b6e5b',
  cdp: '#1d5fa8',
  national: '#7a1fa2',
  other: '#b35c00',
};
const SPARE_COLORS = ['#a3223a', '#2f6f8f', '#5b6b00', '#8a4f7d'];

export function sourceColor(key: string, index: number): string {
  return SOURCE_COLORS[key] ?? SPARE_COLORS[index % SPARE_COLORS.length] ?? '#4a575c';
}

export const PATHWAY_COLOR = '#4a575c';
export const TREND_COLOR = '#c2410c';
export const TARGET_COLOR = '#b42318';
export const BENCHMARK_COLOR = '#7a1fa2';

/** Scope 1, 2 and 3 in the inventory chart. */
export const SCOPE_COLORS: Readonly<Record<1 | 2 | 3, string>> = {
  1: '#0b6e5b',
  2: '#1d5fa8',
  3: '#b35c00',
};

export const INK = '#1b2326';
export const INK_SOFT = '#4a575c';
export const LINE = '#d9e0e2';
