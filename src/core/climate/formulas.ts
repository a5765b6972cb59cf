/**
 * Chemical formulas as readers see them. Codes, API fields and the tracker's column names keep
 * plain digits ("CO2e", "CH4"); every text shown to a person writes them with subscripts
 * ("CO₂e", "CH₄"), in every language.
 */

const SUBSCRIPTS: Readonly<Record<string, string>> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
};

/**
 * The formulas of the gases Accord knows, written with plain digits, as a word of their own
 * ("CO2e", "non-CO2", "tCO2e", "MtCO2e", not "CO25" nor an id such as "XCO2"). Ids of gases in
 * machine text match too: use it on text meant for people only.
 */
export const PLAIN_FORMULA =
  /(?<=^|[^A-Za-z0-9_]|(?<![A-Za-z])[kMG]?t)(CO2e?|CH4|N2O|SF6|NF3)(?![0-9])/g;

/** "CO2e" → "CO₂e", "N2O" → "N₂O"; other names ("HFCs", "PFCs") stay as they are. */
export function gasLabel(gas: string): string {
  return gas.replace(PLAIN_FORMULA, (formula) =>
    formula.replace(/[0-9]/g, (digit) => SUBSCRIPTS[digit] ?? digit),
  );
}

/** The plain-digit formulas in a text meant for people (what gasLabel would rewrite). */
export function plainFormulas(text: string): string[] {
  return [...text.matchAll(PLAIN_FORMULA)].map((m) => m[0]);
}
