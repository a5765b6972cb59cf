import { Type, type Static } from 'typebox';
import {
  AGENDA_KINDS,
  ATTENDANCE_MODES,
  BODY_KINDS,
  INVITATION_REPLIES,
  MAJORITY_RULES,
  MEETING_FORMATS,
  MEETING_STATUSES,
  MOTION_STATUSES,
  SEAT_EVENT_KINDS,
  SEAT_POSITIONS,
  VOTE_CHOICES,
} from '../../core/governance';
import { FileInfo } from '../files/schemas';
import {
  IsoDate,
  Names,
  Nullable,
  Page,
  PageQuery,
  Slug,
  Id,
  SortOrder,
  Attribution,
} from '../http/common-schemas';

export const BodyKind = Type.Enum(BODY_KINDS);
export const SeatPosition = Type.Enum(SEAT_POSITIONS);
export const MeetingFormat = Type.Enum(MEETING_FORMATS);
export const MeetingStatus = Type.Enum(MEETING_STATUSES);
export const AgendaKind = Type.Enum(AGENDA_KINDS);
export const InvitationReply = Type.Enum(INVITATION_REPLIES);
export const MajorityRule = Type.Enum(MAJORITY_RULES);
export const MotionKind = Type.Enum(['substantive', 'adjournment'] as const);
export const MotionStatus = Type.Enum(MOTION_STATUSES);
export const VoteChoice = Type.Enum(VOTE_CHOICES);
export const Capacity = Type.Enum(['own-right', 'proxy', 'adviser'] as const);
export const AttendanceMode = Type.Enum(ATTENDANCE_MODES);
export const CalendarRole = Type.Enum([
  'CHAIR',
  'REQ-PARTICIPANT',
  'OPT-PARTICIPANT',
  'NON-PARTICIPANT',
] as const);
export const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone, e.g. Asia/Seoul',
});
/** A wall-clock time in the meeting's zone, without offset. */
export const LocalDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$',
  description: 'YYYY-MM-DDTHH:mm, local time in timeZone',
});
const Instant = Type.String({ format: 'date-time', description: 'UTC instant (ISO 8601)' });
/** Multilingual text: at least one language. */
export const Texts = Type.Record(
  Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$' }),
  Type.String({ minLength: 1, maxLength: 2000 }),
  // Keys that are not language tags are refused, not passed through unchecked.
  { description: 'Text by BCP 47 language tag', minProperties: 1, additionalProperties: false },
);

export const GovernmentRef = Type.Object({
  id: Type.Integer(),
  slug: Slug,
  names: Names,
  localLang: Type.String(),
  country: Type.String(),
});
export type GovernmentRef = Static<typeof GovernmentRef>;
export const PersonRef = Type.Object({ id: Type.Integer(), fullName: Type.String(), names: Names });
export type PersonRef = Static<typeof PersonRef>;

// ---------------------------------------------------------------- bodies, terms, seats

export const QuorumRuleSchema = Type.Object({
  numerator: Type.Integer({ minimum: 1, maximum: 99 }),
  denominator: Type.Integer({ minimum: 1, maximum: 100 }),
  strict: Type.Boolean({ description: 'true: more than the fraction; false: at least' }),
  proxiesCount: Type.Boolean({ description: 'governments present through a proxy count' }),
});

export const BodyRules = Type.Object({
  quorum: QuorumRuleSchema,
  maxPrincipalsPerProxy: Type.Integer({ minimum: 1, maximum: 10 }),
  majorityRule: MajorityRule,
  termYears: Type.Integer({ minimum: 1, maximum: 10 }),
});

/** A change to some of the rules: anything left out stays as it is. */
export const BodyRulesPatch = Type.Partial(
  Type.Object({
    quorum: Type.Partial(QuorumRuleSchema, { additionalProperties: false }),
    maxPrincipalsPerProxy: Type.Integer({ minimum: 1, maximum: 10 }),
    majorityRule: MajorityRule,
    termYears: Type.Integer({ minimum: 1, maximum: 10 }),
  }),
  { additionalProperties: false },
);
export type BodyRulesPatch = Static<typeof BodyRulesPatch>;

export const TermSummary = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  seatCount: Type.Integer(),
});
export type TermSummary = Static<typeof TermSummary>;

export const Seat = Type.Object({
  id: Type.Integer(),
  termId: Type.Integer(),
  government: GovernmentRef,
  person: Nullable(PersonRef),
  position: SeatPosition,
  portfolio: Nullable(Type.String()),
  voting: Type.Boolean(),
  sortOrder: Type.Integer(),
  /**
   * Incremented by every change of the seat's representative, position, portfolio and order
   * (the ETag of its change's answer): send it back as If-Match.
   */
  version: Type.Integer(),
});
export type Seat = Static<typeof Seat>;

