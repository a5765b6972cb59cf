import type { Generated } from 'kysely';
import type { CandidateStatus } from '../../core/governance';
import type {
  BodyTable,
  BodyTermTable,
  SeatTable,
  SeatEventTable,
  MeetingTable,
  AgendaItemTable,
  AgendaSpeakerTable,
  InvitationTable,
  AttendanceTable,
  MotionTable,
  MotionVoteTable,
} from './schema-governance';
import type { Locale } from '../../core/locales';
import type { FileKind, NewsStatus } from '../../core/publishing';
import type {
  GovernmentKind,
  MembershipCategory,
  MembershipStatus,
  OfficeKind,
  PositionTitle,
} from '../../core/membership';
import type { AssociationScope } from '../../core/membership-fees';
import type { Role } from '../../core/roles';
import type {
  ActionTargetTable,
  ClimateActionTable,
  ClimateTargetTable,
  EmissionReportTable,
  GpcSectorTable,
  GpcSubcategoryTable,
  GpcSubsectorTable,
  ImportLayoutTable,
  ImportRunMatchTable,
  ImportRunRowTable,
  ImportRunTable,
  InventoryEntryTable,
  InventoryTable,
  RecordVersionTable,
} from './schema-climate';
import type {
  ApplicationDocumentTable,
  ApplicationStatusLinkTable,
  ApplicationStepTable,
  ApplicationTable,
  OfficerInvitationTable,
} from './schema-applications';
import type {
  FeeScheduleTable,
  InvoiceNumberTable,
  InvoiceTable,
  MembershipPeriodTable,
  ScheduledJobRunTable,
} from './schema-membership';

export type * from './schema-climate';
export type * from './schema-governance';
export type * from './schema-applications';
export type * from './schema-membership';

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
  kind: OfficeKind;
  /** As the office writes it (English). */
  name: string;
  /** JSON object by language tag (migration 0022); '{}' when none. */
  names: Generated<string>;
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
  /** IANA time zone of the office's city (migration 0021); null until set. */
  time_zone: string | null;
  /** Incremented by every change (0021): an If-Match names it. */
  version: Generated<number>;
}

