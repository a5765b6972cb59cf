/** Types of the governance API's payloads, taken from the server's TypeBox schemas (types only). */
import type { Static } from 'typebox';
import type {
  AgendaItem as AgendaItemSchema,
  AgendaPut as AgendaPutSchema,
  Attendance as AttendanceSchema,
  AttendanceCreate as AttendanceCreateSchema,
  AttendancePatch as AttendancePatchSchema,
  Body as BodySchema,
  BodyPatch as BodyPatchSchema,
  BodySummary as BodySummarySchema,
  DecisionRequest as DecisionRequestSchema,
  FileInfo as FileInfoSchema,
  Invitation as InvitationSchema,
  InviteRequest as InviteRequestSchema,
  Meeting as MeetingSchema,
  MeetingCreate as MeetingCreateSchema,
  MeetingPage as MeetingPageSchema,
  MeetingPatch as MeetingPatchSchema,
  MeetingSummary as MeetingSummarySchema,
  Motion as MotionSchema,
  MotionCreate as MotionCreateSchema,
  Quorum as QuorumSchema,
  ReplyRequest as ReplyRequestSchema,
  Seat as SeatSchema,
  SeatCreate as SeatCreateSchema,
  SeatHistory as SeatHistorySchema,
  SeatPatch as SeatPatchSchema,
  Term as TermSchema,
  TermCreate as TermCreateSchema,
  TermSummary as TermSummarySchema,
  GovernmentRef as GovernmentRefSchema,
  PersonRef as PersonRefSchema,
} from '../../server/governance/schemas';
import type { FilePatch as FilePatchSchema } from '../../server/news/schemas';

export type BodySummary = Static<typeof BodySummarySchema>;
export type Body = Static<typeof BodySchema>;
export type BodyPatch = Static<typeof BodyPatchSchema>;
export type BodyRules = Body['rules'];
export type QuorumRule = BodyRules['quorum'];
export type Term = Static<typeof TermSchema>;
export type TermSummary = Static<typeof TermSummarySchema>;
export type TermCreate = Static<typeof TermCreateSchema>;
export type Seat = Static<typeof SeatSchema>;
export type SeatCreate = Static<typeof SeatCreateSchema>;
export type SeatPatch = Static<typeof SeatPatchSchema>;
export type SeatHistory = Static<typeof SeatHistorySchema>;
export type SeatEvent = SeatHistory['events'][number];
export type GovernmentRef = Static<typeof GovernmentRefSchema>;
export type PersonRef = Static<typeof PersonRefSchema>;

export type MeetingSummary = Static<typeof MeetingSummarySchema>;
export type Meeting = Static<typeof MeetingSchema>;
export type MeetingPage = Static<typeof MeetingPageSchema>;
export type MeetingCreate = Static<typeof MeetingCreateSchema>;
export type MeetingPatch = Static<typeof MeetingPatchSchema>;
export type AgendaItem = Static<typeof AgendaItemSchema>;
export type AgendaPut = Static<typeof AgendaPutSchema>;
export type AgendaItemInput = AgendaPut['items'][number];
export type Speaker = AgendaItem['speakers'][number];
export type Invitation = Static<typeof InvitationSchema>;
export type InviteRequest = Static<typeof InviteRequestSchema>;
export type ReplyRequest = Static<typeof ReplyRequestSchema>;
export type Attendance = Static<typeof AttendanceSchema>;
export type AttendanceCreate = Static<typeof AttendanceCreateSchema>;
export type AttendancePatch = Static<typeof AttendancePatchSchema>;
export type Quorum = Static<typeof QuorumSchema>;
export type Motion = Static<typeof MotionSchema>;
export type MotionCreate = Static<typeof MotionCreateSchema>;
export type DecisionRequest = Static<typeof DecisionRequestSchema>;
export type FileInfo = Static<typeof FileInfoSchema>;
export type FilePatch = Static<typeof FilePatchSchema>;

export type MeetingStatus = MeetingSummary['status'];
export type MeetingFormat = MeetingSummary['format'];
export type BodyKind = BodySummary['kind'];
export type SeatPosition = Seat['position'];
export type AgendaKind = AgendaItem['kind'];
export type InvitationReply = Invitation['reply'];
export type Capacity = Attendance['capacity'];
export type AttendanceMode = Attendance['mode'];
export type MajorityRule = BodyRules['majorityRule'];
export type MotionKind = Motion['kind'];
export type MotionStatus = Motion['status'];
export type VoteChoice = Motion['votes'][number]['choice'];
export type NotCountedReason = Quorum['notCounted'][number]['reason'];
export type SeatEventKind = SeatEvent['kind'];

/** The small vocabularies the pages label; the server's schemas hold the same lists. */
export const CAPACITIES = ['own-right', 'proxy', 'adviser'] as const satisfies readonly Capacity[];
export const ATTENDANCE_MODES = [
  'in-person',
  'online',
] as const satisfies readonly AttendanceMode[];
export const MOTION_KINDS = ['substantive', 'adjournment'] as const satisfies readonly MotionKind[];
export const MOTION_STATUSES = [
  'open',
  'carried',
  'failed',
  'withdrawn',
] as const satisfies readonly MotionStatus[];
export const NOT_COUNTED_REASONS = [
  'absent',
  'proxy-not-counted',
  'advisory',
  'adviser-only',
] as const satisfies readonly NotCountedReason[];
export const SEAT_EVENT_KINDS = [
  'created',
  'changed',
  'removed',
] as const satisfies readonly SeatEventKind[];
export const FILE_KINDS = ['document', 'photo'] as const satisfies readonly FileInfo['kind'][];
export const CALENDAR_ROLES = [
  'CHAIR',
  'REQ-PARTICIPANT',
  'OPT-PARTICIPANT',
  'NON-PARTICIPANT',
] as const satisfies readonly Invitation['role'][];
