import { Type, type Static } from 'typebox';
import { CANDIDATE_STATUSES } from '../../core/governance';
import { IsoDate, Names, Nullable, Slug, Id } from '../http/common-schemas';
import { GovernmentRef, PersonRef, Texts, TermSummary } from '../governance/schemas';

const Instant = Type.String({ format: 'date-time', description: 'UTC instant (ISO 8601)' });

export const ElectionPhase = Type.Enum([
  'upcoming',
  'nominations',
  'between',
  'voting',
  'closed',
] as const);

export const Windows = {
  nominationsOpen: Instant,
  nominationsClose: Instant,
  votingOpen: Instant,
  votingClose: Instant,
};

export const CandidateIneligibility = Type.Enum([
  'not-full-member',
  'not-in-good-standing',
  'other-region',
  'no-political-leader',
  'leader-not-in-office',
  'code-of-honour-not-accepted',
  'endorsement-missing',
] as const);

/** Why the viewer cannot vote: a code the pages translate. */
export const CannotVoteReason = Type.Enum([
  'not-full-member',
  'not-in-good-standing',
  'other-region',
  'not-signed-in',
  'administrator',
  'not-an-officer',
  'already-voted',
  'voting-not-open',
  'voting-closed',
] as const);
export type CannotVoteReason = Static<typeof CannotVoteReason>;

export const Candidate = Type.Object({
  id: Type.Integer(),
  government: GovernmentRef,
  person: PersonRef,
  /** The leader's position at the government (mayor, vice-mayor …), if held today. */
  title: Nullable(Type.String()),
  statement: Names,
  hasEndorsement: Type.Boolean(),
  endorsementUrl: Nullable(Type.String()),
  codeOfHonourAcceptedAt: Nullable(Instant),
  status: Type.Enum(CANDIDATE_STATUSES),
  /** Reasons the candidacy is not (yet) eligible; empty when it is. */
  ineligibility: Type.Array(CandidateIneligibility),
});
export type Candidate = Static<typeof Candidate>;

export const CandidateResult = Type.Object({
  candidateId: Type.Integer(),
  votes: Type.Integer(),
  rank: Type.Integer(),
  elected: Type.Boolean(),
  tied: Type.Boolean(),
});
export const ElectionResult = Type.Object({
  seats: Type.Integer(),
  ballots: Type.Integer(),
  blankBallots: Type.Integer(),
  /** Ballots that fail the ballot rules: set aside, they count for nobody. */
  invalidBallots: Type.Integer(),
  candidates: Type.Array(CandidateResult),
  elected: Type.Array(Type.Integer()),
  tieAtCutoff: Type.Boolean(),
  seatsUndecided: Type.Integer(),
  /** Counted now from the stored ballots; every request re-runs the count. */
  countedAt: Instant,
});
export type ElectionResult = Static<typeof ElectionResult>;

export const ElectionSummary = Type.Object({
  id: Type.Integer(),
  body: Type.Object({ slug: Slug, names: Names }),
  title: Names,
  seats: Type.Integer(),
  termLabel: Type.String(),
  termStartsOn: IsoDate,
  termEndsOn: IsoDate,
  ...Windows,
  phase: ElectionPhase,
  filledTerm: Nullable(TermSummary),
  /**
   * Incremented by every change of the election's own record: its settings and windows, and
   * the filling of its seats (also the ETag); send it back as If-Match. Candidacies and ballots
   * change on their own and do not count.
   */
  version: Type.Integer(),
});
export type ElectionSummary = Static<typeof ElectionSummary>;

export const Election = Type.Object({
  ...ElectionSummary.properties,
  candidates: Type.Array(Candidate),
  /** Eligible voting members and how many have voted (never who chose whom). */
  eligibleVoters: Type.Integer(),
  votesCast: Type.Integer(),
  viewer: Type.Object({
    canManage: Type.Boolean(),
    /** The viewer's government, when they are its officer. */
    governmentId: Nullable(Type.Integer()),
    canVote: Type.Boolean(),
    hasVoted: Type.Boolean(),
    /** Why the viewer cannot vote, when they cannot. */
    votedOn: Nullable(IsoDate),
    cannotVoteReason: Nullable(CannotVoteReason),
  }),
});
export type Election = Static<typeof Election>;

export const ElectionCreate = Type.Object(
  {
    body: Slug,
    title: Texts,
    seats: Type.Integer({ minimum: 1, maximum: 50 }),
    termLabel: Type.String({ minLength: 1, maxLength: 40 }),
    termStartsOn: IsoDate,
    termEndsOn: IsoDate,
    ...Windows,
  },
  { additionalProperties: false },
);
export type ElectionCreate = Static<typeof ElectionCreate>;
export const ElectionPatch = Type.Partial(
  Type.Object({
    title: Texts,
    seats: Type.Integer({ minimum: 1, maximum: 50 }),
    termLabel: Type.String({ minLength: 1, maxLength: 40 }),
    termStartsOn: IsoDate,
    termEndsOn: IsoDate,
    ...Windows,
  }),
  { additionalProperties: false },
);
export type ElectionPatch = Static<typeof ElectionPatch>;

export const CandidateCreate = Type.Object(
  {
    governmentId: Id,
    personId: Id,
    statement: Type.Optional(Names),
    codeOfHonourAccepted: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CandidateCreate = Static<typeof CandidateCreate>;

export const BallotCast = Type.Object(
  { choices: Type.Array(Id, { maxItems: 50 }) },
  { additionalProperties: false },
);
export type BallotCast = Static<typeof BallotCast>;

export const VoterRow = Type.Object({
  government: GovernmentRef,
  eligible: Type.Boolean(),
  reason: Nullable(Type.String()),
  votedOn: Nullable(IsoDate),
});
export const VoterRegister = Type.Object({ items: Type.Array(VoterRow) });

export const FillRequest = Type.Object(
  {
    /** When the count ends in a tie across the last seat: the candidates chosen (by lot, per the rules) for the undecided seats. */
    tieWinners: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type FillRequest = Static<typeof FillRequest>;

export const ElectionList = Type.Object({ items: Type.Array(ElectionSummary) });
export const ElectionQuery = Type.Object({ body: Type.Optional(Slug) });
export type ElectionQuery = Static<typeof ElectionQuery>;
/** What a voter gets back: the day the register records, and nothing about the choices. */
export const BallotReceipt = Type.Object({ votedOn: IsoDate });
export type BallotReceipt = Static<typeof BallotReceipt>;
export type VoterRegister = Static<typeof VoterRegister>;