export interface GovernmentTable {
  id: Generated<number>;
  slug: string;
  kind: GovernmentKind;
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
  /** Net Zero Tracker actor id (id_code), the key its imports match on. */
  nzt_id: string | null;
  /** Incremented by every change of the record (migration 0004): an If-Match names it. */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface GovernmentNameTable {
  id: Generated<number>;
  government_id: number;
  /** BCP 47 tag (en, ja, ko, zh-Hans, zh-Hant) or null for an alias in no particular language. */
  lang: string | null;
  /** 'name' (the name in lang) or 'alias' (another name the government is known by). */
  kind: 'name' | 'alias';
  name: string;
  /** The name folded for search (NFKC, lower case, no spaces). */
  search_key: string;
}

/** The directory's order by name, per government and interface language (migration 0028). */
export interface GovernmentSortNameTable {
  government_id: number;
  lang: string;
  /** The name in lang, else in English, else the slug, folded by searchKey. */
  sort_key: string;
}

export interface PersonTable {
  id: Generated<number>;
  full_name: string;
  /** Names in other scripts, JSON object by language tag. */
  names: string;
  email: string | null;
  is_demo: number;
  /** Incremented by every change of the record (migration 0004): an If-Match names it. */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PositionTable {
  id: Generated<number>;
  government_id: number | null;
  office_id: number | null;
  person_id: number;
  title: PositionTitle;
  start_date: string | null;
  end_date: string | null;
  /** The last day the holder was confirmed to hold it (migration 0021); null when never. */
  confirmed_on: string | null;
  /** Incremented by every change (the ETag); If-Match refuses a stale copy. */
  version: Generated<number>;
}

export interface MembershipTable {
  id: Generated<number>;
  government_id: number;
  category: MembershipCategory;
  status: MembershipStatus;
  since: string | null;
  /** The day an administrator suspended the membership (migration 0016); null when not. */
  suspended_on: string | null;
  /** An association's reach, which picks its fee: 'national' or 'subnational' (0016). */
  association_scope: AssociationScope | null;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  government_id: number | null;
  locale: Locale | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  /** Incremented by every change (the ETag); If-Match refuses a stale copy. */
  version: Generated<number>;
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

/** A user's personal calendar feed: the hash of its secret address. */
export interface CalendarFeedTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

/** Recent failed sign-ins of one account or client address (src/core/sign-in-throttle.ts). */
export interface SignInThrottleTable {
  /**
   * `account:` or `address:` and the SHA-256 of the e-mail typed or of the address; the public
   * application routes count here too (`apply:` stored applications, `link:` unknown links).
   */
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
  lockouts: number;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: 'create' | 'update' | 'delete';
  entity_type: string;
  entity_id: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

/** Network-wide counters raised by triggers on every write they cover (migration 0025). */
export interface DataVersionTable {
  name: string;
  version: number | string;
}

/** The version of the last write to a government's climate rows (migration 0029). */
export interface ClimateGovVersionTable {
  government_id: number;
  version: number | string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface NewsPostTable {
  id: Generated<number>;
  slug: string;
  status: NewsStatus;
  published_at: string | null;
  meeting_id: number | null;
  body_id: number | null;
  author_label: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
  /** Incremented by every change (the ETag); If-Match refuses a stale copy. */
  version: Generated<number>;
}

export interface NewsTranslationTable {
  id: Generated<number>;
  post_id: number;
  lang: string;
  title: string;
  summary: string;
  body_html: string;
}

export interface NewsGovernmentTable {
  id: Generated<number>;
  post_id: number;
  government_id: number;
}

export interface FileTable {
  id: Generated<number>;
  meeting_id: number | null;
  news_post_id: number | null;
  kind: FileKind;
  filename: string;
  mime: string;
  bytes: number;
  storage_key: string;
  thumb_key: string | null;
  width: number | null;
  height: number | null;
  /** JSON object by language tag. */
  caption: string;
  credit: string | null;
  sort_order: number;
  is_public: number;
  uploaded_by: string;
  uploaded_at: string;
  /** Incremented by every change (the ETag); If-Match refuses a stale copy. */
  version: Generated<number>;
}

export interface ElectionTable {
  id: Generated<number>;
  body_id: number;
  /** JSON object by language tag. */
  title: string;
  seats: number;
  term_label: string;
  term_starts_on: string;
  term_ends_on: string;
  nominations_open: string;
  nominations_close: string;
  voting_open: string;
  voting_close: string;
  filled_term_id: number | null;
  /** When the box and the register were rewritten after voting closed (migration 0033). */
  ballots_sealed_at: Generated<string | null>;
  created_at: string;
  updated_at: string;
  /** Incremented by every change (the ETag); If-Match refuses a stale copy. */
  version: Generated<number>;
}

export interface CandidateTable {
  id: Generated<number>;
  election_id: number;
  government_id: number;
  person_id: number;
  statement: string;
  endorsement_key: string | null;
  endorsement_filename: string | null;
  code_of_honour_accepted_at: string | null;
  status: CandidateStatus;
  created_at: string;
}

export interface ElectionVoterTable {
  election_id: number;
  government_id: number;
  /** The day only: a precise time would let the register be lined up with the box. */
  voted_on: string;
}

export interface BallotTable {
  id: string;
  election_id: number;
  /** JSON array of candidate ids. */
  choices: string;
}

/**
 * A letter, stored before it is sent (written by src/server/mail/repository.ts): its headers'
 * text is one line each, its body rendered in its recipient's language.
 */
export interface OutboxTable {
  id: Generated<number>;
  to_email: string;
  to_name: string | null;
  subject: string;
  body_text: string;
  kind: string;
  related_type: string | null;
  related_id: string | null;
  attachment_name: string | null;
  attachment_text: string | null;
  created_at: string;
  sent_at: string | null;
  /** The language the letter is written in, its recipient's (migration 0015). */
  locale: Generated<Locale>;
  /** The HTML part beside the text; null for a letter in plain text only. */
  body_html: string | null;
  status: Generated<OutboxStatus>;
  /** Attempts made so far, counted when a server claims the letter. */
  attempts: Generated<number>;
  /** When the letter is next due; null: at once. */
  next_attempt_at: string | null;
  last_error: string | null;
  /** The lease of the server sending it: who, and until when. */
  claimed_by: string | null;
  claimed_until: string | null;
  /** The Message-ID it goes out with, the same on every attempt. */
  message_id: string | null;
}

/** Where a letter stands: waiting, being sent by a server, sent, or refused for good. */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** A government merged into another (migration 0012), kept so that the merge can be undone. */
export interface GovernmentMergeTable {
  id: Generated<number>;
  kept_government_id: number;
  merged_government_id: number;
  kept_slug: string;
  merged_slug: string;
  /** The merged government's keys: imports keep matching them to the kept government. */
  merged_cdp_account: string | null;
  merged_nzt_id: string | null;
  /** JSON: the merged government's row, names and membership as they were. */
  merged_record: string;
  /** JSON: the columns of the kept government the merge filled, as they were. */
  kept_before: string;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  undone_at: string | null;
  undone_by: string | null;
}

/** A row a merge moved, changed or removed, as it was before (for the undo). */
export interface GovernmentMergeRowTable {
  id: Generated<number>;
  merge_id: number;
  table_name: string;
  /** The row's id; null for a table keyed otherwise (election_voters: in before_json). */
  row_id: number | null;
  action: 'moved' | 'changed' | 'deleted';
  before_json: string;
}

/**
 * A pair an administrator said is two, not one (migration 0014): two governments, or two
 * targets of one government. The ids in one order (first < second), without foreign keys.
 */
export interface DuplicateDismissalTable {
  id: Generated<number>;
  kind: 'government' | 'target';
  first_id: number;
  second_id: number;
  /** The names when the mark was made, shown once a record is gone. */
  first_label: string;
  second_label: string;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
}

export interface Database {
  regions: RegionTable;
  offices: OfficeTable;
  governments: GovernmentTable;
  government_names: GovernmentNameTable;
  government_sort_names: GovernmentSortNameTable;
  government_merges: GovernmentMergeTable;
  government_merge_rows: GovernmentMergeRowTable;
  duplicate_dismissals: DuplicateDismissalTable;
  people: PersonTable;
  positions: PositionTable;
  memberships: MembershipTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  calendar_feeds: CalendarFeedTable;
  sign_in_throttles: SignInThrottleTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  data_versions: DataVersionTable;
  climate_gov_versions: ClimateGovVersionTable;
  gpc_sectors: GpcSectorTable;
  gpc_subsectors: GpcSubsectorTable;
  gpc_subcategories: GpcSubcategoryTable;
  climate_targets: ClimateTargetTable;
  inventories: InventoryTable;
  inventory_entries: InventoryEntryTable;
  emission_reports: EmissionReportTable;
  climate_actions: ClimateActionTable;
  action_targets: ActionTargetTable;
  record_versions: RecordVersionTable;
  import_runs: ImportRunTable;
  import_run_rows: ImportRunRowTable;
  import_layouts: ImportLayoutTable;
  import_run_matches: ImportRunMatchTable;
  bodies: BodyTable;
  body_terms: BodyTermTable;
  seats: SeatTable;
  seat_events: SeatEventTable;
  meetings: MeetingTable;
  agenda_items: AgendaItemTable;
  agenda_speakers: AgendaSpeakerTable;
  invitations: InvitationTable;
  attendance: AttendanceTable;
  motions: MotionTable;
  motion_votes: MotionVoteTable;
  news_posts: NewsPostTable;
  news_translations: NewsTranslationTable;
  news_governments: NewsGovernmentTable;
  files: FileTable;
  elections: ElectionTable;
  candidates: CandidateTable;
  election_voters: ElectionVoterTable;
  ballots: BallotTable;
  outbox: OutboxTable;
  applications: ApplicationTable;
  application_steps: ApplicationStepTable;
  application_documents: ApplicationDocumentTable;
  application_status_links: ApplicationStatusLinkTable;
  officer_invitations: OfficerInvitationTable;
  membership_periods: MembershipPeriodTable;
  invoices: InvoiceTable;
  invoice_numbers: InvoiceNumberTable;
  fee_schedules: FeeScheduleTable;
  scheduled_job_runs: ScheduledJobRunTable;
}
