/** The climate engine: GPC reference data, GWP conversion, inventory totals, target assessment. */
export * from './types';
export * from './gpc';
export * from './gwp';
export * from './inventory';
export * from './assess';
export * from './target-fields';
export * from './summary';
export * from './country';
export * from './sources';
export * from './comparability';
export * from './same-target';
