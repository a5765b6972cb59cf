import type { EntryGas, Gas, GwpSet } from './types';

/** The gases converted with a single 100-year global warming potential. */
export type SingleGas = Exclude<Gas, 'HFCs' | 'PFCs'>;

/**
 * GWP100 values. AR5: IPCC AR5 WGI, table 8.A.1 (without climate-carbon feedbacks), the values
 * UNFCCC reporting uses. AR6: IPCC AR6 WGI, chapter 7, table 7.SM.7; 27.9 is methane of
 * unspecified origin.
 */
export const GWP100: Readonly<Record<GwpSet, Readonly<Record<SingleGas, number>>>> = {
  AR5: { CO2: 1, CH4: 28, N2O: 265, SF6: 23500, NF3: 16100 },
  AR6: { CO2: 1, CH4: 27.9, N2O: 273, SF6: 25200, NF3: 17400 },
};

/**
 * AR6 GWP100 of fossil methane, which also counts the CO2 it oxidises to (AR6 WGI, table 7.15).
 * AR5 inventories keep 28 for all methane, as UNFCCC reporting under AR5 does.
 */
export const AR6_FOSSIL_CH4_GWP100 = 29.8;

/**
 * HFCs and PFCs are families of gases with very different GWPs; an inventory reports them
 * already summed in t CO2e (GPC 1.1 asks for them as CO2e), so their factor is 1 whatever the
 * set. The same holds for entries given as 'CO2e'.
 */
export const GASES_REPORTED_AS_CO2E: readonly EntryGas[] = ['HFCs', 'PFCs', 'CO2e'];

export interface Co2eOptions {
  /** Methane of fossil origin (e.g. fugitive emissions, GPC I.7 and I.8): AR6 29.8 instead of 27.9. */
  fossilMethane?: boolean;
}

/** t CO2e per tonne of the gas (1 for entries already in CO2e). */
export function gwpFactor(gas: EntryGas, set: GwpSet, options: Co2eOptions = {}): number {
  switch (gas) {
    case 'CO2e':
    case 'HFCs':
    case 'PFCs':
      return 1;
    case 'CH4':
      return set === 'AR6' && options.fossilMethane ? AR6_FOSSIL_CH4_GWP100 : GWP100[set].CH4;
    default:
      return GWP100[set][gas];
  }
}

/** Converts tonnes of a gas to tonnes CO2e with the chosen GWP100 set. */
export function toCo2e(
  amount: number,
  gas: EntryGas,
  set: GwpSet,
  options: Co2eOptions = {},
): number {
  return amount * gwpFactor(gas, set, options);
}
