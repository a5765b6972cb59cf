/** Small election payloads for the unit tests, with only what each test changes spelled out. */
import type { Candidate, Election, ElectionResult } from './types';

export function candidate(id: number, patch: Partial<Candidate> = {}): Candidate {
  return {
    id,
    government: {
      id: id * 10,
      slug: `city-${id}`,
      names: { en: `City ${id}` },
      localLang: 'en',
      country: 'KR',
    },
    person: { id: id * 100, fullName: `Mayor ${id}`, names: { en: `Mayor ${id}` } },
    title: 'mayor',
    statement: {},
    hasEndorsement: true,
    endorsementUrl: null,
    codeOfHonourAcceptedAt: '2025-03-02T00:00:00.000Z',
    status: 'nominated',
    ineligibility: [],
    ...patch,
  };
}

export function result(patch: Partial<ElectionResult> = {}): ElectionResult {
  return {
    seats: 2,
    ballots: 0,
    blankBallots: 0,
    invalidBallots: 0,
    candidates: [],
    elected: [],
    tieAtCutoff: false,
    seatsUndecided: 0,
    countedAt: '2025-04-08T00:00:00.000Z',
    ...patch,
  };
}

export function election(patch: Partial<Election> = {}): Election {
  return {
    id: 1,
    body: { slug: 'east-asia-rexcom', names: { en: 'East Asia Executive Committee' } },
    title: { en: 'Election 2025' },
    seats: 2,
    termLabel: '2025–2028',
    termStartsOn: '2025-05-01',
    termEndsOn: '2028-04-30',
    nominationsOpen: '2025-03-01T00:00:00.000Z',
    nominationsClose: '2025-03-15T00:00:00.000Z',
    votingOpen: '2025-04-01T00:00:00.000Z',
    votingClose: '2025-04-08T00:00:00.000Z',
    phase: 'upcoming',
    filledTerm: null,
    version: 1,
    candidates: [],
    eligibleVoters: 0,
    votesCast: 0,
    viewer: {
      canManage: false,
      governmentId: null,
      canVote: false,
      hasVoted: false,
      votedOn: null,
      cannotVoteReason: null,
    },
    ...patch,
  };
}
