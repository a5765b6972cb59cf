/** Types of the elections API's payloads, taken from the server's TypeBox schemas (types only). */
import type { Static } from 'typebox';
import type {
  BallotCast as BallotCastSchema,
  BallotReceipt as BallotReceiptSchema,
  Candidate as CandidateSchema,
  CandidateCreate as CandidateCreateSchema,
  CandidateIneligibility as CandidateIneligibilitySchema,
  Election as ElectionSchema,
  ElectionCreate as ElectionCreateSchema,
  ElectionList as ElectionListSchema,
  ElectionPatch as ElectionPatchSchema,
  ElectionPhase as ElectionPhaseSchema,
  ElectionResult as ElectionResultSchema,
  ElectionSummary as ElectionSummarySchema,
  FillRequest as FillRequestSchema,
  VoterRegister as VoterRegisterSchema,
  VoterRow as VoterRowSchema,
} from '../../server/elections/schemas';
import type {
  Body as BodySchema,
  BodySummary as BodySummarySchema,
} from '../../server/governance/schemas';

export type Election = Static<typeof ElectionSchema>;
export type ElectionSummary = Static<typeof ElectionSummarySchema>;
export type ElectionList = Static<typeof ElectionListSchema>;
export type BallotReceipt = Static<typeof BallotReceiptSchema>;
export type ElectionCreate = Static<typeof ElectionCreateSchema>;
export type ElectionPatch = Static<typeof ElectionPatchSchema>;
export type ElectionPhase = Static<typeof ElectionPhaseSchema>;
export type ElectionResult = Static<typeof ElectionResultSchema>;
export type Candidate = Static<typeof CandidateSchema>;
export type CandidateCreate = Static<typeof CandidateCreateSchema>;
export type CandidateIneligibility = Static<typeof CandidateIneligibilitySchema>;
export type BallotCast = Static<typeof BallotCastSchema>;
export type VoterRegister = Static<typeof VoterRegisterSchema>;
export type VoterRow = Static<typeof VoterRowSchema>;
export type FillRequest = Static<typeof FillRequestSchema>;
export type Body = Static<typeof BodySchema>;
export type BodySummary = Static<typeof BodySummarySchema>;
export type CandidateResultRow = ElectionResult['candidates'][number];

export const ELECTION_PHASES: readonly ElectionPhase[] = [
  'upcoming',
  'nominations',
  'between',
  'voting',
  'closed',
];

export const CANDIDATE_INELIGIBILITIES: readonly CandidateIneligibility[] = [
  'not-full-member',
  'not-in-good-standing',
  'other-region',
  'no-political-leader',
  'leader-not-in-office',
  'code-of-honour-not-accepted',
  'endorsement-missing',
];

/** Why a member may not vote, as the voter register gives it. */
export const VOTER_INELIGIBILITIES = [
  'not-full-member',
  'not-in-good-standing',
  'other-region',
] as const;

/** Why the viewer cannot vote here (Election.viewer.cannotVoteReason): the above and these. */
export const CANNOT_VOTE_REASONS = [
  ...VOTER_INELIGIBILITIES,
  'not-signed-in',
  'administrator',
  'not-an-officer',
  'already-voted',
  'voting-not-open',
  'voting-closed',
] as const;

export const CANDIDATE_STATUSES: readonly Candidate['status'][] = ['nominated', 'withdrawn'];
