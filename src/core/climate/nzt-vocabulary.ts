import { GASES, type Gas, type NetZeroLabel, type TargetStatus, type TargetType } from './types';

/**
 * The Net Zero Tracker's words for what Accord holds, shared by the targets export (which writes
 * them) and the tracker importer (which reads them back), so that Accord's own export re-imports
 * to the same targets.
 */

/** The tracker's names for the net-zero family. */
export const NZT_END_TARGET: Readonly<Record<NetZeroLabel, string>> = {
  'net-zero': 'Net zero',
  'zero-emissions': 'Zero emissions',
  'zero-carbon': 'Zero carbon',
  'carbon-neutral': 'Carbon neutral(ity)',
  'climate-neutral': 'Climate neutral',
  'ghg-neutral': 'GHG neutral(ity)',
  'climate-positive': 'Climate positive',
  'net-negative': 'Net negative',
};

export const NZT_STATUS: Readonly<Record<TargetStatus, string>> = {
  proposed: 'Proposed / in discussion',
  declaration: 'Declaration / pledge',
  policy: 'In policy document',
  law: 'In law',
  'achieved-self-declared': 'Achieved (self-declared)',
  'achieved-validated': 'Achieved (externally validated)',
};

/** The tracker's names for Accord's target types other than the net-zero family. */
export const NZT_TARGET_TYPE: Readonly<Partial<Record<TargetType, string>>> = {
  'base-year': 'Emissions reduction target',
  'fixed-level': 'Absolute emissions target',
  'baseline-scenario': 'Reduction v. BAU',
  intensity: 'Emissions intensity target',
  other: 'Other',
};

/** The target types the tracker's columns can carry (the others are not in its scope). */
export const NZT_EXPORTED_TYPES: readonly TargetType[] = [
  'base-year',
  'fixed-level',
  'baseline-scenario',
  'intensity',
  'other',
];

/**
 * A target's gases in the tracker's words: "Carbon dioxide only", "Carbon dioxide and other
 * GHGs", "Not Specified". A list without CO2, which the tracker has no words for, is written as
 * the list ("CH4, N2O"), which the importer reads back.
 */
export function nztGasesText(gases: readonly string[]): string {
  if (gases.length === 0) return 'Not Specified';
  if (gases.length === 1 && gases[0] === 'CO2') return 'Carbon dioxide only';
  if (gases.includes('CO2')) return 'Carbon dioxide and other GHGs';
  return GASES.filter((g: Gas) => gases.includes(g)).join(', ');
}

/**
 * Accord's own id_code for a government the tracker does not know: its slug with a prefix. The
 * tracker's ids never hold a colon, so the two cannot collide; the importer recognises the prefix
 * and finds the government by its slug.
 */
export const ACCORD_ID_PREFIX = 'accord:';

export function accordIdCode(slug: string): string {
  return `${ACCORD_ID_PREFIX}${slug}`;
}

/** The slug an Accord id_code names, or null for the tracker's own ids. */
export function slugOfAccordId(idCode: string): string | null {
  if (!idCode.toLowerCase().startsWith(ACCORD_ID_PREFIX)) return null;
  const slug = idCode.slice(ACCORD_ID_PREFIX.length).trim();
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : null;
}
