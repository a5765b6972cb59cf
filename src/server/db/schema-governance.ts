/**
 * Row types of the governance tables (bodies, terms, seats and their history, meetings, agenda,
 * invitations, the attendance register, motions and votes; migration 0003 and later), as Kysely
 * sees them; schema.ts gathers them into Database.
 */
import type { Generated } from 'kysely';
import type {
  AgendaKind,
  AttendanceMode,
  BodyKind,
  CalendarRole,
  Capacity,
  InvitationReply,
  MajorityRule,
  MeetingFormat,
  MeetingStatus,
  MotionKind,
  MotionStatus,
  SeatEventKind,
  SeatPosition,
  VoteChoice,
} from '../../core/governance';

export interface BodyTable {
  id: Generated<number>;
  slug: string;
  kind: BodyKind;
  region_id: number | null;
  /** JSON object by language tag. */
  names: string;
  description: string;
  quorum_numerator: number;
  quorum_denominator: number;
  quorum_strict: number;
  proxies_count: number;
  max_principals_per_proxy: number;
  majority_rule: MajorityRule;
  term_years: number;
  sort_order: number;
  is_demo: number;
  /** Incremented by every change of the record (migration 0004): an If-Match names it. */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface BodyTermTable {
  id: Generated<number>;
  body_id: number;
  label: string;
  starts_on: string;
  ends_on: string;
  created_at: string;
}

export interface SeatTable {
  id: Generated<number>;
  term_id: number;
  government_id: number;
  person_id: number | null;
  position: SeatPosition;
  portfolio: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
  /** Incremented by every change (the ETag); If-Match refuses a stale copy. */
  version: Generated<number>;
}

export interface SeatEventTable {
  id: Generated<number>;
  seat_id: number;
  at: string;
  kind: SeatEventKind;
  person_id: number | null;
  position: SeatPosition | null;
  portfolio: string | null;
  actor_label: string;
}

export interface MeetingTable {
  id: Generated<number>;
  uid: string;
  body_id: number | null;
  term_id: number | null;
  /** JSON object by language tag. */
  title: string;
  format: MeetingFormat;
  status: MeetingStatus;
  /** UTC instants (ISO 8601); the zone says how to show them. */
  starts_at: string;
  ends_at: string;
  time_zone: string;
  venue: string | null;
  join_url: string | null;
  minutes_html: string | null;
  sequence: number;
  closed_at: string | null;
  is_demo: number;
  /** Incremented by every change of the record (migration 0004): an If-Match names it. */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  parent_id: number | null;
  position: number;
  kind: AgendaKind;
  /** JSON object by language tag. */
  title: string;
  duration_minutes: number | null;
  notes: string | null;
}

export interface AgendaSpeakerTable {
  id: Generated<number>;
  agenda_item_id: number;
  person_id: number | null;
  name: string | null;
  /** As it was entered. */
  role: string | null;
  /** JSON object: the role by language tag (migration 0022); '{}' when none. */
  roles: Generated<string>;
  position: number;
}

export interface InvitationTable {
  id: Generated<number>;
  meeting_id: number;
  seat_id: number | null;
  government_id: number | null;
  person_id: number | null;
  name: string;
  email: string | null;
  role: CalendarRole;
  reply: InvitationReply;
  proxy_person_id: number | null;
  proxy_name: string | null;
  proxy_email: string | null;
  comment: string | null;
  invited_at: string;
  replied_at: string | null;
  /** Incremented by every change (the ETag); If-Match refuses a stale copy. */
  version: Generated<number>;
}

export interface AttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  government_id: number | null;
  person_id: number | null;
  name: string;
  capacity: Capacity;
  principal_person_id: number | null;
  principal_name: string | null;
  mode: AttendanceMode;
  present: number;
  recorded_at: string;
  /** Incremented by every change (the ETag); If-Match refuses a stale copy. */
  version: Generated<number>;
}

export interface MotionTable {
  id: Generated<number>;
  meeting_id: number;
  agenda_item_id: number | null;
  kind: MotionKind;
  /** JSON object by language tag. */
  text: string;
  majority_rule: MajorityRule;
  status: MotionStatus;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  votes_absent: number | null;
  quorum_present: number | null;
  quorum_required: number | null;
  decided_at: string | null;
  created_at: string;
}

export interface MotionVoteTable {
  id: Generated<number>;
  motion_id: number;
  seat_id: number;
  government_id: number;
  choice: VoteChoice;
  cast_by: string | null;
}
