/** Meetings of the governing bodies: their lifecycle, seats and invitations. */

export const MEETING_STATUSES = [
  'draft',
  'scheduled',
  'in-progress',
  'closed',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

const MEETING_MOVES: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['scheduled', 'cancelled'],
  // Back to draft lets the secretariat rework an announced meeting before it starts.
  scheduled: ['in-progress', 'cancelled', 'draft'],
  'in-progress': ['closed'],
  // Closed minutes and cancellations are part of the record and are never reopened.
  closed: [],
  cancelled: [],
};

export function canMoveMeeting(from: MeetingStatus, to: MeetingStatus): boolean {
  return MEETING_MOVES[from].includes(to);
}

export const SEAT_POSITIONS = ['chair', 'vice-chair', 'member', 'advisory'] as const;
export type SeatPosition = (typeof SEAT_POSITIONS)[number];

/** Advisory seats sit without a vote. */
export function isVotingPosition(p: SeatPosition): boolean {
  return p !== 'advisory';
}

export const BODY_KINDS = ['rexcom', 'gexcom', 'council', 'network'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const INVITATION_REPLIES = ['pending', 'attending', 'not-attending', 'proxy'] as const;
export type InvitationReply = (typeof INVITATION_REPLIES)[number];

/** How someone on the register takes part. */
export const ATTENDANCE_MODES = ['in-person', 'online'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** What happened to a seat, as its history records it. */
export const SEAT_EVENT_KINDS = ['created', 'changed', 'removed'] as const;
export type SeatEventKind = (typeof SEAT_EVENT_KINDS)[number];

export type CalendarRole = 'CHAIR' | 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'NON-PARTICIPANT';

/** The iCalendar ROLE (RFC 5545) of an invitee; no seat means an observer or the secretariat. */
export function calendarRole(position: SeatPosition | null): CalendarRole {
  switch (position) {
    case 'chair':
      return 'CHAIR';
    case 'vice-chair':
    case 'member':
      return 'REQ-PARTICIPANT';
    case 'advisory':
      return 'OPT-PARTICIPANT';
    case null:
      return 'NON-PARTICIPANT';
  }
}

/**
 * Themes a seat commonly leads (PRODUCT.md names these). A seat's portfolio is free text; one
 * of these slugs is shown by its translated name, anything else as written.
 */
export const KNOWN_PORTFOLIOS = [
  'circular-development',
  'low-carbon-development',
  'resilience',
  'clean-air',
  'sustainable-mobility',
  'nature-based-development',
  'equitable-development',
] as const;
export type KnownPortfolio = (typeof KNOWN_PORTFOLIOS)[number];

export function isKnownPortfolio(value: string): value is KnownPortfolio {
  return (KNOWN_PORTFOLIOS as readonly string[]).includes(value);
}

/** Where a term stands on a day: not begun, running, or ended (its members then serve on). */
export type TermStanding = 'upcoming' | 'running' | 'ended';

/** The standing of a term (dates as ISO days, inclusive) on the given day. */
export function termStanding(
  term: { startsOn: string; endsOn: string },
  day: string,
): TermStanding {
  if (day < term.startsOn) return 'upcoming';
  if (day > term.endsOn) return 'ended';
  return 'running';
}
