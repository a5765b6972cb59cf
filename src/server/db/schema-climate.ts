/**
 * Row types of the climate tables (targets, inventories, reported emissions, actions, versions,
 * import runs, the GPC reference), as Kysely sees them; schema.ts gathers them into Database.
 */
import type { Generated } from 'kysely';
import type { GpcSectorCode } from '../../core/climate/gpc';
import type {
  ActionStatus,
  EntryGas,
  GwpSet,
  ImportKind,
  ImportRowAction,
  ImportRunStatus,
  InventoryStatus,
  NetZeroLabel,
  NotationKey,
  TargetBoundary,
  TargetStatus,
  TargetType,
  TotalCoverage,
  VersionChange,
  VersionedRecord,
} from '../../core/climate/types';

export interface ClimateTargetTable {
  id: Generated<number>;
  government_id: number;
  parent_target_id: number | null;
  type: TargetType;
  net_zero_label: NetZeroLabel | null;
  /** As the source or the member wrote it (the original language). */
  title: string;
  /** JSON object: the title by language tag (migration 0022); '{}' when none. */
  titles: Generated<string>;
  description: string | null;
  base_year: number | null;
  base_emissions: number | null;
  target_year: number | null;
  reduction_percent: number | null;
  target_emissions: number | null;
  bau_emissions: number | null;
  base_intensity: number | null;
  intensity_unit: string | null;
  fuel: string | null;
  share_percent: number | null;
  pollutant: string | null;
  level_value: number | null;
  level_unit: string | null;
  /** JSON arrays */
  coverage_gases: string;
  coverage_scopes: string;
  coverage_sectors: string;
  boundary: TargetBoundary;
  status: TargetStatus;
  date_set: string | null;
  source_url: string | null;
  source_document: string | null;
  initiatives: string;
  offsets_allowed: number | null;
  self_reported_progress: number | null;
  self_reported_source: string | null;
  import_key: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InventoryTable {
  id: Generated<number>;
  government_id: number;
  year: number;
  gwp_set: GwpSet;
  boundary: string;
  methodology: string;
  status: InventoryStatus;
  notes: string | null;
  /** Demo figures that no member reported: the UI says so. */
  is_illustrative: number;
  basic_total: number;
  basic_plus_total: number;
  /** JSON of the computed totals (by scope, sector, sub-sector, gas, completeness). */
  totals: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InventoryEntryTable {
  id: Generated<number>;
  inventory_id: number;
  code: string;
  gas: EntryGas;
  amount: number | null;
  notation_key: NotationKey | null;
  notes: string | null;
}

export interface EmissionReportTable {
  id: Generated<number>;
  government_id: number;
  year: number;
  source: string;
  source_label: string;
  period_start: string | null;
  period_end: string | null;
  scope1: number | null;
  scope2: number | null;
  scope3: number | null;
  basic: number | null;
  basic_plus: number | null;
  total: number | null;
  /** What `total` covers; null when the source does not say. */
  total_coverage: TotalCoverage | null;
  /** The gases covered, as "CO2, CH4, N2O". */
  gases: string | null;
  /** The methodology (protocol) the figures follow. */
  protocol: string | null;
  /** The inventory boundary against the administrative one: city-wide, partial, larger. */
  boundary: string | null;
  /** The year the report was published (CDP's reporting year): newer restates older. */
  report_year: number | null;
  /** The kind of file it came from (an import kind, e.g. cdp-emissions); null if entered by hand. */
  dataset: ImportKind | null;
  /** Chosen by staff for its year: beats the rule of src/core/climate/sources.ts. */
  preferred: number;
  /** JSON: file, row, reported year, imported at */
  provenance: string;
  import_key: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ClimateActionTable {
  id: Generated<number>;
  government_id: number;
  /** As the member wrote it (the original language). */
  title: string;
  /** JSON object: the title by language tag (migration 0022); '{}' when none. */
  titles: Generated<string>;
  description: string | null;
  sector: GpcSectorCode | null;
  status: ActionStatus;
  start_date: string | null;
  end_date: string | null;
  expected_reduction: number | null;
  cost: number | null;
  cost_currency: string | null;
  co_benefits: string;
  sdgs: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ActionTargetTable {
  action_id: number;
  target_id: number;
}

export interface RecordVersionTable {
  id: Generated<number>;
  entity_type: VersionedRecord;
  entity_id: number;
  version: number;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  change: VersionChange;
  /** The whole record after the change (null after a delete). */
  snapshot: string | null;
}

export interface ImportRunTable {
  id: Generated<number>;
  kind: ImportKind;
  file_name: string;
  layout: string | null;
  dry_run: number;
  status: ImportRunStatus;
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  error: string | null;
  actor_user_id: number | null;
  actor_label: string;
  started_at: string;
  finished_at: string | null;
  /** Renewed while a process works on the run; a running run whose lease ran out was abandoned. */
  heartbeat_at: string | null;
  /** JSON list of the run's warnings (a column with numbers no field reads), or null. */
  warnings_json: string | null;
  /** The CSV file's character encoding as read (e.g. windows-1252); null for XLSX (0010). */
  encoding: string | null;
  /** JSON [{ field, sources }]: each field the run reads and its column's header (0013). */
  columns_json: string | null;
  /** JSON { code, params, written }: the error as a code, for the run page (0018). */
  error_json: string | null;
  /** Governments the run created, or its preview would create (0023). */
  governments_created: Generated<number>;
  /** The run's rows about those governments (0023). */
  new_government_rows: Generated<number>;
}

/** A column layout a person saved in the mapping step (0009). */
export interface ImportLayoutTable {
  id: Generated<number>;
  name: string;
  kind: ImportKind;
  /** JSON [{ header, field }] in the file's column order; a null field is "ignore". */
  columns_json: string;
  version: Generated<number>;
  created_by_user_id: number | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

export interface ImportRunRowTable {
  id: Generated<number>;
  run_id: number;
  row_number: number;
  action: ImportRowAction;
  entity: string | null;
  government: string | null;
  reason: string | null;
  /**
   * JSON list of the fields the row had a value for: a field key, or [field, ...the fields
   * whose columns fed it] for a value made from others (0013); null for runs from before.
   */
  fields_json: string | null;
  /**
   * JSON list of the row's reasons as codes with parameters, and of its records as structured
   * values ({ kind, year, … }), beside their English words in `reason` and `entity` (0018);
   * null for runs from before, which keep their words only.
   */
  reasons_json: string | null;
  entity_json: string | null;
  /** The government's name when the row was imported (a preview's prospect: the name it would get). */
  government_name: string | null;
}

/** A match an import run was not sure of, once per subject (migration 0012). */
export interface ImportRunMatchTable {
  id: Generated<number>;
  run_id: number;
  subject_key: string;
  row_number: number;
  /** JSON array of the names the file gives. */
  names: string;
  country: string | null;
  status: 'likely' | 'several' | 'other-key';
  /** The slug of the government the run used or created; null when it skipped the rows. */
  applied: string | null;
  /** JSON array of candidate slugs. */
  candidates: string;
  /** On a preview, a person's decision; on a real run, the preview's decision it applied. */
  decision: 'accept' | 'create' | 'skip' | null;
  decision_slug: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

export interface GpcSectorTable {
  code: string;
  name: string;
  sort_order: number;
}

export interface GpcSubsectorTable {
  code: string;
  sector: string;
  name: string;
  sort_order: number;
}

export interface GpcSubcategoryTable {
  code: string;
  sector: string;
  subsector: string;
  scope: number;
  basic: number;
  basic_plus: number;
  territorial_only: number;
  sort_order: number;
}