export const BodySummary = Type.Object({
  id: Type.Integer(),
  slug: Slug,
  kind: BodyKind,
  names: Names,
  region: Nullable(Slug),
  currentTerm: Nullable(TermSummary),
  /**
   * The zone its meetings default to: its secretariat's (the regional secretariat's, the world
   * secretariat's for a body of the whole network); null when that office has none.
   */
  timeZone: Nullable(TimeZone),
  isDemo: Type.Boolean(),
});
export type BodySummary = Static<typeof BodySummary>;

export const Body = Type.Object({
  ...BodySummary.properties,
  description: Names,
  rules: BodyRules,
  /** Seats of the current term (the term running today, else the latest). */
  seats: Type.Array(Seat),
  terms: Type.Array(TermSummary),
  /**
   * Incremented by every change of the body's names, description and rules (also the ETag):
   * send it back as If-Match. Terms and seats change on their own and do not count.
   */
  version: Type.Integer(),
});
export type Body = Static<typeof Body>;

export const BodyCreate = Type.Object(
  {
    slug: Slug,
    kind: BodyKind,
    names: Names,
    region: Type.Optional(Nullable(Slug)),
    description: Type.Optional(Names),
    rules: Type.Optional(BodyRulesPatch),
  },
  { additionalProperties: false },
);
export type BodyCreate = Static<typeof BodyCreate>;
export const BodyPatch = Type.Partial(
  Type.Object({ names: Names, description: Names, rules: BodyRulesPatch }),
  { additionalProperties: false },
);
export type BodyPatch = Static<typeof BodyPatch>;

export const Term = Type.Object({ ...TermSummary.properties, seats: Type.Array(Seat) });
export type Term = Static<typeof Term>;
export const TermCreate = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 40 }), startsOn: IsoDate, endsOn: IsoDate },
  { additionalProperties: false },
);
export type TermCreate = Static<typeof TermCreate>;

export const SeatCreate = Type.Object(
  {
    governmentId: Id,
    personId: Type.Optional(Nullable(Id)),
    position: SeatPosition,
    portfolio: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 80 }))),
    sortOrder: Type.Optional(SortOrder),
  },
  { additionalProperties: false },
);
export type SeatCreate = Static<typeof SeatCreate>;
export const SeatPatch = Type.Partial(
  Type.Object({
    personId: Nullable(Id),
    position: SeatPosition,
    portfolio: Nullable(Type.String({ minLength: 1, maxLength: 80 })),
    sortOrder: SortOrder,
  }),
  { additionalProperties: false },
);
export type SeatPatch = Static<typeof SeatPatch>;

export const SeatEvent = Type.Object({
  at: Instant,
  kind: Type.Enum(SEAT_EVENT_KINDS),
  person: Nullable(PersonRef),
  position: Nullable(SeatPosition),
  portfolio: Nullable(Type.String()),
  actor: Attribution,
});
export const SeatHistory = Type.Object({
  seat: Seat,
  term: TermSummary,
  events: Type.Array(SeatEvent),
  /** The same government's seats on this body in every term, newest first. */
  terms: Type.Array(Type.Object({ term: TermSummary, seat: Seat })),
});
export type SeatHistory = Static<typeof SeatHistory>;

// ---------------------------------------------------------------- meetings

export const Speaker = Type.Object({
  person: Nullable(PersonRef),
  name: Nullable(Type.String()),
  /** As it was entered. */
  role: Nullable(Type.String()),
  /** The role by language tag; `{}` when none is translated. */
  roles: Names,
});
export const SpeakerInput = Type.Object(
  {
    personId: Type.Optional(Nullable(Id)),
    name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    role: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    roles: Type.Optional(Names),
  },
  { additionalProperties: false },
);

export const AgendaItem = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  /** 1, 2, 2.1 … */
  number: Type.String(),
  depth: Type.Integer(),
  kind: AgendaKind,
  title: Names,
  durationMinutes: Nullable(Type.Integer()),
  notes: Nullable(Type.String()),
  speakers: Type.Array(Speaker),
  /** The running clock: when the item is planned to start and end. */
  plannedStart: Instant,
  plannedEnd: Instant,
});
export type AgendaItem = Static<typeof AgendaItem>;

