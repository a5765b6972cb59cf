/**
 * The climate API's schemas (TypeBox), one file per sub-area, gathered here under their names
 * for the modules that use several: targets and their assessment (`target-schemas.ts`),
 * inventories (`inventory-schemas.ts`), emission reports and the emissions series
 * (`emission-schemas.ts`), actions (`action-schemas.ts`), stored versions
 * (`history-schemas.ts`), the network summary (`summary-schemas.ts`) and imports
 * (`imports/schemas.ts`); the values they share are in `schema-parts.ts`.
 */
export { Gas } from './schema-parts';
export * from './target-schemas';
export * from './inventory-schemas';
export * from './emission-schemas';
export * from './action-schemas';
export * from './history-schemas';
export * from './summary-schemas';
export * from './imports/schemas';
