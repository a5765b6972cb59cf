import type { Generated } from 'kysely';

/**
 * Row types of every table, as Kysely sees them. Timestamps are ISO 8601 text and
 * flags are 0/1 integers so that SQLite and PostgreSQL return the same values.
 */
export interface RegionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  sort_order: number;
}

export interface OfficeTable {
  id: Generated<number>;
  slug: string;
  region_id: number;
  kind: string;
  name: string;
  address: string;
  city: string;
  country: string;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  latitude: number | null;
  longitude: number | null;
  sort_order: number;
}

export interface GovernmentTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  country: string;
  region_id: number;
  local_lang: string;
  population: number | null;
  population_year: number | null;
  area_km2: number | null;
  latitude: number | null;
  longitude: number | null;
  unlocode: string | null;
  cdp_account: string | null;
  website: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface GovernmentNameTable {
  id: Generated<number>;
  government_id: number;
  /** BCP 47 tag (en, ja, ko, zh-Hans, zh-Hant) or null for an alias in no particular language. */
  lang: string | null;
  /** 'name' (the name in lang) or 'alias' (another name the government is known by). */
  kind: string;
  name: string;
  /** The name folded for search (NFKC, lower case, no spaces). */
  search_key: string;
}

export interface PersonTable {
  id: Generated<number>;
  full_name: string;
  /** Names in other scripts, JSON object by language tag. */
  names: string;
  email: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface PositionTable {
  id: Generated<number>;
  government_id: number | null;
  office_id: number | null;
  person_id: number;
  title: string;
  start_date: string | null;
  end_date: string | null;
}

export interface MembershipTable {
  id: Generated<number>;
  government_id: number;
  category: string;
  status: string;
  since: string | null;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  government_id: number | null;
  locale: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface Database {
  regions: RegionTable;
  offices: OfficeTable;
  governments: GovernmentTable;
  government_names: GovernmentNameTable;
  people: PersonTable;
  positions: PositionTable;
  memberships: MembershipTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
}