export interface AgendaItemInputType {
  kind: Static<typeof AgendaKind>;
  title: Record<string, string>;
  durationMinutes?: number | null;
  notes?: string | null;
  speakers?: Static<typeof SpeakerInput>[];
  children?: AgendaItemInputType[];
}
const agendaItemFields = {
  kind: AgendaKind,
  title: Texts,
  durationMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1440 }))),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  speakers: Type.Optional(Type.Array(SpeakerInput, { maxItems: 20 })),
};
/** Agenda items nest up to three levels (item, sub-item, sub-sub-item). */
const Leaf = Type.Object(agendaItemFields, { additionalProperties: false });
const Level2 = Type.Object(
  { ...agendaItemFields, children: Type.Optional(Type.Array(Leaf, { maxItems: 50 })) },
  { additionalProperties: false },
);
export const AgendaItemInput = Type.Object(
  { ...agendaItemFields, children: Type.Optional(Type.Array(Level2, { maxItems: 50 })) },
  { additionalProperties: false },
);
export const AgendaPut = Type.Object(
  { items: Type.Array(AgendaItemInput, { maxItems: 100 }) },
  { additionalProperties: false },
);
export type AgendaPut = Static<typeof AgendaPut>;

export const Invitation = Type.Object({
  id: Type.Integer(),
  seatId: Nullable(Type.Integer()),
  government: Nullable(GovernmentRef),
  person: Nullable(PersonRef),
  name: Type.String(),
  email: Nullable(Type.String()),
  role: CalendarRole,
  reply: InvitationReply,
  proxy: Nullable(
    Type.Object({
      person: Nullable(PersonRef),
      name: Type.String(),
      email: Nullable(Type.String()),
    }),
  ),
  comment: Nullable(Type.String()),
  invitedAt: Instant,
  repliedAt: Nullable(Instant),
  /**
   * Incremented by every change of the invitation: a reply, or its seat removed (the ETag of
   * the reply's answer). Send it back as If-Match with a reply.
   */
  version: Type.Integer(),
});
export type Invitation = Static<typeof Invitation>;

