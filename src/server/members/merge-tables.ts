/**
 * Every table with a column that points at governments.id. A merge moves the rows of each;
 * merges.api.test.ts checks this list against the foreign keys the database declares.
 */
export const GOVERNMENT_REF_TABLES = [
  'government_names',
  'memberships',
  'positions',
  'users',
  'climate_targets',
  'inventories',
  'emission_reports',
  'climate_actions',
  'seats',
  'invitations',
  'attendance',
  'motion_votes',
  'news_governments',
  'candidates',
  'election_voters',
  'membership_periods',
  'invoices',
] as const;
export type GovernmentRefTable = (typeof GOVERNMENT_REF_TABLES)[number];
