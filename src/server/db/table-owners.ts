/**
 * Each table's one writer: the repository that inserts, updates and deletes its rows. Every
 * other module (services, importers, the demo, the command line) calls that repository's
 * writers. Migrations are the exception: they create tables and load reference data.
 * Checked by test/architecture/table-owners.test.ts; docs/ARCHITECTURE.md shows the same table.
 */
import type { Database } from './schema';

export const TABLE_OWNERS: Record<keyof Database, string> = {
  regions: 'src/server/members/repository.ts',
  offices: 'src/server/offices/repository.ts',
  governments: 'src/server/members/repository.ts',
  government_names: 'src/server/members/repository.ts',
  memberships: 'src/server/members/repository.ts',
  people: 'src/server/people/repository.ts',
  positions: 'src/server/people/repository.ts',
  users: 'src/server/users/repository.ts',
  sessions: 'src/server/users/repository.ts',
  api_tokens: 'src/server/users/repository.ts',
  audit_log: 'src/server/audit/repository.ts',
  settings: 'src/server/health/repository.ts',
  gpc_sectors: 'src/server/climate/repository.ts',
  gpc_subsectors: 'src/server/climate/repository.ts',
  gpc_subcategories: 'src/server/climate/repository.ts',
  climate_targets: 'src/server/climate/repository.ts',
  inventories: 'src/server/climate/inventory-repository.ts',
  inventory_entries: 'src/server/climate/inventory-repository.ts',
  emission_reports: 'src/server/climate/repository.ts',
  climate_actions: 'src/server/climate/repository.ts',
  action_targets: 'src/server/climate/repository.ts',
  record_versions: 'src/server/climate/repository.ts',
  import_runs: 'src/server/climate/imports/repository.ts',
  import_run_rows: 'src/server/climate/imports/repository.ts',
  bodies: 'src/server/governance/repository.ts',
  body_terms: 'src/server/governance/repository.ts',
  seats: 'src/server/governance/repository.ts',
  seat_events: 'src/server/governance/repository.ts',
  meetings: 'src/server/governance/repository.ts',
  agenda_items: 'src/server/governance/repository.ts',
  agenda_speakers: 'src/server/governance/repository.ts',
  invitations: 'src/server/governance/repository.ts',
  attendance: 'src/server/governance/repository.ts',
  motions: 'src/server/governance/repository.ts',
  motion_votes: 'src/server/governance/repository.ts',
  outbox: 'src/server/governance/repository.ts',
  news_posts: 'src/server/news/repository.ts',
  news_translations: 'src/server/news/repository.ts',
  news_governments: 'src/server/news/repository.ts',
  files: 'src/server/files/repository.ts',
  elections: 'src/server/elections/repository.ts',
  candidates: 'src/server/elections/repository.ts',
  election_voters: 'src/server/elections/repository.ts',
  ballots: 'src/server/elections/repository.ts',
};