export const InviteRequest = Type.Object(
  {
    /** Invite every seat of the meeting's term (default true for a body's meeting). */
    seats: Type.Optional(Type.Boolean()),
    /** Others: secretariat staff, guests, advisory members without a seat. */
    guests: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            email: Type.String({ format: 'email', maxLength: 254 }),
            role: Type.Optional(CalendarRole),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type InviteRequest = Static<typeof InviteRequest>;

export const ReplyRequest = Type.Object(
  {
    reply: InvitationReply,
    proxyPersonId: Type.Optional(Nullable(Id)),
    proxyName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    proxyEmail: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type ReplyRequest = Static<typeof ReplyRequest>;

export const Attendance = Type.Object({
  id: Type.Integer(),
  government: Nullable(GovernmentRef),
  person: Nullable(PersonRef),
  name: Type.String(),
  capacity: Capacity,
  principal: Nullable(Type.Object({ person: Nullable(PersonRef), name: Type.String() })),
  mode: AttendanceMode,
  present: Type.Boolean(),
  recordedAt: Instant,
  /**
   * Incremented by every change of the entry (present or gone, in person or online): send it
   * back as If-Match. A change's answer is the meeting, with this version as its ETag.
   */
  version: Type.Integer(),
});
export type Attendance = Static<typeof Attendance>;

export const AttendanceCreate = Type.Object(
  {
    governmentId: Type.Optional(Nullable(Id)),
    personId: Type.Optional(Nullable(Id)),
    name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    capacity: Capacity,
    principalPersonId: Type.Optional(Nullable(Id)),
    principalName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    mode: AttendanceMode,
    present: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AttendanceCreate = Static<typeof AttendanceCreate>;
export const AttendancePatch = Type.Partial(
  Type.Object({ present: Type.Boolean(), mode: AttendanceMode }),
  { additionalProperties: false },
);
export type AttendancePatch = Static<typeof AttendancePatch>;

export const Quorum = Type.Object({
  votingSeats: Type.Integer(),
  required: Type.Integer(),
  present: Type.Integer(),
  reached: Type.Boolean(),
  /** Governments counted towards quorum. */
  counted: Type.Array(Type.Integer()),
  notCounted: Type.Array(
    Type.Object({
      governmentId: Type.Integer(),
      reason: Type.Enum(['absent', 'proxy-not-counted', 'advisory', 'adviser-only'] as const),
    }),
  ),
  rule: QuorumRuleSchema,
});
export type Quorum = Static<typeof Quorum>;

export const Vote = Type.Object({
  seatId: Type.Integer(),
  government: GovernmentRef,
  choice: VoteChoice,
  castBy: Nullable(Type.String()),
});
export const Motion = Type.Object({
  id: Type.Integer(),
  agendaItemId: Nullable(Type.Integer()),
  kind: MotionKind,
  text: Names,
  majorityRule: MajorityRule,
  status: MotionStatus,
  tally: Nullable(
    Type.Object({
      for: Type.Integer(),
      against: Type.Integer(),
      abstain: Type.Integer(),
      absent: Type.Integer(),
      quorumPresent: Type.Integer(),
      quorumRequired: Type.Integer(),
    }),
  ),
  votes: Type.Array(Vote),
  decidedAt: Nullable(Instant),
});
export type Motion = Static<typeof Motion>;
export const MotionCreate = Type.Object(
  {
    kind: MotionKind,
    text: Texts,
    agendaItemId: Type.Optional(Nullable(Id)),
    majorityRule: Type.Optional(MajorityRule),
  },
  { additionalProperties: false },
);
export type MotionCreate = Static<typeof MotionCreate>;
export const DecisionRequest = Type.Object(
  {
    votes: Type.Array(
      Type.Object(
        { seatId: Id, choice: VoteChoice },
        {
          additionalProperties: false,
        },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type DecisionRequest = Static<typeof DecisionRequest>;

export { FileInfo } from '../files/schemas';

export const MeetingSummary = Type.Object({
  id: Type.Integer(),
  uid: Type.String(),
  body: Nullable(Type.Object({ slug: Slug, names: Names, kind: BodyKind })),
  title: Names,
  format: MeetingFormat,
  status: MeetingStatus,
  startsAt: Instant,
  endsAt: Instant,
  timeZone: TimeZone,
  /** Wall-clock start and end in the meeting's own zone. */
  localStart: LocalDateTime,
  localEnd: LocalDateTime,
  venue: Nullable(Type.String()),
  isDemo: Type.Boolean(),
});
export type MeetingSummary = Static<typeof MeetingSummary>;

export const Meeting = Type.Object({
  ...MeetingSummary.properties,
  term: Nullable(TermSummary),
  /** Only for administrators and invitees; null otherwise (hasJoinUrl says whether one exists). */
  joinUrl: Nullable(Type.String()),
  hasJoinUrl: Type.Boolean(),
  agenda: Type.Array(AgendaItem),
  /** Minutes past the planned end when the agenda runs long; 0 otherwise. */
  agendaOverrunMinutes: Type.Integer(),
  seats: Type.Array(Seat),
  invitations: Type.Array(Invitation),
  attendance: Type.Array(Attendance),
  quorum: Nullable(Quorum),
  motions: Type.Array(Motion),
  minutesHtml: Nullable(Type.String()),
  files: Type.Array(FileInfo),
  newsPost: Nullable(Type.Object({ slug: Slug, status: Type.String() })),
  /** What the viewer may do here. */
  viewer: Type.Object({
    canManage: Type.Boolean(),
    invitationId: Nullable(Type.Integer()),
  }),
  /**
   * Incremented by every change of what editors write in the meeting's record: its details,
   * agenda and minutes (also the ETag); send it back as If-Match. Its status, register,
   * invitations and motions change on their own and do not count.
   */
  version: Type.Integer(),
});
export type Meeting = Static<typeof Meeting>;

export const MeetingPage = Page(MeetingSummary);
export const MeetingQuery = Type.Object({
  body: Type.Optional(Slug),
  status: Type.Optional(MeetingStatus),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  sort: Type.Optional(Type.Enum(['start', '-start'] as const)),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'Words each found in the meeting’s title or its body’s name, in any language (case ignored)',
    }),
  ),
  ...PageQuery,
});
export type MeetingQuery = Static<typeof MeetingQuery>;

export const MeetingCreate = Type.Object(
  {
    body: Type.Optional(Nullable(Slug)),
    /** The body's term whose seats meet; by default the term running on the day (or the next). */
    termId: Type.Optional(Nullable(Id)),
    title: Texts,
    format: MeetingFormat,
    start: LocalDateTime,
    end: LocalDateTime,
    timeZone: TimeZone,
    venue: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    joinUrl: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 2000 }))),
    agenda: Type.Optional(Type.Array(AgendaItemInput, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type MeetingCreate = Static<typeof MeetingCreate>;
export const MeetingPatch = Type.Partial(
  Type.Object({
    title: Texts,
    format: MeetingFormat,
    start: LocalDateTime,
    end: LocalDateTime,
    timeZone: TimeZone,
    venue: Nullable(Type.String({ maxLength: 300 })),
    joinUrl: Nullable(Type.String({ format: 'uri', maxLength: 2000 })),
  }),
  { additionalProperties: false },
);
export type MeetingPatch = Static<typeof MeetingPatch>;
export const StatusRequest = Type.Object(
  {
    status: MeetingStatus,
    /**
     * Starting a meeting more than a day before its scheduled start must say so on purpose
     * (otherwise 422, code 'early-start').
     */
    acknowledgeEarlyStart: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const MinutesPut = Type.Object(
  { html: Type.String({ maxLength: 200_000 }) },
  { additionalProperties: false },
);
