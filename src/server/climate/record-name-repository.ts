import type { Executor } from '../db/types';

/**
 * What the audit log names climate records by (src/server/audit/record-names.ts): a target's
 * or an action's title, an inventory's or reported emissions' member and year, each for many
 * records in one query. Reads only; the tables' writers are in repository.ts and
 * inventory-repository.ts.
 */

/**
 * The member (with its names, one row per language) and year of many inventories in one query
 * (the audit log names them).
 */
export function inventoryYearsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inventories')
    .innerJoin('governments', 'governments.id', 'inventories.government_id')
    .leftJoin('government_names', (join) =>
      join
        .onRef('government_names.government_id', '=', 'governments.id')
        .on('government_names.kind', '=', 'name'),
    )
    .where('inventories.id', 'in', ids)
    .select([
      'inventories.id',
      'inventories.year',
      'governments.slug',
      'governments.local_lang',
      'government_names.lang',
      'government_names.name',
    ])
    .execute();
}

/** The titles of many targets in one query (the audit log names them). */
export function targetTitlesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('climate_targets')
    .innerJoin('governments', 'governments.id', 'climate_targets.government_id')
    .where('climate_targets.id', 'in', ids)
    .select([
      'climate_targets.id',
      'climate_targets.title',
      'climate_targets.titles',
      'governments.slug',
    ])
    .execute();
}

/**
 * The member (with its names, one row per language) and year of many reported emissions in one
 * query (the audit log names them).
 */
export function emissionReportYearsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('emission_reports')
    .innerJoin('governments', 'governments.id', 'emission_reports.government_id')
    .leftJoin('government_names', (join) =>
      join
        .onRef('government_names.government_id', '=', 'governments.id')
        .on('government_names.kind', '=', 'name'),
    )
    .where('emission_reports.id', 'in', ids)
    .select([
      'emission_reports.id',
      'emission_reports.year',
      'governments.slug',
      'governments.local_lang',
      'government_names.lang',
      'government_names.name',
    ])
    .execute();
}

/** The titles of many climate actions in one query (the audit log names them). */
export function actionTitlesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('climate_actions')
    .innerJoin('governments', 'governments.id', 'climate_actions.government_id')
    .where('climate_actions.id', 'in', ids)
    .select([
      'climate_actions.id',
      'climate_actions.title',
      'climate_actions.titles',
      'governments.slug',
    ])
    .execute();
}
